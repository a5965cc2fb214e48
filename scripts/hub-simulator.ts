/**
 * A hub simulator: syncs users and providers with spending limits, then streams realistic
 * usage (Claude-style prices, cache reads, a few heavy users) and provider failure bursts to
 * a running Herald, printing what it sends. For demos, browser tests and load.
 *
 *   node scripts/hub-simulator.ts --url http://127.0.0.1:3000 --key hrld_… \
 *     [--users 50] [--providers 5] [--rate 20] [--failures 0.02] [--duration 60] \
 *     [--burst-every 20] [--report-trips] [--backfill 0] [--max-records N] [--seed 1] [--quiet]
 *
 * --rate is records per second (sent once a second), --failures the share of requests that
 * fail at random, --burst-every seconds between failure bursts (one provider fails past its
 * threshold, which opens Herald's own breaker; with --report-trips the simulated hub also
 * reports the trip itself), --backfill a number of records spread over the past 24 hours sent
 * first (so leaderboards and cost alerts have data at once). Stops after --duration seconds
 * or --max-records records, or on Ctrl-C.
 */
import { parseArgs } from 'node:util';
import { createHeraldClient } from '../packages/client/src/index.ts';
import type { UsageRecordInput } from '../packages/core/src/index.ts';

const { values: opts } = parseArgs({
  options: {
    url: { type: 'string' },
    key: { type: 'string' },
    users: { type: 'string', default: '50' },
    providers: { type: 'string', default: '5' },
    rate: { type: 'string', default: '20' },
    failures: { type: 'string', default: '0.02' },
    duration: { type: 'string', default: '60' },
    'burst-every': { type: 'string', default: '20' },
    'report-trips': { type: 'boolean', default: false },
    backfill: { type: 'string', default: '0' },
    'max-records': { type: 'string' },
    seed: { type: 'string', default: String(Date.now() % 1_000_000) },
    quiet: { type: 'boolean', default: false },
    help: { type: 'boolean', default: false },
  },
});

function fail(message: string): never {
  process.stderr.write(`hub-simulator: ${message}\n`);
  process.exit(2);
}

function num(name: keyof typeof opts, min: number, max: number): number {
  const v = Number(opts[name]);
  if (!Number.isFinite(v) || v < min || v > max) fail(`--${name} must be a number from ${min} to ${max}`);
  return v;
}

if (opts.help) {
  process.stdout.write(`${readUsage()}\n`);
  process.exit(0);
}
if (!opts.url || !URL.canParse(opts.url)) fail('--url http://host:port is required');
if (!opts.key) fail('--key <hub API key> is required (create one on the API keys page)');

const USERS = Math.floor(num('users', 1, 5_000));
const PROVIDERS = Math.floor(num('providers', 1, 200));
const RATE = num('rate', 0.1, 20_000);
const FAILURE_RATE = num('failures', 0, 1);
const DURATION_S = num('duration', 1, 7 * 86_400);
const BURST_EVERY_S = num('burst-every', 0, 86_400);
const BACKFILL = Math.floor(num('backfill', 0, 1_000_000));
const MAX_RECORDS = opts['max-records'] ? Math.floor(num('max-records', 1, 1e9)) : Number.POSITIVE_INFINITY;
const FAILURE_THRESHOLD = 5;

const herald = createHeraldClient({ url: opts.url, apiKey: opts.key });
const rand = mulberry32(Number(opts.seed));
const log = (line: string) => {
  if (!opts.quiet) process.stdout.write(`${line}\n`);
};

// ---------------------------------------------------------------------------------------
// The simulated hub

const FIRST_NAMES = [
  'Alice',
  'Bob',
  'Carol',
  'Dan',
  'Erin',
  'Frank',
  'Grace',
  'Heidi',
  'Ivan',
  'Judy',
  '李雷',
  '韩梅梅',
];
const PROVIDER_NAMES = ['Anthropic Primary', 'Anthropic Backup', 'Bedrock us-east-1', 'Vertex europe-west1', 'Relay A'];

/** USD per million tokens: input, output, cache write, cache read (public list prices). */
const MODELS = [
  { name: 'claude-sonnet', weight: 0.6, price: [3, 15, 3.75, 0.3] },
  { name: 'claude-haiku', weight: 0.3, price: [0.8, 4, 1, 0.08] },
  { name: 'claude-opus', weight: 0.1, price: [15, 75, 18.75, 1.5] },
] as const;

