import type { LegacyWebhookField as Field } from '@herald/core';
import { Button, Group, Stack, Text, TextInput } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ChannelBadge } from '../../components/channel-badge.tsx';
import { TestResultPanel } from '../../components/test-result-panel.tsx';
import { messageOf } from '../../lib/errors.ts';
import { notify } from '../../lib/notify.ts';
import { trpc } from '../../lib/trpc.ts';
import { currentResult, type LegacyTest, legacyTestRequest, urlErrorOf } from './legacy-webhook-test.ts';

export type LegacyUrlFieldProps = {
  field: Field;
  label: string;
  description: ReactNode;
  placeholder: string;
  value: string;
  /** The save's error for this field. */
  error: string | undefined;
  onChange: (value: string) => void;
  /** Set when a URL is stored: clears it. */
  onClear: (() => void) | null;
  clearing: boolean;
};

/** One legacy URL: typed, tested as typed (before it is saved), or cleared. */
export function LegacyUrlField(props: LegacyUrlFieldProps) {
  const { field, label, value } = props;
  const { t } = useTranslation();
  const [tested, setTested] = useState<LegacyTest | null>(null);
  const [testError, setTestError] = useState<{ url: string; message: string } | null>(null);
  const test = useMutation(
    trpc.settings.testLegacyWebhook.mutationOptions({
      onSuccess: (result, input) => setTested({ url: input.url, result }),
      onError: (error, input) => {
        const reason = urlErrorOf(error);
        if (reason !== null) setTestError({ url: input.url, message: reason });
        else notify({ color: 'red', message: t('notificationsPage.legacyTest.failed', { message: messageOf(error) }) });
      },
    }),
  );
  const run = () => {
    setTested(null);
    setTestError(null);
    const request = legacyTestRequest(field, value);
    if (request.ok) test.mutate(request.input);
    else
      setTestError({
        url: value.trim(),
        message: request.reason === 'empty' ? t('notificationsPage.legacyTest.empty') : request.message,
      });
  };
  const result = currentResult(tested, value);
  // A test's complaint stays until the URL it was about is edited.
  const fieldError = testError && testError.url === value.trim() ? testError.message : props.error;

  return (
    <Stack gap="xs">
      <Group align="flex-end" wrap="nowrap">
        <TextInput
          style={{ flex: 1 }}
          label={label}
          description={props.description}
          placeholder={props.placeholder}
          value={value}
          error={fieldError}
          onChange={(event) => props.onChange(event.currentTarget.value)}
        />
        <Button
          variant="default"
          aria-label={t('notificationsPage.legacyTest.buttonLabel', { type: label })}
          title={t('notificationsPage.legacyTest.hint')}
          loading={test.isPending}
          onClick={run}
        >
          {t('notificationsPage.legacyTest.button')}
        </Button>
        {props.onClear && (
          <Button
            variant="default"
            color="red"
            aria-label={t('notificationsPage.webhookClearLabel', { type: label })}
            loading={props.clearing}
            onClick={props.onClear}
          >
            {t('notificationsPage.webhookClear')}
          </Button>
        )}
      </Group>
      {result && (
        <Stack gap="xs" role="group" aria-label={t('notificationsPage.legacyTest.resultLabel', { type: label })}>
          <Group gap="xs">
            <Text size="sm">{t('notificationsPage.legacyTest.platform')}</Text>
            <ChannelBadge channel={result.channel} />
          </Group>
          <TestResultPanel result={result} />
        </Stack>
      )}
    </Stack>
  );
}
