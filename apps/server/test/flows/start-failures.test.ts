import { spawn } from 'node:child_process';
import { appendFile, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { alive, type HeraldProcess, portOpen, postmasterPid, spawnHerald } from '../support/herald-process.ts';

const dataDir = await mkdtemp(path.join(os.tmpdir(), 'herald-startfail-'));
const running = new Set<HeraldProcess>();
afterAll(async () => {
  for (const h of running) {
    if (h.child.exitCode === null) {
      h.child.kill('SIGKILL');
      await h.exited;
    }
  }
  await rm(dataDir, { recursive: true, force: true });
});

function start(env: Record<string, string> = {}) {
  const h = spawnHerald({ DATA_DIR: dataDir, ADMIN_TOKEN: 'start-failure-admin-token', ...env });
  running.add(h);
  return h;
}

async function startAndWait() {
  const h = start();
  const started = await h.waitFor((l) => l.action === 'herald_started');
  const pg = await h.waitFor((l) => l.msg === 'embedded PostgreSQL started');
  return { h, url: started.url as string, pgPort: pg.port as number };
}

async function stop(h: HeraldProcess) {
  h.child.kill('SIGTERM');
  expect(await h.exited).toEqual({ code: 0, signal: null });
}

describe('a start that fails says why, and cleans up what is ours', () => {
  it('HTTP port in use: names the port and what to do, and stops the embedded PostgreSQL it started', async () => {
    const blocker: Server = createServer();
    await new Promise<void>((r) => blocker.listen(0, '127.0.0.1', r));
    const port = (blocker.address() as { port: number }).port;
    try {
      const h = start({ PORT: String(port) });
      const pg = await h.waitFor((l) => l.msg === 'embedded PostgreSQL started');
      expect((await h.exited).code).toBe(1);
      const err = h.stderr.join('');
      expect(err).toContain(`Herald failed to start: port ${port} on 127.0.0.1 is already in use (EADDRINUSE)`);
      expect(err).toContain('set PORT to a free port');
      expect(h.lines.find((l) => l.action === 'herald_start_failed')?.err).toMatch(/already in use/);
      expect(await portOpen(pg.port as number)).toBe(false);
    } finally {
      blocker.close();
    }
  }, 60_000);

  it('PostgreSQL left running by a Herald killed with SIGKILL: stops it and starts', async () => {
    const first = await startAndWait();
    const orphan = await postmasterPid(dataDir);
    first.h.child.kill('SIGKILL');
    await first.h.exited;
    expect(alive(orphan)).toBe(true); // still running on DATA_DIR, holding its lock

    const second = await startAndWait();
    const leftover = second.h.lines.find((l) => l.action === 'embedded_postgres_leftover');
    expect(leftover?.postmaster).toBe(orphan);
    expect(alive(orphan)).toBe(false);
    expect((await fetch(`${second.url}/readyz`)).status).toBe(200);
    await stop(second.h);
  }, 90_000);

  it('a stale postmaster.pid naming a live process that is not ours: removed, and Herald starts', async () => {
    const sleeper = spawn('sleep', ['60'], { stdio: 'ignore' });
    try {
      const lock = path.join(dataDir, 'postgres', 'postmaster.pid');
      await writeFile(
        lock,
        `${sleeper.pid}\n${path.join(dataDir, 'postgres')}\n1700000000\n5432\n\n127.0.0.1\n  0 0\nready   \n`,
      );
      const { h } = await startAndWait();
      expect(h.lines.find((l) => l.action === 'embedded_postgres_stale_lock')?.pid).toBe(sleeper.pid);
      await stop(h);
    } finally {
      sleeper.kill('SIGKILL');
    }
  }, 60_000);

  it('DATA_DIR already used by a running Herald: refuses, naming it, and leaves it running', async () => {
    const first = await startAndWait();
    const second = start();
    expect((await second.exited).code).toBe(1);
    expect(second.stderr.join('')).toContain(`is in use by another running Herald (pid ${first.h.child.pid}`);
    expect((await fetch(`${first.url}/readyz`)).status).toBe(200);
    await stop(first.h);
  }, 60_000);

  it('PostgreSQL refusing to start: its own words reach the message, not a TypeError', async () => {
    const conf = path.join(dataDir, 'postgres', 'postgresql.conf');
    const original = await readFile(conf);
    await appendFile(conf, '\nthis line is not a setting\n');
    try {
      const h = start();
      expect((await h.exited).code).toBe(1);
      const err = h.stderr.join('');
      expect(err).toContain('Herald failed to start: the embedded PostgreSQL stopped while starting (exit code 1)');
      expect(err).toMatch(/syntax error in file ".*postgresql\.conf" line \d+/);
      expect(err).not.toContain('TypeError');
    } finally {
      await writeFile(conf, original);
    }
  }, 60_000);
});
