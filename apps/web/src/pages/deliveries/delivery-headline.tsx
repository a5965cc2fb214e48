import type { DeliverySummary } from '@herald/core';
import { Badge, Group, VisuallyHidden } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { eventLabelKey } from './delivery-event.ts';
import { OneLine } from './one-line.tsx';

type Row = Pick<DeliverySummary, 'notificationType' | 'kind' | 'event' | 'subject' | 'carriedCount'>;

/**
 * What a notification was about, on one line: its type, a digest's count or the event, and the
 * subject (provider, user, date). `hidden`: only for screen readers and text search, on a row
 * that continues its notification's group.
 */
export function DeliveryHeadline({ delivery, hidden = false }: { delivery: Row; hidden?: boolean }) {
  const { t } = useTranslation();
  const type = t(`deliveries.types.${delivery.notificationType}`);
  const eventKey = eventLabelKey(delivery.event);
  const event = delivery.event ? (eventKey ? t(eventKey) : delivery.event) : null;
  const digest = delivery.kind === 'digest' ? t('deliveries.digestOf', { n: delivery.carriedCount ?? 0 }) : null;
  if (hidden) {
    return <VisuallyHidden>{[type, digest, event, delivery.subject].filter(Boolean).join(' · ')}</VisuallyHidden>;
  }
  return (
    <Group gap={6} wrap="nowrap" miw={0}>
      <OneLine full={type} fw={500} style={{ flexShrink: 0 }}>
        {type}
      </OneLine>
      {digest && (
        <Badge variant="outline" color="grape" size="sm" style={{ flexShrink: 0 }}>
          {digest}
        </Badge>
      )}
      {event && (
        <Badge
          variant="dot"
          color={delivery.event === 'recovered' ? 'teal' : 'orange'}
          size="sm"
          style={{ flexShrink: 0 }}
        >
          {event}
        </Badge>
      )}
      {delivery.subject && (
        <OneLine full={delivery.subject} c="dimmed" miw={0} testId="delivery-subject">
          {delivery.subject}
        </OneLine>
      )}
    </Group>
  );
}
