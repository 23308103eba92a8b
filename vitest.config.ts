import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    globalSetup: ['test/temporary-root.ts', 'test/pg-cluster.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
