/**
 * docs/examples/python/herald_hub.py, the hub guide's Python example, run with python3 against a
 * real Herald: what it claims (sync, batches, retry on `retryable`, a lost answer not counted
 * twice, a batch over the body limit split, calls kept while Herald is down and replayed in
 * order) is checked in Herald's database and at a fake platform, so the example cannot rot.
 */
import { execFileSync } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { manualClock, startTestHerald, TEST_ADMIN_TOKEN, type TestHerald } from '../../herald.ts';
import { bindOnly, closeAll, customReceiver, type Receiver, switchOn } from '../incidents/support.ts';
import { type FrontProxy, REPO_ROOT, runExample, startFrontProxy, UNAVAILABLE_ANSWER } from './examples-support.ts';

const EXAMPLE = 'docs/examples/python/herald_hub.py';
const PYTHON = process.env.PYTHON ?? 'python3';

function pythonVersion(): string {
  try {
    return execFileSync(PYTHON, ['--version'], { encoding: 'utf8' }).trim();
  } catch {
    throw new Error(`the hub guide's Python example needs ${PYTHON} (Python 3.8 or later) on PATH, or PYTHON set`);
  }
}

// Herald's clock: an hour on before each test, so the example's openings never count as flapping.
const clock = manualClock(new Date('2026-05-04T09:00:00.000Z'));
let h: TestHerald;
let key: string;
let rx: Receiver;
let proxy: FrontProxy;
let dir: string;

beforeAll(async () => {
  pythonVersion();
  h = await startTestHerald({ OUTBOUND_ALLOW_CIDRS: '127.0.0.0/8' }, { clock });
  key = (await h.client(TEST_ADMIN_TOKEN).apiKeys.create.mutate({ name: 'python hub' })).key;
  rx = await customReceiver(h, 'ops');
  await switchOn(h);
  await bindOnly(h, 'circuit_breaker', [rx.target.id]);
});
afterAll(async () => {
  await h?.close();
  await closeAll(rx?.fake);
});
beforeEach(async () => {
  clock.advance(60 * 60_000);
  proxy = await startFrontProxy(h.url);
  dir = await mkdtemp(path.join(os.tmpdir(), 'herald-python-example-'));
});
afterEach(async () => {
  await proxy?.close();
  await rm(dir, { recursive: true, force: true });
});

const env = (more: Record<string, string> = {}) => ({
  HERALD_URL: proxy.url,
  HERALD_API_KEY: key,
  HERALD_RETRY_BASE_SECONDS: '0.01',
  ...more,
});
const answers = (lines: Array<Record<string, unknown>>) =>
  lines.map((l) => [l.call ?? `replayed ${l.replayed}`, l.answer]);
const usageRows = () =>
  h.db.selectFrom('usage_record').select(['request_id', 'user_id', 'cost_usd']).orderBy('request_id').execute();

