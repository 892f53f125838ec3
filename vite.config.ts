import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

const apiTarget = process.env.API_URL ?? 'http://127.0.0.1:8080';

export default defineConfig(({ mode }) => ({
  plugins: [react()],
  define: {
    // the server-less demo build starts MSW and runs on the in-memory scenario
    __DEMO__: JSON.stringify(mode === 'demo'),
  },
  server: {
    host: '127.0.0.1',
    port: 5173,
    proxy: {
      '/api': apiTarget,
      '/socket.io': { target: apiTarget, ws: true },
    },
  },
  preview: { host: '127.0.0.1', port: 4173 },
  build: { sourcemap: true, chunkSizeWarningLimit: 1500 },
  worker: { format: 'es' },
}));
