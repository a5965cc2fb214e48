import { Alert, Button, Center, Code, Loader, Paper, Table, Text, Title } from '@mantine/core';
import { useInfiniteQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { IconAlertCircle } from '../../components/icons.tsx';
import { messageOf } from '../../lib/errors.ts';
import { useFormatDateTime } from '../../lib/format.ts';
import { trpc } from '../../lib/trpc.ts';
import { AuditChanges } from './audit-changes.tsx';

/** Every configuration change, newest first, more by cursor. */
export function AuditLog() {
  const { t } = useTranslation();
  const formatDateTime = useFormatDateTime();
  const audit = useInfiniteQuery(
    trpc.audit.list.infiniteQueryOptions({ limit: 50 }, { getNextPageParam: (page) => page.nextCursor ?? undefined }),
  );
  const items = audit.data?.pages.flatMap((page) => page.items) ?? [];

  return (
    <section aria-labelledby="audit-log-title">
      <Title order={2} size="h4" mb="sm" id="audit-log-title">
        {t('settingsPage.auditTitle')}
      </Title>
      {audit.isPending && (
        <Center py="xl">
          <Loader />
        </Center>
      )}
      {audit.isError && (
        <Alert color="red" variant="light" icon={<IconAlertCircle />} title={t('error.title')}>
          {t('settingsPage.auditLoadFailed', { message: messageOf(audit.error) })}
          <Button variant="default" size="xs" mt="sm" display="block" onClick={() => void audit.refetch()}>
            {t('error.retry')}
          </Button>
        </Alert>
      )}
      {audit.isSuccess && items.length === 0 && (
        <Paper withBorder radius="lg" p="lg">
          <Text c="dimmed">{t('settingsPage.auditEmpty')}</Text>
        </Paper>
      )}
      {items.length > 0 && (
        <Paper withBorder radius="lg">
          <Table.ScrollContainer minWidth={760}>
            <Table verticalSpacing="sm" horizontalSpacing="md" aria-label={t('settingsPage.auditLabel')}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('settingsPage.at')}</Table.Th>
                  <Table.Th>{t('settingsPage.actor')}</Table.Th>
                  <Table.Th>{t('settingsPage.action')}</Table.Th>
                  <Table.Th>{t('settingsPage.entity')}</Table.Th>
                  <Table.Th>{t('settingsPage.changes')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {items.map((entry) => (
                  <Table.Tr key={entry.id}>
                    <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDateTime(entry.at)}</Table.Td>
                    <Table.Td>{entry.actor}</Table.Td>
                    <Table.Td>
                      <Code translate="no">{entry.action}</Code>
                    </Table.Td>
                    <Table.Td>
                      {entry.entityType}
                      {entry.entityId && (
                        <Text size="xs" c="dimmed" ff="monospace">
                          {entry.entityId}
                        </Text>
                      )}
                    </Table.Td>
                    <Table.Td maw={420}>
                      <AuditChanges before={entry.before} after={entry.after} />
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </Paper>
      )}
      {audit.hasNextPage && (
        <Center mt="md">
          <Button variant="default" loading={audit.isFetchingNextPage} onClick={() => void audit.fetchNextPage()}>
            {t('settingsPage.loadMore')}
          </Button>
        </Center>
      )}
    </section>
  );
}
