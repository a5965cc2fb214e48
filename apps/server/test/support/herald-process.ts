import { type ChildProcess, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { connect } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';

export const MAIN = fileURLToPath(new URL('../../src/main.ts', import.meta.url));
export const REPO_ROOT = fileURLToPath(new URL('../../../../', import.meta.url));

export type LogRecord = Record<string, unknown> & { msg?: string; action?: string; level?: string };

/** A Herald running as its own OS process, the way `./herald start` runs it. */
export type HeraldProcess = {
  child: ChildProcess;
  /** Every JSON log line so far, parsed. */
  lines: LogRecord[];
  stderr: string[];
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  /** Resolves with the first log line matching `pred` (an event, not a sleep). */
  waitFor(pred: (l: LogRecord) => boolean): Promise<LogRecord>;
};

/** Spawns `node src/main.ts` (or `command`) with a minimal environment. */
export function spawnHerald(env: Record<string, string>, command: string[] = [process.execPath, MAIN]): HeraldProcess {
  const [file, ...args] = command as [string, ...string[]];
  const child = spawn(file, args, {
    cwd: REPO_ROOT,
    env: { PATH: process.env.PATH, HOME: process.env.HOME, PORT: '0', LOG_LEVEL: 'info', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const lines: LogRecord[] = [];
  const stderr: string[] = [];
  const waiters = new Set<() => void>();
  let partial = '';
  child.stdout?.on('data', (chunk) => {
    const text = partial + String(chunk);
    const parts = text.split('\n');
    partial = parts.pop() ?? '';
    for (const raw of parts) {
      if (!raw.startsWith('{')) continue;
      try {
        lines.push(JSON.parse(raw) as LogRecord);
      } catch {}
    }
    for (const w of waiters) w();
  });
  child.stderr?.on('data', (c) => stderr.push(String(c)));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once('exit', (code, signal) => resolve({ code, signal })),
  );
  const waitFor = (pred: (l: LogRecord) => boolean) =>
    new Promise<LogRecord>((resolve, reject) => {
      const check = () => {
        const found = lines.find(pred);
        if (!found) return;
        waiters.delete(check);
        resolve(found);
      };
      waiters.add(check);
      check();
      void exited.then(() => {
        if (!waiters.has(check)) return;
        waiters.delete(check);
        reject(new Error(`exited before the awaited log line; stderr: ${stderr.join('')}`));
      });
    });
  return { child, lines, stderr, exited, waitFor };
}

export const portOpen = (port: number) =>
  new Promise<boolean>((resolve) => {
    const s = connect(port, '127.0.0.1');
    s.once('connect', () => resolve(s.destroy() && true));
    s.once('error', () => resolve(false));
  });

/** The postmaster's pid, from the lock file PostgreSQL keeps in its data directory. */
export async function postmasterPid(dataDir: string): Promise<number> {
  const text = await readFile(path.join(dataDir, 'postgres', 'postmaster.pid'), 'utf8');
  return Number.parseInt(text.split('\n')[0] ?? '', 10);
}

/** True while a process with this pid runs (an exited one nobody has reaped yet, a zombie, does not). */
export function alive(pid: number): boolean {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2)[0] !== 'Z';
  } catch {
    return false;
  }
}

/** A client on the embedded cluster of `dataDir` (its generated password, the port it logged). */
export async function embeddedClient(dataDir: string, port: number, database = 'herald'): Promise<pg.Client> {
  const password = (await readFile(path.join(dataDir, 'postgres-password'), 'utf8')).trim();
  const client = new pg.Client({ host: '127.0.0.1', port, user: 'postgres', password, database });
  client.on('error', () => {});
  await client.connect();
  return client;
}
