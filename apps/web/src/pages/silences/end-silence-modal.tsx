import type { SilenceView } from '@herald/core';
import { Alert, Button, Group, Modal, Stack, Text } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { messageOf } from '../../lib/errors.ts';
import { endSilence, silencesKey } from '../../lib/incidents-api.ts';
import { notify } from '../../lib/notify.ts';
import { silenceName } from './silence-name.ts';

type Props = { silence: SilenceView | null; onClose: () => void };

/** Asks before ending a silence early: what it matches is sent again at once. */
export function EndSilenceModal({ silence, onClose }: Props) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const name = silence ? silenceName(silence, t) : '';
  const end = useMutation({
    mutationFn: endSilence,
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: silencesKey() });
      notify({ color: 'teal', message: t('silencesPage.ended', { name }) });
      close();
    },
  });
  const close = () => {
    end.reset();
    onClose();
  };

  return (
    <Modal
      opened={silence !== null}
      onClose={close}
      title={t('silencesPage.endTitle')}
      closeButtonProps={{ 'aria-label': t('common.close') }}
      centered
    >
      <Stack>
        <Text>{t('silencesPage.endConfirm', { name })}</Text>
        {end.isError && (
          <Alert color="red" variant="light" role="alert">
            {t('silencesPage.endFailed', { message: messageOf(end.error) })}
          </Alert>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={close}>
            {t('common.cancel')}
          </Button>
          <Button color="red" loading={end.isPending} onClick={() => silence && end.mutate(silence.id)}>
            {t('silencesPage.end')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
