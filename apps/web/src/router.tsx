import type { QueryClient } from '@tanstack/react-query';
import {
  createRootRouteWithContext,
  createRoute,
  createRouter,
  lazyRouteComponent,
  Outlet,
  redirect,
} from '@tanstack/react-router';
import { RouteError } from './components/route-error.tsx';
import { parseLoginSearch } from './lib/redirect.ts';
import { parseSearch, stringifySearch } from './lib/search-params.ts';
import { fetchSession } from './lib/session.ts';
import { LoginPage } from './pages/login/login-page.tsx';
import { NotFoundPage } from './pages/not-found/not-found-page.tsx';

export type RouterContext = { queryClient: QueryClient };

const rootRoute = createRootRouteWithContext<RouterContext>()({
  component: Outlet,
  notFoundComponent: NotFoundPage,
  errorComponent: RouteError,
});

const loginRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: 'login',
  validateSearch: parseLoginSearch,
  beforeLoad: async ({ context, search }) => {
    const session = await fetchSession(context.queryClient);
    if (session.authenticated) throw redirect({ href: search.redirect ?? '/' });
  },
  component: LoginPage,
});

/**
 * Every page behind it needs an admin session; without one, go to login and come back.
 * The layout and its pages load on demand: the sign-in page ships only what it draws.
 */
const authedRoute = createRoute({
  getParentRoute: () => rootRoute,
  id: 'authed',
  beforeLoad: async ({ context, location }) => {
    const session = await fetchSession(context.queryClient);
    if (!session.authenticated) throw redirect({ to: '/login', search: { redirect: location.href } });
  },
  component: lazyRouteComponent(() => import('./layout/app-layout.tsx'), 'AppLayout'),
});

const overviewRoute = createRoute({
  getParentRoute: () => authedRoute,
  path: '/',
  // Loaded on demand: it brings the chart library (only this page may import it).
  component: lazyRouteComponent(() => import('./pages/overview/overview-page.tsx'), 'OverviewPage'),
});
const notificationsRoute = createRoute({
  getParentRoute: () => authedRoute,
  path: 'notifications',
  component: lazyRouteComponent(() => import('./pages/notifications/notifications-page.tsx'), 'NotificationsPage'),
});
const targetsRoute = createRoute({
  getParentRoute: () => authedRoute,
  path: 'targets',
  component: lazyRouteComponent(() => import('./pages/targets/targets-page.tsx'), 'TargetsPage'),
});
const deliveriesRoute = createRoute({
  getParentRoute: () => authedRoute,
  path: 'deliveries',
  component: lazyRouteComponent(() => import('./pages/deliveries/deliveries-page.tsx'), 'DeliveriesPage'),
});
const silencesRoute = createRoute({
  getParentRoute: () => authedRoute,
  path: 'silences',
  component: lazyRouteComponent(() => import('./pages/silences/silences-page.tsx'), 'SilencesPage'),
});
const apiKeysRoute = createRoute({
  getParentRoute: () => authedRoute,
  path: 'api-keys',
  component: lazyRouteComponent(() => import('./pages/api-keys/api-keys-page.tsx'), 'ApiKeysPage'),
});
const apiReferenceRoute = createRoute({
  getParentRoute: () => authedRoute,
  path: 'api-reference',
  component: lazyRouteComponent(() => import('./pages/api-reference/api-reference-page.tsx'), 'ApiReferencePage'),
});
const settingsRoute = createRoute({
  getParentRoute: () => authedRoute,
  path: 'settings',
  component: lazyRouteComponent(() => import('./pages/settings/settings-page.tsx'), 'SettingsPage'),
});

const routeTree = rootRoute.addChildren([
  loginRoute,
  authedRoute.addChildren([
    overviewRoute,
    notificationsRoute,
    targetsRoute,
    deliveriesRoute,
    silencesRoute,
    apiKeysRoute,
    apiReferenceRoute,
    settingsRoute,
  ]),
]);

export function createAppRouter(queryClient: QueryClient) {
  return createRouter({
    routeTree,
    context: { queryClient },
    defaultPreload: 'intent',
    defaultPreloadStaleTime: 0, // TanStack Query owns caching
    scrollRestoration: true,
    // Search values stay text: ids in messages' links must not turn into numbers.
    parseSearch,
    stringifySearch,
  });
}

declare module '@tanstack/react-router' {
  interface Register {
    router: ReturnType<typeof createAppRouter>;
  }
}
