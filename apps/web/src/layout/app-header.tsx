import { AppShell, Burger, Group, Text, Tooltip } from '@mantine/core';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { Brand } from '../components/brand.tsx';
import { ColorSchemeToggle } from '../components/color-scheme-toggle.tsx';
import { LanguageSwitcher } from '../components/language-switcher.tsx';
import { useAdminTimeZone } from '../lib/format.ts';
import { LogoutButton } from './logout-button.tsx';

type Props = { navOpened: boolean; onToggleNav: () => void };

export function AppHeader({ navOpened, onToggleNav }: Props) {
  const { t } = useTranslation();
  const timeZone = useAdminTimeZone();
  return (
    <AppShell.Header px="md">
      <Group h="100%" justify="space-between" wrap="nowrap">
        <Group gap="sm" wrap="nowrap">
          <Burger
            opened={navOpened}
            onClick={onToggleNav}
            hiddenFrom="sm"
            size="sm"
            aria-label={navOpened ? t('header.closeNavigation') : t('header.openNavigation')}
          />
          <Link to="/" style={{ color: 'inherit', textDecoration: 'none' }} aria-label={t('app.name')}>
            <Brand />
          </Link>
        </Group>
        <Group gap="xs" wrap="nowrap">
          <Tooltip label={t('header.timeZoneHint')}>
            <Text size="xs" c="dimmed" visibleFrom="md" data-testid="admin-time-zone">
              {t('header.timeZone', { zone: timeZone })}
            </Text>
          </Tooltip>
          <LanguageSwitcher />
          <ColorSchemeToggle />
          <LogoutButton />
        </Group>
      </Group>
    </AppShell.Header>
  );
}
