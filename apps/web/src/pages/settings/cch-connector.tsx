import {
  CCH_POLL_INTERVAL_MAX_SECONDS,
  CCH_POLL_INTERVAL_MIN_SECONDS,
  type CchConnector,
  type CchConnectorTestResult,
} from '@herald/core';
import { Alert, Button, Group, NumberInput, Paper, Stack, Switch, Text, TextInput, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { TRPCClientError } from '@trpc/client';
import { useState } from 'react';
import { Trans, useTranslation } from 'react-i18next';
import { IconAlertCircle } from '../../components/icons.tsx';
import { RelativeTime } from '../../components/relative-time.tsx';
import { SecretInput } from '../../components/secret-input.tsx';
import { type IssueLike, issueText, messageOf } from '../../lib/errors.ts';
import { notify } from '../../lib/notify.ts';
import { trpc } from '../../lib/trpc.ts';

type Values = { enabled: boolean; baseUrl: string; token: string; intervalSeconds: number | string };
type Field = 'enabled' | 'baseUrl' | 'token' | 'intervalSeconds';

function fieldErrorsOf(error: unknown): Partial<Record<Field, string>> {
  if (!(error instanceof TRPCClientError)) return {};
  const issues = (error.data as { issues?: Array<IssueLike & { path: string }> } | null | undefined)?.issues;
  return Object.fromEntries((issues ?? []).map((i) => [i.path, issueText(i)]));
}

/** The optional Claude Code Hub health connector: where CCH is, its admin token, how often to poll. */
export function CchConnectorSection() {
  const { t } = useTranslation();
  const connector = useQuery(trpc.cch.connector.get.queryOptions());
  if (connector.isError) {
    return (
      <Alert color="red" variant="light" icon={<IconAlertCircle />} title={t('error.title')} mb="xl">
        {t('cchConnector.loadFailed', { message: messageOf(connector.error) })}
      </Alert>
    );
  }
  return connector.data ? <CchConnectorForm key={connector.data.updatedAt} connector={connector.data} /> : null;
}

function CchConnectorForm({ connector }: { connector: CchConnector }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [values, setValues] = useState<Values>({
    enabled: connector.enabled,
    baseUrl: connector.baseUrl ?? '',
    token: '',
    intervalSeconds: connector.intervalSeconds,
  });
  const [errors, setErrors] = useState<Partial<Record<Field, string>>>({});
  const [tested, setTested] = useState<CchConnectorTestResult | null>(null);
  const set = <K extends keyof Values>(key: K, value: Values[K]) => setValues((v) => ({ ...v, [key]: value }));

  const typed = () => ({
    ...(values.baseUrl.trim() ? { baseUrl: values.baseUrl.trim() } : {}),
    ...(values.token ? { token: values.token } : {}),
  });
  const save = useMutation(
    trpc.cch.connector.set.mutationOptions({
      onSuccess: async () => {
        setErrors({});
        notify({ color: 'teal', message: t('cchConnector.saved') });
        await Promise.all([
          queryClient.invalidateQueries({ queryKey: trpc.cch.connector.get.queryKey() }),
          queryClient.invalidateQueries({ queryKey: trpc.audit.list.pathKey() }),
        ]);
      },
      onError: (error) => {
        setErrors(fieldErrorsOf(error));
        notify({ color: 'red', message: t('cchConnector.saveFailed', { message: messageOf(error) }) });
      },
    }),
  );
  const test = useMutation(
    trpc.cch.connector.test.mutationOptions({
      onSuccess: (result) => setTested(result),
      onError: (error) => {
        setTested(null);
        setErrors(fieldErrorsOf(error));
        notify({ color: 'red', message: t('cchConnector.testFailed', { message: messageOf(error) }) });
      },
    }),
  );
  const interval = typeof values.intervalSeconds === 'number' ? values.intervalSeconds : undefined;

  return (
    <Paper withBorder radius="lg" p="lg" mb="xl">
      <form
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          save.mutate({
            enabled: values.enabled,
            ...typed(),
            ...(interval === undefined ? {} : { intervalSeconds: interval }),
          });
        }}
      >
        <Stack>
          <div>
            <Title order={2} size="h4">
              {t('cchConnector.title')}
            </Title>
            <Text size="sm" c="dimmed" mt={4}>
              {t('cchConnector.description')}
            </Text>
          </div>
          <Switch
            label={t('cchConnector.enabled')}
            checked={values.enabled}
            onChange={(event) => set('enabled', event.currentTarget.checked)}
            error={errors.enabled}
          />
          <TextInput
            label={t('cchConnector.baseUrl')}
            description={t('cchConnector.baseUrlDescription')}
            placeholder="https://cch.example.com"
            maw={520}
            value={values.baseUrl}
            onChange={(event) => set('baseUrl', event.currentTarget.value)}
            error={errors.baseUrl}
          />
          <div style={{ maxWidth: 520 }}>
            <SecretInput
              label={t('cchConnector.token')}
              description={t('cchConnector.tokenDescription')}
              value={values.token}
              onChange={(token) => set('token', token)}
              stored={connector.token}
              error={errors.token}
            />
          </div>
          <NumberInput
            label={t('cchConnector.interval')}
            description={t('cchConnector.intervalDescription', {
              min: CCH_POLL_INTERVAL_MIN_SECONDS,
              max: CCH_POLL_INTERVAL_MAX_SECONDS,
            })}
            min={CCH_POLL_INTERVAL_MIN_SECONDS}
            max={CCH_POLL_INTERVAL_MAX_SECONDS}
            allowDecimal={false}
            clampBehavior="none"
            maw={220}
            value={values.intervalSeconds}
            onChange={(seconds) => set('intervalSeconds', seconds)}
            error={errors.intervalSeconds}
          />
          <LastPoll connector={connector} />
          {tested && <TestResult result={tested} />}
          <Group>
            <Button type="submit" loading={save.isPending}>
              {t('cchConnector.save')}
            </Button>
            <Button variant="default" loading={test.isPending} onClick={() => test.mutate(typed())}>
              {t('cchConnector.test')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}

function LastPoll({ connector }: { connector: CchConnector }) {
  const { t } = useTranslation();
  const last = connector.lastPoll;
  if (!last) return <Text size="sm">{t('cchConnector.neverPolled')}</Text>;
  const at = <RelativeTime iso={last.at} size="sm" c="inherit" />;
  return last.ok ? (
    <Text size="sm">
      <Trans
        i18nKey="cchConnector.lastPollOk"
        values={{ providers: last.providers ?? 0, notClosed: last.notClosed ?? 0 }}
        components={{ at }}
      />
    </Text>
  ) : (
    <Text size="sm" c="red">
      <Trans i18nKey="cchConnector.lastPollFailed" values={{ error: last.error ?? '' }} components={{ at }} />
    </Text>
  );
}

function TestResult({ result }: { result: CchConnectorTestResult }) {
  const { t } = useTranslation();
  return result.ok ? (
    <Alert color="teal" variant="light" title={t('cchConnector.testOk', { ms: result.latencyMs })}>
      {t('cchConnector.testProviders', { providers: result.providers ?? 0, notClosed: result.notClosed ?? 0 })}
    </Alert>
  ) : (
    <Alert color="red" variant="light" icon={<IconAlertCircle />} title={t('cchConnector.testNotOk')}>
      {result.error}
    </Alert>
  );
}