describe("the hub guide's Python example", () => {
  it('syncs users and a provider, records usage in batches and reports the breaker opening and closing', async () => {
    const run = await runExample(PYTHON, [EXAMPLE], env({ HERALD_BATCH_SIZE: '2' }));
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(answers(run.lines)).toEqual([
      ['hub.ping', { ok: true, apiKeyName: 'python hub' }],
      ['hub.syncUsers', { created: 2, updated: 0 }],
      ['hub.syncProviders', { created: 1, updated: 0 }],
      ['hub.recordUsage', { accepted: 5, duplicates: 0 }],
      ['hub.reportCircuitBreaker', { ok: true, outcome: 'alerted', notificationId: expect.any(String) }],
      ['hub.reportCircuitBreaker', { ok: true, outcome: 'recovered', notificationId: expect.any(String) }],
    ]);
    // Five records in batches of two: three calls.
    expect(proxy.seen.filter((p) => p === 'hub.recordUsage')).toHaveLength(3);

    const users = await h.db
      .selectFrom('hub_user')
      .select(['id', 'name', 'limit_5h_usd', 'limit_weekly_usd', 'limit_monthly_usd'])
      .orderBy('id')
      .execute();
    expect(users).toEqual([
      { id: '42', name: 'Bob', limit_5h_usd: null, limit_weekly_usd: null, limit_monthly_usd: '200' },
      { id: 'u-alice', name: 'Alice', limit_5h_usd: '10', limit_weekly_usd: '50', limit_monthly_usd: null },
    ]);
    const provider = await h.db
      .selectFrom('hub_provider')
      .select(['name', 'failure_threshold', 'open_duration_ms'])
      .where('id', '=', 'anthropic-1')
      .executeTakeFirstOrThrow();
    expect(provider).toEqual({ name: 'Anthropic Primary', failure_threshold: 3, open_duration_ms: 1_800_000 });
    const rows = await usageRows();
    expect(rows.map((r) => [r.request_id, r.user_id, Number(r.cost_usd)])).toEqual([
      ['demo-req-0', 'u-alice', 0.0125],
      ['demo-req-1', '42', 0.025],
      ['demo-req-2', 'u-alice', 0.0375],
      ['demo-req-3', '42', 0.05],
      ['demo-req-4', 'u-alice', 0.0625],
    ]);

    await rx.fake.waitForAccepted(2);
    // Two deliveries, each on its own: either may arrive first.
    expect(
      rx
        .messages()
        .map((m) => `${m.provider} ${m.event}`)
        .sort(),
    ).toEqual(['Anthropic Primary opened', 'Anthropic Primary recovered']);
  });

  it('is safe to run again: syncs update, the same records are duplicates, nothing is stored twice', async () => {
    const before = await usageRows();
    const run = await runExample(PYTHON, [EXAMPLE], env());
    expect(run.code).toBe(0);
    expect(answers(run.lines).slice(1, 4)).toEqual([
      ['hub.syncUsers', { created: 0, updated: 2 }],
      ['hub.syncProviders', { created: 0, updated: 1 }],
      ['hub.recordUsage', { accepted: 0, duplicates: 5 }],
    ]);
    expect(await usageRows()).toEqual(before);
  });

  it('retries what Herald marks retryable; an answer lost on the way back is not counted twice', async () => {
    await h.db.deleteFrom('usage_record').execute();
    // First try: Herald unavailable. Second: Herald stores the batch, the answer is lost. Third: answered.
    proxy.script('hub.recordUsage', [UNAVAILABLE_ANSWER, 'forward-and-lose-answer', 'forward']);
    const run = await runExample(PYTHON, [EXAMPLE], env());
    expect(run.code).toBe(0);
    expect(proxy.seen.filter((p) => p === 'hub.recordUsage')).toHaveLength(3);
    expect(answers(run.lines)[3]).toEqual(['hub.recordUsage', { accepted: 0, duplicates: 5 }]);
    expect(await usageRows()).toHaveLength(5);
  });

  it('does not retry what is not retryable: a bad record is refused once, naming the field', async () => {
    const script = [
      'import json, os, herald_hub',
      "hub = herald_hub.HeraldHub(os.environ['HERALD_URL'], os.environ['HERALD_API_KEY'], retry_base=0.01)",
      'try:',
      "    hub.record_usage([{'requestId': 'bad-1', 'userId': 'u', 'providerId': 'p', 'costUsd': '0.5', 'inputTokens': 1, 'outputTokens': 1}])",
      'except herald_hub.HeraldError as e:',
      "    print(json.dumps({'status': e.status, 'code': e.code, 'retryable': e.retryable, 'issues': e.issues}))",
    ].join('\n');
    const run = await runExample(
      PYTHON,
      ['-c', script],
      env({ PYTHONPATH: path.join(REPO_ROOT, 'docs/examples/python') }),
    );
    expect(run.lines).toEqual([
      {
        status: 400,
        code: 'INVALID_INPUT',
        retryable: false,
        issues: [
          {
            path: 'records.0.costUsd',
            message: expect.any(String),
            code: 'field.wrong_type',
            params: { expected: 'number' },
          },
        ],
      },
    ]);
    expect(proxy.seen).toEqual(['hub.recordUsage']);
  });

  it("splits a batch over Herald's body limit and sends it all", async () => {
    await h.db.deleteFrom('usage_record').execute();
    // 5,000 records with a long upstream error each: about 11 MB, over the 8 MiB limit. Straight to
    // Herald (no proxy): Python's http.client writes the whole body before it reads the 413.
    const script = [
      'import json, os, herald_hub',
      "hub = herald_hub.HeraldHub(os.environ['HERALD_URL'], os.environ['HERALD_API_KEY'], retry_base=0.01)",
      'sizes = []',
      'send = hub._request',
      'def counted(procedure, payload, query):',
      "    sizes.append(len(payload['records']))",
      '    return send(procedure, payload, query)',
      'hub._request = counted',
      "records = [{'requestId': f'big-{i}', 'userId': 'u', 'providerId': 'p-big', 'costUsd': 0.001, 'inputTokens': 10, 'outputTokens': 1, 'success': False, 'errorMessage': 'x' * 2000} for i in range(5000)]",
      "print(json.dumps({'answer': hub.record_usage(records, batch_size=5000), 'sizes': sizes}))",
    ].join('\n');
    const run = await runExample(
      PYTHON,
      ['-c', script],
      env({ HERALD_URL: h.url, PYTHONPATH: path.join(REPO_ROOT, 'docs/examples/python') }),
    );
    expect(run.stderr).toBe('');
    // Refused whole, then sent as two halves.
    expect(run.lines).toEqual([{ answer: { accepted: 5000, duplicates: 0 }, sizes: [5000, 2500, 2500] }]);
    const count = await h.db
      .selectFrom('usage_record')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .executeTakeFirstOrThrow();
    expect(Number(count.n)).toBe(5000);
  });

  it('keeps calls while Herald is down and replays them in order once it is back', async () => {
    await h.db.deleteFrom('usage_record').execute();
    const outbox = path.join(dir, 'outbox.jsonl');
    const sentBefore = rx.fake.accepted.length;

    proxy.otherwise(UNAVAILABLE_ANSWER);
    const down = await runExample(PYTHON, [EXAMPLE], env({ HERALD_OUTBOX: outbox, HERALD_MAX_ATTEMPTS: '2' }));
    expect(down.code).toBe(0);
    expect(answers(down.lines).map(([call, answer]) => `${call} ${JSON.stringify(answer)}`)).toEqual([
      'hub.ping {"error":"UNAVAILABLE"}',
      'hub.syncUsers null',
      'hub.syncProviders null',
      'hub.recordUsage {"accepted":0,"duplicates":0,"kept":5}',
      'hub.reportCircuitBreaker null',
      'hub.reportCircuitBreaker null',
    ]);
    const kept = (await readFile(outbox, 'utf8')).trim().split('\n');
    expect(kept.map((l) => (JSON.parse(l) as { procedure: string }).procedure)).toEqual([
      'hub.syncUsers',
      'hub.syncProviders',
      'hub.recordUsage',
      'hub.reportCircuitBreaker',
      'hub.reportCircuitBreaker',
    ]);
    expect(await usageRows()).toEqual([]);

    proxy.otherwise('forward');
    const up = await runExample(PYTHON, [EXAMPLE], env({ HERALD_OUTBOX: outbox }));
    expect(up.code).toBe(0);
    const replayed = answers(up.lines).slice(0, 5);
    // In order: the breaker opened (a new incident: alerted), then closed (recovered).
    expect(replayed).toEqual([
      ['replayed hub.syncUsers', { created: 0, updated: 2 }],
      ['replayed hub.syncProviders', { created: 0, updated: 1 }],
      ['replayed hub.recordUsage', { accepted: 5, duplicates: 0 }],
      ['replayed hub.reportCircuitBreaker', { ok: true, outcome: 'alerted', notificationId: expect.any(String) }],
      ['replayed hub.reportCircuitBreaker', { ok: true, outcome: 'recovered', notificationId: expect.any(String) }],
    ]);
    // Then this run's own calls, sent directly now that nothing is kept.
    expect(answers(up.lines)[8]).toEqual(['hub.recordUsage', { accepted: 0, duplicates: 5 }]);
    expect(await readFile(outbox, 'utf8')).toBe('');
    expect(await usageRows()).toHaveLength(5);
    await rx.fake.waitForAccepted(sentBefore + 4);
    expect(
      rx
        .messages()
        .slice(sentBefore)
        .map((m) => m.event)
        .sort(),
    ).toEqual(['opened', 'opened', 'recovered', 'recovered']);
  });
});
