import type { CircuitBreakerAlert } from '@herald/core';
import { Badge, Group, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { RelativeTime } from '../../components/relative-time.tsx';
import { OverviewSection } from './section.tsx';

/** The circuit-breaker alerts of the last 24 h, newest first, with their deliveries' outcome. */
export function BreakerAlerts({ alerts }: { alerts: CircuitBreakerAlert[] | undefined }) {
  const { t } = useTranslation();
  const when = (iso: string) =>
    iso && !Number.isNaN(Date.parse(iso)) ? <RelativeTime iso={iso} size="xs" c="dimmed" /> : '—';
  return (
    <OverviewSection
      testId="overview-circuit-breakers"
      title={t('overviewPage.breakers.title')}
      description={t('overviewPage.breakers.description')}
      loading={!alerts}
      empty={alerts?.length === 0 ? t('overviewPage.breakers.empty') : null}
    >
      <Stack gap={0}>
        {alerts?.map((a, i) => (
          <Stack
            key={a.notificationId}
            gap={4}
            py="sm"
            data-testid="overview-circuit-breaker"
            style={{ borderTop: i ? '1px solid var(--mantine-color-default-border)' : undefined }}
          >
            <Group justify="space-between" align="flex-start" gap="xs" wrap="nowrap">
              <Group gap={6} wrap="wrap" style={{ minWidth: 0 }}>
                <Text fw={600} truncate="end" title={a.providerId}>
                  {a.providerName}
                </Text>
                <Badge variant="filled" color="red" size="sm">
                  {t('overviewPage.breakers.failuresCount', { count: a.failureCount })}
                </Badge>
              </Group>
              <Group
                gap={4}
                justify="flex-end"
                style={{ flexShrink: 0 }}
                aria-label={t('overviewPage.breakers.outcome')}
              >
                {a.delivered > 0 && (
                  <Badge variant="light" color="teal" size="sm">
                    {t('overviewPage.breakers.delivered', { count: a.delivered })}
                  </Badge>
                )}
                {a.failed > 0 && (
                  <Badge variant="light" color="red" size="sm">
                    {t('overviewPage.breakers.failed', { count: a.failed })}
                  </Badge>
                )}
                {a.pending > 0 && (
                  <Badge variant="light" color="yellow" size="sm">
                    {t('overviewPage.breakers.pending', { count: a.pending })}
                  </Badge>
                )}
                {a.delivered + a.failed + a.pending === 0 && (
                  <Badge variant="light" color="gray" size="sm">
                    {t('overviewPage.breakers.notSent')}
                  </Badge>
                )}
              </Group>
            </Group>
            {a.lastError && (
              <Text size="sm" c="dimmed" lineClamp={2} style={{ wordBreak: 'break-word' }}>
                {a.lastError}
              </Text>
            )}
            <Group gap="md" wrap="wrap">
              <Text size="xs" c="dimmed">
                {t('overviewPage.breakers.at')}: {when(a.at)}
              </Text>
              <Text size="xs" c="dimmed">
                {t('overviewPage.breakers.retryAt')}: {when(a.retryAt)}
              </Text>
            </Group>
          </Stack>
        ))}
      </Stack>
    </OverviewSection>
  );
}
