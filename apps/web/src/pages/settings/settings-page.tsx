import { Alert, Button, Center, Loader, Tabs } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useNavigate, useSearch } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { IconAlertCircle } from '../../components/icons.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { messageOf } from '../../lib/errors.ts';
import { trpc } from '../../lib/trpc.ts';
import { AuditLog } from './audit-log.tsx';
import { SettingsSearch } from './audit-search.ts';
import { CchConnectorSection } from './cch-connector.tsx';
import { SystemSettingsForm } from './system-settings-form.tsx';

/**
 * Two tabs, the open one in the URL: system time zone and message language with the Claude Code
 * Hub connector, and the audit log (its own tab, so a phone does not scroll past it all).
 */
export function SettingsPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const search = SettingsSearch.parse(useSearch({ strict: false }));
  const tab = search.tab ?? 'general';
  return (
    <>
      <PageHeader title={t('nav.settings')} description={t('pages.settings.description')} />
      <Tabs
        value={tab}
        onChange={(next) => void navigate({ to: '/settings', search: { tab: next ?? 'general' } as never })}
        keepMounted={false}
      >
        <Tabs.List mb="lg">
          <Tabs.Tab value="general">{t('auditLog.tabs.general')}</Tabs.Tab>
          <Tabs.Tab value="audit">{t('auditLog.tabs.audit')}</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="general">
          <GeneralSettings />
        </Tabs.Panel>
        <Tabs.Panel value="audit">
          <AuditLog search={search} />
        </Tabs.Panel>
      </Tabs>
    </>
  );
}

function GeneralSettings() {
  const { t } = useTranslation();
  const settings = useQuery(trpc.settings.get.queryOptions());
  return (
    <>
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
    </>
  );
}
