import { AppShell, em, NavLink, ScrollArea, useMantineTheme } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { Link, useRouterState } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { isActive, NAV_ITEMS } from './nav-items.ts';

type Props = { opened: boolean; onNavigate: () => void };

/** The page links; on narrow screens a drawer, and picking one also closes it. */
export function AppNavbar({ opened, onNavigate }: Props) {
  const { t } = useTranslation();
  const pathname = useRouterState({ select: (s) => s.location.pathname });
  const theme = useMantineTheme();
  const isPhone = useMediaQuery(`(max-width: ${em(Number.parseFloat(theme.breakpoints.sm) * 16 - 0.1)})`);
  // The closed drawer is only moved off-screen: inert keeps its links out of the Tab order.
  const closedDrawer = isPhone === true && !opened;
  return (
    <AppShell.Navbar p="sm" aria-label={t('nav.label')} component="nav" inert={closedDrawer}>
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
