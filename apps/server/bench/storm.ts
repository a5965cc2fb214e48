/**
 * Storm benchmark (issue 11), loopback only. 2,000 circuit-breaker alerts to 20 WeCom robots
 * (100 each) that enforce WeCom's 20-a-minute window strictly (refused sends count too):
 * 1. grouping off (no grouping wait, no pace digests): time to drain against the platform-limit
 *    ideal (100 messages at 20/min = 5 min; goal within 10 %) and attempts refused (goal 0);
 * 2. grouping on (the defaults): time until every alert's provider is named in a message the
 *    platform accepted.
 * Time runs BENCH_STORM_SPEED× (default 3) on one clock shared by Herald and the fakes, so the
 * minutes-long drain takes seconds; Herald's own work is not sped up, which only makes the
 * figures harsher. Throughput to unlimited targets is the delivery benchmark's.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { request } from 'undici';
import { loadConfig } from '../src/config.ts';
import { type EnqueueInput, enqueueNotifications } from '../src/engine/enqueue.ts';
import { type Herald, startHerald } from '../src/herald.ts';
import { createLogger } from '../src/logger.ts';
import { type FakeWecom, startFakeWecom } from '../test/fake-platforms/wechat.ts';
import { scaledClock } from '../test/support/scaled-clock.ts';
import { waitFor } from './delivery-latency.ts';

const ADMIN_TOKEN = 'bench-admin-token-0123456789';
const TARGETS = 20;
const ALERTS = Number(process.env.BENCH_STORM_ALERTS ?? 2_000);
const SPEED = Number(process.env.BENCH_STORM_SPEED ?? 3);
const GOALS = { overIdealPercent: 10, refused: 0 };

type Phase = { drainMs: number; refused: number; accepted: number; deliveredAlerts: number };

async function main() {
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'herald-bench-storm-'));
  const clock = scaledClock(new Date('2026-11-30T02:00:00.000Z'), SPEED);
  let herald: Herald | undefined;
  const fakes: FakeWecom[] = [];
  try {
    const config = loadConfig({
      DATA_DIR: dataDir,
      PORT: '0',
      ADMIN_TOKEN,
      LOG_LEVEL: 'silent',
      OUTBOUND_ALLOW_CIDRS: '127.0.0.0/8',
    });
    herald = await startHerald(config, {
      logger: createLogger('silent'),
      announce: () => {},
      webDistDir: path.join(dataDir, 'no-web'),
      clock,
    });
    const url = herald.url;
    const api = async (procedure: string, input: unknown) => {
      const res = await request(`${url}/trpc/${procedure}`, {
        method: 'POST',
        headers: { authorization: `Bearer ${ADMIN_TOKEN}`, 'content-type': 'application/json' },
        body: JSON.stringify(input),
      });
      const json = (await res.body.json()) as { result?: { data: unknown } };
      if (res.statusCode !== 200) throw new Error(`${procedure}: ${JSON.stringify(json)}`);
      return json.result?.data as { id: string }[] & { id: string };
    };
    const deps = herald.deps;

    /** 20 fresh robots, each bound alone; 100 alerts each, sent through its binding only. */
    async function phase(name: string, settings: Record<string, unknown>): Promise<Phase> {
      for (const f of fakes.splice(0)) await f.close();
      await api('settings.update', { enabled: true, useLegacyMode: false, circuitBreakerEnabled: true, ...settings });
      const targets: string[] = [];
      for (let i = 0; i < TARGETS; i++) {
        const fake = await startFakeWecom({ rateLimit: 'platform', now: clock.nowMs });
        fakes.push(fake);
        targets.push(
          (await api('targets.create', { name: `${name} ${i}`, providerType: 'wechat', webhookUrl: fake.webhookUrl }))
            .id,
        );
      }
      const bindings = await api('bindings.set', {
        notificationType: 'circuit_breaker',
        bindings: targets.map((targetId) => ({ targetId, isEnabled: true })),
      });
      const byTarget = new Map(
        (bindings as unknown as Array<{ id: string; targetId: string }>).map((b) => [b.targetId, b.id]),
      );
      const perTarget = ALERTS / TARGETS;
      const inputs: EnqueueInput[] = [];
      for (let i = 0; i < ALERTS; i++) {
        inputs.push({
          type: 'circuit_breaker',
          source: 'hub',
          onlyBindingId: byTarget.get(targets[i % TARGETS] as string) as string,
          data: {
            providerId: `${name}-${i}`,
            providerName: `${name}-P${i}`,
            failureCount: 5,
            retryAt: '2026-11-30T03:00:00Z',
          },
        });
      }
      const started = clock.nowMs();
      for (let i = 0; i < inputs.length; i += 500) await enqueueNotifications(deps, deps.db, inputs.slice(i, i + 500));
      const pattern = new RegExp(`${name}-P(\\d+)(?!\\d)`, 'g');
      const named = () => {
        const seen = new Set<string>();
        for (const f of fakes)
          for (const r of f.accepted) for (const m of r.rawBody.matchAll(pattern)) seen.add(m[1] as string);
        return seen.size;
      };
      const ok = await waitFor(async () => named() >= ALERTS, ((perTarget / 18) * 60_000 * 2) / SPEED + 60_000);
      const drainMs = Math.max(...fakes.flatMap((f) => f.accepted.map((r) => r.at))) - started;
      if (!ok) console.log(`  ${name}: only ${named()} of ${ALERTS} alerts reached their targets`);
      return {
        drainMs,
        refused: fakes.reduce((s, f) => s + f.refused.length, 0),
        accepted: fakes.reduce((s, f) => s + f.accepted.length, 0),
        deliveredAlerts: named(),
      };
    }

    const idealMs = (ALERTS / TARGETS / 20) * 60_000;
    const off = await phase('off', { circuitBreakerGroupWaitSeconds: 0, paceDigests: false });
    const over = (off.drainMs / idealMs - 1) * 100;
    console.log(
      `storm, grouping off: ${ALERTS} alerts to ${TARGETS} WeCom robots (20/min each) drained in ${(off.drainMs / 1000).toFixed(1)} s ` +
        `against the platform-limit ideal ${(idealMs / 1000).toFixed(0)} s: ${over >= 0 ? '+' : ''}${over.toFixed(1)} % ` +
        `(goal ≤ ${GOALS.overIdealPercent} %) ${over <= GOALS.overIdealPercent ? 'ok' : 'MISSED'}; ` +
        `${off.accepted} messages, attempts refused ${off.refused} (goal ${GOALS.refused}) ${off.refused === 0 ? 'ok' : 'MISSED'}`,
    );
    const on = await phase('on', { circuitBreakerGroupWaitSeconds: 10, paceDigests: true });
    console.log(
      `storm, grouping on: every alert's provider named in an accepted message after ${(on.drainMs / 1000).toFixed(1)} s ` +
        `(${on.accepted} messages for ${on.deliveredAlerts} alerts), attempts refused ${on.refused}`,
    );
    console.log(
      `  (clock ${SPEED}× real time, shared by Herald and the fakes; delivery throughput to unlimited targets: the delivery benchmark)`,
    );
    if (over > GOALS.overIdealPercent || off.refused > 0 || on.refused > 0) process.exitCode = 1;
  } finally {
    for (const f of fakes) await f.close();
    await herald?.stop();
    await rm(dataDir, { recursive: true, force: true });
  }
}

await main();
