import type { TargetView } from '@herald/core';
import { Alert, Button, Group, Modal, Stack, Text } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { messageOf } from '../../lib/errors.ts';
import { notify } from '../../lib/notify.ts';
import { trpc } from '../../lib/trpc.ts';

type Props = { target: TargetView | null; onClose: () => void };

/** Asks before deleting a target. */
export function DeleteTargetModal({ target, onClose }: Props) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const name = target?.name ?? '';
  const remove = useMutation(
    trpc.targets.delete.mutationOptions({
      onSuccess: async () => {
        await queryClient.invalidateQueries({ queryKey: trpc.targets.pathKey() });
        notify({ color: 'teal', message: t('targets.deleteDialog.deleted', { name }) });
        close();
      },
    }),
  );
  const close = () => {
    remove.reset();
    onClose();
  };

  return (
    <Modal
      opened={target !== null}
      onClose={close}
      title={t('targets.deleteDialog.title')}
      closeButtonProps={{ 'aria-label': t('common.close') }}
      centered
    >
      <Stack>
        <Text>{t('targets.deleteDialog.confirm', { name })}</Text>
        {remove.isError && (
          <Alert color="red" variant="light" role="alert">
            {t('targets.deleteDialog.failed', { message: messageOf(remove.error) })}
          </Alert>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={close}>
            {t('common.cancel')}
          </Button>
          <Button color="red" loading={remove.isPending} onClick={() => target && remove.mutate({ id: target.id })}>
            {t('targets.delete')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
