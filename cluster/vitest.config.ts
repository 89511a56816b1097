import { defineConfig } from 'vitest/config';

// The cluster's tests (scripts/cluster.mjs test): run against servers that script started, one file at a time.
export default defineConfig({
  test: {
    include: ['cluster/**/*.test.ts'],
    testTimeout: 180_000,
    hookTimeout: 180_000,
    fileParallelism: false,
    expect: { poll: { timeout: 20_000, interval: 200 } },
  },
});
