import type { DeliverySummary } from '@herald/core';
import { Button, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useChannelName } from '../../channels/index.ts';
import { DataTable } from '../../components/data-table.tsx';
import { useFormatDateTime } from '../../lib/format.ts';
import { DeliveryState, DeliveryWhat } from './delivery-labels.tsx';
import { formatLatency } from './delivery-status-badge.tsx';

type Props = { deliveries: readonly DeliverySummary[]; onOpen: (id: string) => void };

export function DeliveriesTable({ deliveries, onOpen }: Props) {
  const { t } = useTranslation();
  const formatDateTime = useFormatDateTime();
  const channelName = useChannelName();
  return (
    <DataTable
      label={t('deliveries.tableLabel')}
      minWidth={1000}
      headers={[
        t('deliveries.time'),
        t('deliveries.type'),
        t('deliveries.target'),
        t('deliveries.channel'),
        t('deliveries.status'),
        t('deliveries.latency'),
        t('deliveries.error'),
      ]}
      actionsHeader={t('deliveries.details')}
    >
      {deliveries.map((delivery) => {
        const time = formatDateTime(delivery.createdAt);
        return (
          <Table.Tr key={delivery.id}>
            <Table.Td style={{ whiteSpace: 'nowrap' }}>{time}</Table.Td>
            <Table.Td>
              <DeliveryWhat delivery={delivery} />
            </Table.Td>
            <Table.Td fw={500}>
              {delivery.targetName ??
                (delivery.targetId ? t('deliveries.deletedTarget') : t('deliveries.legacyTarget'))}
            </Table.Td>
            <Table.Td>{channelName(delivery.channel)}</Table.Td>
            <Table.Td>
              <DeliveryState delivery={delivery} />
            </Table.Td>
            <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatLatency(delivery.latencyMs, t)}</Table.Td>
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
    </DataTable>
  );
}
