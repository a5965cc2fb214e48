import { defineConfig } from 'tsdown';

export default defineConfig({
  entry: ['src/index.ts'],
  format: 'esm',
  platform: 'neutral',
  tsconfig: 'tsconfig.build.json',
  dts: true,
  clean: true,
  deps: {
    // The router type and the error codes are inlined: a hub installs tRPC and nothing else.
    onlyImport: ['@trpc/client', '@trpc/server'],
    neverBundle: ['zod'],
  },
  // core's errors module also builds zod schemas at load; the client uses only its plain tables.
  treeshake: { manualPureFunctions: ['z'], moduleSideEffects: 'no-external' },
});
