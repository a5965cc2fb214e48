import { defineConfig } from 'tsdown';

export default defineConfig({
  entry: ['src/index.ts'],
  format: 'esm',
  platform: 'neutral',
  tsconfig: 'tsconfig.build.json',
  dts: true,
  clean: true,
  // The router type and the error codes are inlined: a hub installs tRPC and nothing else.
  deps: { onlyImport: ['@trpc/client', '@trpc/server'] },
});
