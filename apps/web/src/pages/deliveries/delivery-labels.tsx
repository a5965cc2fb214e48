import type { DeliverySummary } from '@herald/core';
import { Badge, Group, Stack, Text } from '@mantine/core';
import { Trans, useTranslation } from 'react-i18next';
import { RelativeTime } from '../../components/relative-time.tsx';
import { eventLabelKey } from './delivery-event.ts';
import { DeliveryStatusBadge } from './delivery-status-badge.tsx';

type Row = Pick<
  DeliverySummary,
  'notificationType' | 'kind' | 'event' | 'subject' | 'carriedCount' | 'status' | 'waitReason' | 'nextAttemptAt'
>;

/** What a delivery carried: its type, a digest mark with its count, the event and the subject. */
export function DeliveryWhat({ delivery }: { delivery: Row }) {
  const { t } = useTranslation();
  const eventKey = eventLabelKey(delivery.event);
  return (
    <Stack gap={2}>
      <Group gap={6} wrap="nowrap">
        {/* A type name breaks between words, never inside one (サーキットブレーカ/ー). */}
        <Text size="sm" style={{ wordBreak: 'keep-all' }}>
          {t(`deliveries.types.${delivery.notificationType}`)}
        </Text>
        {delivery.kind === 'digest' && (
          <Badge variant="outline" color="grape" size="sm" miw="max-content">
            {t('deliveries.digestOf', { n: delivery.carriedCount ?? 0 })}
          </Badge>
        )}
        {delivery.event && (
          <Badge variant="dot" color={delivery.event === 'recovered' ? 'teal' : 'orange'} size="sm" miw="max-content">
            {eventKey ? t(eventKey) : delivery.event}
          </Badge>
        )}
      </Group>
      {delivery.subject && (
        <Text size="xs" c="dimmed" truncate="end" maw={260} title={delivery.subject} data-testid="delivery-subject">
          {delivery.subject}
        </Text>
      )}
    </Stack>
  );
}

/** The status, and for a delivery held on purpose why it waits and when it goes. */
export function DeliveryState({ delivery }: { delivery: Row }) {
  const { t } = useTranslation();
  const reason = delivery.status === 'pending' ? delivery.waitReason : null;
  return (
    <Stack gap={2} align="flex-start">
      <DeliveryStatusBadge status={delivery.status} />
      {reason && (
        <Text size="xs" c="dimmed" data-testid="wait-reason">
          {delivery.nextAttemptAt ? (
            <Trans
              i18nKey="deliveries.waitingUntil"
              values={{ reason: t(`deliveries.waitReasons.${reason}`) }}
              components={{ at: <RelativeTime iso={delivery.nextAttemptAt} size="xs" c="dimmed" /> }}
            />
          ) : (
            t('deliveries.waiting', { reason: t(`deliveries.waitReasons.${reason}`) })
          )}
        </Text>
      )}
    </Stack>
  );
}
