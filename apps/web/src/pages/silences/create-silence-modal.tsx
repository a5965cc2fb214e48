import { NOTIFICATION_TYPES, type NotificationType, SILENCE_MATCHERS, SILENCE_MAX_MINUTES } from '@herald/core';
import {
  Alert,
  Button,
  Group,
  Modal,
  NumberInput,
  SegmentedControl,
  Select,
  Stack,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { fieldErrorsOf } from '../../components/field-errors.ts';
import { messageOf, reasonOf } from '../../lib/errors.ts';
import { createSilence, silencesKey } from '../../lib/incidents-api.ts';
import { notify } from '../../lib/notify.ts';
import {
  buildSilenceInput,
  DURATION_PRESETS,
  type DurationChoice,
  INITIAL_SILENCE,
  type NewSilence,
  type SilenceField,
  type SilenceFormValues,
  serverSilenceErrors,
} from './silence-form.ts';
import { silenceName } from './silence-name.ts';

type Props = { opened: boolean; onClose: () => void };
type Errors = Partial<Record<SilenceField, string>>;

const DURATIONS = [...(Object.keys(DURATION_PRESETS) as DurationChoice[]), 'custom' as const];

/** What to silence (a provider, a user or a type), for how long, and why. */
export function CreateSilenceModal({ opened, onClose }: Props) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const kindLabelId = useId();
  const durationLabelId = useId();
  const [values, setValues] = useState<SilenceFormValues>(INITIAL_SILENCE);
  const [errors, setErrors] = useState<Errors>({});
  const set = <K extends keyof SilenceFormValues>(field: K, value: SilenceFormValues[K]) => {
    setValues((v) => ({ ...v, [field]: value }));
    const owner: SilenceField =
      field === 'reason' ? 'reason' : field === 'duration' || field === 'customMinutes' ? 'durationMinutes' : 'matcher';
    setErrors((e) => (e[owner] ? { ...e, [owner]: undefined } : e));
  };

  const create = useMutation({
    mutationFn: (input: NewSilence) => createSilence(input),
    onSuccess: async (_, input) => {
      await queryClient.invalidateQueries({ queryKey: silencesKey() });
      notify({
        color: 'teal',
        message: t('silencesPage.form.created', {
          name: silenceName({ matcher: input.matcher, matcherName: null }, t),
        }),
      });
      close();
    },
    onError: (error) => {
      const found = serverSilenceErrors(fieldErrorsOf(error));
      // An id Herald has never heard of (the answer's reason): say what it must be, in the UI language.
      const reason = reasonOf(error)?.reason;
      if (reason === 'provider.not_found' || reason === 'user.not_found') {
        found.matcher = t(
          values.kind === 'user' ? 'silencesPage.form.unknownUser' : 'silencesPage.form.unknownProvider',
        );
      }
      setErrors(found);
    },
  });

  const close = () => {
    create.reset();
    setValues(INITIAL_SILENCE);
    setErrors({});
    onClose();
  };

  const messageFor = (field: SilenceField): string => {
    if (field === 'matcher')
      return t(values.kind === 'type' ? 'silencesPage.form.invalidType' : 'silencesPage.form.invalidId');
    if (field === 'durationMinutes') return t('silencesPage.form.invalidMinutes');
    return t('silencesPage.form.invalidReason');
  };

  const submit = (event: React.FormEvent) => {
    event.preventDefault();
    const built = buildSilenceInput(values);
    if (!built.ok) {
      setErrors(Object.fromEntries(built.fields.map((field) => [field, messageFor(field)])));
      return;
    }
    setErrors({});
    create.mutate(built.input);
  };

  const fieldError = Object.values(errors).some(Boolean);
  const idLabel = values.kind === 'user' ? t('silencesPage.form.userId') : t('silencesPage.form.providerId');
  return (
    <Modal
      opened={opened}
      onClose={close}
      title={t('silencesPage.form.title')}
      closeButtonProps={{ 'aria-label': t('common.close') }}
      centered
      size="lg"
    >
      <form noValidate onSubmit={submit}>
        <Stack>
          <Stack gap={4}>
            <Text size="sm" fw={500} id={kindLabelId}>
              {t('silencesPage.form.kind')}
            </Text>
            <SegmentedControl
              fullWidth
              aria-labelledby={kindLabelId}
              value={values.kind}
              onChange={(kind) => set('kind', kind as SilenceFormValues['kind'])}
              data={SILENCE_MATCHERS.map((kind) => ({ value: kind, label: t(`silencesPage.kinds.${kind}`) }))}
            />
          </Stack>
          {values.kind === 'type' ? (
            <Select
              label={t('silencesPage.form.type')}
              placeholder={t('silencesPage.form.typePlaceholder')}
              required
              data={NOTIFICATION_TYPES.map((type) => ({ value: type, label: t(`deliveries.types.${type}`) }))}
              value={values.notificationType}
              onChange={(type) => set('notificationType', type as NotificationType | null)}
              error={errors.matcher}
            />
          ) : (
            <TextInput
              label={idLabel}
              description={
                values.kind === 'user'
                  ? t('silencesPage.form.userIdDescription')
                  : t('silencesPage.form.providerIdDescription')
              }
              required
              data-autofocus
              maxLength={128}
              value={values.id}
              onChange={(event) => set('id', event.currentTarget.value)}
              error={errors.matcher}
            />
          )}
          <Stack gap={4}>
            <Text size="sm" fw={500} id={durationLabelId}>
              {t('silencesPage.form.duration')}
            </Text>
            <SegmentedControl
              fullWidth
              aria-labelledby={durationLabelId}
              value={values.duration}
              onChange={(duration) => set('duration', duration as DurationChoice)}
              data={DURATIONS.map((d) => ({ value: d, label: t(`silencesPage.form.durations.${d}`) }))}
            />
            {values.duration !== 'custom' && errors.durationMinutes && (
              <Text c="red" size="sm">
                {errors.durationMinutes}
              </Text>
            )}
          </Stack>
          {values.duration === 'custom' && (
            <NumberInput
              label={t('silencesPage.form.minutes')}
              description={t('silencesPage.form.minutesDescription')}
              required
              min={1}
              max={SILENCE_MAX_MINUTES}
              allowDecimal={false}
              clampBehavior="none"
              value={values.customMinutes}
              onChange={(minutes) => set('customMinutes', minutes)}
              error={errors.durationMinutes}
            />
          )}
          <Textarea
            label={t('silencesPage.reason')}
            description={t('silencesPage.form.reasonDescription')}
            autosize
            minRows={2}
            maxLength={200}
            value={values.reason}
            onChange={(event) => set('reason', event.currentTarget.value)}
            error={errors.reason}
          />
          {create.isError && !fieldError && (
            <Alert color="red" variant="light" role="alert">
              {t('silencesPage.form.createFailed', { message: messageOf(create.error) })}
            </Alert>
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={create.isPending}>
              {t('silencesPage.form.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
