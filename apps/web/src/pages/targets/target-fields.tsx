import {
  type ChannelType,
  channelOf,
  type FieldSpec,
  isRequiredField,
  type SecretState,
  type TargetView,
} from '@herald/core';
import { Select, Stack, Switch, Textarea, TextInput } from '@mantine/core';
import type { ReactNode } from 'react';
import { channelUi, fieldTextOf, useLanguage } from '../../channels/index.ts';
import type { FieldText } from '../../channels/types.ts';
import { SecretInput } from '../../components/secret-input.tsx';
import { joinSentences, useWebhookUrlRule } from '../../components/webhook-url-rule.ts';
import type { FieldErrors, TargetFormValues } from './target-form-values.ts';

type Props = {
  values: TargetFormValues;
  setField: (field: string, text: string) => void;
  setCleared: (field: string, cleared: boolean) => void;
  errors: FieldErrors;
  target: TargetView | null;
};

/** Exactly the chosen channel's fields: its own component when it has one, else each drawn by its kind. */
export function ChannelFields({ values, setField, setCleared, errors, target }: Props) {
  const language = useLanguage();
  const type = values.providerType;
  const fields = channelOf(type).fields;
  const field = (name: string): ReactNode => {
    const spec = fields[name];
    if (!spec) return null;
    return (
      <FieldInput
        key={name}
        spec={spec}
        text={fieldTextOf(type, name, language)}
        value={values.fields[name] ?? ''}
        onChange={(v) => setField(name, v)}
        error={errors[name]}
        stored={storedSecret(target, type, name)}
        cleared={values.cleared[name] === true}
        onClearedChange={(c) => setCleared(name, c)}
      />
    );
  };
  const { Fields } = channelUi(type);
  return (
    <Stack gap="sm">
      {Fields ? (
        <Fields
          values={values.fields}
          set={setField}
          cleared={values.cleared}
          setCleared={setCleared}
          errors={errors}
          target={target}
          field={field}
        />
      ) : (
        Object.keys(fields).map(field)
      )}
    </Stack>
  );
}

/** A stored secret's state on edit (set, hint); null when creating. */
function storedSecret(target: TargetView | null, type: ChannelType, name: string): SecretState | null {
  if (!target || target.providerType !== type) return null;
  const value = (target as unknown as Record<string, unknown>)[name];
  return value && typeof value === 'object' && 'set' in value ? (value as SecretState) : null;
}

type FieldInputProps = {
  spec: FieldSpec;
  text: FieldText;
  value: string;
  onChange: (value: string) => void;
  error: string | undefined;
  stored: SecretState | null;
  cleared: boolean;
  onClearedChange: (cleared: boolean) => void;
};

/**
 * One field drawn by its kind. Templates and headers need more than a plain input: a channel
 * with one draws it in its own fields component.
 */
function FieldInput({ spec, text, value, onChange, error, stored, cleared, onClearedChange }: FieldInputProps) {
  const required = isRequiredField(spec);
  const language = useLanguage();
  const urlRule = useWebhookUrlRule();
  const common = {
    label: text.label,
    // A URL says which addresses need https (the rule legacy URLs share).
    description: spec.kind === 'url' ? joinSentences(text.description, urlRule, language) : text.description,
    placeholder: text.placeholder,
    error,
  };
  switch (spec.kind) {
    case 'url':
    case 'secret':
      return (
        <SecretInput
          {...common}
          required={required}
          value={value}
          onChange={onChange}
          stored={stored}
          clearable={!required}
          cleared={cleared}
          onClearedChange={onClearedChange}
        />
      );
    case 'text':
    case 'number':
      return (
        <TextInput
          {...common}
          required={required}
          inputMode={spec.kind === 'number' ? 'numeric' : undefined}
          value={value}
          onChange={(e) => onChange(e.currentTarget.value)}
        />
      );
    case 'list':
      return (
        <Textarea
          {...common}
          required={required}
          autosize
          minRows={2}
          value={value}
          onChange={(e) => onChange(e.currentTarget.value)}
        />
      );
    case 'choice':
      return (
        <Select
          {...common}
          required={required}
          allowDeselect={!required}
          data={(spec.choices ?? []).map((c) => ({ value: c, label: text.choices?.[c] ?? c }))}
          value={value === '' ? null : value}
          onChange={(v) => onChange(v ?? '')}
        />
      );
    case 'boolean':
      return (
        <Switch
          label={text.label}
          description={text.description}
          error={error}
          checked={value === 'true'}
          onChange={(e) => onChange(e.currentTarget.checked ? 'true' : 'false')}
        />
      );
    case 'template':
    case 'headers':
      return null;
  }
}
