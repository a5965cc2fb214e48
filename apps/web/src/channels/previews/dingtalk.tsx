import { Text } from '@mantine/core';
import { ChatFrame } from '../../components/preview/chat-frame.tsx';
import { parseMarkdown } from '../../components/preview/markdown.ts';
import { at, str } from '../../components/preview/read-body.ts';
import { BodyJson, RichBlocks } from '../../components/preview/rich-text.tsx';
import type { ChannelPreviewProps } from '../types.ts';

/** DingTalk's markdown message (values arrive as HTML entities), or a plain text one. */
export function DingtalkPreview({ body }: ChannelPreviewProps) {
  const markdown = str(at(body, 'markdown', 'text'));
  const text = str(at(body, 'text', 'content'));
  if (markdown === undefined && text === undefined) return <BodyJson body={body} />;
  return (
    <ChatFrame>
      {markdown !== undefined ? (
        <RichBlocks blocks={parseMarkdown(markdown, { escapes: 'entities' })} />
      ) : (
        <Text inherit style={{ whiteSpace: 'pre-wrap' }}>
          {text}
        </Text>
      )}
    </ChatFrame>
  );
}
