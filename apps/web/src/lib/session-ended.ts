import { notifications } from '@mantine/notifications';
import i18n from 'i18next';
import { notify } from './notify.ts';

const NOTICE_ID = 'session-ended';

/** Tells the user once (not once per failed call) that they were signed out. */
export function showSessionEnded(): void {
  notifications.hide(NOTICE_ID);
  notify({
    id: NOTICE_ID,
    color: 'yellow',
    title: i18n.t('session.expiredTitle'),
    message: i18n.t('session.expired'),
  });
}
