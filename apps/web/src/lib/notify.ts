import { type NotificationData, notifications } from '@mantine/notifications';
import i18n from 'i18next';

/** Mantine's notifications with a close button labelled in the current language. */
export function notify(data: NotificationData): void {
  notifications.show({ ...data, closeButtonProps: { 'aria-label': i18n.t('common.close'), ...data.closeButtonProps } });
}
