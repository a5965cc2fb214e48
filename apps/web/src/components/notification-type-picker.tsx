import { NOTIFICATION_TYPES, type NotificationType } from '@herald/core';
import { SegmentedControl, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';

type Props = { label: string; value: NotificationType; onChange: (value: NotificationType) => void };

/** One of the notification types, as labelled radio buttons. */
export function NotificationTypePicker({ label, value, onChange }: Props) {
  const { t } = useTranslation();
  return (
    <Stack gap={4} role="radiogroup" aria-label={label}>
      <Text size="sm" fw={500}>
        {label}
      </Text>
      <SegmentedControl
        fullWidth
        value={value}
        onChange={(v) => onChange(v as NotificationType)}
        data={NOTIFICATION_TYPES.map((type) => ({ value: type, label: t(`targets.types.${type}`) }))}
      />
    </Stack>
  );
}
