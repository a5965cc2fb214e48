import { AppShell, NavLink, ScrollArea } from '@mantine/core';
import { Link, useRouterState } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { isActive, NAV_ITEMS } from './nav-items.ts';

/** The page links; on narrow screens picking one also closes the drawer. */
export function AppNavbar({ onNavigate }: { onNavigate: () => void }) {
  const { t } = useTranslation();
  const pathname = useRouterState({ select: (s) => s.location.pathname });
  return (
    <AppShell.Navbar p="sm" aria-label={t('nav.label')} component="nav">
      <AppShell.Section grow component={ScrollArea}>
        {NAV_ITEMS.map((item) => (
          <NavLink
            key={item.key}
            renderRoot={(props) => <Link {...props} to={item.to} activeOptions={{ exact: item.to === '/' }} />}
            label={t(`nav.${item.key}`)}
            leftSection={<item.icon size={20} />}
            active={isActive(item, pathname)}
            onClick={onNavigate}
            variant="light"
            py={10}
            mb={4}
            style={{ borderRadius: 'var(--mantine-radius-md)' }}
            fw={500}
          />
        ))}
      </AppShell.Section>
    </AppShell.Navbar>
  );
}
