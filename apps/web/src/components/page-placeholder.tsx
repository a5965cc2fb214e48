import { EmptyState, Paper } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { IconComponent } from './icons.tsx';

/** The empty state a page shows until it has data. */
export function PagePlaceholder({ icon: Icon, text }: { icon: IconComponent; text: string }) {
  const { t } = useTranslation();
  return (
    <Paper withBorder radius="lg" p="xl">
      <EmptyState py="xl" variant="light" icon={<Icon size={26} />} title={t('placeholder.title')} description={text} />
    </Paper>
  );
}
