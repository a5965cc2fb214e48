import { AUDIT_ENTITY_TYPES, AUDIT_KINDS } from '@herald/core';
import { Alert, Anchor, Button, Center, Group, Loader, Paper, Select, Stack, Text, Title } from '@mantine/core';
import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { Link, useNavigate } from '@tanstack/react-router';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { EmptyState } from '../../components/empty-state.tsx';
import { IconAlertCircle, IconHistory } from '../../components/icons.tsx';
import { RelativeTime } from '../../components/relative-time.tsx';
import { messageOf } from '../../lib/errors.ts';
import { trpc } from '../../lib/trpc.ts';
import { AuditChanges } from './audit-changes.tsx';
import type { SettingsSearch } from './audit-search.ts';
import { type AuditEntry, type AuditWords, describeAudit } from './audit-sentence.ts';
import { useAuditWords } from './audit-words.ts';

type Props = { search: SettingsSearch };
const ALL = 'all';

/** Every configuration change as sentences, newest first, filtered by kind and object in the URL. */
export function AuditLog({ search }: Props) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const words = useAuditWords();
  const { auditKind: kind, auditObject: object, auditId } = search;
  const filter = {
    ...(kind ? { kind } : {}),
    ...(object ? { entityType: object } : {}),
    ...(object && auditId ? { entityId: auditId } : {}),
  };
  const audit = useInfiniteQuery(
    trpc.audit.list.infiniteQueryOptions(
      { limit: 50, ...filter },
      { getNextPageParam: (page) => page.nextCursor ?? undefined },
    ),
  );
  // Current names: a resend records only its target's id; a link needs the target to still exist.
  const targets = useQuery(trpc.targets.list.queryOptions());
  const targetNames = useMemo(() => new Map((targets.data ?? []).map((x) => [x.id, x.name])), [targets.data]);
  const items = audit.data?.pages.flatMap((page) => page.items) ?? [];
  const filtered = Object.keys(filter).length > 0;
  const setSearch = (next: Partial<SettingsSearch>) =>
    void navigate({ to: '/settings', search: { ...search, ...next, tab: 'audit' } as never, replace: true });

  return (
    <section aria-labelledby="audit-log-title">
      <Title order={2} size="h4" mb="sm" id="audit-log-title">
        {t('settingsPage.auditTitle')}
      </Title>
      <Group mb="md" align="flex-end" gap="sm">
        <Select
          label={t('auditLog.filters.kind')}
          data={[
            { value: ALL, label: t('auditLog.filters.all') },
            ...AUDIT_KINDS.map((k) => ({ value: k, label: t(`auditLog.filters.kinds.${k}`) })),
          ]}
          value={kind ?? ALL}
          allowDeselect={false}
          onChange={(value) =>
            setSearch({ auditKind: value === ALL ? undefined : (value as SettingsSearch['auditKind']) })
          }
          w={{ base: '100%', xs: 240 }}
        />
        <Select
          label={t('auditLog.filters.object')}
          data={[
            { value: ALL, label: t('auditLog.filters.all') },
            ...AUDIT_ENTITY_TYPES.map((o) => ({ value: o, label: t(`auditLog.filters.objects.${o}`) })),
          ]}
          value={object ?? ALL}
          allowDeselect={false}
          onChange={(value) =>
            setSearch({
              auditObject: value === ALL ? undefined : (value as SettingsSearch['auditObject']),
              auditId: undefined,
            })
          }
          w={{ base: '100%', xs: 240 }}
        />
        {filtered && (
          <Button
            variant="subtle"
            onClick={() => setSearch({ auditKind: undefined, auditObject: undefined, auditId: undefined })}
          >
            {t('auditLog.filters.clear')}
          </Button>
        )}
      </Group>
      {object && auditId && (
        <Text size="sm" mb="sm">
          {t('auditLog.filters.oneObject')}
        </Text>
      )}
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
        // Nothing the admin does here fills it: every change made elsewhere is recorded (the filters' own clear is above).
        <EmptyState
          icon={IconHistory}
          title={filtered ? t('emptyStates.noMatchTitle') : undefined}
          text={filtered ? t('auditLog.filteredEmpty') : t('settingsPage.auditEmpty')}
        />
      )}
      {items.length > 0 && (
        <Stack
          component="ol"
          gap="sm"
          p={0}
          m={0}
          style={{ listStyle: 'none' }}
          aria-label={t('settingsPage.auditLabel')}
        >
          {items.map((entry) => (
            <AuditItem
              key={entry.id}
              entry={entry}
              words={words}
              targetNames={targetNames}
              onHistory={
                entry.entityId && !(object && auditId)
                  ? () =>
                      setSearch({
                        auditObject: entry.entityType as SettingsSearch['auditObject'],
                        auditId: entry.entityId ?? undefined,
                      })
                  : null
              }
            />
          ))}
        </Stack>
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

type ItemProps = {
  entry: AuditEntry;
  words: AuditWords;
  targetNames: ReadonlyMap<string, string>;
  onHistory: (() => void) | null;
};

function AuditItem({ entry, words, targetNames, onHistory }: ItemProps) {
  const { t } = useTranslation();
  const { lines, link } = describeAudit(entry, words, targetNames);
  return (
    <Paper component="li" withBorder radius="md" p="sm" data-testid="audit-entry">
      <Stack gap={6}>
        {lines.map((line, i) => (
          // Lines of one entry never reorder: the index is their identity.
          <Stack key={i} gap={4}>
            <Text fw={500} style={{ wordBreak: 'break-word' }}>
              {line.text}
            </Text>
            <AuditChanges changes={line.changes} />
          </Stack>
        ))}
        <Group gap="md" wrap="wrap">
          <RelativeTime iso={entry.at} c="dimmed" />
          {link && (
            <Anchor component={Link} to={link.to} search={link.search as never} size="sm">
              {link.label}
            </Anchor>
          )}
          {onHistory && (
            <Anchor component="button" type="button" size="sm" onClick={onHistory}>
              {t('auditLog.links.history')}
            </Anchor>
          )}
        </Group>
      </Stack>
    </Paper>
  );
}
