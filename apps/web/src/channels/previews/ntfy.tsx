import { Button, Group, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { parseMarkdown } from '../../components/preview/markdown.ts';
import { arr, num, obj, str } from '../../components/preview/read-body.ts';
import { safeHref } from '../../components/preview/rich.ts';
import { BodyJson, RichBlocks } from '../../components/preview/rich-text.tsx';
import type { ChannelPreviewProps } from '../types.ts';

/** ntfy shows these tags as emoji before the title (its emoji list, the ones Herald sends). */
const TAG_EMOJI: Record<string, string> = {
  rotating_light: '🚨',
  warning: '⚠️',
  bar_chart: '📊',
  moneybag: '💰',
  electric_plug: '🔌',
  white_check_mark: '✅',
  repeat: '🔁',
  ice_cube: '🧊',
};

/** An ntfy notification: emoji tags and title, the markdown message, its priority and view buttons. */
export function NtfyPreview({ body }: ChannelPreviewProps) {
  const { t } = useTranslation();
  const b = obj(body);
  const message = str(b?.message);
  if (!b || message === undefined) return <BodyJson body={body} />;
  const tags = arr(b.tags).filter((x): x is string => typeof x === 'string');
  const emoji = tags.map((x) => TAG_EMOJI[x]).filter(Boolean);
  const other = tags.filter((x) => !TAG_EMOJI[x]);
  const priority = num(b.priority);
  const actions = arr(b.actions)
    .map(obj)
    .filter((a) => a && str(a.label));
  return (
    <Stack
      gap={6}
      p="sm"
      data-testid="message-preview-frame"
      style={{ border: '1px solid var(--mantine-color-default-border)', borderRadius: 12, maxWidth: 520 }}
    >
      <Group justify="space-between" wrap="nowrap" align="flex-start">
        <Text fw={700} size="sm">
          {[...emoji, str(b.title) ?? ''].join(' ').trim()}
        </Text>
        {priority !== undefined && priority !== 3 && (
          <Text size="xs" fw={700} c={priority >= 4 ? 'red.9' : 'dimmed'} style={{ flexShrink: 0 }}>
            {t('messagePreview.priority', { priority })}
          </Text>
        )}
      </Group>
      <div style={{ fontSize: 'var(--mantine-font-size-sm)', overflowWrap: 'anywhere' }}>
        {b.markdown === true ? (
          <RichBlocks blocks={parseMarkdown(message, { escapes: 'backslash' })} />
        ) : (
          <Text inherit style={{ whiteSpace: 'pre-wrap' }}>
            {message}
          </Text>
        )}
      </div>
      {other.length > 0 && (
        <Text size="xs" c="dimmed">
          {other.join(', ')}
        </Text>
      )}
      {actions.length > 0 && (
        <Group gap="xs">
          {actions.map((a) => {
            const href = safeHref(str(a?.url) ?? '');
            return (
              <Button
                key={`${str(a?.label)}${str(a?.url)}`}
                size="compact-xs"
                variant="default"
                component={href ? 'a' : 'span'}
                {...(href ? { href, target: '_blank', rel: 'noopener noreferrer nofollow' } : {})}
              >
                {str(a?.label)}
              </Button>
            );
          })}
        </Group>
      )}
    </Stack>
  );
}
