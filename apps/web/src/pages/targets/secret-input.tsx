import type { SecretState } from '@herald/core';
import { Button, Group, PasswordInput, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';

type Props = {
  label: string;
  description?: string;
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
  required,
  value,
  onChange,
  error,
  stored,
  clearable,
  cleared,
  onClearedChange,
}: Props) {
  const { t } = useTranslation();
  const isSet = stored?.set === true;
  const placeholder = isSet
    ? stored.hint
      ? t('targets.form.secretSet', { hint: stored.hint })
      : t('targets.form.secretSetNoHint')
    : undefined;
  return (
    <div>
      <Group align="flex-end" wrap="nowrap" gap="xs">
        <PasswordInput
          label={label}
          description={description}
          required={required && !isSet}
          value={value}
          placeholder={placeholder}
          disabled={cleared}
          autoComplete="off"
          onChange={(event) => onChange(event.currentTarget.value)}
          error={error}
          // Mantine marks only its TextInput invalid for assistive tech; say it here too.
          aria-invalid={error ? true : undefined}
          style={{ flex: 1 }}
        />
        {clearable && isSet && (
          <Button
            variant="subtle"
            color={cleared ? 'gray' : 'red'}
            size="sm"
            aria-label={`${cleared ? t('targets.form.undoClear') : t('targets.form.clear')}: ${label}`}
            onClick={() => {
              onChange('');
              onClearedChange?.(!cleared);
            }}
          >
            {cleared ? t('targets.form.undoClear') : t('targets.form.clear')}
          </Button>
        )}
      </Group>
      {cleared && (
        <Text size="xs" c="red" mt={4}>
          {t('targets.form.cleared')}
        </Text>
      )}
    </div>
  );
}
