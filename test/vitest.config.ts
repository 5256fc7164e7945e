import { resolve } from 'node:path';
import { defineConfig } from 'vitest/config';

const root = resolve(import.meta.dirname, '..');

export default defineConfig({
  root,
  resolve: {
    alias: {
      '@shared': resolve(root, 'shared'),
      '@renderer': resolve(root, 'renderer/src'),
    },
  },
  test: {
    include: ['test/unit/**/*.test.{ts,tsx}'],
    environment: 'node',
    // Renderer tests opt into a DOM per file with `// @vitest-environment jsdom`.
    setupFiles: [resolve(root, 'test/unit/setup.ts')],
    testTimeout: 20_000,
    pool: 'threads',
    // Every core (Vitest's default leaves one idle: on a 2-core machine, half the suite's speed).
    maxWorkers: '100%',
  },
});
