import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { httpApi } from '../herald.ts';
import {
  alive,
  embeddedClient,
  type HeraldProcess,
  portOpen,
  postmasterPid,
  spawnHerald,
} from '../support/herald-process.ts';

const ADMIN = 'crash-test-admin-token-0123456789';
const dataDir = await mkdtemp(path.join(os.tmpdir(), 'herald-crash-'));
let herald: HeraldProcess | undefined;
afterAll(async () => {
  if (herald && herald.child.exitCode === null) {
    herald.child.kill('SIGKILL');
    await herald.exited;
  }
  await rm(dataDir, { recursive: true, force: true });
});

type Call = { kind: 'breaker' | 'usage'; id: string; status: number | 'reset'; code?: string; message?: string };

describe('kill -9 of the embedded PostgreSQL during a burst of hub calls', () => {
  it('keeps Herald running, answers 503 while the database is down, restarts it and loses nothing it accepted', async () => {
    herald = spawnHerald({ DATA_DIR: dataDir, ADMIN_TOKEN: ADMIN, SHUTDOWN_TIMEOUT_MS: '5000' });
    const h = herald;
    const started = await h.waitFor((l) => l.action === 'herald_started');
    const pgPort = (await h.waitFor((l) => l.msg === 'embedded PostgreSQL started')).port as number;
    const url = started.url as string;
    const api = httpApi(url);
    const key = (await api('apiKeys.create', { name: 'hub' }, { token: ADMIN })).body.result.data.key as string;

    const calls: Call[] = [];
    let n = 0;
    let killedAt = 0;
    let readyAt = 0;
    let okAfterReady = 0;
    const one = async (): Promise<Call> => {
      const i = n++;
      const kind = i % 2 === 0 ? 'breaker' : 'usage';
      const id = `${kind}-${i}`;
      try {
        const res =
          kind === 'breaker'
            ? await api(
                'hub.reportCircuitBreaker',
                { providerId: id, providerName: `Provider ${i}`, failureCount: 3, retryAt: '2030-01-01T00:00:00Z' },
                { token: key },
              )
            : await api(
                'hub.recordUsage',
                {
                  records: [
                    { requestId: id, userId: 'u1', providerId: 'p1', costUsd: 0.01, inputTokens: 1, outputTokens: 1 },
                  ],
                },
                { token: key },
              );
        return { kind, id, status: res.status, code: res.body?.error?.data?.code, message: res.body?.error?.message };
      } catch {
        return { kind, id, status: 'reset' };
      }
    };
    const worker = async () => {
      while (!(readyAt && okAfterReady >= 100) && h.child.exitCode === null) {
        const c = await one();
        calls.push(c);
        if (readyAt && c.status === 200) okAfterReady++;
      }
    };
    const killer = async () => {
      while (calls.filter((c) => c.status === 200).length < 150) await new Promise((r) => setImmediate(r));
      const pid = await postmasterPid(dataDir);
      process.kill(pid, 'SIGKILL');
      killedAt = performance.now();
      let sawDown = false;
      while (h.child.exitCode === null) {
        const status = await fetch(`${url}/readyz`).then(
          (r) => r.status,
          () => 0,
        );
        if (status !== 200) sawDown = true;
        if (status === 200 && sawDown) {
          readyAt = performance.now();
          return;
        }
        await new Promise((r) => setTimeout(r, 25));
      }
    };
    await Promise.all([killer(), ...Array.from({ length: 6 }, worker)]);

    // Still the same process, serving.
    expect(h.child.exitCode, h.stderr.join('')).toBeNull();
    const ok = calls.filter((c) => c.status === 200);
    const failed = calls.filter((c) => c.status !== 200);
    console.log(
      `kill -9 → /readyz 200: ${Math.round(readyAt - killedAt)} ms; calls: ${calls.length}, 200: ${ok.length}, ` +
        `503: ${failed.filter((c) => c.status === 503).length}, other: ${failed.filter((c) => c.status !== 503).length}`,
    );
    expect(failed.filter((c) => c.status !== 503)).toEqual([]);
    expect(failed.length).toBeGreaterThan(0);
    for (const c of failed) {
      expect(c.code).toBe('SERVICE_UNAVAILABLE');
      expect(c.message).toMatch(/database is unavailable.*retry/i);
    }

    // Everything the hub got a 200 for is in the database.
    const pid = await postmasterPid(dataDir);
    expect(alive(pid)).toBe(true);
    const client = await embeddedClient(dataDir, pgPort);
    try {
      const providers = new Set(
        (await client.query<{ id: string }>('select id from hub_provider')).rows.map((r) => r.id),
      );
      const usage = new Set(
        (await client.query<{ request_id: string }>('select request_id from usage_record')).rows.map(
          (r) => r.request_id,
        ),
      );
      const lost = ok.filter((c) => !(c.kind === 'breaker' ? providers : usage).has(c.id));
      expect(lost).toEqual([]);
    } finally {
      await client.end();
    }

    // One crash line, one outage warning, one recovery summary.
    expect(h.lines.filter((l) => l.action === 'embedded_postgres_crashed')).toHaveLength(1);
    expect(h.lines.filter((l) => l.action === 'embedded_postgres_restarted')).toHaveLength(1);
    expect(h.lines.filter((l) => l.action === 'database_unavailable')).toHaveLength(1);
    const back = h.lines.filter((l) => l.action === 'database_available');
    expect(back).toHaveLength(1);
    expect(back[0]?.downMs).toBeGreaterThan(0);
    expect(back[0]?.suppressed).toBeGreaterThan(0);

    // Again, idle this time: supervision is not one-shot.
    process.kill(pid, 'SIGKILL');
    await h.waitFor((l) => l.action === 'embedded_postgres_restarted' && l.pid !== undefined && l.pid !== pid);
    while ((await fetch(`${url}/readyz`)).status !== 200) await new Promise((r) => setTimeout(r, 50));
    expect(h.lines.filter((l) => l.action === 'embedded_postgres_crashed')).toHaveLength(2);
    const latest = await postmasterPid(dataDir);
    expect(latest).not.toBe(pid);

    h.child.kill('SIGTERM');
    expect(await h.exited).toEqual({ code: 0, signal: null });
    expect(await portOpen(pgPort)).toBe(false);
    expect(alive(latest)).toBe(false);
  }, 120_000);
});
