import type { DeliveryStatus } from '@herald/core';
import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';

const COLORS: Record<DeliveryStatus, string> = {
  pending: 'yellow',
  sending: 'blue',
  delivered: 'teal',
  failed: 'red',
  skipped: 'gray',
  // Carried by a digest: the digest's own delivery has the outcome.
  grouped: 'grape',
};

export function DeliveryStatusBadge({ status }: { status: DeliveryStatus }) {
  const { t } = useTranslation();
  return (
    // Never squeezed into an ellipsis by a narrow table column.
    <Badge variant="light" color={COLORS[status]} miw="max-content">
      {t(`deliveries.statuses.${status}`)}
    </Badge>
  );
}

export function formatLatency(ms: number | null): string {
  return ms === null ? '—' : `${Math.round(ms)} ms`;
}
