import type { SilenceView } from '@herald/core';
import { Badge, Button, Stack, Table, Text, VisuallyHidden } from '@mantine/core';
import { Trans, useTranslation } from 'react-i18next';
import { DataTable } from '../../components/data-table.tsx';
import { DeliveriesLink } from '../../components/deliveries-link.tsx';
import { RelativeTime } from '../../components/relative-time.tsx';
import { silenceName } from './silence-name.ts';

type Props = { silences: readonly SilenceView[]; onEnd: (silence: SilenceView) => void };

export function SilencesTable({ silences, onEnd }: Props) {
  const { t } = useTranslation();
  return (
    <DataTable
      label={t('silencesPage.tableLabel')}
      minWidth={900}
      headers={[
        t('silencesPage.matcher'),
        t('silencesPage.reason'),
        t('silencesPage.until'),
        t('silencesPage.status'),
        t('silencesPage.heldBack'),
      ]}
      actionsHeader={t('silencesPage.end')}
    >
      {silences.map((silence) => {
        const name = silenceName(silence, t);
        return (
          <Table.Tr key={silence.id} c={silence.active ? undefined : 'dimmed'}>
            <Table.Td fw={500}>{name}</Table.Td>
            <Table.Td maw={280}>
              <Stack gap={2}>
                {silence.reason ? (
                  <Text size="sm" style={{ wordBreak: 'break-word' }}>
                    {silence.reason}
                  </Text>
                ) : (
                  <Text size="sm" c="dimmed">
                    {t('silencesPage.noReason')}
                  </Text>
                )}
                {silence.createdBy && (
                  <Text size="xs" c="dimmed">
                    {t('silencesPage.createdBy', { actor: silence.createdBy })}
                  </Text>
                )}
              </Stack>
            </Table.Td>
            <Table.Td style={{ whiteSpace: 'nowrap' }}>
              <Stack gap={2}>
                <RelativeTime iso={silence.endsAt} />
                {silence.endedAt && (
                  <Text size="xs" c="dimmed">
                    <Trans
                      i18nKey="silencesPage.endedAt"
                      components={{ at: <RelativeTime iso={silence.endedAt} size="xs" c="dimmed" /> }}
                    />
                  </Text>
                )}
              </Stack>
            </Table.Td>
            <Table.Td>
              <Badge variant="light" color={silence.active ? 'orange' : 'gray'} miw="max-content">
                {silence.active
                  ? t('silencesPage.active')
                  : silence.endedAt
                    ? t('silencesPage.endedEarly')
                    : t('silencesPage.expired')}
              </Badge>
            </Table.Td>
            <Table.Td>
              {/* The name keeps the visible text (WCAG 2.5.3): the row's context is hidden text, not an aria-label. */}
              {/* One box on one line: the middle of a wrapped inline link can miss its text. */}
              <DeliveriesLink
                size="sm"
                filters={{ silence: silence.id }}
                style={{ display: 'inline-block', whiteSpace: 'nowrap' }}
              >
                <VisuallyHidden>{t('silencesPage.heldBackNamed', { name })}: </VisuallyHidden>
                {t('silencesPage.heldBackCount', { n: silence.heldBack })}
              </DeliveriesLink>
            </Table.Td>
            <Table.Td ta="right">
              {silence.active && (
                <Button variant="subtle" color="red" size="xs" onClick={() => onEnd(silence)}>
                  <VisuallyHidden>{t('silencesPage.endNamed', { name })}: </VisuallyHidden>
                  {t('silencesPage.end')}
                </Button>
              )}
            </Table.Td>
          </Table.Tr>
        );
      })}
    </DataTable>
  );
}
