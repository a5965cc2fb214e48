/**
 * Delivery benchmark (issue 5, items 1, 2 and 5; issue 10), loopback only:
 * 1. end-to-end deliveries/s: 10,000 circuit-breaker notifications across 1,000 providers ×
 *    2 custom targets to a fast local receiver (another process), beside the raw undici POST
 *    rate to the same receiver (concurrency 32, keep-alive), and their ratio;
 * 2. latency from the enqueue's commit to the receiver's arrival at a steady 100 notifications/s;
 * 5. peak RSS of this process (the Herald server runs in it) during 1 and 2;
 * 6. (issue 10) latency as in 2 while one receiver never answers with 1,000 deliveries queued to it.
 * `node bench/delivery.ts` runs it alone; `runDeliveryBench()` is what `bench/run.ts` calls.
 */
import { fork } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { sampleData } from '@herald/core';
import { Agent, request } from 'undici';
import { loadConfig } from '../src/config.ts';
import { DEFAULT_CONCURRENCY, defaultPerTarget } from '../src/engine/deliver.ts';
import { type EnqueueInput, enqueueNotifications } from '../src/engine/enqueue.ts';
import { type Herald, startHerald } from '../src/herald.ts';
import { createLogger } from '../src/logger.ts';
import { isolationLatencies, steadyLatencies, waitFor } from './delivery-latency.ts';
import { startReceiver } from './receiver.ts';

const RAW_FLAG = '--delivery-bench-raw';
const ADMIN_TOKEN = 'bench-admin-token-0123456789';
const NOTIFICATIONS = Number(process.env.BENCH_NOTIFICATIONS ?? 10_000);
const PROVIDERS = 1_000;
const ENQUEUE_BATCH = 500;
const RAW_REQUESTS = Number(process.env.BENCH_RAW_REQUESTS ?? 10_000);
const RAW_CONCURRENCY = 32;
const STEADY_RATE = 100;
const STEADY_SECONDS = Number(process.env.BENCH_STEADY_SECONDS ?? 10);

const GOALS = { throughput: 2_500, ratio: 0.33, p50: 20, p99: 100, rssMb: 300, isolatedP99: 100 };
/** Deliveries queued to the receiver that never answers in part 6. */
const HANGING = Number(process.env.BENCH_HANGING ?? 1_000);
const CEILINGS = {
  raw: 'PERFORMANCE.md: undici 7,344–7,555 req/s',
  throughput: 'PERFORMANCE.md: pg-boss burst + one POST per job 3,185–3,580/s (polling: 406/s)',
  latency:
    'PERFORMANCE.md: woken on send p50 ~7 ms p99 ~17 ms; LISTEN/NOTIFY p50 ~12 ms p99 ~37 ms; polling p50 ~267 ms',
  rss: 'PERFORMANCE.md: ~263 MB peak in burst mode at ~3,400/s',
};

// ── Measurements ──

/** CPU seconds used so far by this process, the receiver and the PostgreSQL processes (Linux /proc). */
function cpuSeconds(receiverPid: number | undefined): { self: number; receiver: number; postgres: number } | null {
  try {
    const tick = 100; // USER_HZ
    const stat = (pid: number) => {
      const f = readFileSync(`/proc/${pid}/stat`, 'utf8');
      const fields = f.slice(f.lastIndexOf(')') + 2).split(' ');
      return { ppid: Number(fields[1]), cpu: (Number(fields[11]) + Number(fields[12])) / tick };
    };
    const all = readdirSync('/proc')
      .filter((d) => /^\d+$/.test(d))
      .flatMap((d) => {
        try {
          return [{ pid: Number(d), ...stat(Number(d)) }];
        } catch {
          return [];
        }
      });
    const descendants = (root: number): number[] => {
      const kids = all.filter((p) => p.ppid === root).map((p) => p.pid);
      return kids.flatMap((k) => [k, ...descendants(k)]);
    };
    const cpuOf = (pids: number[]) => pids.reduce((t, pid) => t + (all.find((p) => p.pid === pid)?.cpu ?? 0), 0);
    const mine = descendants(process.pid).filter((pid) => pid !== receiverPid);
    return { self: stat(process.pid).cpu, receiver: receiverPid ? stat(receiverPid).cpu : 0, postgres: cpuOf(mine) };
  } catch {
    return null;
  }
}

