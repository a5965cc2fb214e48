import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { connect } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const MAIN = fileURLToPath(new URL('../../src/main.ts', import.meta.url));
const dataDir = await mkdtemp(path.join(os.tmpdir(), 'herald-process-'));
afterAll(() => rm(dataDir, { recursive: true, force: true }));

type Run = { child: ChildProcess; stdout: string[]; stderr: string[]; exited: Promise<number | null> };

function run(env: Record<string, string>): Run {
  const child = spawn(process.execPath, [MAIN], {
    env: { PATH: process.env.PATH, DATA_DIR: dataDir, PORT: '0', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const out: Run = { child, stdout: [], stderr: [], exited: new Promise((r) => child.once('exit', (code) => r(code))) };
  child.stdout?.on('data', (c) => out.stdout.push(...String(c).split('\n').filter(Boolean)));
  child.stderr?.on('data', (c) => out.stderr.push(String(c)));
  return out;
}

/** Resolves with the first JSON log line matching `pred` (an event, not a sleep). */
function logLine(r: Run, pred: (l: Record<string, unknown>) => boolean): Promise<Record<string, unknown>> {
  return new Promise((resolve, reject) => {
    const check = () => {
      for (const raw of r.stdout) {
        try {
          const l = JSON.parse(raw) as Record<string, unknown>;
          if (pred(l)) {
            resolve(l);
            return true;
          }
        } catch {}
      }
      return false;
    };
    if (check()) return;
    r.child.stdout?.on('data', check);
    void r.exited.then(() => reject(new Error(`exited first: ${r.stderr.join('')}`)));
  });
}

const portOpen = (port: number) =>
  new Promise<boolean>((resolve) => {
    const s = connect(port, '127.0.0.1');
    s.once('connect', () => resolve(s.destroy() && true));
    s.once('error', () => resolve(false));
  });

describe('the server process', () => {
  it('refuses to start on an invalid variable, naming it', async () => {
    const r = run({ PORT: 'eighty', LOG_LEVEL: 'loud' });
    expect(await r.exited).toBe(78);
    const err = r.stderr.join('');
    expect(err).toMatch(/PORT: must be a whole number/);
    expect(err).toMatch(/LOG_LEVEL: must be one of/);
  });

  it('on SIGTERM finishes the request in flight, then stops the embedded database and exits 0', async () => {
    const r = run({ ADMIN_TOKEN: 'process-test-admin-token' });
    const started = await logLine(r, (l) => l.action === 'herald_started');
    const pg = await logLine(r, (l) => l.msg === 'embedded PostgreSQL started');
    const url = started.url as string;

    // A wrong login is held for a second before its answer: a request in flight.
    const inFlight = fetch(`${url}/trpc/auth.login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ token: 'wrong' }),
    });
    await logLine(r, (l) => l.action === 'admin_login_failed');
    r.child.kill('SIGTERM');

    expect((await inFlight).status).toBe(401);
    expect(await r.exited).toBe(0);
    expect(r.stdout.some((l) => l.includes('"action":"herald_stopped"'))).toBe(true);
    expect(await portOpen(pg.port as number)).toBe(false);
    // No secret reached the log.
    expect(r.stdout.join('\n')).not.toContain('process-test-admin-token');
  }, 60_000);
});
