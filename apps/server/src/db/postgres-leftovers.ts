import { existsSync } from 'node:fs';
import { readdir, readFile, readlink, realpath, unlink } from 'node:fs/promises';
import path from 'node:path';
import type { Logger } from '../logger.ts';
import { StartError } from '../start-failure.ts';

/**
 * Before the embedded PostgreSQL starts: whatever an earlier run left on DATA_DIR/postgres.
 * A Herald killed with SIGKILL leaves its postmaster running; a postmaster killed with
 * SIGKILL leaves its backends for a moment and its lock file (postmaster.pid) for good.
 * Processes are found by their working directory (a postmaster and its children run in the
 * data directory), so only our own cluster is ever touched. Linux only (/proc); elsewhere
 * PostgreSQL's own lock-file checks decide.
 */
export async function clearLeftovers(databaseDir: string, log: Logger): Promise<void> {
  if (!existsSync('/proc/self/cwd') || !existsSync(databaseDir)) return;
  const dir = await realpath(databaseDir);
  const lockFile = path.join(dir, 'postmaster.pid');
  const lockPid = await readLockPid(lockFile);

  const procs = await clusterProcesses(dir);
  if (procs.length > 0) {
    const postmaster = procs.find((p) => p.pid === lockPid) ?? procs.find((p) => !procs.some((q) => q.pid === p.ppid));
    const owner = postmaster ? await commandOf(postmaster.ppid) : null;
    if (postmaster && postmaster.ppid !== 1 && postmaster.ppid !== process.pid && owner && /node/.test(owner)) {
      throw new StartError(
        `DATA_DIR ${path.dirname(dir)} is in use by another running Herald (pid ${postmaster.ppid}, its PostgreSQL is pid ${postmaster.pid})`,
        'stop that Herald first, or give this one another DATA_DIR',
      );
    }
    log.warn(
      { action: 'embedded_postgres_leftover', pids: procs.map((p) => p.pid), postmaster: postmaster?.pid ?? null },
      'PostgreSQL processes of an earlier run are still running on DATA_DIR: stopping them',
    );
    await stopLeftovers(dir, procs, postmaster?.pid === lockPid ? lockPid : null);
  }
  if (lockPid !== null && existsSync(lockFile)) {
    // Nothing of ours runs on the directory any more: the lock is stale, whoever has its pid now.
    await unlink(lockFile).catch(() => {});
    log.info({ action: 'embedded_postgres_stale_lock', pid: lockPid }, 'removed a stale postmaster.pid');
  }
}

type Proc = { pid: number; ppid: number };

/** A live postmaster gets a fast shutdown first; orphaned backends of a dead one are killed. */
async function stopLeftovers(dir: string, procs: Proc[], livePostmaster: number | null): Promise<void> {
  if (livePostmaster !== null) {
    kill(livePostmaster, 'SIGINT');
    if (await gone(dir, 10_000)) return;
  }
  for (const p of await clusterProcesses(dir)) kill(p.pid, 'SIGKILL');
  for (const p of procs) kill(p.pid, 'SIGKILL');
  if (!(await gone(dir, 5_000))) {
    const left = (await clusterProcesses(dir)).map((p) => p.pid);
    throw new StartError(
      `PostgreSQL processes of an earlier run on ${dir} do not stop (pids ${left.join(', ')})`,
      'stop them (kill -9) and start Herald again',
    );
  }
}

/** Waits until no process runs in `dir` (polled: they are not our children, so no event tells). */
async function gone(dir: string, ms: number): Promise<boolean> {
  const until = performance.now() + ms;
  while (performance.now() < until) {
    if ((await clusterProcesses(dir)).length === 0) return true;
    await new Promise((r) => setTimeout(r, 50));
  }
  return (await clusterProcesses(dir)).length === 0;
}

async function clusterProcesses(dir: string): Promise<Proc[]> {
  const found: Proc[] = [];
  for (const name of await readdir('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    const pid = Number(name);
    if (pid === process.pid) continue;
    try {
      if ((await readlink(`/proc/${pid}/cwd`)) !== dir) continue;
      if (path.basename(await readlink(`/proc/${pid}/exe`)) !== 'postgres') continue;
      const stat = await readFile(`/proc/${pid}/stat`, 'utf8');
      // "pid (comm) state ppid …": comm may hold spaces, so read after its closing parenthesis.
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      found.push({ pid, ppid });
    } catch {
      // Gone meanwhile, or not ours to read.
    }
  }
  return found;
}

async function readLockPid(file: string): Promise<number | null> {
  try {
    const pid = Number.parseInt((await readFile(file, 'utf8')).split('\n')[0] ?? '', 10);
    return Number.isInteger(pid) && pid > 0 ? pid : null;
  } catch {
    return null;
  }
}

async function commandOf(pid: number): Promise<string | null> {
  try {
    return (await readFile(`/proc/${pid}/cmdline`, 'utf8')).replaceAll('\0', ' ');
  } catch {
    return null;
  }
}

function kill(pid: number, sig: NodeJS.Signals): void {
  try {
    process.kill(pid, sig);
  } catch {}
}
