import type { DeliverySummary } from '@herald/core';
import { Button, Paper, Table, Text, VisuallyHidden } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useFormatDateTime } from '../../lib/format.ts';
import { DeliveryStatusBadge, formatLatency } from './delivery-status-badge.tsx';

type Props = { deliveries: readonly DeliverySummary[]; onOpen: (id: string) => void };

export function DeliveriesTable({ deliveries, onOpen }: Props) {
  const { t } = useTranslation();
  const formatDateTime = useFormatDateTime();
  return (
    <Paper withBorder radius="lg">
      <Table.ScrollContainer minWidth={900}>
        <Table verticalSpacing="sm" horizontalSpacing="md" highlightOnHover aria-label={t('deliveries.tableLabel')}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('deliveries.time')}</Table.Th>
              <Table.Th>{t('deliveries.type')}</Table.Th>
              <Table.Th>{t('deliveries.target')}</Table.Th>
              <Table.Th>{t('deliveries.channel')}</Table.Th>
              <Table.Th>{t('deliveries.status')}</Table.Th>
              <Table.Th>{t('deliveries.latency')}</Table.Th>
              <Table.Th>{t('deliveries.error')}</Table.Th>
              <Table.Th>
                <VisuallyHidden>{t('deliveries.details')}</VisuallyHidden>
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {deliveries.map((delivery) => {
              const time = formatDateTime(delivery.createdAt);
              return (
                <Table.Tr key={delivery.id}>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>{time}</Table.Td>
                  <Table.Td>{t(`deliveries.types.${delivery.notificationType}`)}</Table.Td>
                  <Table.Td fw={500}>
                    {delivery.targetName ??
                      (delivery.targetId ? t('deliveries.deletedTarget') : t('deliveries.legacyTarget'))}
                  </Table.Td>
                  <Table.Td>{t(`deliveries.channels.${delivery.channel}`)}</Table.Td>
                  <Table.Td>
                    <DeliveryStatusBadge status={delivery.status} />
                  </Table.Td>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatLatency(delivery.latencyMs)}</Table.Td>
                  <Table.Td maw={280}>
                    {delivery.error && (
                      <Text size="sm" c="red" truncate="end" title={delivery.error}>
                        {delivery.error}
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td ta="right">
                    <Button
                      variant="subtle"
                      size="xs"
                      aria-label={t('deliveries.detailsNamed', { time })}
                      onClick={() => onOpen(delivery.id)}
                    >
                      {t('deliveries.details')}
                    </Button>
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Paper>
  );
}
