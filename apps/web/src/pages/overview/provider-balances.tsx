import type { ProviderBalanceView } from '@herald/core';
import { Badge, Group, Stack, Text } from '@mantine/core';
import { Trans, useTranslation } from 'react-i18next';
import { RelativeTime } from '../../components/relative-time.tsx';
import { balanceLevelKind, formatMoney, LEVEL_COLOR } from './balance-format.ts';
import { HubLink } from './hub-link.tsx';
import { OverviewSection } from './section.tsx';

/** Upstream balances as the hub last reported them, the lowest against its threshold first. */
export function ProviderBalances({ balances }: { balances: ProviderBalanceView[] | undefined }) {
  const { t, i18n } = useTranslation();
  const language = i18n.resolvedLanguage ?? i18n.language;
  const p = 'overviewPage.balances';
  return (
    <OverviewSection
      testId="overview-provider-balances"
      title={t(`${p}.title`)}
      description={t(`${p}.description`)}
      loading={!balances}
      empty={balances?.length === 0 ? t(`${p}.empty`) : null}
      emptyAction={<HubLink />}
    >
      <Stack gap={0}>
        {balances?.map((b, i) => {
          const kind = balanceLevelKind(b.level, b.threshold);
          return (
            <Group
              key={b.providerId}
              justify="space-between"
              align="flex-start"
              gap="xs"
              py="sm"
              wrap="nowrap"
              data-testid="overview-provider-balance"
              style={{ borderTop: i ? '1px solid var(--mantine-color-default-border)' : undefined }}
            >
              <Stack gap={2} style={{ minWidth: 0 }}>
                <Text fw={600} truncate="end" title={b.providerId}>
                  {b.providerName ?? b.providerId}
                </Text>
                <Text size="xs" c="dimmed">
                  {b.threshold === null
                    ? t(`${p}.noThreshold`)
                    : t(`${p}.threshold`, { amount: formatMoney(language, b.threshold, b.currency) })}
                  {' · '}
                  <Trans
                    i18nKey="overviewPage.balances.reportedAt"
                    components={{ at: <RelativeTime iso={b.updatedAt} size="xs" c="dimmed" /> }}
                  />
                </Text>
              </Stack>
              <Stack gap={4} align="flex-end" style={{ flexShrink: 0 }}>
                <Text fw={600} c={kind === 'zero' ? 'red' : undefined}>
                  {formatMoney(language, b.balance, b.currency)}
                </Text>
                <Badge variant="light" color={LEVEL_COLOR[kind]} size="sm">
                  {t(`${p}.levels.${kind}`, { percent: b.level ?? '' })}
                </Badge>
              </Stack>
            </Group>
          );
        })}
      </Stack>
    </OverviewSection>
  );
}
