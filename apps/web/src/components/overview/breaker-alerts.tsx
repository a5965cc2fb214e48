import type { CircuitBreakerAlert } from '@herald/core';
import { Badge, Group, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useFormatDateTime } from '../../lib/format.ts';
import { OverviewSection } from './section.tsx';

/** The circuit-breaker alerts of the last 24 h, newest first, with their deliveries' outcome. */
export function BreakerAlerts({ alerts }: { alerts: CircuitBreakerAlert[] | undefined }) {
  const { t } = useTranslation();
  const formatDateTime = useFormatDateTime();
  const when = (iso: string) => (iso && !Number.isNaN(Date.parse(iso)) ? formatDateTime(iso) : '—');
  return (
    <OverviewSection
      testId="overview-circuit-breakers"
      title={t('overviewPage.breakers.title')}
      description={t('overviewPage.breakers.description')}
      loading={!alerts}
      empty={alerts?.length === 0 ? t('overviewPage.breakers.empty') : null}
    >
      <Table.ScrollContainer minWidth={560}>
        <Table verticalSpacing="xs" highlightOnHover>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('overviewPage.breakers.provider')}</Table.Th>
              <Table.Th ta="right">{t('overviewPage.breakers.failures')}</Table.Th>
              <Table.Th>{t('overviewPage.breakers.at')}</Table.Th>
              <Table.Th>{t('overviewPage.breakers.retryAt')}</Table.Th>
              <Table.Th>{t('overviewPage.breakers.outcome')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {alerts?.map((a) => (
              <Table.Tr key={a.notificationId} data-testid="overview-circuit-breaker">
                <Table.Td>
                  <Text size="sm" fw={600}>
                    {a.providerName}
                  </Text>
                  {a.lastError && (
                    <Text size="xs" c="dimmed" lineClamp={1} maw={280} title={a.lastError}>
                      {a.lastError}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td ta="right">{a.failureCount}</Table.Td>
                <Table.Td>
                  <Text size="sm">{when(a.at)}</Text>
                </Table.Td>
                <Table.Td>
                  <Text size="sm">{when(a.retryAt)}</Text>
                </Table.Td>
                <Table.Td>
                  <Group gap={4}>
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
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </OverviewSection>
  );
}
