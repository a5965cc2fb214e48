import type { SecretState } from '@herald/core';
import { Button, Group, PasswordInput, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';

type Props = {
  label: string;
  description?: string | undefined;
  placeholder?: string | undefined;
  required?: boolean;
  value: string;
  onChange: (value: string) => void;
  error?: string | undefined;
  /** The stored state on edit; null when creating. */
  stored: SecretState | null;
  /** Offer "clear" (only for secrets that may be empty). */
  clearable?: boolean;
  cleared?: boolean;
  onClearedChange?: (cleared: boolean) => void;
};

/** A password input for a secret: on edit it says "set (…hint)" and is kept unless typed over or cleared. */
export function SecretInput({
  label,
  description,
  placeholder,
  required,
  value,
  onChange,
  error,
  stored,
  clearable,
  cleared = false,
  onClearedChange,
}: Props) {
  const { t } = useTranslation();
  const isSet = stored?.set === true;
  const storedPlaceholder = isSet
    ? stored.hint
      ? t('targets.form.secretSet', { hint: stored.hint })
      : t('targets.form.secretSetNoHint')
    : placeholder;
  return (
    <div>
      <Group align="flex-end" wrap="nowrap" gap="xs">
        <PasswordInput
          label={label}
          description={description}
          required={required && !isSet}
          value={value}
          placeholder={storedPlaceholder}
          disabled={cleared}
          autoComplete="off"
          onChange={(event) => onChange(event.currentTarget.value)}
          error={error}
          // Mantine marks only its TextInput invalid for assistive tech; say it here too.
          aria-invalid={error ? true : undefined}
          // Mantine's own label for the eye button is English.
          visibilityToggleButtonProps={{ 'aria-label': t('targets.form.toggleSecret') }}
          style={{ flex: 1 }}
        />
        {clearable && isSet && (
          <ClearButton
            label={label}
            cleared={cleared}
            onChange={(c) => {
              onChange('');
              onClearedChange?.(c);
            }}
          />
        )}
      </Group>
      {cleared && <ClearedNote />}
    </div>
  );
}

/** "Clear" / "Keep" for a stored secret, named after the field for assistive tech. */
export function ClearButton({
  label,
  cleared,
  onChange,
  size = 'sm',
}: {
  label: string;
  cleared: boolean;
  onChange: (cleared: boolean) => void;
  size?: 'xs' | 'sm';
}) {
  const { t } = useTranslation();
  const text = cleared ? t('targets.form.undoClear') : t('targets.form.clear');
  return (
    <Button
      variant="subtle"
      color={cleared ? 'gray' : 'red'}
      size={size}
      aria-label={`${text}: ${label}`}
      onClick={() => onChange(!cleared)}
    >
      {text}
    </Button>
  );
}

/** Says a cleared secret goes when the form is saved. */
export function ClearedNote() {
  const { t } = useTranslation();
  return (
    <Text size="xs" c="red" mt={4}>
      {t('targets.form.cleared')}
    </Text>
  );
}
