import { Button } from '@mantine/core';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { IconKey } from '../../components/icons.tsx';

/** What fills a section the hub's reports feed: a hub connected with an API key. */
export function HubLink() {
  const { t } = useTranslation();
  return (
    <Button component={Link} to="/api-keys" variant="default" size="xs" leftSection={<IconKey size={16} />}>
      {t('emptyStates.overview.connectHub')}
    </Button>
  );
}
