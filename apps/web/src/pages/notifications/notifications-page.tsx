import { useTranslation } from 'react-i18next';
import { IconBell } from '../../components/icons.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { PagePlaceholder } from '../../components/page-placeholder.tsx';

export function NotificationsPage() {
  const { t } = useTranslation();
  return (
    <>
      <PageHeader title={t('nav.notifications')} description={t('pages.notifications.description')} />
      <PagePlaceholder icon={IconBell} text={t('pages.notifications.empty')} />
    </>
  );
}
