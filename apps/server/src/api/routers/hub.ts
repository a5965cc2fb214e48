import {
  CircuitBreakerReport,
  CircuitBreakerReportResult,
  HubPingResult,
  ProviderBalanceReport,
  ProviderBalanceReportResult,
  RecordUsageInput,
  RecordUsageResult,
  SyncProvidersInput,
  SyncResult,
  SyncUsersInput,
} from '@herald/core';
import { breakerEvents } from '../../engine/circuit-breaker.ts';
import { reportProviderBalance } from '../../engine/provider-balance.ts';
import { recordUsage, reportCircuitBreaker, syncProviders, syncUsers } from '../../services/hub-intake.ts';
import { hubProcedure, router } from '../trpc.ts';

/** Every answer is declared (`.output`), so what a hub reads is checked and described like what it sends. */
export const hubRouter = router({
  /** Lets a hub check its key and connectivity before it reports anything. */
  ping: hubProcedure.output(HubPingResult).query(({ ctx }) => ({ ok: true as const, apiKeyName: ctx.hub.name })),

  /** A provider's breaker opened (state "open", the default) or closed again at the hub. */
  reportCircuitBreaker: hubProcedure
    .input(CircuitBreakerReport)
    .output(CircuitBreakerReportResult)
    .mutation(async ({ ctx, input }) => {
      const decision = await reportCircuitBreaker(ctx.deps.db, input, breakerEvents(ctx.deps));
      ctx.deps.logger.info(
        {
          action: 'circuit_breaker_reported',
          providerId: input.providerId,
          state: input.state,
          outcome: decision.outcome,
          ...(decision.reason ? { reason: decision.reason } : {}),
          ...(input.state === 'open' ? { failureCount: input.failureCount } : {}),
        },
        `hub reported a circuit breaker ${input.state === 'open' ? 'trip' : 'recovery'}`,
      );
      return { ok: true as const, ...decision };
    }),

  /** An upstream account's balance: alerted once per level as it falls, and when topped up. */
  reportProviderBalance: hubProcedure
    .input(ProviderBalanceReport)
    .output(ProviderBalanceReportResult)
    .mutation(async ({ ctx, input }) => {
      const answer = await reportProviderBalance(ctx.deps, input);
      ctx.deps.logger.info(
        { action: 'provider_balance_reported', providerId: input.providerId, outcome: answer.outcome },
        'hub reported a provider balance',
      );
      return { ok: true as const, ...answer };
    }),

  /** Up to 5,000 usage records, idempotent by requestId (first write wins); all or nothing on bad input. */
  recordUsage: hubProcedure
    .input(RecordUsageInput)
    .output(RecordUsageResult)
    .mutation(async ({ ctx, input }) => {
      const r = await recordUsage(ctx.deps.db, input.records, breakerEvents(ctx.deps), {
        now: () => ctx.deps.clock.now(),
      });
      for (const providerId of r.breakersClosed) {
        ctx.deps.logger.info(
          { action: 'provider_breaker_closed', providerId },
          "Herald's breaker closed for a provider",
        );
      }
      for (const b of r.breakersOpened) {
        ctx.deps.logger.info(
          { action: 'provider_breaker_opened', providerId: b.providerId, failureCount: b.failureCount },
          "Herald's breaker opened for a provider",
        );
      }
      return { accepted: r.accepted, duplicates: r.duplicates };
    }),

  /** Upserts users by the hub's ids (up to 5,000). */
  syncUsers: hubProcedure
    .input(SyncUsersInput)
    .output(SyncResult)
    .mutation(({ ctx, input }) => syncUsers(ctx.deps.db, input.users)),

  /** Upserts providers by the hub's ids (up to 5,000). */
  syncProviders: hubProcedure
    .input(SyncProvidersInput)
    .output(SyncResult)
    .mutation(({ ctx, input }) => syncProviders(ctx.deps.db, input.providers)),
});