const quantile = (sorted: number[], q: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? Number.NaN;

/** The raw POST load runs in its own process, so its memory is not counted as the server's. */
async function rawPostRateInChild(url: string, n: number): Promise<number> {
  const child = fork(fileURLToPath(import.meta.url), [RAW_FLAG, url, String(n)], { stdio: 'inherit' });
  const rate = await new Promise<number>((resolve, reject) => {
    child.once('message', (m: { rate: number }) => resolve(m.rate));
    child.once('exit', (code) => reject(new Error(`raw load exited with ${code}`)));
  });
  child.disconnect();
  return rate;
}

/** Raw undici POSTs (1 KB JSON, keep-alive) at concurrency 32: the physical limit of delivery here. */
async function rawPostRate(url: string, n: number): Promise<number> {
  const agent = new Agent({ connections: RAW_CONCURRENCY, pipelining: 1 });
  const body = JSON.stringify({ id: 'raw', text: 'x'.repeat(1_000) });
  let sent = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: RAW_CONCURRENCY }, async () => {
      while (sent < n) {
        sent++;
        const res = await request(`${url}/raw`, {
          method: 'POST',
          dispatcher: agent,
          headers: { 'content-type': 'application/json' },
          body,
        });
        await res.body.dump();
      }
    }),
  );
  const rate = n / ((performance.now() - started) / 1000);
  await agent.close();
  return rate;
}

function trackRss() {
  let peak = process.memoryUsage.rss();
  const timer = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage.rss());
  }, 100);
  timer.unref();
  return {
    stop() {
      clearInterval(timer);
      return Math.max(peak, process.memoryUsage.rss());
    },
  };
}

const cb = (providerId: string): EnqueueInput => ({
  type: 'circuit_breaker',
  data: {
    ...(sampleData('circuit_breaker', new Date()) as object),
    providerId,
    providerName: `provider ${providerId}`,
  },
  source: 'hub',
});

export type DeliveryBenchResult = {
  rawPerSecond: number;
  deliveriesPerSecond: number;
  enqueuePerSecond: number;
  ratio: number;
  latencyP50Ms: number;
  latencyP99Ms: number;
  peakRssMb: number;
  deliveredRows: number;
  /** Part 6: the healthy targets' latency while one receiver hangs. */
  isolatedP50Ms: number;
  isolatedP99Ms: number;
};

