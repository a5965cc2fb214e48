import { RecordUsageInput, type UsageRecord, type UsageRecordInput } from '@herald/core';
import { createDb, type Db } from '../../../src/db/database.ts';
import { migrateToLatest } from '../../../src/db/migrate.ts';
import { createLogger } from '../../../src/logger.ts';
import type { BreakerSource, HubEvents } from '../../../src/services/hub-intake.ts';
import { createTestDatabase } from '../../db.ts';

/** A migrated database of its own, for the service and repo tests (no server). */
export async function hubTestDb(): Promise<{ db: Db; close(): Promise<void> }> {
  const database = await createTestDatabase();
  const { db } = createDb(database.url, createLogger('silent'), 12);
  await migrateToLatest(db);
  return {
    db,
    async close() {
      await db.destroy();
      await database.drop();
    },
  };
}

/** Records as the procedure's schema would hand them over (defaults applied). */
export function parsed(records: UsageRecordInput[]): UsageRecord[] {
  return RecordUsageInput.parse({ records }).records;
}

let seq = 0;
/** A usage record with plausible defaults; each call gets a fresh requestId. */
export function usage(over: Partial<UsageRecordInput> = {}): UsageRecordInput {
  seq++;
  return {
    requestId: `req-${process.pid}-${seq}`,
    userId: 'u1',
    providerId: 'p1',
    costUsd: 0.01,
    inputTokens: 100,
    outputTokens: 20,
    ...over,
  };
}

/** HubEvents that record every breakerOpened call (and can be told to fail). */
export function recordingEvents() {
  const calls: Array<{
    data: Parameters<HubEvents['breakerOpened']>[1];
    source: BreakerSource;
    inTransaction: boolean;
  }> = [];
  let failWith: Error | null = null;
  const events: HubEvents = {
    async breakerOpened(trx, data, source) {
      calls.push({ data, source, inTransaction: trx.isTransaction });
      if (failWith) throw failWith;
      return undefined;
    },
    // Closing needs an open breaker_state row, which these events never write.
    breakerClosed: async () => undefined,
  };
  return {
    events,
    calls,
    failNext(err: Error | null) {
      failWith = err;
    },
  };
}

/** Sum of the rollup for one subject, and the same recomputed from raw rows. */
export async function rollupMatchesRaw(db: Db): Promise<{ rollup: string[]; raw: string[] }> {
  const rollup = await db
    .selectFrom('usage_daily')
    .select(['subject_type', 'subject_id', 'cost_usd', 'requests', 'tokens'])
    .select((eb) => eb.fn<string>('to_char', ['day', eb.val('YYYY-MM-DD')]).as('d'))
    .execute();
  const raw = await db
    .selectFrom('usage_record')
    .select(['user_id', 'provider_id', 'cost_usd', 'input_tokens', 'output_tokens'])
    .select(['cache_creation_input_tokens', 'cache_read_input_tokens', 'created_at'])
    .execute();
  const sums = new Map<string, { cost: number; requests: number; tokens: number }>();
  for (const r of raw) {
    const d = r.created_at.toISOString().slice(0, 10);
    const tokens = r.input_tokens + r.output_tokens + r.cache_creation_input_tokens + r.cache_read_input_tokens;
    for (const key of [`user ${r.user_id} ${d}`, `provider ${r.provider_id} ${d}`]) {
      const s = sums.get(key) ?? { cost: 0, requests: 0, tokens: 0 };
      s.cost += Number(r.cost_usd);
      s.requests++;
      s.tokens += tokens;
      sums.set(key, s);
    }
  }
  const fmt = (key: string, cost: number, requests: number, tokens: number) =>
    `${key} ${cost.toFixed(9)} ${requests} ${tokens}`;
  return {
    rollup: rollup.map((r) => fmt(`${r.subject_type} ${r.subject_id} ${r.d}`, r.cost_usd, r.requests, r.tokens)).sort(),
    raw: [...sums].map(([k, s]) => fmt(k, s.cost, s.requests, s.tokens)).sort(),
  };
}
