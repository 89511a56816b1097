import { defineConfig } from 'vitest/config';

// One runner for the repo. Pure domain tests need no database; server tests get a fresh database per
// file (PGlite in memory, or a new PostgreSQL database cloned from a migrated template when
// DATABASE_URL is set: see server/test/global-setup.ts).
export default defineConfig({
  test: {
    include: ['domain/**/*.test.ts', 'server/**/*.test.ts', 'web/src/**/*.test.ts', 'scripts/**/*.test.mjs'],
    exclude: ['**/node_modules/**', 'scripts/boundaries/fixture/**'],
    globalSetup: ['server/test/global-setup.ts'],
    setupFiles: ['server/test/statement-scope-setup.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
    expect: { poll: { timeout: 10_000 } },
    // Vitest's default on two cores is one file at a time, which leaves a core idle while a test waits on
    // its database; every file has its own database, so two run side by side (TEST_WORKERS to change it).
    maxWorkers: Number.parseInt(process.env.TEST_WORKERS ?? '2', 10) || 2,
  },
});
