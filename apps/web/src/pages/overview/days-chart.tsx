import '@mantine/charts/styles.css';
import type { OverviewDay } from '@herald/core';
import { BarChart } from '@mantine/charts';
import { Group, Skeleton, Text } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { useNavigate } from '@tanstack/react-router';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { DeliveriesLink } from '../../components/deliveries-link.tsx';
import { deliveriesHref } from '../../components/deliveries-search.ts';
import { dayRange } from '../../lib/zoned-time.ts';
import { useOverviewFormat } from './format.ts';
import { HubLink } from './hub-link.tsx';
import { OverviewSection } from './section.tsx';

type Props = { days: OverviewDay[] | undefined; timezone: string | undefined };

/** The last 7 local days as stacked bars, one stack per day; a day opens its deliveries. */
export function DaysChart({ days, timezone }: Props) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const filtersFor = (date: string) => (timezone ? dayRange(date, timezone) : {});
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
      emptyAction={<HubLink />}
    >
      <BarChart
        h={260}
        barProps={{
          cursor: 'pointer',
          onClick: (bar: { payload?: { date?: string } }) => {
            if (bar.payload?.date) void navigate({ href: deliveriesHref(filtersFor(bar.payload.date)) });
          },
        }}
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
      {/* The same days as links, for the keyboard and screen readers. */}
      <Group gap="xs" mt="xs" wrap="wrap" data-testid="overview-chart-days">
        <Text size="xs" c="dimmed">
          {t('overviewPage.chart.open')}
        </Text>
        {data.map((d) => (
          <DeliveriesLink key={d.date} filters={filtersFor(d.date)} size="xs">
            {f.day(d.date, false)}
          </DeliveriesLink>
        ))}
      </Group>
    </OverviewSection>
  );
}
