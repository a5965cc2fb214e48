import { LEGACY_WEBHOOK_FIELDS, LEGACY_WEBHOOK_TYPE, type LegacyWebhookField, type Settings } from '@herald/core';
import { Button, Group, Modal, Paper, SegmentedControl, Stack, Switch, Text, Title } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Fragment, type ReactNode, useState } from 'react';
import { Trans, useTranslation } from 'react-i18next';
import { RelativeTime } from '../../components/relative-time.tsx';
import { useWebhookUrlRule } from '../../components/webhook-url-rule.ts';
import { messageOf } from '../../lib/errors.ts';
import { targetPacesOptions } from '../../lib/incidents-api.ts';
import { notify } from '../../lib/notify.ts';
import { trpc } from '../../lib/trpc.ts';
import { LegacyUrlField } from './legacy-url-field.tsx';
import type { GeneralDraft } from './page-draft.ts';

/** The global switch, the mode and, in legacy mode, one webhook URL per type (untouched → kept). */
export function GeneralCard({
  settings,
  value,
  errors,
  onChange,
}: {
  settings: Settings;
  value: GeneralDraft;
  errors: Record<string, string>;
  onChange: (next: GeneralDraft) => void;
}) {
  const { t } = useTranslation();
  const urlRule = useWebhookUrlRule();
  const narrow = useMediaQuery('(max-width: 36em)') ?? false;
  const queryClient = useQueryClient();
  const { enabled, mode, paceDigests, urls } = value;
  // A legacy URL is paced like a target: say what waits for it.
  const paces = useQuery({ ...targetPacesOptions(), enabled: settings.useLegacyMode });
  const legacyBacklog = (field: LegacyWebhookField): ReactNode => {
    const pace = paces.data?.find((p) => p.targetId === null && p.type === LEGACY_WEBHOOK_TYPE[field]);
    if (!pace || pace.waiting === 0) return null;
    return pace.nextAt ? (
      <Trans
        i18nKey="targets.pace.waitingNext"
        values={{ n: pace.waiting }}
        components={{ at: <RelativeTime iso={pace.nextAt} size="xs" c="inherit" /> }}
      />
    ) : (
      t('targets.pace.waiting', { n: pace.waiting })
    );
  };
  const [confirming, setConfirming] = useState(false);
  const hasLegacyUrls = LEGACY_WEBHOOK_FIELDS.some((field) => settings[field].set);
  const clear = useMutation(
    trpc.settings.update.mutationOptions({
      onSuccess: async () => {
        notify({ color: 'teal', message: t('notificationsPage.webhookCleared') });
        await queryClient.invalidateQueries({ queryKey: trpc.settings.get.queryKey() });
      },
      onError: (error) =>
        notify({ color: 'red', message: t('notificationsPage.saveFailed', { message: messageOf(error) }) }),
    }),
  );
  const migrate = useMutation(
    trpc.settings.migrateLegacyWebhooks.mutationOptions({
      onSuccess: async (result) => {
        setConfirming(false);
        notify({
          color: 'teal',
          message:
            result.created.length === 0
              ? t('notificationsPage.migrateNothing')
              : t('notificationsPage.migrateDone', { names: result.created.map((c) => c.name).join(', ') }),
        });
        // Targets and bindings first: the cards remount when the settings change.
        await Promise.all([
          queryClient.invalidateQueries({ queryKey: trpc.targets.list.queryKey() }),
          queryClient.invalidateQueries({ queryKey: trpc.bindings.list.queryKey() }),
        ]);
        await queryClient.invalidateQueries({ queryKey: trpc.settings.get.queryKey() });
      },
      onError: (error) =>
        notify({ color: 'red', message: t('notificationsPage.migrateFailed', { message: messageOf(error) }) }),
    }),
  );
  return (
    <Paper component="section" aria-label={t('notificationsPage.generalTitle')} withBorder radius="lg" p="lg" mb="xl">
      <Title order={2} size="h4" mb="md">
        {t('notificationsPage.generalTitle')}
      </Title>
      <Stack gap="md">
        <Switch
          label={t('notificationsPage.enabled')}
          checked={enabled}
          onChange={(event) => onChange({ ...value, enabled: event.currentTarget.checked })}
        />
        <Switch
          label={t('notificationsPage.paceDigests')}
          description={t('notificationsPage.paceDigestsDescription')}
          checked={paceDigests}
          onChange={(event) => onChange({ ...value, paceDigests: event.currentTarget.checked })}
        />
        <div>
          <Text size="sm" fw={500} mb={4}>
            {t('notificationsPage.mode')}
          </Text>
          <SegmentedControl
            // Both labels are long: stacked on a phone rather than cut off.
            orientation={narrow ? 'vertical' : 'horizontal'}
            fullWidth={narrow}
            value={mode}
            onChange={(next) => onChange({ ...value, mode: next === 'legacy' ? 'legacy' : 'multi' })}
            data={[
              { value: 'legacy', label: t('notificationsPage.modeLegacy') },
              { value: 'multi', label: t('notificationsPage.modeMulti') },
            ]}
          />
        </div>
        {mode === 'legacy' &&
          LEGACY_WEBHOOK_FIELDS.map((field) => {
            const state = settings[field];
            const details = [
              state.set
                ? t('notificationsPage.webhookSet', { hint: state.hint ?? '' })
                : t('notificationsPage.webhookNotSet'),
              state.channel ? t('notificationsPage.webhookPlatform', { channel: state.channel }) : null,
              legacyBacklog(field),
              urlRule,
            ].filter((detail) => detail !== null);
            const label = `${t(`notificationsPage.types.${LEGACY_WEBHOOK_TYPE[field]}`)} · ${t('notificationsPage.webhook')}`;
            return (
              <LegacyUrlField
                key={field}
                field={field}
                label={label}
                description={details.map((detail, i) => (
                  // The details never reorder: the index is their identity.
                  <Fragment key={i}>
                    {i > 0 && ' · '}
                    {detail}
                  </Fragment>
                ))}
                placeholder={state.set ? t('notificationsPage.webhookPlaceholder') : 'https://'}
                value={urls[field] ?? ''}
                error={errors[field]}
                onChange={(url) => onChange({ ...value, urls: { ...urls, [field]: url } })}
                onClear={state.set ? () => clear.mutate({ [field]: null }) : null}
                clearing={clear.isPending && clear.variables?.[field] === null}
              />
            );
          })}
        {hasLegacyUrls && (
          <div>
            <Button variant="light" onClick={() => setConfirming(true)}>
              {t('notificationsPage.migrate')}
            </Button>
            <Text size="xs" c="dimmed" mt={4}>
              {t('notificationsPage.migrateHint')}
            </Text>
          </div>
        )}
        <Modal opened={confirming} onClose={() => setConfirming(false)} title={t('notificationsPage.migrateTitle')}>
          <Stack>
            <Text size="sm">{t('notificationsPage.migrateConfirm')}</Text>
            <Group justify="flex-end">
              <Button variant="default" onClick={() => setConfirming(false)}>
                {t('notificationsPage.cancel')}
              </Button>
              <Button loading={migrate.isPending} onClick={() => migrate.mutate()}>
                {t('notificationsPage.migrateAction')}
              </Button>
            </Group>
          </Stack>
        </Modal>
      </Stack>
    </Paper>
  );
}
