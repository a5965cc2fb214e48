import type { DeliveryStatus } from '@herald/core';
import { Badge } from '@mantine/core';
import type { TFunction } from 'i18next';
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

/** A latency in the UI language's unit ("16 ms", "16 毫秒", "16 мс"). */
export function formatLatency(ms: number | null, t: TFunction): string {
  return ms === null ? '—' : t('targets.latency', { ms: Math.round(ms) });
}
