import { useTranslation } from 'react-i18next';
import { IconAdjustments } from '../../components/icons.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { PagePlaceholder } from '../../components/page-placeholder.tsx';

export function SettingsPage() {
  const { t } = useTranslation();
  return (
    <>
      <PageHeader title={t('nav.settings')} description={t('pages.settings.description')} />
      <PagePlaceholder icon={IconAdjustments} text={t('pages.settings.empty')} />
    </>
  );
}
