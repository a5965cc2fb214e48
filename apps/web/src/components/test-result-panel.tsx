import type { TestResult } from '@herald/core';
import { Badge, Code, Group, Paper, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ScrollRegion } from './scroll-region.tsx';
import { useFocusOnOutcome } from './use-focus-after.ts';

/** The outcome of a test send: status, latency, HTTP status, attempts and the platform's answer. */
export function TestResultPanel({ result }: { result: TestResult }) {
  const { t } = useTranslation();
  const ms = Math.round(result.latencyMs);
  // The send button was disabled while loading; the outcome takes the focus it dropped.
  const ref = useFocusOnOutcome<HTMLDivElement>(result);
  return (
    <Paper
      ref={ref}
      tabIndex={-1}
      withBorder
      radius="md"
      p="sm"
      role="status"
      aria-label={t('targets.testDialog.result')}
      bg={result.success ? 'var(--mantine-color-teal-light)' : 'var(--mantine-color-red-light)'}
    >
      <Stack gap="xs">
        <Group gap="xs">
          <Badge color={result.success ? 'teal' : 'red'}>
            {result.success ? t('targets.testSuccess') : t('targets.testFailure')}
          </Badge>
          <Text fw={500}>
            {result.success ? t('targets.testDialog.success', { ms }) : t('targets.testDialog.failure', { ms })}
          </Text>
        </Group>
        <Group gap="md">
          {result.statusCode !== null && (
            <Text size="sm">{t('targets.testDialog.statusCode', { code: result.statusCode })}</Text>
          )}
          <Text size="sm">{t('targets.testDialog.attempts', { count: result.attempts })}</Text>
        </Group>
        {result.error && (
          <div>
            <Text size="sm" fw={500}>
              {t('targets.testDialog.error')}
            </Text>
            <Code block>{result.error}</Code>
          </div>
        )}
        {result.response && (
          <div>
            <Text size="sm" fw={500}>
              {t('targets.testDialog.response')}
            </Text>
            <ScrollRegion label={t('targets.testDialog.response')} mah={160}>
              <Code block>{result.response}</Code>
            </ScrollRegion>
          </div>
        )}
      </Stack>
    </Paper>
  );
}
