import { Anchor, Box, SimpleGrid, Stack, Text } from '@mantine/core';
import { ChatFrame } from '../../components/preview/chat-frame.tsx';
import { type Dialect, parseInline, parseMarkdown } from '../../components/preview/markdown.ts';
import { arr, num, obj, str } from '../../components/preview/read-body.ts';
import { safeHref } from '../../components/preview/rich.ts';
import { BodyJson, InlineNodes, RichBlocks } from '../../components/preview/rich-text.tsx';
import { useFormatDateTime } from '../../lib/format.ts';
import type { ChannelPreviewProps } from '../types.ts';

const DISCORD: Dialect = { escapes: 'backslash', tags: 'discord' };

/** Discord's colour integer as a CSS colour (its default grey when there is none). */
export function embedColor(color: number | undefined): string {
  return color === undefined ? '#4e5058' : `#${Math.max(0, Math.min(0xffffff, color)).toString(16).padStart(6, '0')}`;
}

function Embed({ embed }: { embed: Record<string, unknown> }) {
  const formatDateTime = useFormatDateTime();
  const title = str(embed.title);
  const href = safeHref(str(embed.url) ?? '');
  const fields = arr(embed.fields).map(obj);
  const footer = str(obj(embed.footer)?.text);
  const timestamp = str(embed.timestamp);
  return (
    <Box
      p="sm"
      style={{
        borderLeft: `4px solid ${embedColor(num(embed.color))}`,
        borderRadius: 4,
        background: 'var(--mantine-color-default-hover)',
      }}
      data-embed-color={embedColor(num(embed.color))}
    >
      <Stack gap={6}>
        {title !== undefined && (
          <Text fw={700}>
            {href ? (
              <Anchor href={href} target="_blank" rel="noopener noreferrer nofollow" inherit>
                {title}
              </Anchor>
            ) : (
              title
            )}
          </Text>
        )}
        {str(embed.description) !== undefined && (
          <RichBlocks blocks={parseMarkdown(str(embed.description) ?? '', DISCORD)} />
        )}
        {fields.length > 0 && (
          <SimpleGrid cols={{ base: 1, xs: 3 }} spacing="sm" verticalSpacing={6}>
            {fields.map((f, i) => (
              <Box key={i} style={f?.inline === true ? undefined : { gridColumn: '1 / -1' }}>
                <Text size="xs" fw={700}>
                  <InlineNodes nodes={parseInline(str(f?.name) ?? '', DISCORD)} />
                </Text>
                <Text size="sm">
                  <InlineNodes nodes={parseInline(str(f?.value) ?? '', DISCORD)} />
                </Text>
              </Box>
            ))}
          </SimpleGrid>
        )}
        {(footer !== undefined || timestamp !== undefined) && (
          <Text size="xs" c="dimmed">
            {[footer, timestamp ? formatDateTime(timestamp) : undefined].filter(Boolean).join(' • ')}
          </Text>
        )}
      </Stack>
    </Box>
  );
}

/** A Discord webhook message: its mentions line, then each embed with its colour bar and inline fields. */
export function DiscordPreview({ body }: ChannelPreviewProps) {
  const b = obj(body);
  const embeds = arr(b?.embeds)
    .map(obj)
    .filter((e): e is Record<string, unknown> => e !== undefined);
  const content = str(b?.content);
  if (embeds.length === 0 && content === undefined) return <BodyJson body={body} />;
  return (
    <ChatFrame card style={{ border: 0, padding: 0, background: 'transparent' }}>
      <Stack gap={6}>
        {content !== undefined && <RichBlocks blocks={parseMarkdown(content, DISCORD)} />}
        {embeds.map((e, i) => (
          <Embed key={i} embed={e} />
        ))}
      </Stack>
    </ChatFrame>
  );
}
