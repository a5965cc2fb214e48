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

/**
 * Every answer is declared (`.output`), so what a hub reads is checked and described like what it sends;
 * each procedure's `meta.description` is what /openapi.json says about it.
 */
export const hubRouter = router({
  ping: hubProcedure
    .meta({ description: "Checks the hub's API key and its connection to Herald before it reports anything." })
    .output(HubPingResult)
    .query(({ ctx }) => ({ ok: true as const, apiKeyName: ctx.hub.name })),

  reportCircuitBreaker: hubProcedure
    .meta({
      description:
        'A provider’s breaker (or one endpoint’s) opened at the hub (`state: "open"`, the default) or closed again (`"closed"`). ' +
        'The answer says what Herald did: `alerted`, `recovered` or `flapping` (a message is on its way), or why nobody was told ' +
        '(`suppressed` with a `reason`, `disabled`, `ignored`). Safe to repeat: a repeat within 5 minutes is `suppressed`.',
    })
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

  reportProviderBalance: hubProcedure
    .meta({
      description:
        "An upstream account's balance as the hub last read it. Herald alerts once per level as it falls below the " +
        'threshold and once when it is topped up; a report older than the last one is ignored, so repeating is safe.',
    })
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

  recordUsage: hubProcedure
    .meta({
      description:
        'Up to 5,000 requests the hub proxied. Idempotent by `requestId` (the first write wins), so re-sending a batch ' +
        'whose answer was lost is safe. All or nothing: one bad record refuses the call, naming `records.<index>.<field>`, ' +
        'and stores nothing.',
    })
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

  syncUsers: hubProcedure
    .meta({
      description:
        "Creates or updates users by the hub's ids (up to 5,000 a call) with their spending limits in US dollars. " +
        'Safe to repeat: the latest sync wins.',
    })
    .input(SyncUsersInput)
    .output(SyncResult)
    .mutation(({ ctx, input }) => syncUsers(ctx.deps.db, input.users)),

  syncProviders: hubProcedure
    .meta({
      description:
        "Creates or updates providers by the hub's ids (up to 5,000 a call): spending limits in US dollars and the " +
        "settings of Herald's own breaker. Safe to repeat: the latest sync wins.",
    })
    .input(SyncProvidersInput)
    .output(SyncResult)
    .mutation(({ ctx, input }) => syncProviders(ctx.deps.db, input.providers)),
});
