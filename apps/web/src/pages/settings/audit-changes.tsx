import { Code, Table } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { FieldChange } from './audit-sentence.ts';

/** The fields one change touched, each before and after (secrets only as set/changed). */
export function AuditChanges({ changes }: { changes: FieldChange[] }) {
  const { t } = useTranslation();
  if (changes.length === 0) return null;
  return (
    <Table
      withTableBorder
      fz="sm"
      verticalSpacing={4}
      horizontalSpacing="xs"
      layout="fixed"
      aria-label={t('auditLog.changesOf')}
      style={{ wordBreak: 'break-word' }}
    >
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{t('auditLog.change')}</Table.Th>
          <Table.Th>{t('auditLog.before')}</Table.Th>
          <Table.Th>{t('auditLog.after')}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {changes.map((c) => (
          <Table.Tr key={c.field}>
            <Table.Td>
              {/* A field the dashboard has no words for keeps its API name, marked as a code. */}
              {c.label ?? (
                <Code translate="no" fz="xs">
                  {c.field}
                </Code>
              )}
            </Table.Td>
            <Table.Td>
              <del>{c.before}</del>
            </Table.Td>
            <Table.Td>
              <ins style={{ textDecoration: 'none' }}>{c.after}</ins>
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
