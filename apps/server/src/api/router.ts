import { apiKeysRouter } from './routers/api-keys.ts';
import { auditRouter } from './routers/audit.ts';
import { authRouter } from './routers/auth.ts';
import { bindingsRouter } from './routers/bindings.ts';
import { cchRouter } from './routers/cch.ts';
import { deliveriesRouter } from './routers/deliveries.ts';
import { hubRouter } from './routers/hub.ts';
import { notificationsRouter } from './routers/notifications.ts';
import { overviewRouter } from './routers/overview.ts';
import { settingsRouter } from './routers/settings.ts';
import { silencesRouter } from './routers/silences.ts';
import { targetsRouter } from './routers/targets.ts';
import { router } from './trpc.ts';

export const appRouter = router({
  auth: authRouter,
  settings: settingsRouter,
  targets: targetsRouter,
  bindings: bindingsRouter,
  notifications: notificationsRouter,
  overview: overviewRouter,
  deliveries: deliveriesRouter,
  apiKeys: apiKeysRouter,
  audit: auditRouter,
  silences: silencesRouter,
  hub: hubRouter,
  cch: cchRouter,
});

export type AppRouter = typeof appRouter;
