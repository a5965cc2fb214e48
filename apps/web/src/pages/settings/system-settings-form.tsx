import { LOCALES, type Settings } from '@herald/core';
import { Button, Group, Paper, Select, Stack, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { fieldErrorsOf } from '../../components/field-errors.ts';
import { TimezoneSelect } from '../../components/timezone-select.tsx';
import { messageOf } from '../../lib/errors.ts';
import { notify } from '../../lib/notify.ts';
import { trpc } from '../../lib/trpc.ts';

type Values = { timezone: string; locale: Settings['locale'] };

/** System time zone and message language, saved together. */
export function SystemSettingsForm({ settings }: { settings: Settings }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const form = useForm<Values>({
    mode: 'controlled',
    initialValues: { timezone: settings.timezone, locale: settings.locale },
    validate: { timezone: (value) => (value ? null : t('settingsPage.timezoneRequired')) },
  });
  const update = useMutation(
    trpc.settings.update.mutationOptions({
      onSuccess: async (saved) => {
        form.setInitialValues({ timezone: saved.timezone, locale: saved.locale });
        form.resetDirty({ timezone: saved.timezone, locale: saved.locale });
        notify({ color: 'teal', message: t('settingsPage.saved') });
        await Promise.all([
          queryClient.invalidateQueries({ queryKey: trpc.settings.get.queryKey() }),
          queryClient.invalidateQueries({ queryKey: trpc.audit.list.pathKey() }),
        ]);
      },
      onError: (error) => {
        // Each field's issue in the admin's language, from its code (never the server's English).
        const fields = fieldErrorsOf(error);
        for (const path of ['timezone', 'locale'] as const) if (fields[path]) form.setFieldError(path, fields[path]);
        notify({ color: 'red', message: t('settingsPage.saveFailed', { message: messageOf(error) }) });
      },
    }),
  );

  return (
    <Paper withBorder radius="lg" p="lg" mb="xl">
      <form noValidate onSubmit={form.onSubmit((values) => update.mutate(values))}>
        <Stack>
          <Title order={2} size="h4">
            {t('settingsPage.generalTitle')}
          </Title>
          <TimezoneSelect
            label={t('settingsPage.timezone')}
            description={t('settingsPage.timezoneDescription')}
            required
            nothingFound={t('settingsPage.nothingFound')}
            maw={420}
            {...form.getInputProps('timezone')}
            value={form.values.timezone}
            onChange={(zone) => form.setFieldValue('timezone', zone)}
          />
          <Select
            label={t('settingsPage.locale')}
            description={t('settingsPage.localeDescription')}
            required
            allowDeselect={false}
            data={LOCALES.map((locale) => ({ value: locale, label: t(`settingsPage.locales.${locale}`) }))}
            maw={420}
            {...form.getInputProps('locale')}
          />
          <Group>
            <Button type="submit" loading={update.isPending}>
              {t('settingsPage.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}
