import '@mantine/core/styles.css';
import '@mantine/notifications/styles.css';
import { MantineProvider } from '@mantine/core';
import { QueryClientProvider } from '@tanstack/react-query';
import { RouterProvider } from '@tanstack/react-router';
import { StrictMode, useMemo } from 'react';
import { createRoot } from 'react-dom/client';
import { useTranslation } from 'react-i18next';
import { initI18n } from './i18n/index.ts';
import { Toasts } from './layout/toasts.tsx';
import { forgetSession } from './lib/session.ts';
import { showSessionEnded } from './lib/session-ended.ts';
import { queryClient } from './lib/trpc.ts';
import { watchUnauthorized } from './lib/unauthorized.ts';
import { createAppRouter } from './router.tsx';
import { localizedTheme } from './theme.ts';
import { contrastResolver } from './theme-contrast.ts';

// The page's language catalogue is its own chunk: render once it is here.
await initI18n();
const router = createAppRouter(queryClient);

// A refused admin call means the session is gone: back to login, then back here.
let redirecting = false;
watchUnauthorized(queryClient, () => {
  const { pathname, href } = router.state.location;
  if (redirecting || pathname === '/login') return;
  redirecting = true;
  forgetSession(queryClient);
  showSessionEnded();
  void router.navigate({ to: '/login', search: { redirect: href }, replace: true }).finally(() => {
    redirecting = false;
  });
});

const rootElement = document.getElementById('root');
if (!rootElement) throw new Error('index.html has no #root element');

function App() {
  const { t } = useTranslation();
  const closeLabel = t('common.close');
  const theme = useMemo(() => localizedTheme(closeLabel), [closeLabel]);
  return (
    <MantineProvider theme={theme} cssVariablesResolver={contrastResolver} defaultColorScheme="auto">
      <Toasts />
      <QueryClientProvider client={queryClient}>
        <RouterProvider router={router} />
      </QueryClientProvider>
    </MantineProvider>
  );
}

createRoot(rootElement).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
