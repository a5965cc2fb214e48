import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import type { FullConfig } from '@playwright/test';

const WEB_DIR = path.resolve(import.meta.dirname, '../apps/web');
const TESTS_DIR = path.resolve(import.meta.dirname, 'tests');

function walk(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    return entry.isDirectory() ? walk(full) : [full];
  });
}

/** The servers serve apps/web/dist: it is stale when missing or older than its sources. */
function webBuildIsStale(): boolean {
  const built = path.join(WEB_DIR, 'dist/index.html');
  if (!existsSync(built)) return true;
  const builtAt = statSync(built).mtimeMs;
  const sources = [
    path.join(WEB_DIR, 'index.html'),
    path.join(WEB_DIR, 'vite.config.ts'),
    ...walk(path.join(WEB_DIR, 'src')),
  ];
  return sources.some((file) => statSync(file).mtimeMs > builtAt);
}

/** A spec using Playwright's own `test` would share a server with the previous file: refuse it. */
function specsUseTheServerPerFile(): void {
  const strays = walk(TESTS_DIR)
    .filter((file) => file.endsWith('.spec.ts'))
    .filter((file) => !readFileSync(file, 'utf8').includes("import { test } from '../fixtures/test.ts';"));
  if (strays.length > 0) {
    throw new Error(`these specs must import { test } from '../fixtures/test.ts':\n${strays.join('\n')}`);
  }
}

export default function globalSetup(_config: FullConfig): void {
  specsUseTheServerPerFile();
  if (webBuildIsStale()) execFileSync('pnpm', ['--filter', '@herald/web', 'build'], { stdio: 'inherit' });
}
