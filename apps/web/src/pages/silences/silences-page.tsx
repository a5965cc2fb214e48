import type { SilenceView } from '@herald/core';
import { Alert, Button, Center, Group, Loader, Switch } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { EmptyState } from '../../components/empty-state.tsx';
import { IconAlertCircle, IconBellOff } from '../../components/icons.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { messageOf } from '../../lib/errors.ts';
import { silencesOptions } from '../../lib/incidents-api.ts';
import { CreateSilenceModal } from './create-silence-modal.tsx';
import { EndSilenceModal } from './end-silence-modal.tsx';
import { SilencesTable } from './silences-table.tsx';

/** Silences: the active ones (ended ones behind a switch), what each held back, create, end early. */
export function SilencesPage() {
  const { t } = useTranslation();
  const [includeEnded, setIncludeEnded] = useState(false);
  const silences = useQuery(silencesOptions(includeEnded));
  const [creating, { open: openCreate, close: closeCreate }] = useDisclosure(false);
  const [ending, setEnding] = useState<SilenceView | null>(null);

  return (
    <>
      <PageHeader
        title={t('nav.silences')}
        description={t('pages.silences.description')}
        action={
          <Button leftSection={<IconBellOff size={18} />} onClick={openCreate}>
            {t('silencesPage.create')}
          </Button>
        }
      />
      <Group mb="md">
        <Switch
          label={t('silencesPage.showEnded')}
          checked={includeEnded}
          onChange={(event) => setIncludeEnded(event.currentTarget.checked)}
        />
      </Group>

      {silences.isPending && (
        <Center py="xl">
          <Loader />
        </Center>
      )}
      {silences.isError && (
        <Alert color="red" variant="light" icon={<IconAlertCircle />} title={t('error.title')}>
          {t('silencesPage.loadFailed', { message: messageOf(silences.error) })}
          <Button variant="default" size="xs" mt="sm" display="block" onClick={() => void silences.refetch()}>
            {t('error.retry')}
          </Button>
        </Alert>
      )}
      {silences.data?.length === 0 && (
        <EmptyState
          icon={IconBellOff}
          text={includeEnded ? t('silencesPage.emptyWithEnded') : t('silencesPage.empty')}
          action={
            <Button leftSection={<IconBellOff size={18} />} onClick={openCreate}>
              {t('emptyStates.silences.action')}
            </Button>
          }
        />
      )}
      {silences.data && silences.data.length > 0 && <SilencesTable silences={silences.data} onEnd={setEnding} />}

      <CreateSilenceModal opened={creating} onClose={closeCreate} />
      <EndSilenceModal silence={ending} onClose={() => setEnding(null)} />
    </>
  );
}
