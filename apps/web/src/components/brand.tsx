import { Group, Text, ThemeIcon } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { IconMegaphone } from './icons.tsx';

/** The product mark and name, as shown in the header and on the login page. */
export function Brand({ size = 'md' }: { size?: 'md' | 'lg' }) {
  const { t } = useTranslation();
  const large = size === 'lg';
  return (
    <Group gap={large ? 'sm' : 'xs'} wrap="nowrap">
      <ThemeIcon
        size={large ? 44 : 32}
        radius="md"
        variant="gradient"
        gradient={{ from: 'indigo', to: 'violet', deg: 135 }}
      >
        <IconMegaphone size={large ? 26 : 19} />
      </ThemeIcon>
      <Text component="span" fw={700} fz={large ? 26 : 'lg'} lh={1}>
        {t('app.name')}
      </Text>
    </Group>
  );
}
