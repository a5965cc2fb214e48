import type { TargetView } from '@herald/core';
import { Alert, Button, Divider, Group, Modal, Stack, Switch, Text, TextInput } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLanguage } from '../../channels/index.ts';
import { SampleMessagePreview } from '../../components/message-preview.tsx';
import { SecretInput } from '../../components/secret-input.tsx';
import { messageOf, trpcCodeOf } from '../../lib/errors.ts';
import { notify } from '../../lib/notify.ts';
import { trpc, trpcClient } from '../../lib/trpc.ts';
import { ChannelPicker } from './channel-picker.tsx';
import { PaceField } from './pace-field.tsx';
import { ChannelFields } from './target-fields.tsx';
import {
  errorsFromIssues,
  type FieldErrors,
  initialValues,
  plainConfigOfValues,
  type TargetFormValues,
  validateTarget,
} from './target-form-values.ts';

type Props = {
  opened: boolean;
  /** The target to edit; null to create one. */
  target: TargetView | null;
  onClose: () => void;
};

type Issue = { path: string; message: string };

function serverIssues(error: unknown): Issue[] | null {
  if (trpcCodeOf(error) !== 'BAD_REQUEST') return null;
  const data = (error as { data?: { issues?: unknown } }).data;
  return Array.isArray(data?.issues) ? (data.issues as Issue[]) : null;
}

/** Create or edit a target: the channel first, then exactly its fields. */
export function TargetFormModal({ opened, target, onClose }: Props) {
  const { t } = useTranslation();
  const language = useLanguage();
  const queryClient = useQueryClient();
  const editing = target !== null;
  const [values, setValues] = useState<TargetFormValues>(() => initialValues(target));
  const [errors, setErrors] = useState<FieldErrors>({});

  useEffect(() => {
    if (opened) {
      setValues(initialValues(target));
      setErrors({});
    }
  }, [opened, target]);

  const set = <K extends keyof TargetFormValues>(field: K, value: TargetFormValues[K]) => {
    setValues((v) => ({ ...v, [field]: value }));
    setErrors((e) => (e[field] ? { ...e, [field]: undefined } : e));
  };
  const setField = (field: string, text: string) => {
    setValues((v) => ({ ...v, fields: { ...v.fields, [field]: text } }));
    setErrors((e) => (e[field] ? { ...e, [field]: undefined } : e));
  };
  const setCleared = (field: string, cleared: boolean) => {
    setValues((v) => ({ ...v, cleared: { ...v.cleared, [field]: cleared } }));
    setErrors((e) => (e[field] ? { ...e, [field]: undefined } : e));
  };

  const save = useMutation({
    mutationFn: (input: Record<string, unknown>) =>
      target
        ? trpcClient.targets.update.mutate({ ...input, id: target.id })
        : trpcClient.targets.create.mutate(input as Parameters<typeof trpcClient.targets.create.mutate>[0]),
    onSuccess: async (saved) => {
      await queryClient.invalidateQueries({ queryKey: trpc.targets.list.queryKey() });
      notify({
        color: 'teal',
        message: editing
          ? t('targets.form.updated', { name: saved.name })
          : t('targets.form.created', { name: saved.name }),
      });
      close();
    },
    onError: (error) => {
      const issues = serverIssues(error);
      if (issues) setErrors(errorsFromIssues(values.providerType, issues, { t, language }));
    },
  });

  const close = () => {
    save.reset();
    onClose();
  };

  const submit = (event: React.FormEvent) => {
    event.preventDefault();
    const checked = validateTarget(values, editing, { t, language });
    if (!checked.ok) {
      setErrors(checked.errors);
      return;
    }
    setErrors({});
    save.mutate(checked.input);
  };

  const hasErrors = Object.values(errors).some(Boolean);
  const showSaveError = save.isError && !serverIssues(save.error);

  return (
    <Modal
      opened={opened}
      onClose={close}
      title={editing ? t('targets.form.editTitle') : t('targets.form.createTitle')}
      closeButtonProps={{ 'aria-label': t('common.close') }}
      centered
      size="xl"
    >
      <form noValidate onSubmit={submit}>
        <Stack>
          <ChannelPicker
            value={values.providerType}
            disabled={editing}
            onChange={(type) => {
              set('providerType', type);
              setErrors({});
            }}
          />
          <TextInput
            label={t('targets.name')}
            description={t('targets.form.nameDescription')}
            required
            data-autofocus
            maxLength={100}
            value={values.name}
            onChange={(e) => set('name', e.currentTarget.value)}
            error={errors.name}
          />
          <ChannelFields values={values} setField={setField} setCleared={setCleared} errors={errors} target={target} />
          <PaceField
            type={values.providerType}
            config={plainConfigOfValues(values)}
            value={values.pacePerMinute}
            onChange={(v) => set('pacePerMinute', v)}
            error={errors.pacePerMinute}
          />
          {values.providerType !== 'custom' && (
            <SampleMessagePreview channel={values.providerType} config={plainConfigOfValues(values)} />
          )}
          <Divider />
          <SecretInput
            label={t('targets.form.proxyUrl')}
            description={t('targets.form.proxyUrlDescription')}
            stored={target ? target.proxyUrl : null}
            value={values.proxyUrl}
            onChange={(v) => set('proxyUrl', v)}
            error={errors.proxyUrl}
            clearable
            cleared={values.cleared.proxyUrl === true}
            onClearedChange={(c) => setCleared('proxyUrl', c)}
          />
          <Switch
            label={t('targets.form.proxyFallback')}
            checked={values.proxyFallbackToDirect}
            onChange={(e) => set('proxyFallbackToDirect', e.currentTarget.checked)}
          />
          <Switch
            label={t('targets.form.isEnabled')}
            checked={values.isEnabled}
            onChange={(e) => set('isEnabled', e.currentTarget.checked)}
          />
          {hasErrors && (
            <Text size="sm" c="red">
              {t('targets.form.fixErrors')}
            </Text>
          )}
          {showSaveError && (
            <Alert color="red" variant="light" role="alert">
              {t('targets.form.saveFailed', { message: messageOf(save.error) })}
            </Alert>
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={save.isPending}>
              {editing ? t('targets.form.submitEdit') : t('targets.form.submitCreate')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
