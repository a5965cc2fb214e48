import { Alert, Button, CopyButton, Group, Stack, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { IconAlertCircle, IconCheck } from '../../components/icons.tsx';
import { useFocusOnOutcome } from '../../components/use-focus-after.ts';

/** The freshly created key: shown once, selectable, with a copy button. */
export function NewApiKey({ value, onDone }: { value: string; onDone: () => void }) {
  const { t } = useTranslation();
  // It replaces the form whose submit button held focus: the key (selected on focus) takes it.
  const keyRef = useFocusOnOutcome<HTMLInputElement>(value);
  return (
    <Stack>
      <Alert color="yellow" variant="light" icon={<IconAlertCircle />}>
        {t('apiKeys.createdWarning')}
      </Alert>
      <Group align="flex-end" wrap="nowrap" gap="xs">
        <TextInput
          ref={keyRef}
          label={t('apiKeys.newKey')}
          value={value}
          readOnly
          onFocus={(event) => event.currentTarget.select()}
          styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)' } }}
          style={{ flex: 1 }}
        />
        <CopyButton value={value}>
          {({ copied, copy }) => (
            <Button
              variant={copied ? 'light' : 'filled'}
              color={copied ? 'teal' : undefined}
              leftSection={copied ? <IconCheck size={16} /> : undefined}
              onClick={copy}
              miw={96}
            >
              {copied ? t('apiKeys.copied') : t('apiKeys.copy')}
            </Button>
          )}
        </CopyButton>
      </Group>
      <Group justify="flex-end">
        <Button variant="default" onClick={onDone}>
          {t('apiKeys.done')}
        </Button>
      </Group>
    </Stack>
  );
}
