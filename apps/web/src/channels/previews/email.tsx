import { Box, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { at, str } from '../../components/preview/read-body.ts';
import { BodyJson } from '../../components/preview/rich-text.tsx';
import type { ChannelPreviewProps } from '../types.ts';

/**
 * An email: its subject, then the HTML part in a fully sandboxed frame (no scripts, no forms, no
 * same origin); a message with only a text part shows that text.
 */
export function EmailPreview({ body }: ChannelPreviewProps) {
  const { t } = useTranslation();
  const subject = str(at(body, 'subject'));
  const html = str(at(body, 'html'));
  const text = str(at(body, 'text'));
  if (subject === undefined || (html === undefined && text === undefined)) return <BodyJson body={body} />;
  return (
    <Stack
      gap={0}
      data-testid="message-preview-frame"
      style={{ border: '1px solid var(--mantine-color-default-border)', borderRadius: 8, overflow: 'hidden' }}
    >
      <Box px="sm" py={8} style={{ borderBottom: '1px solid var(--mantine-color-default-border)' }}>
        <Text size="xs" c="dimmed">
          {t('messagePreview.subject')}
        </Text>
        <Text fw={700} size="sm" style={{ overflowWrap: 'anywhere' }}>
          {subject}
        </Text>
      </Box>
      {html !== undefined ? (
        <iframe
          title={t('messagePreview.emailBody')}
          sandbox=""
          srcDoc={html}
          referrerPolicy="no-referrer"
          style={{ border: 0, width: '100%', height: 360, background: '#f4f5f7', display: 'block' }}
        />
      ) : (
        <Text size="sm" p="sm" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
          {text}
        </Text>
      )}
    </Stack>
  );
}
