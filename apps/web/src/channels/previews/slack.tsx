import { Box, Button, Divider, Group, SimpleGrid, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { ChatFrame } from '../../components/preview/chat-frame.tsx';
import { type Dialect, parseMarkdown } from '../../components/preview/markdown.ts';
import { arr, at, obj, str } from '../../components/preview/read-body.ts';
import { safeHref } from '../../components/preview/rich.ts';
import { BodyJson, RichBlocks } from '../../components/preview/rich-text.tsx';
import type { ChannelPreviewProps } from '../types.ts';

const MRKDWN: Dialect = { escapes: 'entities', slack: true };

/** A text object: mrkdwn is parsed, plain_text shown as it is. */
function TextObject({ value }: { value: unknown }): ReactNode {
  const text = str(at(value, 'text'));
  if (text === undefined) return null;
  if (str(at(value, 'type')) === 'mrkdwn') return <RichBlocks blocks={parseMarkdown(text, MRKDWN)} />;
  return (
    <Text inherit style={{ whiteSpace: 'pre-wrap' }}>
      {text}
    </Text>
  );
}

function SlackBlock({ block }: { block: unknown }): ReactNode {
  const b = obj(block);
  switch (str(b?.type)) {
    case 'header':
      return (
        <Text fw={800} size="lg" mb={6}>
          {str(at(b, 'text', 'text'))}
        </Text>
      );
    case 'section': {
      const fields = arr(b?.fields);
      return (
        <Box mb={4}>
          {b?.text !== undefined && <TextObject value={b.text} />}
          {fields.length > 0 && (
            <SimpleGrid cols={2} spacing="sm" verticalSpacing={4}>
              {fields.map((f, i) => (
                <Box key={i}>
                  <TextObject value={f} />
                </Box>
              ))}
            </SimpleGrid>
          )}
        </Box>
      );
    }
    case 'divider':
      return <Divider my={8} />;
    case 'context':
      return (
        <Group gap="sm" fz="xs" c="dimmed" mb={4}>
          {arr(b?.elements).map((e, i) => (
            <Box key={i}>
              <TextObject value={e} />
            </Box>
          ))}
        </Group>
      );
    case 'actions':
      return (
        <Group gap="xs" my={4}>
          {arr(b?.elements).map((e, i) => {
            const href = safeHref(str(at(e, 'url')) ?? '');
            const label = str(at(e, 'text', 'text'));
            return href ? (
              <Button
                key={i}
                component="a"
                href={href}
                target="_blank"
                rel="noopener noreferrer nofollow"
                size="compact-sm"
                variant="default"
              >
                {label}
              </Button>
            ) : (
              <Button key={i} size="compact-sm" variant="default">
                {label}
              </Button>
            );
          })}
        </Group>
      );
    default:
      return null;
  }
}

/** Slack Block Kit: header, mrkdwn sections with their fields two per row, dividers and context. */
export function SlackPreview({ body }: ChannelPreviewProps) {
  const blocks = arr(at(body, 'blocks'));
  const text = str(at(body, 'text'));
  if (blocks.length === 0 && text === undefined) return <BodyJson body={body} />;
  return (
    <ChatFrame style={{ border: 0, padding: 0, background: 'transparent' }}>
      {blocks.length > 0 ? (
        blocks.map((b, i) => <SlackBlock key={i} block={b} />)
      ) : (
        <RichBlocks blocks={parseMarkdown(text ?? '', MRKDWN)} />
      )}
    </ChatFrame>
  );
}
