import type { ApiKeySummary } from '@herald/core';
import { Alert, Button, Group, Modal, Stack, Text } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { messageOf } from '../../lib/errors.ts';
import { notify } from '../../lib/notify.ts';
import { trpc } from '../../lib/trpc.ts';

type Props = { apiKey: ApiKeySummary | null; onClose: () => void };

/** Asks before revoking: a hub using the key stops working at once. */
export function RevokeApiKeyModal({ apiKey, onClose }: Props) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const revoke = useMutation(
    trpc.apiKeys.revoke.mutationOptions({
      onSuccess: async (revoked) => {
        await queryClient.invalidateQueries({ queryKey: trpc.apiKeys.list.queryKey() });
        notify({ color: 'teal', message: t('apiKeys.revokedNotice', { name: revoked.name }) });
        close();
      },
    }),
  );
  const close = () => {
    revoke.reset();
    onClose();
  };

  return (
    <Modal
      opened={apiKey !== null}
      onClose={close}
      title={t('apiKeys.revokeTitle')}
      closeButtonProps={{ 'aria-label': t('common.close') }}
      centered
    >
      <Stack>
        <Text>{t('apiKeys.revokeConfirm', { name: apiKey?.name ?? '' })}</Text>
        {revoke.isError && (
          <Alert color="red" variant="light" role="alert">
            {t('apiKeys.revokeFailed', { message: messageOf(revoke.error) })}
          </Alert>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={close}>
            {t('common.cancel')}
          </Button>
          <Button color="red" loading={revoke.isPending} onClick={() => apiKey && revoke.mutate({ id: apiKey.id })}>
            {t('apiKeys.revoke')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
