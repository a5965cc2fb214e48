import type { ApiKeySummary } from '@herald/core';
import { Badge, Button, Code, Table } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { DataTable } from '../../components/data-table.tsx';
import { RelativeTime } from '../../components/relative-time.tsx';

type Props = { keys: readonly ApiKeySummary[]; onRevoke: (key: ApiKeySummary) => void };

export function ApiKeysTable({ keys, onRevoke }: Props) {
  const { t } = useTranslation();
  return (
    <DataTable
      label={t('apiKeys.tableLabel')}
      minWidth={760}
      headers={[t('apiKeys.name'), t('apiKeys.key'), t('apiKeys.created'), t('apiKeys.lastUsed'), t('apiKeys.status')]}
      actionsHeader={t('apiKeys.actions')}
    >
      {keys.map((key) => {
        const revoked = key.revokedAt !== null;
        return (
          <Table.Tr key={key.id} c={revoked ? 'dimmed' : undefined}>
            <Table.Td fw={500}>{key.name}</Table.Td>
            <Table.Td>
              <Code>{key.prefix}…</Code>
            </Table.Td>
            <Table.Td>
              <RelativeTime iso={key.createdAt} style={{ whiteSpace: 'nowrap' }} />
            </Table.Td>
            <Table.Td>
              {key.lastUsedAt ? (
                <RelativeTime iso={key.lastUsedAt} style={{ whiteSpace: 'nowrap' }} />
              ) : (
                t('apiKeys.never')
              )}
            </Table.Td>
            <Table.Td>
              <Badge variant="light" color={revoked ? 'gray' : 'teal'} miw="max-content">
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
    </DataTable>
  );
}
