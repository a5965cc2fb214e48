import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../../src/db/database.ts';
import { upsertHubProviders } from '../../../src/db/repos/hub-entities.ts';
import { recordUsage, runBreaker } from '../../../src/services/hub-intake.ts';
import { hubTestDb, parsed, recordingEvents, usage } from './support.ts';

let t: Awaited<ReturnType<typeof hubTestDb>>;
let db: Db;
beforeAll(async () => {
  t = await hubTestDb();
  db = t.db;
});
afterAll(() => t?.close());

const NOW = new Date('2026-06-01T08:00:00.000Z');
const at = (s: number) => new Date(NOW.getTime() - 3_600_000 + s * 1000).toISOString();
const fail = (providerId: string, s: number, errorMessage: string | null = `error at ${s}`) =>
  usage({ providerId, success: false, errorMessage, createdAt: at(s) });
const ok = (providerId: string, s: number) => usage({ providerId, success: true, createdAt: at(s) });
const record = (records: ReturnType<typeof usage>[], events = recordingEvents()) =>
  recordUsage(db, parsed(records), events.events, { now: () => NOW });
const failures = async (id: string) =>
  (await db.selectFrom('hub_provider').select('consecutive_failures').where('id', '=', id).executeTakeFirst())
    ?.consecutive_failures;

describe("Herald's own circuit breaker", () => {
  it('5 consecutive failures open it once, with the count, the last error and retryAt = now + 30 min', async () => {
    await upsertHubProviders(db, [{ id: 'b1', name: 'Provider One' }]);
    const ev = recordingEvents();
    await record([fail('b1', 1), fail('b1', 2)], ev);
    expect(ev.calls).toEqual([]);
    expect(await failures('b1')).toBe(2);
    // Sent out of order: the breaker follows record time, so 'error at 5' is the last error.
    const r = await record([fail('b1', 5), fail('b1', 3), fail('b1', 4)], ev);
    expect(ev.calls).toEqual([
      {
        source: 'usage',
        inTransaction: true,
        data: {
          providerId: 'b1',
          providerName: 'Provider One',
          failureCount: 5,
          retryAt: '2026-06-01T08:30:00.000Z',
          lastError: 'error at 5',
        },
      },
    ]);
    expect(r.breakersOpened).toHaveLength(1);
    // The count starts again after opening: the next 5 failures open it again, not the next one.
    expect(await failures('b1')).toBe(0);
    await record([fail('b1', 6)], ev);
    expect(ev.calls).toHaveLength(1);
    await record([fail('b1', 7), fail('b1', 8), fail('b1', 9), fail('b1', 10)], ev);
    expect(ev.calls).toHaveLength(2);
  });

  it('a success in between resets the count', async () => {
    const ev = recordingEvents();
    await record([fail('b2', 1), fail('b2', 2), fail('b2', 3), fail('b2', 4), ok('b2', 5), fail('b2', 6)], ev);
    expect(await failures('b2')).toBe(1);
    await record([ok('b2', 7)], ev);
    expect(await failures('b2')).toBe(0);
    await record([fail('b2', 8), fail('b2', 9), fail('b2', 10), fail('b2', 11)], ev);
    expect(ev.calls).toEqual([]);
    expect(await failures('b2')).toBe(4);
  });

  it('a provider seen failing before any sync is tracked under its id', async () => {
    const ev = recordingEvents();
    await record(
      [1, 2, 3, 4, 5].map((s) => fail('unsynced', s)),
      ev,
    );
    expect(ev.calls.map((c) => c.data.providerName)).toEqual(['unsynced']);
    // A later sync names it and keeps the breaker state.
    await upsertHubProviders(db, [{ id: 'unsynced', name: 'Now Named' }]);
    await record([fail('unsynced', 6)], ev);
    expect(await failures('unsynced')).toBe(1);
  });

  it("opens at the provider's own threshold (3), and twice in one long run", async () => {
    await upsertHubProviders(db, [{ id: 'b3', name: 'Strict', failureThreshold: 3, openDurationMs: 60_000 }]);
    const ev = recordingEvents();
    await record(
      [1, 2, 3, 4, 5, 6, 7].map((s) => fail('b3', s)),
      ev,
    );
    expect(ev.calls.map((c) => [c.data.failureCount, c.data.lastError, c.data.retryAt])).toEqual([
      [3, 'error at 3', '2026-06-01T08:01:00.000Z'],
      [3, 'error at 6', '2026-06-01T08:01:00.000Z'],
    ]);
    expect(await failures('b3')).toBe(1);
  });

  it('a failure without a message reports the latest message of the run, or none', async () => {
    const ev = recordingEvents();
    await record(
      [fail('b4', 1, 'timeout'), fail('b4', 2, null), fail('b4', 3, null), fail('b4', 4), fail('b4', 5, null)],
      ev,
    );
    expect(ev.calls[0]?.data.lastError).toBe('error at 4');
    await record(
      [1, 2, 3, 4, 5].map((s) => fail('b5', s, null)),
      ev,
    );
    expect(ev.calls[1]?.data).not.toHaveProperty('lastError');
  });

  it('re-sent failures do not count again', async () => {
    const ev = recordingEvents();
    const batch = [fail('b6', 1), fail('b6', 2), fail('b6', 3)];
    await record(batch, ev);
    await record(batch, ev);
    await record(batch, ev);
    expect(await failures('b6')).toBe(3);
    expect(ev.calls).toEqual([]);
  });

  it('concurrent batches for the same provider lose no counts', async () => {
    await upsertHubProviders(db, [{ id: 'b7', name: 'Busy', failureThreshold: 1_000 }]);
    const ev = recordingEvents();
    // 12 batches × 10 failures for b7, mixed with successes for other providers, all at once.
    await Promise.all(
      Array.from({ length: 12 }, (_, b) =>
        record(
          Array.from({ length: 10 }, (_, i) => fail('b7', b * 10 + i)).concat(
            Array.from({ length: 5 }, (_, i) => ok(`other-${i}`, b)),
          ),
          ev,
        ),
      ),
    );
    expect(await failures('b7')).toBe(120);
  });

  it('concurrent batches crossing the threshold open it exactly as often as the failures add up to', async () => {
    await upsertHubProviders(db, [{ id: 'b8', name: 'Racy', failureThreshold: 5 }]);
    const ev = recordingEvents();
    await Promise.all(
      Array.from({ length: 10 }, (_, b) =>
        record([fail('b8', b * 3), fail('b8', b * 3 + 1), fail('b8', b * 3 + 2)], ev),
      ),
    );
    // 30 failures with threshold 5 → 6 openings, none lost and none doubled.
    expect(ev.calls.filter((c) => c.data.providerId === 'b8')).toHaveLength(6);
    expect(await failures('b8')).toBe(0);
  });

  it('the event runs in the transaction: if it fails, neither the usage nor the count is stored', async () => {
    await upsertHubProviders(db, [{ id: 'b9', name: 'Atomic' }]);
    const ev = recordingEvents();
    ev.failNext(new Error('queue down'));
    const batch = [1, 2, 3, 4, 5].map((s) => fail('b9', s));
    await expect(record(batch, ev)).rejects.toThrow('queue down');
    expect(await failures('b9')).toBe(0);
    const stored = await db.selectFrom('usage_record').select('request_id').where('provider_id', '=', 'b9').execute();
    expect(stored).toEqual([]);
    // The hub re-sends; now it goes through and alerts once.
    ev.failNext(null);
    expect(await record(batch, ev)).toMatchObject({ accepted: 5, duplicates: 0 });
    expect(ev.calls.filter((c) => c.data.providerId === 'b9')).toHaveLength(2);
  });

  it('works without events wired (counts only)', async () => {
    await recordUsage(db, parsed([1, 2, 3, 4, 5, 6].map((s) => fail('b10', s))), undefined, { now: () => NOW });
    expect(await failures('b10')).toBe(1);
  });
});

