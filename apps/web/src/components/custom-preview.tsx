import {
  type JsonObject,
  LOCALES,
  type Locale,
  type NotificationType,
  renderNotification,
  sampleData,
} from '@herald/core';
import { Alert, Code, Paper, Stack, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { browserTimeZone } from '../lib/format.ts';
import { trpc } from '../lib/trpc.ts';
import { NotificationTypePicker } from './notification-type-picker.tsx';
import { ScrollRegion } from './scroll-region.tsx';

type Props = {
  template: Record<string, unknown> | null;
  /** Render for this type only (no type picker); default: the user picks one. */
  type?: NotificationType | undefined;
};

/** The custom body as the server would send it, rendered here by @herald/core with sample data. */
export function CustomPreview({ template, type: fixedType }: Props) {
  const { t, i18n } = useTranslation();
  const [picked, setType] = useState<NotificationType>('circuit_breaker');
  const type = fixedType ?? picked;
  // As the server will send it: in the message language and system time zone from the settings.
  const settings = useQuery({ ...trpc.settings.get.queryOptions(), staleTime: 60_000 });
  const language = i18n.resolvedLanguage ?? i18n.language;
  const uiLocale: Locale = LOCALES.find((l) => l === language) ?? 'en';
  const locale = settings.data?.locale ?? uiLocale;
  const timezone = settings.data?.timezone ?? browserTimeZone();
  const result = useMemo(() => {
    if (!template) return null;
    try {
      const now = new Date();
      const rendered = renderNotification({
        type,
        data: sampleData(type, now),
        channel: 'custom',
        locale,
        timezone,
        now,
        customTemplate: template as JsonObject,
      });
      return { body: JSON.stringify(rendered.body, null, 2), truncated: rendered.truncated };
    } catch (error) {
      return { error: error instanceof Error ? error.message : String(error) };
    }
  }, [template, type, locale, timezone]);

  return (
    <Paper withBorder radius="md" p="sm">
      <Stack gap="xs">
        <Text fw={600}>{t('targets.preview.title')}</Text>
        {!fixedType && <NotificationTypePicker label={t('targets.preview.type')} value={type} onChange={setType} />}
        {result && 'error' in result && (
          <Alert color="red" variant="light">
            {t('targets.preview.failed', { message: result.error })}
          </Alert>
        )}
        {result && 'body' in result && (
          <>
            {result.truncated && (
              <Text size="xs" c="yellow.8">
                {t('targets.preview.truncated')}
              </Text>
            )}
            <ScrollRegion label={t('targets.preview.body')} mah={260}>
              <Code block>{result.body}</Code>
            </ScrollRegion>
          </>
        )}
      </Stack>
    </Paper>
  );
}
