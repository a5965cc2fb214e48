import { Alert, Button, Grid, Group, Stack, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Trans, useTranslation } from 'react-i18next';
import { IconAlertCircle } from '../../components/icons.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { RelativeTime } from '../../components/relative-time.tsx';
import { messageOf } from '../../lib/errors.ts';
import { trpc } from '../../lib/trpc.ts';
import { dayRange } from '../../lib/zoned-time.ts';
import { BreakerAlerts } from './breaker-alerts.tsx';
import { CacheHitRates } from './cache-hit-rates.tsx';
import { DaysChart } from './days-chart.tsx';
import { FailingTargets } from './failing-targets.tsx';
import { ProviderBalances } from './provider-balances.tsx';
import { QuotaBars } from './quota-bars.tsx';
import { SwitchedOffBanner } from './switched-off-banner.tsx';
import { TodayStats } from './today-stats.tsx';
import { TopSpenders } from './top-spenders.tsx';

const REFRESH_MS = 30_000;

/** Today's deliveries, the last 7 days, failing targets, spend, quotas, breaker alerts and cache hit rates; refreshed every 30 s. */
export function OverviewPage() {
  const { t } = useTranslation();
  const overview = useQuery({ ...trpc.overview.get.queryOptions(), refetchInterval: REFRESH_MS });
  const data = overview.data;
  const lastDay = data?.days.at(-1)?.date;
  const today = lastDay && data ? dayRange(lastDay, data.timezone) : undefined;
  // Without data the sections show skeletons; a failed first load shows the error instead.
  const failedEmpty = overview.isError && !data;
  return (
    <>
      <PageHeader
        title={t('nav.overview')}
        description={t('pages.overview.description')}
        action={
          <Group gap="sm" wrap="nowrap">
            {data && (
              <Text size="xs" c="dimmed" ta="right" maw={220} data-testid="overview-updated">
                <Trans
                  i18nKey="overviewPage.updatedAt"
                  values={{ timezone: data.timezone }}
                  components={{ at: <RelativeTime iso={data.generatedAt} size="xs" c="dimmed" /> }}
                />
              </Text>
            )}
            <Button
              variant="default"
              size="xs"
              loading={overview.isFetching}
              onClick={() => void overview.refetch()}
              data-testid="overview-refresh"
            >
              {t('overviewPage.refresh')}
            </Button>
          </Group>
        }
      />
      {overview.isError && (
        <Alert
          color={data ? 'yellow' : 'red'}
          variant="light"
          icon={<IconAlertCircle />}
          title={t('error.title')}
          mb="xl"
          role="alert"
          data-testid="overview-error"
        >
          {data ? (
            <Trans i18nKey="overviewPage.refreshFailed" components={{ at: <RelativeTime iso={data.generatedAt} /> }} />
          ) : (
            t('overviewPage.loadFailed', { message: messageOf(overview.error) })
          )}
          <Button variant="default" size="xs" mt="sm" display="block" onClick={() => void overview.refetch()}>
            {t('error.retry')}
          </Button>
        </Alert>
      )}
      {!failedEmpty && (
        <Stack gap="lg" data-testid="overview-page">
          <SwitchedOffBanner />
          <TodayStats today={data?.today} period={today} />
          <Grid gap="lg">
            <Grid.Col span={{ base: 12, lg: 7 }}>
              <DaysChart days={data?.days} timezone={data?.timezone} />
            </Grid.Col>
            <Grid.Col span={{ base: 12, lg: 5 }}>
              <FailingTargets targets={data?.failingTargets} />
            </Grid.Col>
            <Grid.Col span={{ base: 12, md: 6 }}>
              <QuotaBars kind="users" entities={data?.quotas.users} />
            </Grid.Col>
            <Grid.Col span={{ base: 12, md: 6 }}>
              <QuotaBars kind="providers" entities={data?.quotas.providers} />
            </Grid.Col>
            <Grid.Col span={{ base: 12, lg: 6 }}>
              <TopSpenders spenders={data?.topSpenders} />
            </Grid.Col>
            <Grid.Col span={{ base: 12, lg: 6 }}>
              <BreakerAlerts alerts={data?.circuitBreakers} />
            </Grid.Col>
            <Grid.Col span={12}>
              <CacheHitRates data={data?.cacheHitRates} />
            </Grid.Col>
            <Grid.Col span={12}>
              <ProviderBalances balances={data?.balances} />
            </Grid.Col>
          </Grid>
        </Stack>
      )}
    </>
  );
}