describe('the stored count follows runBreaker', () => {
  it('over random batches, thresholds (lowered mid-way too) and outcome orders', async () => {
    const rand = mulberry32(5);
    for (const [provider, threshold] of [
      ['rnd-1', 1],
      ['rnd-3', 3],
      ['rnd-5', 5],
      ['rnd-6', 6],
    ] as const) {
      await upsertHubProviders(db, [{ id: provider, name: provider, failureThreshold: threshold }]);
      const ev = recordingEvents();
      let model = { consecutiveFailures: 0, failureThreshold: threshold as number };
      let openings = 0;
      let s = 0;
      for (let batch = 0; batch < 25; batch++) {
        if (batch === 15) {
          // Lower the threshold below a possibly higher stored count.
          model = { ...model, failureThreshold: Math.max(1, threshold - 2) };
          await upsertHubProviders(db, [{ id: provider, name: provider, failureThreshold: model.failureThreshold }]);
        }
        const outcomes = Array.from({ length: Math.floor(rand() * 12) }, () => rand() < 0.75);
        const run = runBreaker(
          model,
          outcomes.map((failed) => ({ success: !failed, errorMessage: null })),
        );
        model = { ...model, consecutiveFailures: run.count };
        openings += run.openings.length;
        await record(
          outcomes.map((failed) => (failed ? fail(provider, s++) : ok(provider, s++))),
          ev,
        );
        expect(await failures(provider), `${provider} after batch ${batch}`).toBe(model.consecutiveFailures);
        expect(ev.calls, `${provider} openings after batch ${batch}`).toHaveLength(openings);
      }
    }
  });
});

describe('runBreaker', () => {
  const F = { success: false, errorMessage: 'x' };
  const S = { success: true, errorMessage: null };
  it.each([
    [0, 5, [F, F, F, F], 4, 0],
    [4, 5, [F], 0, 1],
    [4, 5, [S, F], 1, 0],
    [2, 3, [F, F, F, F, F, F, F, F], 1, 3],
    [9, 5, [F], 0, 1], // threshold lowered below the stored count: the next failure opens it
    [3, 5, [], 3, 0],
  ])('from %i with threshold %i', (stored, threshold, outcomes, count, openings) => {
    const r = runBreaker({ consecutiveFailures: stored, failureThreshold: threshold }, outcomes);
    expect([r.count, r.openings.length]).toEqual([count, openings]);
  });
});

function mulberry32(seed: number) {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let r = Math.imul(a ^ (a >>> 15), 1 | a);
    r = (r + Math.imul(r ^ (r >>> 7), 61 | r)) ^ r;
    return ((r ^ (r >>> 14)) >>> 0) / 4294967296;
  };
}
