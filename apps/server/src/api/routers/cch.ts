import { CchConnector, CchConnectorTestResult, SetCchConnectorInput, TestCchConnectorInput } from '@herald/core';
import { getCchConnector, setCchConnector, testCchConnector } from '../../bridges/cch/connector.ts';
import { adminProcedure, router } from '../trpc.ts';

/** The Claude Code Hub health connector (the webhook bridge itself is `POST /bridges/cch`). */
export const cchRouter = router({
  connector: router({
    get: adminProcedure.output(CchConnector).query(({ ctx }) => getCchConnector(ctx.deps)),
    /** Changes what is sent (audited); the token is write-only. The poll schedule follows. */
    set: adminProcedure
      .input(SetCchConnectorInput)
      .output(CchConnector)
      .mutation(({ ctx, input }) => setCchConnector(ctx.deps, input, ctx.actor)),
    /** Polls CCH once with the values typed (else the stored ones): nothing recorded, nothing alerted. */
    test: adminProcedure
      .input(TestCchConnectorInput)
      .output(CchConnectorTestResult)
      .mutation(({ ctx, input }) => testCchConnector(ctx.deps, input)),
  }),
});
