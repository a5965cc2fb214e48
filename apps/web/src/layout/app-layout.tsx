import { AppShell, Container } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { Outlet } from '@tanstack/react-router';
import { AppHeader } from './app-header.tsx';
import { AppNavbar } from './app-navbar.tsx';
import { HEADER_HEIGHT, NAVBAR_WIDTH } from './shell-size.ts';
import { SkipLink } from './skip-link.tsx';

/** The signed-in frame: header, navbar (a drawer below `sm`), and the current page. */
export function AppLayout() {
  const [navOpened, { toggle, close }] = useDisclosure(false);
  return (
    <AppShell
      header={{ height: HEADER_HEIGHT }}
      navbar={{ width: NAVBAR_WIDTH, breakpoint: 'sm', collapsed: { mobile: !navOpened } }}
      padding="md"
    >
      <SkipLink target="main-content" />
      <AppHeader navOpened={navOpened} onToggleNav={toggle} />
      <AppNavbar opened={navOpened} onNavigate={close} />
      <AppShell.Main id="main-content" tabIndex={-1} style={{ outline: 'none' }}>
        <Container size="lg" px={{ base: 0, sm: 'md' }} py={{ base: 'sm', sm: 'lg' }}>
          <Outlet />
        </Container>
      </AppShell.Main>
    </AppShell>
  );
}
