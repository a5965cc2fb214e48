import { defineConfig } from 'vitest/config';

/** The tests mutation testing runs for senders/ and net/: no database needed, loopback only. */
export default defineConfig({
  test: {
    include: ['src/senders/**/*.test.ts', 'src/net/**/*.test.ts', 'src/logger.test.ts', 'test/net/**/*.test.ts'],
    testTimeout: 30_000,
  },
});
