import {
  type ChannelType,
  channelOf,
  type JsonObject,
  LOCALES,
  type Locale,
  NOTIFICATION_TYPES,
  type NotificationType,
  renderNotification,
  sampleData,
} from '@herald/core';
import { Alert, Badge, Group, Paper, SegmentedControl, Select, Stack, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Component, type ReactNode, useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { channelUi, useChannelName } from '../channels/index.ts';
import { LANGUAGES } from '../i18n/languages.ts';
import { browserTimeZone } from '../lib/format.ts';
import { trpc } from '../lib/trpc.ts';
import { BodyJson } from './preview/rich-text.tsx';

/** A body a channel's preview could not draw shows as its JSON rather than breaking the page. */
class PreviewBoundary extends Component<{ fallback: ReactNode; children: ReactNode }, { failed: boolean }> {
  override state = { failed: false };
  static getDerivedStateFromError() {
    return { failed: true };
  }
  override render() {
    return this.state.failed ? this.props.fallback : this.props.children;
  }
}

type MessagePreviewProps = {
  channel: ChannelType;
  /** The exact body the server sends (or sent). */
  body: unknown;
  /** The language the message is written in. */
  locale: Locale;
  /** The body was shortened to fit the platform's limit. */
  truncated?: boolean;
};

/** The message language's own name (an endonym, like the language menu). */
const localeName = (locale: Locale) => LANGUAGES.find((l) => l.code === locale)?.name ?? locale;

/**
 * A body drawn the way the channel's app shows it (its unit's `Preview`; without one, the JSON),
 * labelled with the channel and the message language, with the exact JSON one click away.
 */
export function MessagePreview({ channel, body, locale, truncated }: MessagePreviewProps) {
  const { t } = useTranslation();
  const channelName = useChannelName();
  const [view, setView] = useState<'app' | 'json'>('app');
  const Preview = channelUi(channel).Preview;
  const json = <BodyJson body={body} />;
  return (
    <Stack gap="xs" data-testid="message-preview" data-channel={channel} data-locale={locale}>
      <Group justify="space-between" gap="xs">
        <Group gap={6}>
          <Badge variant="light" color="gray" tt="none">
            {channelName(channel)}
          </Badge>
          <Badge variant="light" color="gray" tt="none" data-testid="message-preview-language">
            {t('messagePreview.language', { language: localeName(locale) })}
          </Badge>
        </Group>
        {Preview && (
          <SegmentedControl
            size="xs"
            value={view}
            onChange={(v) => setView(v === 'json' ? 'json' : 'app')}
            data={[
              { value: 'app', label: t('messagePreview.asShown') },
              { value: 'json', label: t('messagePreview.json') },
            ]}
            aria-label={t('messagePreview.view')}
          />
        )}
      </Group>
      {truncated && (
        <Text size="xs" c="orange.9">
          {t('messagePreview.truncated')}
        </Text>
      )}
      {/* The message is data in its own language (not the UI's): marked so, and not for translation. */}
      <div lang={locale} translate="no">
        {Preview && view === 'app' ? (
          <PreviewBoundary key={JSON.stringify(body)} fallback={json}>
            <Preview body={body} />
          </PreviewBoundary>
        ) : (
          json
        )}
      </div>
    </Stack>
  );
}

/** The message language and time zone the server uses (its settings; until loaded, the UI's). */
export function useMessageLocale(): { locale: Locale; timezone: string } {
  const { i18n } = useTranslation();
  const settings = useQuery({ ...trpc.settings.get.queryOptions(), staleTime: 60_000 });
  const language = i18n.resolvedLanguage ?? i18n.language;
  const locale: Locale = settings.data?.locale ?? LOCALES.find((l) => l === language) ?? 'en';
  return { locale, timezone: settings.data?.timezone ?? browserTimeZone() };
}

type SampleProps = {
  channel: ChannelType;
  /** The target's plain settings as typed so far (a chat id, a thread); missing ones use the channel's sample. */
  config?: Record<string, unknown>;
  /** A custom target's template. */
  template?: JsonObject;
  /** Show this type's sample only (no type picker); default: the admin picks one. */
  type?: NotificationType;
};

/** A type's sample as this channel would get it, rendered here by core as the server does; the type is chosen. */
export function SampleMessagePreview({ channel, config, template, type: fixedType }: SampleProps) {
  const { t } = useTranslation();
  const id = useId();
  const [picked, setType] = useState<NotificationType>('circuit_breaker');
  const type = fixedType ?? picked;
  const { locale, timezone } = useMessageLocale();
  // The form passes a new object each render: only a changed value renders the sample again.
  const configKey = JSON.stringify(config ?? {});
  const result = useMemo(() => {
    try {
      const now = new Date();
      const given = Object.fromEntries(
        Object.entries(JSON.parse(configKey) as Record<string, unknown>).filter(([, v]) => v !== null && v !== ''),
      );
      const rendered = renderNotification({
        type,
        data: sampleData(type, now),
        channel,
        locale,
        timezone,
        now,
        config: { ...channelOf(channel).previewConfig, ...given },
        ...(template ? { customTemplate: template } : {}),
      });
      return { body: rendered.body, truncated: rendered.truncated };
    } catch (error) {
      return { error: error instanceof Error ? error.message : String(error) };
    }
  }, [channel, configKey, template, type, locale, timezone]);
  return (
    <Paper withBorder radius="md" p="sm" aria-labelledby={`${id}-title`} component="section">
      <Stack gap="xs">
        <Text fw={600} id={`${id}-title`}>
          {t('messagePreview.title')}
        </Text>
        {!fixedType && (
          <Select
            label={t('messagePreview.type')}
            value={type}
            allowDeselect={false}
            onChange={(v) => v && setType(v as NotificationType)}
            data={NOTIFICATION_TYPES.map((n) => ({ value: n, label: t(`targets.types.${n}`) }))}
            comboboxProps={{ withinPortal: true }}
            maw={360}
          />
        )}
        {'error' in result ? (
          <Alert color="red" variant="light">
            {t('messagePreview.failed', { message: result.error })}
          </Alert>
        ) : (
          <MessagePreview channel={channel} body={result.body} locale={locale} truncated={result.truncated} />
        )}
      </Stack>
    </Paper>
  );
}
