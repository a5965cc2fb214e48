import { useTranslation } from 'react-i18next';
import { IconTarget } from '../../components/icons.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { PagePlaceholder } from '../../components/page-placeholder.tsx';

export function TargetsPage() {
  const { t } = useTranslation();
  return (
    <>
      <PageHeader title={t('nav.targets')} description={t('pages.targets.description')} />
      <PagePlaceholder icon={IconTarget} text={t('pages.targets.empty')} />
    </>
  );
}
