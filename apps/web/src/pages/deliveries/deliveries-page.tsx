import { useTranslation } from 'react-i18next';
import { IconSend } from '../../components/icons.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { PagePlaceholder } from '../../components/page-placeholder.tsx';

export function DeliveriesPage() {
  const { t } = useTranslation();
  return (
    <>
      <PageHeader title={t('nav.deliveries')} description={t('pages.deliveries.description')} />
      <PagePlaceholder icon={IconSend} text={t('pages.deliveries.empty')} />
    </>
  );
}
