import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

/**
 * Builds a bench-only page (never part of the app bundle): BENCH_PAGE=baseline (react-leaflet +
 * Leaflet.markercluster) under /bench-baseline/, or BENCH_PAGE=ours (the product's MapPanel alone) under /bench-ours/.
 */
const page = process.env.BENCH_PAGE === 'ours' ? 'ours' : 'baseline';
export default defineConfig({
  root: fileURLToPath(new URL(`./${page}`, import.meta.url)),
  base: `/bench-${page}/`,
  plugins: [react()],
  define: { __DEMO__: 'false' },
  logLevel: 'warn',
  worker: { format: 'es' },
  build: { emptyOutDir: true, chunkSizeWarningLimit: 5000 },
});
