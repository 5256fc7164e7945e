import { resolve } from 'node:path';
import { defineConfig } from 'electron-vite';
import react from '@vitejs/plugin-react';

const alias = {
  '@shared': resolve(import.meta.dirname, 'shared'),
  '@renderer': resolve(import.meta.dirname, 'renderer/src'),
  // frappe-gantt 1.2 does not export its stylesheet path.
  'frappe-gantt/dist/frappe-gantt.css': resolve(
    import.meta.dirname,
    'node_modules/frappe-gantt/dist/frappe-gantt.css',
  ),
};

/**
 * Build output root. `PURSUIT_OUT` lets parallel checks (an e2e run beside a benchmark) build into
 * separate folders; the app itself always ships from `out/`.
 */
const out = resolve(import.meta.dirname, process.env.PURSUIT_OUT ?? 'out');

export default defineConfig({
  main: {
    resolve: { alias },
    build: {
      outDir: resolve(out, 'main'),
      rollupOptions: { input: { index: resolve(import.meta.dirname, 'electron/main/index.ts') } },
    },
  },
  preload: {
    resolve: { alias },
    build: {
      outDir: resolve(out, 'preload'),
      // A sandboxed preload must be one self-contained CommonJS file.
      externalizeDeps: false,
      isolatedEntries: true,
      rollupOptions: {
        input: { preload: resolve(import.meta.dirname, 'electron/preload/index.ts') },
        output: { format: 'cjs', entryFileNames: '[name].cjs', inlineDynamicImports: true },
      },
    },
  },
  renderer: {
    root: resolve(import.meta.dirname, 'renderer'),
    base: './',
    resolve: { alias },
    plugins: [react()],
    build: {
      outDir: resolve(out, 'renderer'),
      emptyOutDir: true,
      // electron-vite leaves the renderer unminified; minified code parses faster at every start.
      // `PURSUIT_PROFILE=1` keeps names readable in CPU profiles.
      minify: process.env.PURSUIT_PROFILE !== '1',
      chunkSizeWarningLimit: 4000,
      rollupOptions: {
        input: {
          index: resolve(import.meta.dirname, 'renderer/index.html'),
          // The benchmark's harness page exists only in builds made by `npm run bench`.
          ...(process.env.PURSUIT_BENCH === '1'
            ? { bench: resolve(import.meta.dirname, 'renderer/bench/index.html') }
            : {}),
        },
      },
    },
    preview: { host: '127.0.0.1' },
    server: { host: '127.0.0.1' },
  },
});
