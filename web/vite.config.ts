import path from 'node:path';
import { defineConfig } from 'vite';

// The console is built into static files (web/dist) that every member server serves at `/`. It imports the
// wire contract's sources for its types and formats; nothing else of the repository.
export default defineConfig({
  root: __dirname,
  base: '/',
  resolve: { alias: { '@carbon-ets/contract': path.resolve(__dirname, '../contract/src/index.ts') } },
  esbuild: { jsx: 'automatic' },
  build: { outDir: 'dist', emptyOutDir: true, sourcemap: true, chunkSizeWarningLimit: 1500 },
  server: { proxy: { '/api': 'http://127.0.0.1:9090', '/openapi.json': 'http://127.0.0.1:9090' } },
});
