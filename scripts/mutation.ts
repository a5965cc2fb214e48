/**
 * `pnpm mutation [core|server] [stryker options…]`: StrykerJS over packages/core and
 * apps/server/src/{senders,net}, then the scores per area and per file.
 *
 * With TypeScript 7 Stryker must mutate in place (its sandbox rewrites tsconfig files through
 * the TypeScript 5 API). In place in this working tree would rewrite files other people may be
 * editing, so it runs in a scratch copy of the tree (tracked and new files, node_modules linked).
 */
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { printScores } from './mutation-scores.ts';

const ROOT = path.resolve(import.meta.dirname, '..');
const PACKAGES = { core: 'packages/core', server: 'apps/server' } as const;
type Package = keyof typeof PACKAGES;

const args = process.argv.slice(2).filter((a) => a !== '--');
const only = args[0] === 'core' || args[0] === 'server' ? (args.shift() as Package) : undefined;
const selected: Package[] = only ? [only] : ['core', 'server'];
const reportsDir = path.join(ROOT, '.reports/mutation');

function scratchCopy(): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'herald-mutation-'));
  const listed = spawnSync('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard'], {
    cwd: ROOT,
    encoding: 'utf8',
  });
  if (listed.status !== 0) throw new Error(`git ls-files failed: ${listed.stderr}`);
  for (const file of listed.stdout.split('\0').filter(Boolean)) {
    const from = path.join(ROOT, file);
    const to = path.join(dir, file);
    mkdirSync(path.dirname(to), { recursive: true });
    try {
      cpSync(from, to);
    } catch {
      // Listed but deleted in the working tree.
    }
  }
  for (const nm of ['node_modules', ...Object.values(PACKAGES).map((p) => `${p}/node_modules`)]) {
    symlinkSync(path.join(ROOT, nm), path.join(dir, nm), 'dir');
  }
  return dir;
}

const work = scratchCopy();
let child: ChildProcess | undefined;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    // Stop Stryker first, then drop the scratch copy: nothing of a stopped run is left behind.
    if (child?.exitCode === null) child.once('exit', () => cleanExit()).kill(signal);
    else cleanExit();
  });
}
function cleanExit(): never {
  rmSync(work, { recursive: true, force: true });
  process.exit(130);
}
function runStryker(cwd: string, env: NodeJS.ProcessEnv): Promise<number | null> {
  const stryker = path.join(ROOT, 'node_modules/@stryker-mutator/core/bin/stryker.js');
  child = spawn(process.execPath, [stryker, 'run', ...args], { cwd, stdio: 'inherit', env });
  return new Promise((resolve) => child?.once('exit', (code) => resolve(code)));
}
let failed = false;
try {
  for (const pkg of selected) {
    const cwd = path.join(work, PACKAGES[pkg]);
    const report = path.join(reportsDir, pkg);
    rmSync(report, { recursive: true, force: true });
    process.stdout.write(`\n\x1b[1m== mutation testing: ${PACKAGES[pkg]}\x1b[0m\n`);
    const code = await runStryker(cwd, {
      ...process.env,
      HERALD_MUTATION_SCRATCH: '1',
      HERALD_MUTATION_REPORTS: report,
    });
    if (code !== 0) {
      failed = true;
      continue;
    }
    const json = JSON.parse(readFileSync(path.join(report, 'mutation.json'), 'utf8'));
    if (!printScores(pkg, json, args.includes('--mutate') || args.includes('-m'))) failed = true;
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}
process.stdout.write(`\nReports: ${path.relative(ROOT, reportsDir)}/{core,server}/index.html\n`);
process.exit(failed ? 1 : 0);
