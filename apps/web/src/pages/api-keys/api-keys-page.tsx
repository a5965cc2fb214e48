import { useTranslation } from 'react-i18next';
import { IconKey } from '../../components/icons.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { PagePlaceholder } from '../../components/page-placeholder.tsx';

export function ApiKeysPage() {
  const { t } = useTranslation();
  return (
    <>
      <PageHeader title={t('nav.apiKeys')} description={t('pages.apiKeys.description')} />
      <PagePlaceholder icon={IconKey} text={t('pages.apiKeys.empty')} />
    </>
  );
}
