import { defineConfig } from 'vitest/config';

// Browser scenarios: one server for the run (global-setup.ts), Debian's Chromium driven by playwright-core.
export default defineConfig({
  test: {
    include: ['e2e/**/*.e2e.ts'],
    globalSetup: ['e2e/global-setup.ts'],
    testTimeout: 90_000,
    hookTimeout: 180_000,
    fileParallelism: false,
    // A scenario's expect.poll waits on a server and a browser that share two cores with another shard
    // (scripts/e2e.mjs): Vitest's default of one second is too short when the machine is busy.
    expect: { poll: { timeout: 20_000, interval: 100 } },
  },
});
