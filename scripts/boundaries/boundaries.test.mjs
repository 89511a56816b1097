import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { cruiseWithRules, moduleCyclesOf, moduleGraph, root, violationsOf } from './cruise.mjs';

// The fixture (scripts/boundaries/fixture) is a tiny repository whose files name their own bad imports.
const fixture = await cruiseWithRules({
  baseDir: path.join(root, 'scripts/boundaries/fixture'),
  folders: ['catalog', 'domain', 'server', 'web'],
});
const refused = violationsOf(fixture).map(
  ({ rule, from, to }) => `${rule}: ${from} → ${to.replace(/^(\.\.\/)+/, '')}`,
);

describe('the boundaries lint (npm run lint:deps)', () => {
  it('refuses each deliberately bad import of the fixture and nothing else', () => {
    expect(refused.sort()).toEqual([
      'composition-through-the-door: server/src/cli/tool.ts → server/src/modules/beta/service.ts',
      'database-driver-only-in-platform-db: server/src/modules/alpha/repository.ts → node_modules/pg/esm/index.mjs',
      'domain-does-no-io: domain/src/rule.ts → fs',
      'domain-reads-the-catalog-package: domain/src/rule.ts → catalog/sample.json',
      'domain-stays-in-its-workspace: domain/src/rule.ts → server/src/modules/alpha/index.ts',
      'module-through-its-door: server/src/modules/alpha/service.ts → server/src/modules/beta/schema.ts',
      'module-through-its-door: server/src/modules/alpha/service.ts → server/src/modules/beta/service.ts',
      'no-module-cycles: server/src/modules/alpha/service.ts → server/src/modules/beta/index.ts',
      'no-module-cycles: server/src/modules/alpha/service.ts → server/src/modules/beta/service.ts',
      'platform-below-modules: server/src/platform/http/setup.ts → server/src/modules/alpha/index.ts',
      'repository-through-door-or-tables: server/src/modules/alpha/repository.ts → server/src/modules/beta/service.ts',
      'sql-only-in-repositories: server/src/modules/alpha/service.ts → node_modules/drizzle-orm/index.d.ts',
      'web-never-imports-server: web/src/page.ts → server/src/modules/alpha/index.ts',
    ]);
  });

  it('finds the cycle between the two modules in the module graph', () => {
    expect(moduleCyclesOf(moduleGraph(fixture))).toEqual([['modules/alpha', 'modules/beta']]);
  });
});
