import { Group, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ChannelBadge } from '../../components/channel-badge.tsx';
import { HealthCell, LastErrorCell, RateCell } from './health-cells.tsx';
import { BacklogCell, PaceCell } from './pace-cells.tsx';
import { EnabledSwitch, LastTest, TargetActions, type TargetsListProps } from './targets-table.tsx';

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <Stack gap={4} style={{ minWidth: 0 }}>
      <Text size="xs" fw={600} c="dimmed">
        {label}
      </Text>
      {children}
    </Stack>
  );
}

/** The targets as cards on a phone: the table's every fact, one target per card. */
export function TargetCards(props: TargetsListProps) {
  const { targets, paces, pacesUnavailable, health, healthUnavailable } = props;
  const { t } = useTranslation();
  return (
    <Stack gap="sm" component="ul" aria-label={t('targets.tableLabel')} p={0} m={0} style={{ listStyle: 'none' }}>
      {targets.map((target) => (
        <Paper key={target.id} withBorder radius="lg" p="md" component="li" data-testid="target-card">
          <Stack gap="sm">
            <Group justify="space-between" align="flex-start" wrap="nowrap">
              <Title order={3} size="h5" style={{ overflowWrap: 'anywhere' }}>
                {target.name}
              </Title>
              <ChannelBadge channel={target.providerType} />
            </Group>
            <EnabledSwitch target={target} />
            <SimpleGrid cols={2} spacing="sm" verticalSpacing="sm">
              <Fact label={t('targetHealth.health')}>
                <HealthCell target={target} health={health.get(target.id)} unavailable={healthUnavailable} />
              </Fact>
              <Fact label={t('targetHealth.successRate')}>
                <RateCell health={health.get(target.id)} unavailable={healthUnavailable} />
              </Fact>
            </SimpleGrid>
            <Fact label={t('targetHealth.lastError')}>
              <LastErrorCell target={target} health={health.get(target.id)} unavailable={healthUnavailable} />
            </Fact>
            <SimpleGrid cols={2} spacing="sm" verticalSpacing="sm">
              <Fact label={t('targets.pace.column')}>
                <PaceCell target={target} pace={paces.get(target.id)} />
              </Fact>
              <Fact label={t('targets.pace.backlogColumn')}>
                <BacklogCell pace={paces.get(target.id)} unavailable={pacesUnavailable} />
              </Fact>
            </SimpleGrid>
            <Fact label={t('targets.lastTest')}>
              <LastTest target={target} />
            </Fact>
            <TargetActions target={target} {...props} justify="flex-start" />
          </Stack>
        </Paper>
      ))}
    </Stack>
  );
}
