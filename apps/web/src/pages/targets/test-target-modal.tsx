import type { NotificationType, TargetView } from '@herald/core';
import { Alert, Button, Group, Modal, Stack } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { NotificationTypePicker } from '../../components/notification-type-picker.tsx';
import { TestResultPanel } from '../../components/test-result-panel.tsx';
import { useFocusOnOutcome } from '../../components/use-focus-after.ts';
import { messageOf } from '../../lib/errors.ts';
import { notify } from '../../lib/notify.ts';
import { trpc } from '../../lib/trpc.ts';

type Props = { target: TargetView | null; onClose: () => void };

/** Sends a sample notification of the chosen type and shows what the platform answered. */
export function TestTargetModal({ target, onClose }: Props) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [type, setType] = useState<NotificationType>('circuit_breaker');
  const test = useMutation(
    trpc.targets.test.mutationOptions({
      onSuccess: async (result) => {
        await queryClient.invalidateQueries({ queryKey: trpc.targets.pathKey() });
        const name = target?.name ?? '';
        notify(
          result.success
            ? { color: 'teal', message: t('targets.testDialog.successNotice', { name }) }
            : { color: 'red', message: t('targets.testDialog.failureNotice', { name }) },
        );
      },
    }),
  );
  const errorRef = useFocusOnOutcome<HTMLDivElement>(test.error);
  const close = () => {
    test.reset();
    onClose();
  };

  return (
    <Modal
      opened={target !== null}
      onClose={close}
      title={t('targets.testDialog.title', { name: target?.name ?? '' })}
      closeButtonProps={{ 'aria-label': t('common.close') }}
      centered
      size="lg"
    >
      <Stack>
        <NotificationTypePicker label={t('targets.testDialog.type')} value={type} onChange={setType} />
        {test.isError && (
          <Alert ref={errorRef} tabIndex={-1} color="red" variant="light" role="alert">
            {t('targets.testDialog.failed', { message: messageOf(test.error) })}
          </Alert>
        )}
        {test.data && <TestResultPanel result={test.data} />}
        <Group justify="flex-end">
          <Button variant="default" onClick={close}>
            {t('common.close')}
          </Button>
          <Button
            loading={test.isPending}
            onClick={() => target && test.mutate({ id: target.id, notificationType: type })}
          >
            {t('targets.testDialog.send')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
