import type { QuotaEntity } from '@herald/core';
import { Group, Progress, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useOverviewFormat } from './format.ts';
import { HubLink } from './hub-link.tsx';
import { OverviewSection } from './section.tsx';

/** Green below 80 %, yellow from 80 %, orange from 90 %, red at or over the limit. */
export function quotaColor(ratio: number): string {
  if (ratio >= 1) return 'red';
  if (ratio >= 0.9) return 'orange';
  if (ratio >= 0.8) return 'yellow';
  return 'green';
}

type Props = { kind: 'users' | 'providers'; entities: QuotaEntity[] | undefined };

/** Spend against every limited window of each user (or provider), fullest first. */
export function QuotaBars({ kind, entities }: Props) {
  const { t } = useTranslation();
  const f = useOverviewFormat();
  return (
    <OverviewSection
      testId={`overview-quotas-${kind}`}
      title={t(kind === 'users' ? 'overviewPage.quotas.usersTitle' : 'overviewPage.quotas.providersTitle')}
      description={t('overviewPage.quotas.description')}
      loading={!entities}
      skeletonRows={4}
      empty={
        entities?.length === 0
          ? t(kind === 'users' ? 'overviewPage.quotas.usersEmpty' : 'overviewPage.quotas.providersEmpty')
          : null
      }
      emptyAction={<HubLink />}
    >
      <Stack gap="md">
        {entities?.map((e) => (
          <Stack key={e.id} gap={6} data-testid="overview-quota">
            <Text fw={600} size="sm" truncate="end" title={e.id}>
              {e.name}
            </Text>
            {e.windows.map((w) => {
              const period = t(`overviewPage.quotas.periods.${w.period}`);
              const spend = f.usd(w.spend);
              const limit = f.usd(w.limit);
              return (
                <Stack key={w.period} gap={2} data-testid={`overview-quota-${w.period}`}>
                  <Group justify="space-between" gap="xs" wrap="nowrap">
                    <Text size="xs" c="dimmed">
                      {period}
                    </Text>
                    <Text size="xs" fw={w.ratio >= 0.8 ? 700 : 500} c={w.ratio >= 1 ? 'red.7' : undefined}>
                      {t('overviewPage.quotas.usage', { spend, limit })} ·{' '}
                      {t('overviewPage.quotas.percent', { percent: f.percent(w.ratio) })}
                    </Text>
                  </Group>
                  <Progress.Root size="md" radius="xl" data-color={quotaColor(w.ratio)}>
                    <Progress.Section
                      value={Math.min(100, Math.max(0, w.ratio * 100))}
                      color={quotaColor(w.ratio)}
                      aria-label={t('overviewPage.quotas.barLabel', { name: e.name, period, spend, limit })}
                    />
                  </Progress.Root>
                </Stack>
              );
            })}
          </Stack>
        ))}
      </Stack>
    </OverviewSection>
  );
}
