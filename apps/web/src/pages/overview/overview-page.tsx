import { useTranslation } from 'react-i18next';
import { IconDashboard } from '../../components/icons.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { PagePlaceholder } from '../../components/page-placeholder.tsx';

export function OverviewPage() {
  const { t } = useTranslation();
  return (
    <>
      <PageHeader title={t('nav.overview')} description={t('pages.overview.description')} />
      <PagePlaceholder icon={IconDashboard} text={t('pages.overview.empty')} />
    </>
  );
}
