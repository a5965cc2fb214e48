import { Text } from '@mantine/core';
import { ChatFrame } from '../../components/preview/chat-frame.tsx';
import { at, str } from '../../components/preview/read-body.ts';
import { BodyJson, InlineNodes } from '../../components/preview/rich-text.tsx';
import { parseTelegramHtml } from '../../components/preview/telegram-html.ts';
import type { ChannelPreviewProps } from '../types.ts';

/** A Telegram message in HTML parse mode: only Telegram's own tags format; anything else shows as text. */
export function TelegramPreview({ body }: ChannelPreviewProps) {
  const text = str(at(body, 'text'));
  if (text === undefined) return <BodyJson body={body} />;
  const html = str(at(body, 'parse_mode')) === 'HTML';
  return (
    <ChatFrame style={{ background: 'var(--mantine-color-blue-light)' }}>
      <Text inherit>
        {html ? (
          <InlineNodes nodes={parseTelegramHtml(text)} />
        ) : (
          <span style={{ whiteSpace: 'pre-wrap' }}>{text}</span>
        )}
      </Text>
    </ChatFrame>
  );
}
