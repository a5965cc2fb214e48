import type { ApiKeySummary } from '@herald/core';
import { Alert, Button, Center, Loader } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { EmptyState } from '../../components/empty-state.tsx';
import { IconAlertCircle, IconKey } from '../../components/icons.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { messageOf } from '../../lib/errors.ts';
import { trpc } from '../../lib/trpc.ts';
import { ApiKeysTable } from './api-keys-table.tsx';
import { CreateApiKeyModal } from './create-api-key-modal.tsx';
import { RevokeApiKeyModal } from './revoke-api-key-modal.tsx';

/** Hub API keys: list, create (the key is shown once), revoke. */
export function ApiKeysPage() {
  const { t } = useTranslation();
  const keys = useQuery(trpc.apiKeys.list.queryOptions());
  const [creating, { open: openCreate, close: closeCreate }] = useDisclosure(false);
  const [revoking, setRevoking] = useState<ApiKeySummary | null>(null);

  return (
    <>
      <PageHeader
        title={t('nav.apiKeys')}
        description={t('pages.apiKeys.description')}
        action={
          <Button leftSection={<IconKey size={18} />} onClick={openCreate}>
            {t('apiKeys.create')}
          </Button>
        }
      />

      {keys.isPending && (
        <Center py="xl">
          <Loader />
        </Center>
      )}
      {keys.isError && (
        <Alert color="red" variant="light" icon={<IconAlertCircle />} title={t('error.title')}>
          {t('apiKeys.loadFailed', { message: messageOf(keys.error) })}
          <Button variant="default" size="xs" mt="sm" display="block" onClick={() => void keys.refetch()}>
            {t('error.retry')}
          </Button>
        </Alert>
      )}
      {keys.data?.length === 0 && (
        <EmptyState
          icon={IconKey}
          text={t('pages.apiKeys.empty')}
          action={
            <Button leftSection={<IconKey size={18} />} onClick={openCreate}>
              {t('emptyStates.apiKeys.action')}
            </Button>
          }
        />
      )}
      {keys.data && keys.data.length > 0 && <ApiKeysTable keys={keys.data} onRevoke={setRevoking} />}

      <CreateApiKeyModal opened={creating} onClose={closeCreate} />
      <RevokeApiKeyModal apiKey={revoking} onClose={() => setRevoking(null)} />
    </>
  );
}
