import { Alert, Button, Center, Loader } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { IconAlertCircle } from '../../components/icons.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { messageOf } from '../../lib/errors.ts';
import { trpc } from '../../lib/trpc.ts';
import { AuditLog } from './audit-log.tsx';
import { CchConnectorSection } from './cch-connector.tsx';
import { SystemSettingsForm } from './system-settings-form.tsx';

/** System time zone and message language, the Claude Code Hub connector, then the audit log. */
export function SettingsPage() {
  const { t } = useTranslation();
  const settings = useQuery(trpc.settings.get.queryOptions());
  return (
    <>
      <PageHeader title={t('nav.settings')} description={t('pages.settings.description')} />
      {settings.isPending && (
        <Center py="xl">
          <Loader />
        </Center>
      )}
      {settings.isError && (
        <Alert color="red" variant="light" icon={<IconAlertCircle />} title={t('error.title')} mb="xl">
          {t('settingsPage.loadFailed', { message: messageOf(settings.error) })}
          <Button variant="default" size="xs" mt="sm" display="block" onClick={() => void settings.refetch()}>
            {t('error.retry')}
          </Button>
        </Alert>
      )}
      {settings.data && <SystemSettingsForm key={settings.data.updatedAt} settings={settings.data} />}
      <CchConnectorSection />
      <AuditLog />
    </>
  );
}
