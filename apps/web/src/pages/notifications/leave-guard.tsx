import { Button, Group, Modal, Text } from '@mantine/core';
import { useBlocker } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';

/**
 * Asks before leaving with unsaved changes: in-app navigation through the router's blocker (a
 * dialog), a reload or a closed tab through the browser's own `beforeunload` prompt.
 */
export function LeaveGuard({ dirty }: { dirty: boolean }) {
  const { t } = useTranslation();
  const blocker = useBlocker({
    // Another type picked on this page (its `?type=`) keeps the draft: only leaving the page asks.
    shouldBlockFn: ({ current, next }) => dirty && current.pathname !== next.pathname,
    enableBeforeUnload: () => dirty,
    withResolver: true,
  });
  return (
    <Modal
      opened={blocker.status === 'blocked'}
      onClose={() => blocker.reset?.()}
      title={t('notificationsPage.routing.leaveTitle')}
    >
      <Text size="sm">{t('notificationsPage.routing.leaveBody')}</Text>
      <Group justify="flex-end" mt="md">
        <Button variant="default" onClick={() => blocker.reset?.()} data-autofocus>
          {t('notificationsPage.routing.stay')}
        </Button>
        <Button color="red" onClick={() => blocker.proceed?.()}>
          {t('notificationsPage.routing.leave')}
        </Button>
      </Group>
    </Modal>
  );
}
