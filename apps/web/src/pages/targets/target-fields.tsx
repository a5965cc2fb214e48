import type { TargetView } from '@herald/core';
import { Button, Group, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { CustomPreview } from '../../components/custom-preview.tsx';
import { TemplateEditor } from '../../components/template-editor.tsx';
import { SecretInput } from './secret-input.tsx';
import {
  type FieldErrors,
  parseTemplate,
  type SecretInput as SecretField,
  type TargetFormValues,
  templateProblems,
} from './target-form-values.ts';

type Props = {
  values: TargetFormValues;
  set: <K extends keyof TargetFormValues>(field: K, value: TargetFormValues[K]) => void;
  errors: FieldErrors;
  target: TargetView | null;
};

/** Exactly the chosen channel's fields. */
export function ChannelFields({ values, set, errors, target }: Props) {
  const { t } = useTranslation();
  const secretProps = (field: SecretField, clearable: boolean) => ({
    value: values[field],
    onChange: (v: string) => set(field, v),
    error: errors[field],
    clearable,
    cleared: values.cleared[field] === true,
    onClearedChange: (c: boolean) => set('cleared', { ...values.cleared, [field]: c }),
  });
  const stored = (field: Exclude<SecretField, 'customHeaders'>) => (target ? target[field] : null);
  const type = values.providerType;

  return (
    <Stack gap="sm">
      {type !== 'telegram' && (
        <SecretInput
          label={t('targets.form.webhookUrl')}
          description={t('targets.form.webhookUrlDescription')}
          required
          stored={stored('webhookUrl')}
          {...secretProps('webhookUrl', false)}
        />
      )}
      {type === 'feishu' && (
        <SecretInput
          label={t('targets.form.feishuSecret')}
          description={t('targets.form.signingSecretOptional')}
          stored={stored('feishuSecret')}
          {...secretProps('feishuSecret', true)}
        />
      )}
      {type === 'dingtalk' && (
        <SecretInput
          label={t('targets.form.dingtalkSecret')}
          description={t('targets.form.signingSecretOptional')}
          stored={stored('dingtalkSecret')}
          {...secretProps('dingtalkSecret', true)}
        />
      )}
      {type === 'telegram' && (
        <>
          <SecretInput
            label={t('targets.form.telegramBotToken')}
            description={t('targets.form.telegramBotTokenDescription')}
            required
            stored={stored('telegramBotToken')}
            {...secretProps('telegramBotToken', false)}
          />
          <TextInput
            label={t('targets.form.telegramChatId')}
            description={t('targets.form.telegramChatIdDescription')}
            required
            value={values.telegramChatId}
            onChange={(e) => set('telegramChatId', e.currentTarget.value)}
            error={errors.telegramChatId}
          />
          <TextInput
            label={t('targets.form.telegramTopicId')}
            description={t('targets.form.telegramTopicIdDescription')}
            inputMode="numeric"
            value={values.telegramTopicId}
            onChange={(e) => set('telegramTopicId', e.currentTarget.value)}
            error={errors.telegramTopicId}
          />
        </>
      )}
      {type === 'custom' && <CustomFields values={values} set={set} errors={errors} target={target} />}
    </Stack>
  );
}

function CustomFields({ values, set, errors, target }: Props) {
  const { t } = useTranslation();
  const parsed = useMemo(() => parseTemplate(values.customTemplate), [values.customTemplate]);
  const template = 'template' in parsed ? parsed.template : null;
  const problems = useMemo(() => (template ? templateProblems(template) : []), [template]);
  const headerNames = target?.customHeaders ? Object.keys(target.customHeaders) : [];
  const headersCleared = values.cleared.customHeaders === true;
  return (
    <>
      <TemplateEditor
        value={values.customTemplate}
        onChange={(v) => set('customTemplate', v)}
        error={
          errors.customTemplate ??
          ('error' in parsed ? t('targets.form.invalidJson', { message: parsed.error }) : undefined)
        }
        problems={problems}
      />
      <CustomPreview template={problems.length === 0 ? template : null} />
      <Textarea
        label={t('targets.form.customHeaders')}
        description={t('targets.form.customHeadersDescription')}
        placeholder={
          headerNames.length > 0 && !headersCleared
            ? t('targets.form.customHeadersSet', { names: headerNames.join(', ') })
            : 'X-Api-Key: …'
        }
        autosize
        minRows={2}
        value={values.customHeaders}
        onChange={(e) => set('customHeaders', e.currentTarget.value)}
        error={errors.customHeaders}
        disabled={headersCleared}
        styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)' } }}
      />
      {headerNames.length > 0 && (
        <SecretInputClear
          cleared={headersCleared}
          label={t('targets.form.customHeaders')}
          onChange={(c) => set('cleared', { ...values.cleared, customHeaders: c })}
        />
      )}
      <SecretInput
        label={t('targets.form.signingSecret')}
        description={t('targets.form.signingSecretDescription')}
        stored={target ? target.signingSecret : null}
        value={values.signingSecret}
        onChange={(v) => set('signingSecret', v)}
        error={errors.signingSecret}
        clearable
        cleared={values.cleared.signingSecret === true}
        onClearedChange={(c) => set('cleared', { ...values.cleared, signingSecret: c })}
      />
    </>
  );
}

function SecretInputClear({
  cleared,
  label,
  onChange,
}: {
  cleared: boolean;
  label: string;
  onChange: (c: boolean) => void;
}) {
  const { t } = useTranslation();
  return (
    <Group gap="xs">
      <Button
        variant="subtle"
        size="xs"
        color={cleared ? 'gray' : 'red'}
        aria-label={`${cleared ? t('targets.form.undoClear') : t('targets.form.clear')}: ${label}`}
        onClick={() => onChange(!cleared)}
      >
        {cleared ? t('targets.form.undoClear') : t('targets.form.clear')}
      </Button>
      {cleared && (
        <Text size="xs" c="red">
          {t('targets.form.cleared')}
        </Text>
      )}
    </Group>
  );
}
