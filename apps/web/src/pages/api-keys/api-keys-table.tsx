import type { ApiKeySummary } from '@herald/core';
import { Badge, Button, Code, Paper, Table, VisuallyHidden } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useFormatDateTime } from '../../lib/format.ts';

type Props = { keys: readonly ApiKeySummary[]; onRevoke: (key: ApiKeySummary) => void };

export function ApiKeysTable({ keys, onRevoke }: Props) {
  const { t } = useTranslation();
  const formatDateTime = useFormatDateTime();
  return (
    <Paper withBorder radius="lg">
      <Table.ScrollContainer minWidth={760}>
        <Table verticalSpacing="sm" horizontalSpacing="md" highlightOnHover aria-label={t('apiKeys.tableLabel')}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('apiKeys.name')}</Table.Th>
              <Table.Th>{t('apiKeys.key')}</Table.Th>
              <Table.Th>{t('apiKeys.created')}</Table.Th>
              <Table.Th>{t('apiKeys.lastUsed')}</Table.Th>
              <Table.Th>{t('apiKeys.status')}</Table.Th>
              <Table.Th>
                <VisuallyHidden>{t('apiKeys.actions')}</VisuallyHidden>
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {keys.map((key) => {
              const revoked = key.revokedAt !== null;
              return (
                <Table.Tr key={key.id} c={revoked ? 'dimmed' : undefined}>
                  <Table.Td fw={500}>{key.name}</Table.Td>
                  <Table.Td>
                    <Code>{key.prefix}…</Code>
                  </Table.Td>
                  <Table.Td>{formatDateTime(key.createdAt)}</Table.Td>
                  <Table.Td>{key.lastUsedAt ? formatDateTime(key.lastUsedAt) : t('apiKeys.never')}</Table.Td>
                  <Table.Td>
                    <Badge variant="light" color={revoked ? 'gray' : 'teal'}>
                      {revoked ? t('apiKeys.revokedStatus') : t('apiKeys.active')}
                    </Badge>
                  </Table.Td>
                  <Table.Td ta="right">
                    {!revoked && (
                      <Button
                        variant="subtle"
                        color="red"
                        size="xs"
                        aria-label={t('apiKeys.revokeNamed', { name: key.name })}
                        onClick={() => onRevoke(key)}
                      >
                        {t('apiKeys.revoke')}
                      </Button>
                    )}
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Paper>
  );
}
