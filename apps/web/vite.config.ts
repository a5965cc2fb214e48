import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

/** `pnpm dev` proxies the API to a server started with the default PORT (3000). */
const API_ORIGIN = 'http://127.0.0.1:3000';

export default defineConfig({
  plugins: [react()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
  },
  server: {
    proxy: {
      '/trpc': { target: API_ORIGIN, changeOrigin: false },
    },
  },
});
