import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { defineConfig, devices } from '@playwright/test';
import { ADMIN_TOKEN, BASE_URL, DATA_DIR, FAKE_TELEGRAM_PORT, PORT } from './fixtures/env.ts';

const WEB_DIR = path.resolve(import.meta.dirname, '../apps/web');

/** Chromium from CHROMIUM_PATH, else the system one, else Playwright's own download. */
function chromiumPath(): string | undefined {
  if (process.env.CHROMIUM_PATH) return process.env.CHROMIUM_PATH;
  return existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined;
}

/** The server serves apps/web/dist: build it when it is missing or older than its sources. */
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

function walk(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    return entry.isDirectory() ? walk(full) : [full];
  });
}

const serve = 'node ../apps/server/src/main.ts';
const isRunner = process.env.TEST_WORKER_INDEX === undefined;

export default defineConfig({
  testDir: 'tests',
  fullyParallel: false,
  forbidOnly: !!process.env.CI,
  retries: 0, // a retry would sign in again; keep well under the login rate limit
  reporter: [['list'], ['json', { outputFile: '.reports/playwright.json' }]],
  globalSetup: './global-setup.ts',
  timeout: 30_000,
  expect: { timeout: 10_000 },
  use: {
    baseURL: BASE_URL,
    locale: 'en-US',
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    launchOptions: {
      executablePath: chromiumPath(),
      args: ['--disable-gpu', '--disable-quic'],
    },
  },
  projects: [
    { name: 'chromium', use: { ...devices['Desktop Chrome'] }, testIgnore: /screenshots\.spec\.ts/ },
    // Last, so every page shows what the other specs left behind.
    {
      name: 'screenshots',
      use: { ...devices['Desktop Chrome'] },
      testMatch: /screenshots\.spec\.ts/,
      dependencies: ['chromium'],
    },
  ],
  webServer: {
    command: isRunner && webBuildIsStale() ? `pnpm --filter @herald/web build && ${serve}` : serve,
    url: `${BASE_URL}/readyz`,
    timeout: 120_000,
    reuseExistingServer: false,
    stdout: 'ignore',
    stderr: 'pipe',
    gracefulShutdown: { signal: 'SIGTERM', timeout: 15_000 },
    env: {
      DATA_DIR,
      ADMIN_TOKEN,
      PORT,
      HOST: '127.0.0.1',
      LOG_LEVEL: 'warn',
      OUTBOUND_ALLOW_CIDRS: '127.0.0.0/8',
      TELEGRAM_API_BASE_URL: `http://127.0.0.1:${FAKE_TELEGRAM_PORT}`,
    },
  },
});
