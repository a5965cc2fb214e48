import {
  type ChannelType,
  channelOf,
  LEVELS,
  type Level,
  LOCALES,
  type Locale,
  mentionProblems,
  mentionsFor,
  type NotificationType,
  renderNotification,
  sampleData,
} from '@herald/core';
import { MultiSelect, Paper, Stack, TagsInput, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { MessagePreview } from '../../components/message-preview.tsx';
import { browserTimeZone } from '../../lib/format.ts';
import { trpc } from '../../lib/trpc.ts';
import { errorAt, type MentionsDraft, mentionsValue } from './binding-draft.ts';

type Props = {
  channel: ChannelType;
  type: NotificationType;
  value: MentionsDraft;
  /** The form's errors, keyed by the server's paths; `prefix` is this binding's (`bindings.0`). */
  errors: Record<string, string>;
  prefix: string;
  onChange: (next: MentionsDraft) => void;
};

/**
 * Who a binding's messages notify, as the target's channel names people (its examples and its
 * own note), optionally only for some levels, with the sample message as it would be sent.
 * Channels that can't mention show nothing.
 */
export function MentionsFields({ channel, type, value, errors, prefix, onChange }: Props) {
  const { t } = useTranslation();
  const spec = channelOf(channel).mentions;
  if (!spec) return null;
  const error = errorAt(errors, `${prefix}.mentions`);
  const note =
    channel === 'wechat'
      ? t('notificationsPage.mentions.wechatNote')
      : channel === 'dingtalk'
        ? t('notificationsPage.mentions.dingtalkNote')
        : channel === 'feishu'
          ? t('notificationsPage.mentions.feishuNote')
          : channel === 'telegram'
            ? t('notificationsPage.mentions.telegramNote')
            : null;
  return (
    <Stack gap="xs" data-testid="binding-mentions">
      <TagsInput
        label={t('notificationsPage.mentions.people')}
        placeholder={t('notificationsPage.mentions.peoplePlaceholder')}
        description={t('notificationsPage.mentions.examples', { examples: spec.examples.join(', ') })}
        value={value.people}
        maxTags={50}
        error={error}
        onChange={(people) => onChange({ ...value, people })}
      />
      {note && (
        <Text size="xs" c="dimmed">
          {note}
        </Text>
      )}
      {value.people.length > 0 && (
        <MultiSelect
          label={t('notificationsPage.mentions.levels')}
          placeholder={value.levels.length === 0 ? t('notificationsPage.mentions.levelsPlaceholder') : undefined}
          data={LEVELS.map((level) => ({ value: level, label: t(`notificationsPage.mentions.level.${level}`) }))}
          value={value.levels}
          error={errors[`${prefix}.mentions.levels`]}
          onChange={(levels) => onChange({ ...value, levels: levels as Level[] })}
        />
      )}
      {value.people.length > 0 && <MentionsPreview channel={channel} type={type} value={value} />}
    </Stack>
  );
}

/** The type's sample as this channel would get it with these mentions (nothing when an entry is invalid). */
function MentionsPreview({
  channel,
  type,
  value,
}: {
  channel: ChannelType;
  type: NotificationType;
  value: MentionsDraft;
}) {
  const { t, i18n } = useTranslation();
  const settings = useQuery({ ...trpc.settings.get.queryOptions(), staleTime: 60_000 });
  const language = i18n.resolvedLanguage ?? i18n.language;
  const locale: Locale = settings.data?.locale ?? LOCALES.find((l) => l === language) ?? 'en';
  const timezone = settings.data?.timezone ?? browserTimeZone();
  const result = useMemo(() => {
    const mentions = mentionsValue(value);
    if (!mentions || mentionProblems(channel, mentions).length > 0) return null;
    const now = new Date();
    const definition = channelOf(channel);
    const rendered = renderNotification({
      type,
      data: sampleData(type, now),
      channel,
      locale,
      timezone,
      now,
      config: definition.previewConfig,
      mentions,
    });
    const mentioned = mentionsFor(definition.mentions, mentions, rendered.message.level).length > 0;
    return { body: rendered.body, level: rendered.message.level, mentioned };
  }, [channel, type, value, locale, timezone]);
  if (!result) return null;
  return (
    <Paper withBorder radius="md" p="sm">
      <Stack gap="xs">
        <Text fw={600} size="sm">
          {t('notificationsPage.mentions.previewTitle')}
        </Text>
        {!result.mentioned && (
          <Text size="xs" c="dimmed">
            {t('notificationsPage.mentions.previewNobody', {
              level: t(`notificationsPage.mentions.level.${result.level}`),
            })}
          </Text>
        )}
        <MessagePreview channel={channel} body={result.body} locale={locale} />
      </Stack>
    </Paper>
  );
}
