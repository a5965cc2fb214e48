import { Button, Center, EmptyState } from '@mantine/core';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { IconAlertCircle } from '../../components/icons.tsx';
import { useDocumentTitle } from '../../components/use-document-title.ts';

export function NotFoundPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('notFound.title'));
  return (
    <Center mih="70vh" p="md">
      <EmptyState
        variant="light"
        icon={<IconAlertCircle size={26} />}
        title={<h1 style={{ font: 'inherit', margin: 0 }}>{t('notFound.title')}</h1>}
        description={t('notFound.description')}
      >
        <EmptyState.Actions>
          <Button component={Link} to="/">
            {t('notFound.backHome')}
          </Button>
        </EmptyState.Actions>
      </EmptyState>
    </Center>
  );
}
