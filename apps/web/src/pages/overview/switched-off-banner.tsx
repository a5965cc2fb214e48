import { Alert, Anchor } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { IconAlertCircle } from '../../components/icons.tsx';
import { trpc } from '../../lib/trpc.ts';

/** Says so when nothing is sent at all: the global switch is off. */
export function SwitchedOffBanner() {
  const { t } = useTranslation();
  const settings = useQuery({ ...trpc.settings.get.queryOptions(), staleTime: 60_000 });
  if (!settings.data || settings.data.enabled) return null;
  return (
    <Alert color="yellow" variant="light" icon={<IconAlertCircle />} data-testid="overview-switched-off">
      {t('overviewPage.switchedOff')}{' '}
      <Anchor component={Link} to="/notifications" size="sm">
        {t('overviewPage.switchOn')}
      </Anchor>
    </Alert>
  );
}
