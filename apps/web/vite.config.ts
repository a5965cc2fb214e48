import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { precompress } from './build/precompress.ts';

/** `pnpm dev` proxies the API to a server started with the default PORT (3000). */
const API_ORIGIN = 'http://127.0.0.1:3000';

export default defineConfig({
  // Static files are served precompressed (brotli, gzip): see build/precompress.ts.
  plugins: [react(), precompress()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // The lazily loaded charts chunk (recharts) is ~510 kB minified, 145 kB gzipped; the API
    // reference's viewer (Scalar, loaded only on that page) is one ~1.6 MB chunk, 470 kB gzipped.
    chunkSizeWarningLimit: 1700,
    rolldownOptions: {
      output: {
        // Libraries change less often than the app: separate chunks stay cached across releases.
        codeSplitting: {
          groups: [
            // The first four hold what the first page load needs ($initial) only: a library that
            // only a lazily loaded page uses (the API reference's Scalar, ~4.5 MB) stays in that page's chunks.
            { name: 'react', test: /node_modules[\\/](react|react-dom|scheduler)[\\/]/, tags: ['$initial'] },
            { name: 'mantine', test: /node_modules[\\/](@mantine|@floating-ui)[\\/]/, tags: ['$initial'] },
            { name: 'data', test: /node_modules[\\/](@tanstack|@trpc|zod)[\\/]/, tags: ['$initial'] },
            { name: 'vendor', test: /node_modules[\\/]/, tags: ['$initial'] },
            // Only the Overview draws charts: their own chunk, loaded with that page. Last: a group
            // also takes its modules' dependencies, so placed first it took React and the rest of
            // the first page's libraries, and index.html preloaded it.
            {
              name: 'charts',
              test: /node_modules[\\/](@mantine[\\/]charts|recharts|d3-[^\\/]+|victory-vendor)[\\/]/,
            },
          ],
        },
      },
    },
  },
  server: {
    proxy: {
      '/trpc': { target: API_ORIGIN, changeOrigin: false },
    },
  },
});