const users = Array.from({ length: USERS }, (_, i) => ({
  id: `sim-user-${i + 1}`,
  name: `${FIRST_NAMES[i % FIRST_NAMES.length]} ${Math.floor(i / FIRST_NAMES.length) + 1}`,
  // Zipf-like: user i is chosen with weight 1/(i+1), so a few users spend most.
  weight: 1 / (i + 1),
  limit5hUsd: rand() < 0.8 ? round2(2 + rand() * 8) : null,
  limitWeeklyUsd: rand() < 0.8 ? round2(20 + rand() * 80) : null,
  limitMonthlyUsd: rand() < 0.9 ? round2(60 + rand() * 340) : null,
}));
const providers = Array.from({ length: PROVIDERS }, (_, i) => ({
  id: `sim-provider-${i + 1}`,
  name: PROVIDER_NAMES[i] ?? `Relay ${String.fromCharCode(65 + (i % 26))}${Math.floor(i / 26) || ''}`,
  limitWeeklyUsd: rand() < 0.5 ? round2(500 + rand() * 2_000) : null,
  limitMonthlyUsd: round2(2_000 + rand() * 8_000),
}));
const userWeights = users.reduce((s, u) => s + u.weight, 0);

// The simulator always uses string ids (hubs may also send whole numbers).
type UsageRecord = UsageRecordInput & { requestId: string; userId: string; providerId: string };

let seq = 0;
const runId = `${Date.now().toString(36)}-${Math.floor(rand() * 1e6).toString(36)}`;
/** Forced failures left per provider (a burst in progress). */
const bursting = new Map<string, number>();
/** The simulated hub's own consecutive-failure count per provider (for --report-trips). */
const hubBreaker = new Map<string, number>();

function pickModel(r: number) {
  let left = r;
  for (const m of MODELS) {
    left -= m.weight;
    if (left <= 0) return m;
  }
  return MODELS[0];
}

function pickUser() {
  let r = rand() * userWeights;
  for (const u of users) {
    r -= u.weight;
    if (r <= 0) return u;
  }
  return users[users.length - 1] as (typeof users)[number];
}

function makeRecord(at: number): UsageRecord {
  const user = pickUser();
  const provider = providers[Math.floor(rand() * providers.length)] as (typeof providers)[number];
  const model = pickModel(rand());
  const forced = bursting.get(provider.id) ?? 0;
  const failed = forced > 0 || rand() < FAILURE_RATE;
  if (forced > 0) bursting.set(provider.id, forced - 1);
  const inputTokens = Math.round(logNormal(2_000, 1.0));
  const cacheReadInputTokens = rand() < 0.7 ? Math.round(logNormal(20_000, 0.8)) : 0;
  const cacheCreationInputTokens = rand() < 0.15 ? Math.round(logNormal(5_000, 0.7)) : 0;
  const outputTokens = failed ? 0 : Math.round(logNormal(400, 0.9));
  const [pi, po, pw, pr] = model.price;
  const costUsd = failed
    ? 0
    : round6((inputTokens * pi + outputTokens * po + cacheCreationInputTokens * pw + cacheReadInputTokens * pr) / 1e6);
  return {
    requestId: `sim-${runId}-${++seq}`,
    userId: user.id,
    providerId: provider.id,
    costUsd,
    inputTokens,
    outputTokens,
    cacheCreationInputTokens,
    cacheReadInputTokens,
    success: !failed,
    ...(failed ? { errorMessage: forced > 0 ? 'upstream 529: overloaded_error' : 'upstream 500: internal error' } : {}),
    createdAt: new Date(at).toISOString(),
  };
}

const totals = { sent: 0, accepted: 0, duplicates: 0, failures: 0, cost: 0, trips: 0, errors: 0 };

async function send(records: UsageRecord[]) {
  for (let i = 0; i < records.length; i += 5_000) {
    const chunk = records.slice(i, i + 5_000);
    try {
      const r = await herald.hub.recordUsage.mutate({ records: chunk });
      totals.accepted += r.accepted;
      totals.duplicates += r.duplicates;
    } catch (err) {
      totals.errors++;
      log(`  ! recordUsage failed: ${(err as Error).message}`);
      continue;
    }
    totals.sent += chunk.length;
    for (const r of chunk) {
      totals.cost += r.costUsd;
      if (!r.success) totals.failures++;
      if (opts['report-trips']) await hubSideBreaker(r);
    }
  }
}

/** With --report-trips the simulated hub runs its own breaker and reports each trip. */
async function hubSideBreaker(r: UsageRecord) {
  const n = r.success ? 0 : (hubBreaker.get(r.providerId) ?? 0) + 1;
  hubBreaker.set(r.providerId, n >= FAILURE_THRESHOLD ? 0 : n);
  if (n < FAILURE_THRESHOLD) return;
  const provider = providers.find((p) => p.id === r.providerId);
  await herald.hub.reportCircuitBreaker.mutate({
    providerId: r.providerId,
    providerName: provider?.name ?? r.providerId,
    failureCount: n,
    retryAt: new Date(Date.now() + 30 * 60_000).toISOString(),
    ...(r.errorMessage ? { lastError: r.errorMessage } : {}),
  });
  totals.trips++;
  log(`  reported a breaker trip: ${provider?.name ?? r.providerId} after ${n} failures`);
}

