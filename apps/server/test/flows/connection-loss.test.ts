import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { type EmbeddedPostgresHandle, startEmbeddedPostgres } from '../../src/db/embedded-postgres.ts';
import { createLogger } from '../../src/logger.ts';
import { startTestHerald, TEST_ADMIN_TOKEN, type TestHerald } from '../herald.ts';

// A cluster of its own, so stopping it does not disturb the other test files.
let dir: string;
let pg: EmbeddedPostgresHandle;
let h: TestHerald;

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'herald-connloss-'));
  pg = await startEmbeddedPostgres(dir, createLogger('silent'));
  await pg.createDatabase('herald');
  h = await startTestHerald({ DATABASE_URL: pg.urlFor('herald') });
}, 60_000);

afterAll(async () => {
  await h?.close();
  await pg?.stop();
  await rm(dir, { recursive: true, force: true });
});

const readyStatus = async () => (await fetch(`${h.url}/readyz`)).status;

describe('losing the database', () => {
  it('turns readiness red, keeps the process serving, and recovers when the database returns', async () => {
    const admin = h.client(TEST_ADMIN_TOKEN);
    const hubKey = (await admin.apiKeys.create.mutate({ name: 'before outage' })).key;
    expect(await readyStatus()).toBe(200);

    await pg.stop();
    await vi.waitFor(async () => expect(await readyStatus()).toBe(503), { timeout: 15_000, interval: 200 });
    const body = (await (await fetch(`${h.url}/readyz`)).json()) as { checks: { database: string } };
    expect(body.checks.database).not.toBe('ok');
    expect((await fetch(`${h.url}/healthz`)).status).toBe(200);
    // A clear, retryable answer in tRPC's error shape, with no connection details.
    const during = await h.api('apiKeys.list', undefined, { token: TEST_ADMIN_TOKEN });
    expect(during.status).toBe(503);
    expect(during.headers.get('retry-after')).toBe('2');
    expect(during.body.error.data.code).toBe('SERVICE_UNAVAILABLE');
    expect(during.body.error.message).toBe('the database is unavailable right now: retry in a few seconds');
    expect(JSON.stringify(during.body)).not.toMatch(/ECONNREFUSED|127\.0\.0\.1|terminat/);
    const hub = await h.api('hub.ping', undefined, { token: hubKey });
    expect(hub.status).toBe(503);

    await pg.restart();
    await vi.waitFor(async () => expect(await readyStatus()).toBe(200), { timeout: 30_000, interval: 200 });
    const keys = await admin.apiKeys.list.query();
    expect(keys.map((k) => k.name)).toContain('before outage');
    // One warning for the outage and one summary when it is over, however many calls failed.
    expect(h.logs.lines.filter((l) => l.action === 'database_unavailable')).toHaveLength(1);
    const back = h.logs.lines.filter((l) => l.action === 'database_available');
    expect(back).toHaveLength(1);
    expect(back[0]?.suppressed).toBeGreaterThanOrEqual(1);
    expect(h.logs.lines.filter((l) => l.level === 'warn' && /database|queue error/.test(String(l.msg)))).toHaveLength(
      1,
    );
  }, 60_000);
});
