import { Button, Group, Paper, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { RelativeTime } from '../../components/relative-time.tsx';
import { useFormatDateTime } from '../../lib/format.ts';
import { StatusCell, TargetCell } from './deliveries-table.tsx';
import type { DeliveryGroup } from './delivery-groups.ts';
import { DeliveryHeadline } from './delivery-headline.tsx';
import { formatLatency } from './delivery-status-badge.tsx';
import { OneLine } from './one-line.tsx';

/** How many targets a notification went to (a resend is the same target again). */
function targetCount(group: DeliveryGroup): number {
  return new Set(group.deliveries.map((d) => d.targetId ?? d.channel)).size;
}

type Props = { groups: readonly DeliveryGroup[]; onOpen: (id: string) => void };

/** The log on a phone: a card per notification, a line per target under its headline. */
export function DeliveryCards({ groups, onOpen }: Props) {
  const { t } = useTranslation();
  const formatDateTime = useFormatDateTime();
  return (
    <Stack gap="sm" component="ul" aria-label={t('deliveries.tableLabel')} p={0} m={0} style={{ listStyle: 'none' }}>
      {groups.map((group) => {
        const head = group.deliveries[0];
        if (!head) return null;
        return (
          <Paper component="li" key={group.notificationId} withBorder radius="md" p="sm" miw={0}>
            <Stack gap={6}>
              <Group gap={6} wrap="nowrap" justify="space-between">
                <DeliveryHeadline delivery={head} />
                {targetCount(group) > 1 && (
                  <Text size="xs" c="dimmed" style={{ flexShrink: 0 }}>
                    {t('deliveryLog.sentTo', { count: targetCount(group) })}
                  </Text>
                )}
              </Group>
              {group.deliveries.map((delivery) => {
                const time = formatDateTime(delivery.createdAt);
                return (
                  <Stack
                    key={delivery.id}
                    gap={2}
                    pt={6}
                    style={{ borderTop: '1px solid var(--mantine-color-default-border)' }}
                    data-testid="delivery-card-row"
                  >
                    <Group justify="space-between" gap="xs" wrap="nowrap">
                      <TargetCell delivery={delivery} />
                      <StatusCell delivery={delivery} />
                    </Group>
                    <Group justify="space-between" gap="xs" wrap="nowrap">
                      <Text size="xs" c="dimmed" truncate="end">
                        <RelativeTime iso={delivery.createdAt} size="xs" /> · {formatLatency(delivery.latencyMs, t)}
                      </Text>
                      <Button
                        variant="subtle"
                        size="xs"
                        px={6}
                        style={{ flexShrink: 0 }}
                        aria-label={t('deliveries.detailsNamed', { time })}
                        onClick={() => onOpen(delivery.id)}
                      >
                        {t('deliveries.details')}
                      </Button>
                    </Group>
                    {delivery.error && (
                      <OneLine full={delivery.error} size="xs" c="red">
                        {delivery.error}
                      </OneLine>
                    )}
                  </Stack>
                );
              })}
            </Stack>
          </Paper>
        );
      })}
    </Stack>
  );
}