// ---------------------------------------------------------------------------------------

let stopping = false;
process.on('SIGINT', () => {
  if (stopping) process.exit(130);
  stopping = true;
  log('stopping after this second…');
});

async function main() {
  const ping = await herald.hub.ping.query();
  log(`Herald at ${opts.url}: key "${ping.apiKeyName}" accepted (seed ${opts.seed})`);

  for (let i = 0; i < users.length; i += 5_000) {
    const r = await herald.hub.syncUsers.mutate({
      users: users.slice(i, i + 5_000).map(({ weight: _w, ...u }) => u),
    });
    log(`synced ${Math.min(5_000, users.length - i)} users (${r.created} new, ${r.updated} updated)`);
  }
  const pr = await herald.hub.syncProviders.mutate({
    providers: providers.map((p) => ({ ...p, failureThreshold: FAILURE_THRESHOLD })),
  });
  log(
    `synced ${providers.length} providers (${pr.created} new, ${pr.updated} updated): ${providers.map((p) => p.name).join(', ')}`,
  );

  if (BACKFILL > 0) {
    const now = Date.now();
    const history = Array.from({ length: Math.min(BACKFILL, MAX_RECORDS) }, (_, i) =>
      makeRecord(now - 24 * 3_600_000 + Math.floor(((i + rand()) / BACKFILL) * 24 * 3_600_000)),
    );
    await send(history);
    log(`backfilled ${history.length} records over the past 24 h ($${totals.cost.toFixed(2)})`);
  }

  const started = Date.now();
  let nextBurst = BURST_EVERY_S > 0 ? BURST_EVERY_S : Number.POSITIVE_INFINITY;
  let owed = 0;
  for (let second = 1; second <= DURATION_S && !stopping && totals.sent < MAX_RECORDS; second++) {
    if (second >= nextBurst) {
      const victim = providers[Math.floor(rand() * providers.length)] as (typeof providers)[number];
      const length = FAILURE_THRESHOLD + 1 + Math.floor(rand() * 5);
      bursting.set(victim.id, length);
      nextBurst += BURST_EVERY_S;
      log(`  burst: ${victim.name} fails its next ${length} requests`);
    }
    owed += RATE;
    const n = Math.min(Math.floor(owed), MAX_RECORDS - totals.sent);
    owed -= n;
    const tick = Date.now();
    const batch = Array.from({ length: n }, (_, i) =>
      makeRecord(tick - 1_000 + Math.floor((i / Math.max(n, 1)) * 1_000)),
    );
    const before = { ...totals };
    if (batch.length > 0) await send(batch);
    log(
      `t=${second}s sent ${totals.sent - before.sent} (accepted ${totals.accepted - before.accepted}, ` +
        `duplicates ${totals.duplicates - before.duplicates}), failures ${totals.failures - before.failures}, ` +
        `$${(totals.cost - before.cost).toFixed(4)}`,
    );
    const wait = started + second * 1_000 - Date.now();
    if (wait > 0 && second < DURATION_S) await new Promise((r) => setTimeout(r, wait));
  }
  process.stdout.write(
    `done: ${totals.sent} records sent, ${totals.accepted} accepted, ${totals.duplicates} duplicates, ` +
      `${totals.failures} failures, $${totals.cost.toFixed(2)} spent` +
      `${opts['report-trips'] ? `, ${totals.trips} breaker trips reported` : ''}${totals.errors ? `, ${totals.errors} calls failed` : ''}\n`,
  );
  if (totals.errors > 0) process.exitCode = 1;
}

function readUsage(): string {
  return 'usage: node scripts/hub-simulator.ts --url http://127.0.0.1:3000 --key hrld_… [--users 50] [--providers 5] [--rate 20] [--failures 0.02] [--duration 60] [--burst-every 20] [--report-trips] [--backfill 0] [--max-records N] [--seed N] [--quiet]';
}

function logNormal(median: number, sigma: number): number {
  // Box–Muller.
  const u = Math.max(rand(), 1e-12);
  const v = rand();
  return median * Math.exp(sigma * Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v));
}
function round2(n: number) {
  return Math.round(n * 100) / 100;
}
function round6(n: number) {
  return Math.round(n * 1e6) / 1e6;
}
function mulberry32(seed: number) {
  let a = seed | 0;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let r = Math.imul(a ^ (a >>> 15), 1 | a);
    r = (r + Math.imul(r ^ (r >>> 7), 61 | r)) ^ r;
    return ((r ^ (r >>> 14)) >>> 0) / 4294967296;
  };
}

main().catch((err: Error) => {
  process.stderr.write(`hub-simulator: ${err.message}\n`);
  process.exit(1);
});
