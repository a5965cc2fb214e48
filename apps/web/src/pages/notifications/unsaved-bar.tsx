import { Button, Group, Paper, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/** The page's one Save and Discard, stuck to the bottom of the view while anything is unsaved. */
export function UnsavedBar({
  count,
  saving,
  onSave,
  onDiscard,
}: {
  count: number;
  saving: boolean;
  onSave: () => void;
  onDiscard: () => void;
}) {
  const { t } = useTranslation();
  return (
    <Paper
      role="region"
      aria-label={t('notificationsPage.routing.unsaved')}
      withBorder
      shadow="md"
      radius="md"
      p="sm"
      style={{ position: 'sticky', bottom: 'var(--mantine-spacing-sm)', zIndex: 20 }}
    >
      <Group justify="space-between" gap="xs">
        <Text size="sm" fw={500} role="status">
          {t('notificationsPage.routing.unsavedCount', { count })}
        </Text>
        <Group gap="xs">
          <Button variant="default" onClick={onDiscard} disabled={saving}>
            {t('notificationsPage.routing.discard')}
          </Button>
          <Button onClick={onSave} loading={saving}>
            {t('notificationsPage.save')}
          </Button>
        </Group>
      </Group>
    </Paper>
  );
}
