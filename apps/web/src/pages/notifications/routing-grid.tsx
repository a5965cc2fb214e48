import { NOTIFICATION_TYPES, type NotificationType } from '@herald/core';
import { Box, Button, Paper, Stack, Switch, Table, Text, Title, UnstyledButton } from '@mantine/core';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { EmptyState } from '../../components/empty-state.tsx';
import { TargetHealthDot } from '../../components/health-dot.tsx';
import { IconTarget } from '../../components/icons.tsx';
import { isRouted, type TargetRef, type TypeDraft } from './page-draft.ts';

type Props = {
  targets: TargetRef[];
  types: Record<NotificationType, TypeDraft>;
  selected: NotificationType;
  onSelect: (type: NotificationType) => void;
  onRoute: (type: NotificationType, target: TargetRef, on: boolean) => void;
};

/**
 * Targets × types, one switch per cell (on: a binding exists and is enabled). Below `sm` the same
 * switches as one list of targets per type, so nothing scrolls sideways on a phone.
 */
export function RoutingGrid({ targets, types, selected, onSelect, onRoute }: Props) {
  const { t } = useTranslation();
  const typeName = (type: NotificationType) => t(`notificationsPage.types.${type}`);
  const cell = (type: NotificationType, target: TargetRef) => (
    <Switch
      aria-label={t('notificationsPage.routing.route', { type: typeName(type), target: target.name })}
      checked={isRouted(types[type], target.id)}
      onChange={(event) => onRoute(type, target, event.currentTarget.checked)}
    />
  );
  return (
    <Paper component="section" aria-labelledby="routing-title" withBorder radius="lg" p="lg" mb="xl">
      <Title order={2} size="h4" id="routing-title" tabIndex={-1}>
        {t('notificationsPage.routing.gridTitle')}
      </Title>
      <Text size="sm" c="dimmed" mb="md">
        {t('notificationsPage.routing.gridDescription')}
      </Text>
      {targets.length === 0 && (
        <EmptyState
          compact
          icon={IconTarget}
          text={t('notificationsPage.routing.noTargets')}
          action={
            // Straight into the add dialog (`?edit=new`).
            <Button
              renderRoot={(props) => <Link {...props} to="/targets" search={{ edit: 'new' }} />}
              size="sm"
              leftSection={<IconTarget size={16} />}
            >
              {t('emptyStates.routing.addTarget')}
            </Button>
          }
        />
      )}
      {targets.length > 0 && (
        <Box visibleFrom="sm" data-testid="routing-grid">
          <Table layout="fixed" verticalSpacing="xs">
            <Table.Thead>
              <Table.Tr>
                <Table.Th w="28%">{t('notificationsPage.routing.target')}</Table.Th>
                {NOTIFICATION_TYPES.map((type) => (
                  <Table.Th key={type} ta="center">
                    <UnstyledButton
                      aria-pressed={type === selected}
                      aria-label={t('notificationsPage.routing.editType', { type: typeName(type) })}
                      onClick={() => onSelect(type)}
                      fz="sm"
                      fw={type === selected ? 700 : 500}
                      td={type === selected ? 'underline' : undefined}
                      // A long one-word name (Предохранитель) breaks rather than overflowing its column.
                      style={{ overflowWrap: 'anywhere', hyphens: 'auto' }}
                    >
                      {typeName(type)}
                    </UnstyledButton>
                  </Table.Th>
                ))}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {targets.map((target) => (
                <Table.Tr key={target.id}>
                  <Table.Th scope="row" fw={500}>
                    <TargetHealthDot targetId={target.id} />{' '}
                    <Text span size="sm" fw={500} style={{ overflowWrap: 'anywhere' }}>
                      {target.name}
                    </Text>
                  </Table.Th>
                  {NOTIFICATION_TYPES.map((type) => (
                    <Table.Td key={type}>
                      <Box style={{ display: 'flex', justifyContent: 'center' }}>{cell(type, target)}</Box>
                    </Table.Td>
                  ))}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Box>
      )}
      {targets.length > 0 && (
        <Stack hiddenFrom="sm" gap="md" data-testid="routing-list">
          {NOTIFICATION_TYPES.map((type) => (
            <Stack key={type} gap={6}>
              <Button
                variant={type === selected ? 'light' : 'subtle'}
                justify="space-between"
                fullWidth
                aria-pressed={type === selected}
                aria-label={t('notificationsPage.routing.editType', { type: typeName(type) })}
                onClick={() => onSelect(type)}
              >
                {typeName(type)}
              </Button>
              {targets.map((target) => (
                <Box key={target.id} pl="sm" style={{ display: 'flex', justifyContent: 'space-between', gap: 8 }}>
                  <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
                    {target.name}
                  </Text>
                  {cell(type, target)}
                </Box>
              ))}
            </Stack>
          ))}
        </Stack>
      )}
    </Paper>
  );
}
