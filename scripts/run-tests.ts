/**
 * `pnpm test`: lint, typecheck, build, every vitest suite and the browser tests, then one
 * closing line `N passed, N failed` counted from the runners' own JSON reports.
 */
import { spawn } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';

const ROOT = path.resolve(import.meta.dirname, '..');
const VITEST_REPORTS = ['packages/core', 'packages/client', 'apps/server', 'apps/web'].map((dir) => ({
  suite: dir,
  file: path.join(ROOT, dir, '.reports/vitest.json'),
}));
const PLAYWRIGHT_REPORT = path.join(ROOT, 'e2e/.reports/playwright.json');

type Counts = { passed: number; failed: number; skipped: number };

/** How long each step took, printed with the summary (CI's budget is read from it). */
const timings: string[] = [];

function run(label: string, cmd: string, args: string[]): Promise<boolean> {
  process.stdout.write(`\n\x1b[1m== ${label}\x1b[0m\n`);
  const started = performance.now();
  const done = (ok: boolean) => {
    timings.push(`${label} ${((performance.now() - started) / 1000).toFixed(0)} s`);
    return ok;
  };
  return new Promise((resolve) => {
    const child = spawn(cmd, args, { cwd: ROOT, stdio: 'inherit', env: process.env });
    child.on('exit', (code) => resolve(done(code === 0)));
    child.on('error', () => resolve(done(false)));
  });
}

type VitestReport = { numPassedTests: number; numFailedTests: number; numPendingTests: number; numTodoTests: number };
type PlaywrightReport = { stats?: { expected: number; unexpected: number; flaky: number; skipped: number } };

function readJson<T>(file: string): T | null {
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as T;
  } catch {
    return null;
  }
}

function vitestCounts(file: string): Counts | null {
  const r = readJson<VitestReport>(file);
  if (!r) return null;
  return { passed: r.numPassedTests, failed: r.numFailedTests, skipped: r.numPendingTests + r.numTodoTests };
}

function playwrightCounts(file: string): Counts | null {
  const r = readJson<PlaywrightReport>(file);
  if (!r?.stats) return null;
  return { passed: r.stats.expected + r.stats.flaky, failed: r.stats.unexpected, skipped: r.stats.skipped };
}

for (const f of [...VITEST_REPORTS.map((r) => r.file), PLAYWRIGHT_REPORT]) rmSync(f, { force: true });

const checks: Array<[string, boolean]> = [];
checks.push(['lint (biome)', await run('lint (biome)', 'pnpm', ['exec', 'biome', 'check', '.'])]);
checks.push([
  'typecheck',
  await run('typecheck', 'pnpm', ['exec', 'turbo', 'run', 'typecheck', '--output-logs=errors-only']),
]);
const built = await run('build the dashboard', 'pnpm', ['exec', 'turbo', 'run', 'build', '--output-logs=errors-only']);
checks.push(['build', built]);
const unitOk = await run('unit and integration tests (vitest)', 'pnpm', [
  'exec',
  'turbo',
  'run',
  'test',
  '--filter=!@herald/e2e',
  '--concurrency=2',
  '--output-logs=full',
]);
const e2eOk = built ? await run('browser tests (playwright)', 'pnpm', ['--filter', '@herald/e2e', 'test']) : false;

const total: Counts = { passed: 0, failed: 0, skipped: 0 };
const lines: string[] = [];
const add = (suite: string, c: Counts | null, ok: boolean) => {
  if (!c) {
    // A suite that produced no report crashed before counting: that is one failure, never zero.
    total.failed += 1;
    lines.push(`  ${suite}: no report (the runner failed before counting)`);
    return;
  }
  total.passed += c.passed;
  total.failed += c.failed;
  total.skipped += c.skipped;
  lines.push(`  ${suite}: ${c.passed} passed, ${c.failed} failed${c.skipped ? `, ${c.skipped} skipped` : ''}`);
  if (!ok && c.failed === 0) total.failed += 1;
};
for (const r of VITEST_REPORTS) {
  if (existsSync(path.join(ROOT, r.suite, 'vitest.config.ts'))) add(r.suite, vitestCounts(r.file), unitOk);
}
add('e2e (chromium)', playwrightCounts(PLAYWRIGHT_REPORT), e2eOk);
for (const [name, ok] of checks) {
  if (!ok) {
    total.failed += 1;
    lines.push(`  ${name}: FAILED`);
  }
}

process.stdout.write(`\n\x1b[1m== summary\x1b[0m\n  took: ${timings.join(', ')}\n${lines.join('\n')}\n`);
process.stdout.write(
  `${total.passed} passed, ${total.failed} failed${total.skipped ? `, ${total.skipped} skipped` : ''}\n`,
);
process.exit(total.failed === 0 ? 0 : 1);
