import type { TargetView } from '@herald/core';
import { Alert, Button, Center, em, Loader, useMantineTheme } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { useQuery } from '@tanstack/react-query';
import { useCallback, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { EmptyState } from '../../components/empty-state.tsx';
import { IconAlertCircle, IconTarget } from '../../components/icons.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { useTargetHealth } from '../../components/target-health.ts';
import { messageOf } from '../../lib/errors.ts';
import { targetPacesOptions } from '../../lib/incidents-api.ts';
import { trpc } from '../../lib/trpc.ts';
import { DeleteTargetModal } from './delete-target-modal.tsx';
import { TargetCards } from './target-cards.tsx';
import { TargetFormModal } from './target-form-modal.tsx';
import { TargetsTable } from './targets-table.tsx';
import { TestTargetModal } from './test-target-modal.tsx';
import { useEditParam } from './use-edit-param.ts';

type Editing = { target: TargetView | null } | null;

/** Push targets: list with health (last delivery, 24 h success, last error), last test result, test, create/edit per channel, delete. */
export function TargetsPage() {
  const { t } = useTranslation();
  const targets = useQuery(trpc.targets.list.queryOptions());
  const paces = useQuery(targetPacesOptions());
  const paceByTarget = useMemo(
    () => new Map((paces.data ?? []).flatMap((p) => (p.targetId ? [[p.targetId, p] as const] : []))),
    [paces.data],
  );
  const health = useTargetHealth();
  // Below the small breakpoint the table becomes cards (one is rendered, not both hidden by CSS).
  const theme = useMantineTheme();
  const phone = useMediaQuery(`(max-width: ${em(theme.breakpoints.sm)})`) === true;
  const [editing, setEditing] = useState<Editing>(null);
  const [testing, setTesting] = useState<TargetView | null>(null);
  const [deleting, setDeleting] = useState<TargetView | null>(null);
  const openEdit = useCallback((target: TargetView) => setEditing({ target }), []);
  const openCreate = useCallback(() => setEditing({ target: null }), []);
  useEditParam(targets.data, openEdit, openCreate);

  return (
    <>
      <PageHeader
        title={t('nav.targets')}
        description={t('pages.targets.description')}
        action={
          <Button leftSection={<IconTarget size={18} />} onClick={openCreate}>
            {t('targets.create')}
          </Button>
        }
      />

      {targets.isPending && (
        <Center py="xl">
          <Loader />
        </Center>
      )}
      {targets.isError && (
        <Alert color="red" variant="light" icon={<IconAlertCircle />} title={t('error.title')}>
          {t('targets.loadFailed', { message: messageOf(targets.error) })}
          <Button variant="default" size="xs" mt="sm" display="block" onClick={() => void targets.refetch()}>
            {t('error.retry')}
          </Button>
        </Alert>
      )}
      {targets.data?.length === 0 && (
        <EmptyState
          icon={IconTarget}
          text={t('pages.targets.empty')}
          action={
            <Button leftSection={<IconTarget size={18} />} onClick={openCreate}>
              {t('emptyStates.targets.action')}
            </Button>
          }
        />
      )}
      {targets.data &&
        targets.data.length > 0 &&
        (() => {
          const props = {
            targets: targets.data,
            paces: paceByTarget,
            pacesUnavailable: paces.isError,
            health: health.byId,
            healthUnavailable: health.isError,
            onTest: setTesting,
            onEdit: (target: TargetView) => setEditing({ target }),
            onDelete: setDeleting,
          };
          return phone ? <TargetCards {...props} /> : <TargetsTable {...props} />;
        })()}

      <TargetFormModal opened={editing !== null} target={editing?.target ?? null} onClose={() => setEditing(null)} />
      <TestTargetModal target={testing} onClose={() => setTesting(null)} />
      <DeleteTargetModal target={deleting} onClose={() => setDeleting(null)} />
    </>
  );
}
