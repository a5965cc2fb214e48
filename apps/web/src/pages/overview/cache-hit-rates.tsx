import type { CacheHitRateRowView, Overview } from '@herald/core';
import { Badge, Box, Group, Stack, Table, Text } from '@mantine/core';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { windowKey } from '../../components/cache-hit-rate.ts';
import { useAdminTimeZone } from '../../lib/format.ts';
import { type CacheRateFormat, cacheRateFormat, isWindowMode } from './cache-rate-format.ts';
import { OverviewSection } from './section.tsx';

type Sample = CacheHitRateRowView['current'];

/** The hit rate per provider × model in the alert's current window, beside its baseline; anomalies marked red. */
export function CacheHitRates({ data }: { data: Overview['cacheHitRates'] | undefined }) {
  const { t, i18n } = useTranslation();
  const language = i18n.resolvedLanguage ?? i18n.language;
  const timeZone = useAdminTimeZone();
  const f = useMemo(() => cacheRateFormat(language, timeZone), [language, timeZone]);
  const p = 'overviewPage.cacheRates';
  const window = data?.window;
  const empty = !data ? null : !window ? t(`${p}.noModel`) : data.rows.length === 0 ? t(`${p}.noSample`) : null;
  return (
    <OverviewSection
      testId="overview-cache-hit-rates"
      title={t(`${p}.title`)}
      description={t(`${p}.description`)}
      loading={!data}
      empty={empty}
      aside={
        window ? (
          <Text size="xs" c="dimmed" data-testid="overview-cache-window">
            {t(`${p}.window`, {
              window: isWindowMode(window.mode)
                ? t(`notificationsPage.cacheHitRate.windows.${windowKey(window.mode)}`)
                : window.mode,
              ...f.range(window.start, window.end),
            })}
          </Text>
        ) : null
      }
    >
      <Table.ScrollContainer minWidth={300}>
        <Table verticalSpacing="xs" horizontalSpacing="xs" fz="sm" highlightOnHover aria-label={t(`${p}.title`)}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t(`${p}.providerModel`)}</Table.Th>
              <Table.Th ta="right">{t(`${p}.current`)}</Table.Th>
              <Table.Th ta="right">{t(`${p}.baseline`)}</Table.Th>
              <Table.Th ta="right" visibleFrom="sm">
                {t(`${p}.change`)}
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {data?.rows.map((row) => (
              <CacheRateRow key={`${row.providerId}:${row.model}`} row={row} f={f} />
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </OverviewSection>
  );
}

function CacheRateRow({ row, f }: { row: CacheHitRateRowView; f: CacheRateFormat }) {
  const { t } = useTranslation();
  const p = 'overviewPage.cacheRates';
  const sample = (s: Sample) =>
    t(`${p}.sample`, {
      kind: t(`${p}.kinds.${s.kind}`),
      requests: f.integer(s.requests),
      tokens: f.compact(s.denominatorTokens),
    });
  const change = row.baseline ? row.current.hitRateTokens - row.baseline.hitRateTokens : null;
  return (
    <Table.Tr data-testid="overview-cache-rate" data-anomaly={row.anomaly || undefined}>
      <Table.Td>
        <Group gap={6} wrap="nowrap" align="flex-start">
          {/* The red marker: a bar at the row's start, and a badge naming it. */}
          <Box
            w={4}
            mih={36}
            bg={row.anomaly ? 'red.6' : 'transparent'}
            style={{ borderRadius: 2, flexShrink: 0, alignSelf: 'stretch' }}
            aria-hidden
          />
          <Stack gap={2} style={{ minWidth: 0 }}>
            <Group gap={6} wrap="wrap">
              <Text size="sm" fw={600} lineClamp={2} style={{ wordBreak: 'break-word' }} title={row.providerId}>
                {row.providerName ?? t(`${p}.unknownProvider`, { id: row.providerId })}
              </Text>
              {row.anomaly && (
                <Badge color="red" variant="filled" size="sm" data-testid="overview-cache-anomaly">
                  {t(`${p}.anomaly`)}
                </Badge>
              )}
            </Group>
            <Text
              size="xs"
              c="dimmed"
              ff="monospace"
              lineClamp={2}
              style={{ wordBreak: 'break-word' }}
              title={row.model}
            >
              {row.model}
            </Text>
          </Stack>
        </Group>
      </Table.Td>
      <Table.Td ta="right" data-testid="overview-cache-current">
        <Text size="sm" fw={700} c={row.anomaly ? 'red.7' : undefined}>
          {f.rate(row.current.hitRateTokens)}
        </Text>
        <Text size="xs" c="dimmed">
          {sample(row.current)}
        </Text>
      </Table.Td>
      <Table.Td ta="right" data-testid="overview-cache-baseline">
        {row.baseline && row.baselineSource ? (
          <>
            <Group gap={6} justify="flex-end" wrap="wrap-reverse">
              <Text size="xs" c="dimmed" fw={500}>
                {t(`${p}.sources.${row.baselineSource}`)}
              </Text>
              <Text size="sm" fw={600}>
                {f.rate(row.baseline.hitRateTokens)}
              </Text>
            </Group>
            <Text size="xs" c="dimmed">
              {sample(row.baseline)}
            </Text>
          </>
        ) : (
          <>
            <Text size="sm">{t(`${p}.noBaseline`)}</Text>
            <Text size="xs" c="dimmed">
              {t(`${p}.noBaselineHint`)}
            </Text>
          </>
        )}
      </Table.Td>
      <Table.Td ta="right" visibleFrom="sm" c={change !== null && change < 0 ? 'red.7' : undefined}>
        {change === null ? '—' : t(`${p}.points`, { value: f.points(change) })}
      </Table.Td>
    </Table.Tr>
  );
}
