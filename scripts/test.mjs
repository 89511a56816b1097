// `npm test`: every unit and integration test (Vitest), then the browser scenarios (Playwright in
// Debian's Chromium) against a freshly built app, in side-by-side shards (scripts/e2e.mjs). With
// TEST_DATABASE_URL set, both run on PostgreSQL.
import { spawnSync } from 'node:child_process';

const run = (command, args) => {
  const result = spawnSync(command, args, { stdio: 'inherit' });
  if (result.status !== 0) process.exit(result.status ?? 1);
};

const database = process.env.TEST_DATABASE_URL ? `PostgreSQL (${process.env.TEST_DATABASE_URL})` : 'PGlite';
console.log(`\n▶ unit and integration tests on ${database}`);
run('npx', ['vitest', 'run']);
console.log(`\n▶ end-to-end scenarios on ${database}`);
run(process.execPath, ['scripts/e2e.mjs']);
