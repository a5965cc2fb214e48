import type { Overview } from '@herald/core';
import { Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useOverviewFormat } from './format.ts';
import { HubLink } from './hub-link.tsx';
import { OverviewSection } from './section.tsx';

/** Today's top users by cost, with today's total over everyone. */
export function TopSpenders({ spenders }: { spenders: Overview['topSpenders'] | undefined }) {
  const { t } = useTranslation();
  const f = useOverviewFormat();
  return (
    <OverviewSection
      testId="overview-top-spenders"
      title={t('overviewPage.spenders.title')}
      description={t('overviewPage.spenders.description')}
      loading={!spenders}
      skeletonRows={5}
      empty={spenders?.users.length === 0 ? t('overviewPage.spenders.empty') : null}
      emptyAction={<HubLink />}
      aside={
        spenders && spenders.users.length > 0 ? (
          <Text size="sm" fw={600}>
            {t('overviewPage.spenders.totalCost', { cost: f.usd(spenders.totalCost) })}
          </Text>
        ) : null
      }
    >
      <Table.ScrollContainer minWidth={300}>
        <Table verticalSpacing="xs" horizontalSpacing="xs" fz="sm" highlightOnHover>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('overviewPage.spenders.user')}</Table.Th>
              <Table.Th ta="right">{t('overviewPage.spenders.requests')}</Table.Th>
              <Table.Th ta="right">{t('overviewPage.spenders.cost')}</Table.Th>
              <Table.Th ta="right" visibleFrom="xs">
                {t('overviewPage.spenders.tokens')}
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {spenders?.users.map((u, i) => (
              <Table.Tr key={u.userId} data-testid="overview-spender">
                <Table.Td>
                  <Text size="sm" fw={i === 0 ? 700 : 500} truncate="end" maw={{ base: 130, sm: 240 }} title={u.userId}>
                    {i + 1}. {u.userName}
                  </Text>
                </Table.Td>
                <Table.Td ta="right">{f.integer(u.totalRequests)}</Table.Td>
                <Table.Td ta="right" fw={600}>
                  {f.usd(u.totalCost)}
                </Table.Td>
                <Table.Td ta="right" title={f.integer(u.totalTokens)} visibleFrom="xs">
                  {f.compact(u.totalTokens)}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </OverviewSection>
  );
}
