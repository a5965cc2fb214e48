import { readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { POSTGRES_STOP_MS } from '../../src/db/embedded-postgres.ts';
import { httpApi } from '../herald.ts';
import {
  alive,
  type HeraldProcess,
  portOpen,
  postmasterPid,
  REPO_ROOT,
  spawnHerald,
} from '../support/herald-process.ts';
import { startTarget, type Target } from '../support/targets.ts';

const ADMIN = 'signals-test-admin-token-0123456789';
const TOOLS_PATH = `${path.join(REPO_ROOT, '.tools', 'bin')}:${process.env.PATH}`;
const running = new Set<HeraldProcess>();
const dirs: string[] = [];
let receiver: Target | undefined;
afterAll(async () => {
  for (const h of running) {
    if (h.child.exitCode === null) {
      h.child.kill('SIGKILL');
      await h.exited;
    }
  }
  await receiver?.close();
  for (const d of dirs) await rm(d, { recursive: true, force: true });
});

/** The README's start command (or `pnpm start`), as a service manager would run it. */
async function startCommand(command: string[], env: Record<string, string> = {}) {
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'herald-signals-'));
  dirs.push(dataDir);
  const h = spawnHerald({ DATA_DIR: dataDir, ADMIN_TOKEN: ADMIN, PATH: TOOLS_PATH, ...env }, command);
  running.add(h);
  const started = await h.waitFor((l) => l.action === 'herald_started');
  const postmaster = await postmasterPid(dataDir);
  const pgPort = (await h.waitFor((l) => l.msg === 'embedded PostgreSQL started')).port as number;
  return { h, url: started.url as string, postmaster, pgPort, node: parentOf(postmaster) };
}

function parentOf(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
}

async function terminate(run: Awaited<ReturnType<typeof startCommand>>) {
  const t0 = performance.now();
  run.h.child.kill('SIGTERM');
  const exit = await run.h.exited;
  return { exit, ms: Math.round(performance.now() - t0) };
}

describe('SIGTERM to the start command', () => {
  it('./herald start: Node is the process signalled; it drains, stops its PostgreSQL after, exits 0', async () => {
    const run = await startCommand(['bash', path.join(REPO_ROOT, 'herald'), 'start']);
    expect(run.node).toBe(run.h.child.pid); // exec'd: no pnpm or shell in between
    const { exit, ms } = await terminate(run);
    console.log(`./herald start: SIGTERM → exit in ${ms} ms`);
    expect(exit).toEqual({ code: 0, signal: null });
    const order = run.h.lines.map((l) => l.action).filter((a) => a === 'shutdown' || a === 'herald_stopped');
    expect(order).toEqual(['shutdown', 'herald_stopped']);
    expect(alive(run.postmaster)).toBe(false);
    expect(await portOpen(run.pgPort)).toBe(false);
  }, 120_000);

  it('pnpm start: the signal reaches Node through pnpm; both exit 0 and nothing is left running', async () => {
    const run = await startCommand(['pnpm', 'start']);
    expect(run.node).not.toBe(run.h.child.pid);
    const { exit } = await terminate(run);
    expect(exit).toEqual({ code: 0, signal: null });
    expect(run.h.lines.some((l) => l.action === 'herald_stopped')).toBe(true);
    expect(alive(run.node)).toBe(false);
    expect(alive(run.postmaster)).toBe(false);
  }, 120_000);

  it('with deliveries hanging longer than SHUTDOWN_TIMEOUT_MS: stops within the bound and exits 0', async () => {
    receiver = await startTarget(() => 'hang');
    const timeoutMs = 3_000;
    const run = await startCommand(['bash', path.join(REPO_ROOT, 'herald'), 'start'], {
      OUTBOUND_ALLOW_CIDRS: '127.0.0.0/8',
      SHUTDOWN_TIMEOUT_MS: String(timeoutMs),
      WEBHOOK_TIMEOUT_MS: '120000',
    });
    const api = httpApi(run.url);
    const admin = async (p: string, input: unknown) => {
      const r = await api(p, input, { token: ADMIN });
      expect(r.status, JSON.stringify(r.body)).toBe(200);
      return r.body.result.data;
    };
    await admin('settings.update', { enabled: true, circuitBreakerEnabled: true, circuitBreakerGroupWaitSeconds: 0 });
    const target = await admin('targets.create', {
      name: 'never answers',
      providerType: 'custom',
      webhookUrl: `${receiver.url}/hook`,
      customTemplate: { text: '{{provider_name}}' },
    });
    await admin('bindings.set', { notificationType: 'circuit_breaker', bindings: [{ targetId: target.id }] });
    const key = (await admin('apiKeys.create', { name: 'hub' })).key as string;
    for (let i = 0; i < 5; i++) {
      const r = await api(
        'hub.reportCircuitBreaker',
        { providerId: `p${i}`, providerName: `P${i}`, failureCount: 3, retryAt: '2030-01-01T00:00:00Z' },
        { token: key },
      );
      expect(r.status, JSON.stringify(r.body)).toBe(200);
    }
    while (receiver.requests.length < 5) await receiver.nextRequest();

    const { exit, ms } = await terminate(run);
    console.log(`SIGTERM with 5 deliveries hanging, SHUTDOWN_TIMEOUT_MS=${timeoutMs}: exit in ${ms} ms`);
    expect(exit).toEqual({ code: 0, signal: null });
    expect(ms).toBeLessThan(timeoutMs + POSTGRES_STOP_MS);
    expect(run.h.lines.some((l) => l.action === 'herald_stopped')).toBe(true);
    expect(alive(run.postmaster)).toBe(false);
  }, 120_000);
});
