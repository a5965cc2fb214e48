import { hubProcedure, router } from '../trpc.ts';

export const hubRouter = router({
  /** Lets a hub check its key and connectivity before it reports anything. */
  ping: hubProcedure.query(({ ctx }) => ({ ok: true as const, apiKeyName: ctx.hub.name })),
});
