import { sampleData } from '@herald/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { enqueueNotifications } from '../../../src/engine/enqueue.ts';
import { startFakeCustom } from '../../fake-platforms/index.ts';
import { customTargets, type DeliveryHerald, settled, startDeliveryHerald, switchOn } from './support.ts';

/** Two Herald servers on one database, each with its own pool, queue client and workers. */
const SECRET = `whsec_${Buffer.from('two-processes-signing-secret-32b').toString('base64')}`;
const fakes = [await startFakeCustom({ signingSecret: SECRET }), await startFakeCustom({ signingSecret: SECRET })];
let one: DeliveryHerald;
let two: DeliveryHerald;

beforeAll(async () => {
  one = await startDeliveryHerald();
  two = await startDeliveryHerald({ databaseUrl: one.databaseUrl, secretKey: one.secretKey });
  await switchOn(one);
  await customTargets(
    one,
    fakes.map((f) => ({ webhookUrl: f.webhookUrl, signingSecret: SECRET })),
  );
});
afterAll(async () => {
  await two?.close();
  await one?.close();
  await Promise.all(fakes.map((f) => f.close()));
});

const deliveredBy = async (h: DeliveryHerald) => {
  const text = await (await fetch(`${h.url}/metrics`)).text();
  return [...text.matchAll(/herald_deliveries_total\{[^}]*outcome="delivered"[^}]*\} (\d+)/g)].reduce(
    (n, m) => n + Number(m[1]),
    0,
  );
};

describe('two server processes against one database', () => {
  it('deliver each notification to each target exactly once, and both take part', async () => {
    const N = 300;
    const ids: string[] = [];
    // Enqueued from both servers, in batches, while both are delivering.
    await Promise.all(
      [one, two].map(async (h, p) => {
        for (let batch = 0; batch < 5; batch++) {
          const inputs = Array.from({ length: N / 10 }, (_, i) => ({
            type: 'circuit_breaker' as const,
            data: { ...(sampleData('circuit_breaker', new Date()) as object), providerId: `p${p}-${batch}-${i}` },
            source: 'hub' as const,
          }));
          const results = await enqueueNotifications(h.deps, h.db, inputs);
          for (const r of results) ids.push(...r.deliveryIds);
        }
      }),
    );
    expect(ids).toHaveLength(N * 2);
    await Promise.all(fakes.map((f) => f.waitForAccepted(N, { timeoutMs: 30_000 })));
    const rows = await Promise.all(ids.map((id) => settled(one, id)));
    expect(rows.every((r) => r.status === 'delivered')).toBe(true);

    for (const f of fakes) {
      expect(f.received).toHaveLength(N);
      const messageIds = f.accepted.map((r) => r.headers['webhook-id']);
      expect(new Set(messageIds).size).toBe(N);
      const providers = f.accepted.map((r) => (r.json as { text: string }).text);
      expect(new Set(providers).size).toBe(N);
    }
    const [byOne, byTwo] = [await deliveredBy(one), await deliveredBy(two)];
    expect(byOne + byTwo).toBe(N * 2);
    expect(byOne).toBeGreaterThan(0);
    expect(byTwo).toBeGreaterThan(0);
  }, 60_000);
});
