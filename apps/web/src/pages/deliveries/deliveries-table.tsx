import type { DeliverySummary } from '@herald/core';
import { Button, Group, Paper, Table, Text, VisuallyHidden } from '@mantine/core';
import { Trans, useTranslation } from 'react-i18next';
import { channelUi, useChannelName } from '../../channels/index.ts';
import { RelativeTime, useRelativeText } from '../../components/relative-time.tsx';
import { useFormatDateTime } from '../../lib/format.ts';
import type { DeliveryGroup } from './delivery-groups.ts';
import { DeliveryHeadline } from './delivery-headline.tsx';
import { DeliveryStatusBadge } from './delivery-status-badge.tsx';
import { OneLine } from './one-line.tsx';

type Props = { groups: readonly DeliveryGroup[]; onOpen: (id: string) => void };

/** Fixed widths; the headline takes the rest (the error's whole text and the latency are in the drawer). */
const WIDTHS = { time: 128, target: 180, status: 112, error: 210, details: 96 };

/**
 * The log as a table, one line per row: each notification's first row says what it was about,
 * the rows of its other targets follow it (indented, the headline kept for screen readers).
 */
export function DeliveriesTable({ groups, onOpen }: Props) {
  const { t } = useTranslation();
  const headers = [
    [t('deliveries.time'), WIDTHS.time],
    [t('deliveries.type'), undefined],
    [t('deliveries.target'), WIDTHS.target],
    [t('deliveries.status'), WIDTHS.status],
    [t('deliveries.error'), WIDTHS.error],
  ] as const;
  return (
    <Paper withBorder radius="lg">
      {/* Fits 1280 px; between a phone and that (a tablet beside the navbar) it scrolls inside its card. */}
      <Table.ScrollContainer minWidth={860} type="native">
        <Table
          verticalSpacing="sm"
          horizontalSpacing="sm"
          highlightOnHover
          aria-label={t('deliveries.tableLabel')}
          style={{ tableLayout: 'fixed', width: '100%' }}
        >
          <colgroup>
            {headers.map(([h, w]) => (
              <col key={h} style={w ? { width: w } : undefined} />
            ))}
            <col style={{ width: WIDTHS.details }} />
          </colgroup>
          <Table.Thead>
            <Table.Tr>
              {headers.map(([h]) => (
                <Table.Th key={h}>
                  <OneLine full={h} fw={700}>
                    {h}
                  </OneLine>
                </Table.Th>
              ))}
              <Table.Th>
                <VisuallyHidden>{t('deliveries.details')}</VisuallyHidden>
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {groups.flatMap((group) =>
              group.deliveries.map((delivery, index) => (
                <DeliveryRow key={delivery.id} delivery={delivery} first={index === 0} onOpen={onOpen} />
              )),
            )}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Paper>
  );
}

type RowProps = { delivery: DeliverySummary; first: boolean; onOpen: (id: string) => void };

function DeliveryRow({ delivery, first, onOpen }: RowProps) {
  const { t } = useTranslation();
  const formatDateTime = useFormatDateTime();
  const time = formatDateTime(delivery.createdAt);
  return (
    <Table.Tr
      data-group-start={first || undefined}
      style={first ? { borderTop: '2px solid var(--mantine-color-default-border)' } : undefined}
    >
      <Table.Td>
        <RelativeTime iso={delivery.createdAt} display="block" truncate="end" />
      </Table.Td>
      <Table.Td>
        {first ? (
          <DeliveryHeadline delivery={delivery} />
        ) : (
          <>
            <Text size="sm" c="dimmed" aria-hidden pl="xs">
              ↳
            </Text>
            <DeliveryHeadline delivery={delivery} hidden />
          </>
        )}
      </Table.Td>
      <Table.Td>
        <TargetCell delivery={delivery} />
      </Table.Td>
      <Table.Td>
        <StatusCell delivery={delivery} />
      </Table.Td>
      <Table.Td>
        {delivery.error && (
          <OneLine full={delivery.error} c="red">
            {delivery.error}
          </OneLine>
        )}
      </Table.Td>
      <Table.Td ta="right">
        <Button
          variant="subtle"
          size="xs"
          px={6}
          aria-label={t('deliveries.detailsNamed', { time })}
          onClick={() => onOpen(delivery.id)}
        >
          {t('deliveries.details')}
        </Button>
      </Table.Td>
    </Table.Tr>
  );
}

/** The target's name with its channel's icon, and the channel named after it (dimmed). */
export function TargetCell({ delivery }: { delivery: DeliverySummary }) {
  const { t } = useTranslation();
  const channelName = useChannelName();
  const { icon: Icon, color } = channelUi(delivery.channel);
  const name =
    delivery.targetName ?? (delivery.targetId ? t('deliveries.deletedTarget') : t('deliveries.legacyTarget'));
  const channel = channelName(delivery.channel);
  return (
    <Group gap={6} wrap="nowrap" miw={0}>
      <Icon size={16} color={`var(--mantine-color-${color}-filled)`} style={{ flexShrink: 0 }} />
      <OneLine full={`${name} · ${channel}`} miw={0}>
        <Text span size="sm" fw={500}>
          {name}
        </Text>
        <Text span size="sm" c="dimmed">
          {' · '}
          {channel}
        </Text>
      </OneLine>
    </Group>
  );
}

/** The status badge, and for a delivery held on purpose why it waits and when it goes (one line). */
export function StatusCell({ delivery }: { delivery: DeliverySummary }) {
  const { t } = useTranslation();
  const relative = useRelativeText();
  const reason = delivery.status === 'pending' ? delivery.waitReason : null;
  const because = reason ? t(`deliveries.waitReasons.${reason}`) : '';
  const at = delivery.nextAttemptAt;
  // The cut line's whole text on hover: the sentence with the relative time in words.
  const full = at
    ? t('deliveries.waitingUntil', { reason: because }).replace('<at/>', relative(at))
    : t('deliveries.waiting', { reason: because });
  return (
    <Group gap={4} wrap="nowrap" miw={0}>
      <DeliveryStatusBadge status={delivery.status} />
      {reason && (
        <OneLine full={full} size="xs" c="dimmed" miw={0} testId="wait-reason">
          {at ? (
            <Trans
              i18nKey="deliveries.waitingUntil"
              values={{ reason: because }}
              components={{ at: <RelativeTime iso={at} size="xs" c="dimmed" focusable={false} /> }}
            />
          ) : (
            full
          )}
        </OneLine>
      )}
    </Group>
  );
}
