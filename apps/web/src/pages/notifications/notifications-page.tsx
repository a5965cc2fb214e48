import { NOTIFICATION_TYPES } from '@herald/core';
import { Alert, Button, Center, Loader } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { IconAlertCircle } from '../../components/icons.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { messageOf } from '../../lib/errors.ts';
import { trpc } from '../../lib/trpc.ts';
import { draftOf } from './binding-draft.ts';
import { GeneralCard } from './general-card.tsx';
import { TypeCard } from './type-card.tsx';

/** The global switch and mode, then one card per notification type with its bound targets. */
export function NotificationsPage() {
  const { t } = useTranslation();
  const settings = useQuery(trpc.settings.get.queryOptions());
  const targets = useQuery(trpc.targets.list.queryOptions());
  const bindings = useQuery(trpc.bindings.list.queryOptions());
  const failed = [settings, targets, bindings].find((q) => q.isError);
  const ready = settings.data && targets.data && bindings.data;
  return (
    <>
      <PageHeader title={t('nav.notifications')} description={t('pages.notifications.description')} />
      {!ready && !failed && (
        <Center py="xl">
          <Loader />
        </Center>
      )}
      {failed && (
        <Alert color="red" variant="light" icon={<IconAlertCircle />} title={t('error.title')} mb="xl">
          {t('notificationsPage.loadFailed', { message: messageOf(failed.error) })}
          <Button
            variant="default"
            size="xs"
            mt="sm"
            display="block"
            onClick={() => void Promise.all([settings.refetch(), targets.refetch(), bindings.refetch()])}
          >
            {t('error.retry')}
          </Button>
        </Alert>
      )}
      {ready && (
        <div key={settings.data.updatedAt}>
          <GeneralCard settings={settings.data} />
          {NOTIFICATION_TYPES.map((type) => (
            <TypeCard
              key={type}
              type={type}
              settings={settings.data}
              multiTarget={!settings.data.useLegacyMode}
              targets={targets.data.map((target) => ({
                id: target.id,
                name: target.name,
                providerType: target.providerType,
                customTemplate: target.customTemplate,
              }))}
              bindings={bindings.data.filter((b) => b.notificationType === type).map(draftOf)}
            />
          ))}
        </div>
      )}
    </>
  );
}
