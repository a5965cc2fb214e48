import type { FailingTarget } from '@herald/core';
import { Badge, Group, Stack, Text } from '@mantine/core';
import { Trans, useTranslation } from 'react-i18next';
import { useChannelName } from '../../channels/index.ts';
import { DeliveriesLink } from '../../components/deliveries-link.tsx';
import { RelativeTime } from '../../components/relative-time.tsx';
import { OverviewSection } from './section.tsx';

/** Enabled targets whose last delivery or test failed; each opens its failed deliveries. */
export function FailingTargets({ targets }: { targets: FailingTarget[] | undefined }) {
  const { t } = useTranslation();
  const channelName = useChannelName();
  return (
    <OverviewSection
      testId="overview-failing-targets"
      title={t('overviewPage.failing.title')}
      description={t('overviewPage.failing.description')}
      loading={!targets}
      empty={targets?.length === 0 ? t('overviewPage.failing.empty') : null}
    >
      <Stack gap={0}>
        {targets?.map((target, i) => (
          <DeliveriesLink
            key={target.id}
            filters={{ target: target.id, status: 'failed' }}
            underline="never"
            c="inherit"
            aria-label={t('overviewPage.failing.viewFailures', { name: target.name })}
            data-testid="overview-failing-target"
            py="sm"
            style={{ borderTop: i ? '1px solid var(--mantine-color-default-border)' : undefined, display: 'block' }}
          >
            <Group justify="space-between" align="flex-start" gap="xs" wrap="nowrap">
              <Stack gap={4} style={{ minWidth: 0 }}>
                <Group gap={6} wrap="wrap">
                  <Badge variant="light" color="gray" size="sm">
                    {channelName(target.channel)}
                  </Badge>
                  <Text fw={600} truncate="end">
                    {target.name}
                  </Text>
                  {target.lastTest && !target.lastTest.success && (
                    <Badge variant="light" color="orange" size="sm">
                      {t('overviewPage.failing.testFailed')}
                    </Badge>
                  )}
                </Group>
                <Text size="sm" c="red.7" lineClamp={2} style={{ wordBreak: 'break-word' }}>
                  {target.lastError ?? t('overviewPage.failing.noError')}
                </Text>
                {target.lastFailedAt && (
                  <Text size="xs" c="dimmed">
                    {/* Inside the link: the link takes the focus, the time shows its tooltip on hover. */}
                    <Trans
                      i18nKey="overviewPage.failing.lastFailedAt"
                      components={{
                        at: <RelativeTime iso={target.lastFailedAt} size="xs" c="dimmed" focusable={false} />,
                      }}
                    />
                  </Text>
                )}
              </Stack>
              <Badge color={target.failures24h > 0 ? 'red' : 'gray'} variant="filled" style={{ flexShrink: 0 }}>
                {t('overviewPage.failing.failures24h', { count: target.failures24h })}
              </Badge>
            </Group>
          </DeliveriesLink>
        ))}
      </Stack>
    </OverviewSection>
  );
}
