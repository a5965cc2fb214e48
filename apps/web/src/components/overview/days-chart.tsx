import type { OverviewDay } from '@herald/core';
import { BarChart } from '@mantine/charts';
import { Skeleton } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useOverviewFormat } from './format.ts';
import { OverviewSection } from './section.tsx';

/** The last 7 local days as stacked bars, one stack per day. */
export function DaysChart({ days }: { days: OverviewDay[] | undefined }) {
  const { t } = useTranslation();
  const f = useOverviewFormat();
  // A phone has room for 7 dates, not for their weekdays too.
  const narrow = useMediaQuery('(max-width: 36em)') ?? false;
  const data = useMemo(() => (days ?? []).map((d) => ({ ...d, label: f.day(d.date, !narrow) })), [days, f, narrow]);
  const total = data.reduce((n, d) => n + d.delivered + d.failed + d.pending + d.skipped, 0);
  return (
    <OverviewSection
      testId="overview-chart"
      title={t('overviewPage.chart.title')}
      description={t('overviewPage.chart.description')}
      loading={!days}
      skeleton={<Skeleton h={260} />}
      empty={days && total === 0 ? t('overviewPage.chart.empty') : null}
    >
      <BarChart
        h={260}
        data={data}
        dataKey="label"
        type="stacked"
        withLegend
        legendProps={{ verticalAlign: 'bottom' }}
        tickLine="y"
        xAxisProps={{ interval: 0, tickMargin: 8 }}
        gridAxis="y"
        yAxisProps={{ allowDecimals: false, width: 40 }}
        valueFormatter={(v) => f.integer(v)}
        series={[
          { name: 'delivered', label: t('overviewPage.today.delivered'), color: 'teal.6' },
          { name: 'failed', label: t('overviewPage.today.failed'), color: 'red.6' },
          { name: 'pending', label: t('overviewPage.today.pending'), color: 'yellow.5' },
          { name: 'skipped', label: t('overviewPage.today.skipped'), color: 'gray.5' },
        ]}
      />
    </OverviewSection>
  );
}