/** Runs the delivery benchmark on a fresh embedded PostgreSQL and prints each figure beside its goal. */
export async function runDeliveryBench(
  log: (line: string) => void = (l) => console.log(l),
): Promise<DeliveryBenchResult> {
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'herald-bench-delivery-'));
  const receiver = await startReceiver();
  let herald: Herald | undefined;
  const fmt = (n: number) => Math.round(n).toLocaleString('en-US');
  try {
    // The median of three runs: the machine is shared, one short run can land in a busy moment.
    const raws: number[] = [];
    for (let i = 0; i < 3; i++) raws.push(await rawPostRateInChild(receiver.url, RAW_REQUESTS));
    const rawPerSecond = raws.sort((x, y) => x - y)[1] as number;
    receiver.reset();

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
      ...(process.env.BENCH_PER_TARGET
        ? { workers: { delivery: { perTargetConcurrency: Number(process.env.BENCH_PER_TARGET) } } }
        : {}),
    });
    const { deps } = herald;
    const api = async (procedure: string, input: unknown) => {
      const res = await request(`${herald?.url}/trpc/${procedure}`, {
        method: 'POST',
        headers: { authorization: `Bearer ${ADMIN_TOKEN}`, 'content-type': 'application/json' },
        body: JSON.stringify(input),
      });
      const json = (await res.body.json()) as { result?: { data: { id: string } } };
      if (res.statusCode !== 200) throw new Error(`${procedure}: ${JSON.stringify(json)}`);
      return json.result?.data as { id: string };
    };
    // Each alert at once (no 10 s grouping wait): this measures throughput, not grouping.
    await api('settings.update', { enabled: true, circuitBreakerEnabled: true, circuitBreakerGroupWaitSeconds: 0 });
    const template = { id: '{{provider_id}}', title: '{{title}}', text: '{{sections}}', at: '{{timestamp}}' };
    const targets = [];
    for (const p of ['/a', '/b']) {
      targets.push(
        await api('targets.create', {
          name: `receiver ${p}`,
          providerType: 'custom',
          webhookUrl: `${receiver.url}${p}`,
          customTemplate: template,
        }),
      );
    }
    await api('bindings.set', {
      notificationType: 'circuit_breaker',
      bindings: targets.map((t) => ({ targetId: t.id, isEnabled: true })),
    });
    // Warm-up: connections, plans, JIT.
    await enqueueNotifications(
      deps,
      deps.db,
      Array.from({ length: 200 }, (_, i) => cb(`warm-${i}`)),
    );
    await waitFor(async () => (await receiver.count()) >= 400, 30_000);
    receiver.reset();
    await receiver.arrivals();

    // 1. Throughput: everything enqueued in batches while the workers deliver.
    const startRssMb = process.memoryUsage.rss() / 1e6;
    const rss = trackRss();
    const expected = NOTIFICATIONS * 2;
    const cpuBefore = cpuSeconds(receiver.pid);
    const started = performance.now();
    for (let i = 0; i < NOTIFICATIONS; i += ENQUEUE_BATCH) {
      const batch = Array.from({ length: Math.min(ENQUEUE_BATCH, NOTIFICATIONS - i) }, (_, j) =>
        cb(`p${(i + j) % PROVIDERS}`),
      );
      await enqueueNotifications(deps, deps.db, batch);
    }
    const enqueueSeconds = (performance.now() - started) / 1000;
    const done = await waitFor(async () => (await receiver.count()) >= expected, 120_000);
    const seconds = (performance.now() - started) / 1000;
    const cpuAfter = cpuSeconds(receiver.pid);
    const received = await receiver.count();
    await waitFor(async () => {
      const r = await deps.db
        .selectFrom('delivery')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('status', 'in', ['pending', 'sending'])
        .executeTakeFirstOrThrow();
      return Number(r.n) === 0;
    }, 30_000);
    const delivered = await deps.db
      .selectFrom('delivery')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('status', '=', 'delivered')
      .executeTakeFirstOrThrow();
    const deliveriesPerSecond = received / seconds;
    await receiver.arrivals();

    // 2. Latency at a steady rate: commit → arrival, each notification in its own transaction.
    const steady = { rate: STEADY_RATE, seconds: STEADY_SECONDS, perNotification: 2, input: cb };
    const latencies = await steadyLatencies(deps, receiver, { ...steady, prefix: 'steady' });
    const peakRssMb = rss.stop() / 1e6;

    const result: DeliveryBenchResult = {
      rawPerSecond,
      deliveriesPerSecond,
      enqueuePerSecond: NOTIFICATIONS / enqueueSeconds,
      ratio: deliveriesPerSecond / rawPerSecond,
      latencyP50Ms: quantile(latencies, 0.5),
      latencyP99Ms: quantile(latencies, 0.99),
      peakRssMb,
      deliveredRows: Number(delivered.n),
      isolatedP50Ms: Number.NaN,
      isolatedP99Ms: Number.NaN,
    };
    const mark = (ok: boolean) => (ok ? 'meets' : 'MISSES');
    log('Delivery (loopback; Herald in this process, receiver and PostgreSQL in others):');
    log(
      `  raw undici POST, concurrency ${RAW_CONCURRENCY}, keep-alive, 1 KB JSON (its own process): ${fmt(rawPerSecond)} req/s ` +
        `(median of ${raws.map(fmt).join(' / ')})  [${CEILINGS.raw}]`,
    );
    log(
      `  1. end to end: ${fmt(received)} of ${fmt(expected)} deliveries (${NOTIFICATIONS.toLocaleString('en-US')} notifications × 2 targets, ` +
        `${PROVIDERS} providers) in ${seconds.toFixed(2)} s = ${fmt(deliveriesPerSecond)} deliveries/s` +
        ` — goal ≥ ${fmt(GOALS.throughput)}/s: ${mark(deliveriesPerSecond >= GOALS.throughput)}  [${CEILINGS.throughput}]`,
    );
    log(
      `     ratio to raw POST: ${result.ratio.toFixed(2)} — goal ≥ ${GOALS.ratio}: ${mark(result.ratio >= GOALS.ratio)}; ` +
        `enqueue alone ${fmt(result.enqueuePerSecond)} notifications/s (batches of ${ENQUEUE_BATCH}); ` +
        `rows delivered ${fmt(result.deliveredRows - 400)}${done ? '' : ' (TIMED OUT)'}`,
    );
    if (cpuBefore && cpuAfter) {
      const use = (k: keyof typeof cpuBefore) => ((cpuAfter[k] - cpuBefore[k]) / seconds) * 100;
      const per = (k: keyof typeof cpuBefore) => (((cpuAfter[k] - cpuBefore[k]) * 1000) / received).toFixed(2);
      log(
        `     CPU during 1 (${os.cpus().length} cores = ${os.cpus().length * 100} %): Herald process ${use('self').toFixed(0)} % ` +
          `(${per('self')} ms per delivery), PostgreSQL ${use('postgres').toFixed(0)} % (${per('postgres')} ms per delivery), ` +
          `receiver ${use('receiver').toFixed(0)} %; machine load average ${os.loadavg()[0]?.toFixed(1)}`,
      );
      const perDelivery = ['self', 'postgres', 'receiver'].reduce(
        (t, k) => t + (cpuAfter[k as keyof typeof cpuBefore] - cpuBefore[k as keyof typeof cpuBefore]) / received,
        0,
      );
      log(
        `     bound: ${(perDelivery * 1000).toFixed(2)} ms of CPU per delivery in all three, so the whole machine ` +
          `(${os.cpus().length} cores, nothing else running) would top out near ${fmt(os.cpus().length / perDelivery)}/s`,
      );
    }
    log(
      `  2. latency commit → arrival at ${STEADY_RATE} notifications/s for ${STEADY_SECONDS} s (${latencies.length} deliveries): ` +
        `p50 ${result.latencyP50Ms.toFixed(1)} ms (goal ≤ ${GOALS.p50}: ${mark(result.latencyP50Ms <= GOALS.p50)}), ` +
        `p99 ${result.latencyP99Ms.toFixed(1)} ms (goal ≤ ${GOALS.p99}: ${mark(result.latencyP99Ms <= GOALS.p99)})  [${CEILINGS.latency}]`,
    );
    log(
      `  5. peak RSS of the Herald process during 1 and 2: ${peakRssMb.toFixed(0)} MB (${startRssMb.toFixed(0)} MB when idle before them) — goal ≤ ${GOALS.rssMb} MB: ${mark(peakRssMb <= GOALS.rssMb)}  [${CEILINGS.rss}]`,
    );

    // 6 (issue 10). One receiver hangs with 1,000 deliveries queued to it: the healthy targets as in 2.
    const share = Number(process.env.BENCH_PER_TARGET ?? defaultPerTarget(DEFAULT_CONCURRENCY));
    const iso = await isolationLatencies(deps, receiver, api, {
      hanging: HANGING,
      share,
      steady: { ...steady, prefix: 'isolated' },
    });
    result.isolatedP50Ms = quantile(iso.latencies, 0.5);
    result.isolatedP99Ms = quantile(iso.latencies, 0.99);
    log(
      `  6. one receiver that never answers, ${fmt(HANGING)} deliveries queued to it (its share: ${share} of ${DEFAULT_CONCURRENCY} slots; ` +
        `it held ${iso.hangingBefore} → ${iso.hangingAfter} requests open, ${fmt(iso.queued)} deliveries still waiting in the queue): ` +
        `healthy targets at ${STEADY_RATE} notifications/s for ${STEADY_SECONDS} s (${iso.latencies.length} deliveries) ` +
        `p50 ${result.isolatedP50Ms.toFixed(1)} ms, p99 ${result.isolatedP99Ms.toFixed(1)} ms ` +
        `(goal p99 ≤ ${GOALS.isolatedP99}: ${mark(result.isolatedP99Ms <= GOALS.isolatedP99)})`,
    );
    return result;
  } finally {
    await herald?.stop();
    await receiver.close();
    await rm(dataDir, { recursive: true, force: true });
  }
}

if (process.argv.includes(RAW_FLAG)) {
  const [url, n] = process.argv.slice(process.argv.indexOf(RAW_FLAG) + 1);
  process.send?.({ rate: await rawPostRate(url as string, Number(n)) });
} else if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  await runDeliveryBench();
}
