import { Text } from '@mantine/core';
import { ChatFrame } from '../../components/preview/chat-frame.tsx';
import { parseMarkdown } from '../../components/preview/markdown.ts';
import { arr, at, str } from '../../components/preview/read-body.ts';
import { BodyJson, RichBlocks } from '../../components/preview/rich-text.tsx';
import type { ChannelPreviewProps } from '../types.ts';

/** WeCom's robot message: a markdown bubble (WeCom reads no escapes), or plain text naming who it mentions. */
export function WechatPreview({ body }: ChannelPreviewProps) {
  const markdown = str(at(body, 'markdown', 'content'));
  const text = str(at(body, 'text', 'content'));
  if (markdown === undefined && text === undefined) return <BodyJson body={body} />;
  const mentioned = [...arr(at(body, 'text', 'mentioned_list')), ...arr(at(body, 'text', 'mentioned_mobile_list'))];
  return (
    <ChatFrame style={{ background: 'var(--mantine-color-body)' }}>
      {markdown !== undefined ? (
        <RichBlocks blocks={parseMarkdown(markdown, { escapes: 'none', tags: 'wecom' })} />
      ) : (
        <Text inherit style={{ whiteSpace: 'pre-wrap' }}>
          {text}
          {mentioned.length > 0 && (
            <Text span inherit c="blue.9" fw={500} data-mention>
              {`\n${mentioned.map((m) => `@${String(m)}`).join(' ')}`}
            </Text>
          )}
        </Text>
      )}
    </ChatFrame>
  );
}
