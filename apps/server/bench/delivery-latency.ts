/**
 * Latency parts of the delivery benchmark: commit → arrival at a steady rate (part 2), and the
 * same while one receiver hangs with 1,000 deliveries queued to it (part 3: one slow receiver
 * must hold only its own share of the worker's slots, and the healthy targets must not notice).
 */
import { sampleData } from '@herald/core';
import type { AppDeps } from '../src/deps.ts';
import { type EnqueueInput, enqueueNotification, enqueueNotifications } from '../src/engine/enqueue.ts';
import type { Receiver } from './receiver.ts';

type Deps = Pick<AppDeps, 'db' | 'boss' | 'secretBox' | 'logger' | 'config'>;

/**
 * `rate` notifications a second for `seconds`, each in its own transaction (`input(id)` puts `id`
 * in the body the receiver reads); returns each delivery's commit → arrival time in ms, sorted.
 * `perNotification` deliveries are expected for each.
 */
export async function steadyLatencies(
  deps: Deps,
  receiver: Receiver,
  o: { rate: number; seconds: number; prefix: string; perNotification: number; input(id: string): EnqueueInput },
): Promise<number[]> {
  await receiver.arrivals();
  receiver.reset();
  const committed = new Map<string, number>();
  const total = o.rate * o.seconds;
  const t0 = performance.now();
  const pending: Promise<void>[] = [];
  for (let i = 0; i < total; i++) {
    const due = t0 + (i * 1000) / o.rate;
    const wait = due - performance.now();
    if (wait > 0) await new Promise((r) => setTimeout(r, wait));
    const id = `${o.prefix}-${i}`;
    pending.push(
      enqueueNotification(deps, deps.db, o.input(id)).then(() => {
        committed.set(id, performance.timeOrigin + performance.now());
      }),
    );
  }
  await Promise.all(pending);
  await waitFor(async () => (await receiver.count()) >= total * o.perNotification, 30_000);
  return (await receiver.arrivals())
    .map((a) => {
      const c = committed.get(a.id.split(':')[1] as string);
      return c === undefined ? Number.NaN : a.at - c;
    })
    .filter((x) => !Number.isNaN(x))
    .sort((a, b) => a - b);
}

export type IsolationResult = {
  latencies: number[];
  /** Requests the hanging target held open before and after the steady load. */
  hangingBefore: number;
  hangingAfter: number;
  /** Its deliveries still waiting in the queue at the end. */
  queued: number;
};

/**
 * Part 3: `hanging` cost alerts go to a target that never answers (the receiver's `/hang`); once
 * it holds its share, the steady load runs on the healthy targets as in part 2.
 */
export async function isolationLatencies(
  deps: Deps,
  receiver: Receiver,
  api: (procedure: string, input: unknown) => Promise<{ id: string }>,
  o: { hanging: number; share: number; steady: Parameters<typeof steadyLatencies>[2] },
): Promise<IsolationResult> {
  const slow = await api('targets.create', {
    name: 'receiver that never answers',
    providerType: 'custom',
    webhookUrl: `${receiver.url}/hang`,
    customTemplate: { title: '{{title}}' },
  });
  await api('bindings.set', { notificationType: 'cost_alert', bindings: [{ targetId: slow.id, isEnabled: true }] });
  await api('settings.update', { costAlertEnabled: true });
  const alert = (): EnqueueInput => ({ type: 'cost_alert', data: sampleData('cost_alert', new Date()), source: 'hub' });
  for (let i = 0; i < o.hanging; i += 500) {
    await enqueueNotifications(deps, deps.db, Array.from({ length: Math.min(500, o.hanging - i) }, alert));
  }
  await waitFor(async () => (await receiver.hanging()) >= Math.min(o.share, o.hanging), 30_000);
  const hangingBefore = await receiver.hanging();
  const latencies = await steadyLatencies(deps, receiver, o.steady);
  const hangingAfter = await receiver.hanging();
  const waiting = await deps.db
    .selectFrom('delivery')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('target_id', '=', slow.id)
    .where('status', '=', 'pending')
    .executeTakeFirstOrThrow();
  return { latencies, hangingBefore, hangingAfter, queued: Number(waiting.n) };
}

export async function waitFor(check: () => Promise<boolean>, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await check()) return true;
    await new Promise((r) => setTimeout(r, 20));
  }
  return false;
}
