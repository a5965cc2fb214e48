import type { OutcomeCounts } from '@herald/core';
import { Card, Group, SimpleGrid, Skeleton, Text, ThemeIcon } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { DeliveriesLink } from '../../components/deliveries-link.tsx';
import { IconAlertCircle, IconCheck, IconSend } from '../../components/icons.tsx';
import { useOverviewFormat } from './format.ts';

const OUTCOMES = ['delivered', 'failed', 'pending', 'skipped'] as const satisfies ReadonlyArray<keyof OutcomeCounts>;
const COLORS: Record<keyof OutcomeCounts, string> = {
  delivered: 'teal',
  failed: 'red',
  pending: 'yellow',
  skipped: 'gray',
};
const ICONS = { delivered: IconCheck, failed: IconAlertCircle, pending: IconSend, skipped: IconSend };

type Props = {
  today: OutcomeCounts | undefined;
  /** Today in the system time zone: each card opens that day's deliveries with its outcome. */
  period: { from: string; to: string } | undefined;
};

/** Today's deliveries by outcome: four colored cards. */
export function TodayStats({ today, period }: Props) {
  const { t } = useTranslation();
  const f = useOverviewFormat();
  return (
    <SimpleGrid
      cols={{ base: 2, md: 4 }}
      spacing="md"
      data-testid="overview-today"
      aria-label={t('overviewPage.today.title')}
    >
      {OUTCOMES.map((outcome) => {
        const Icon = ICONS[outcome];
        const value = today?.[outcome] ?? 0;
        const alarming = outcome === 'failed' && value > 0;
        return (
          <DeliveriesLink
            key={outcome}
            filters={{ status: outcome, ...period }}
            underline="never"
            c="inherit"
            data-testid={`overview-today-${outcome}-link`}
          >
            <Card
              h="100%"
              withBorder
              radius="md"
              padding="md"
              data-testid={`overview-today-${outcome}`}
              style={{ borderTop: `3px solid var(--mantine-color-${COLORS[outcome]}-6)` }}
            >
              <Group justify="space-between" align="flex-start" wrap="nowrap" gap="xs">
                <Text size="sm" c="dimmed" fw={600} tt="uppercase" lh={1.2}>
                  {t(`overviewPage.today.${outcome}`)}
                </Text>
                <ThemeIcon variant="light" color={COLORS[outcome]} size="md" radius="xl" visibleFrom="xs">
                  <Icon size={16} />
                </ThemeIcon>
              </Group>
              {today ? (
                <Text
                  fz={{ base: 28, sm: 34 }}
                  fw={700}
                  lh={1.2}
                  mt={6}
                  c={alarming ? 'red.7' : undefined}
                  data-testid={`overview-today-${outcome}-value`}
                >
                  {f.integer(value)}
                </Text>
              ) : (
                <Skeleton height={34} width="50%" mt={6} />
              )}
              <Text size="xs" c="dimmed" mt={4}>
                {t(`overviewPage.today.${outcome}Hint`)}
              </Text>
            </Card>
          </DeliveriesLink>
        );
      })}
    </SimpleGrid>
  );
}
