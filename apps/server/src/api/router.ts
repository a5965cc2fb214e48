import { apiKeysRouter } from './routers/api-keys.ts';
import { authRouter } from './routers/auth.ts';
import { hubRouter } from './routers/hub.ts';
import { router } from './trpc.ts';

export const appRouter = router({
  auth: authRouter,
  apiKeys: apiKeysRouter,
  hub: hubRouter,
});

export type AppRouter = typeof appRouter;
