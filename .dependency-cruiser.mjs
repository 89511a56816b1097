// The boundaries of docs/architecture.md, checked by `npm run lint:deps` (and so by `npm run lint` and CI).
// Paths are relative to the repository root; a rule names what is forbidden and why.

// Tests, benchmarks and browser scenarios may reach past the doors (to build tables, to time SQL).
const tests = ['\\.test\\.ts$', '^server/test/', '^bench/', '^e2e/', '^cluster/', '^scripts/cluster\\.mjs$'];
const repositoryOrSchema = ['(^|/)repository\\.ts$', '\\.repository\\.ts$', '(^|/)schema\\.ts$'];
const moduleDoorOrTables = [
  '^server/src/modules/[^/]+/index\\.ts$',
  '^server/src/modules/[^/]+/schema\\.ts$',
];

/** @type {import('dependency-cruiser').IConfiguration} */
export default {
  forbidden: [
    {
      name: 'sql-only-in-repositories',
      severity: 'error',
      comment:
        'drizzle-orm (and so SQL) belongs in a repository.ts, a *.repository.ts, a schema.ts or server/src/platform/db: ' +
        'move the query into the module repository and call it from the service.',
      from: { pathNot: [...repositoryOrSchema, '^server/src/platform/db/', ...tests] },
      to: { path: '(^|/)node_modules/drizzle-orm(/|$)' },
    },
    {
      name: 'database-driver-only-in-platform-db',
      severity: 'error',
      comment: 'The PostgreSQL drivers (pg, PGlite) are opened by server/src/platform/db alone.',
      from: { pathNot: ['^server/src/platform/db/', ...tests] },
      to: { path: '(^|/)node_modules/(pg|@electric-sql/pglite)(/|$)' },
    },
    {
      name: 'module-through-its-door',
      severity: 'error',
      comment:
        "A module uses another module only through that module's index.ts: export what you need there, " +
        'or move it into the domain if it is a rule.',
      from: { path: '^server/src/modules/([^/]+)/', pathNot: [...repositoryOrSchema, ...tests] },
      to: {
        path: '^server/src/modules/[^/]+/',
        pathNot: ['^server/src/modules/$1/', '^server/src/modules/[^/]+/index\\.ts$'],
      },
    },
    {
      name: 'repository-through-door-or-tables',
      severity: 'error',
      comment:
        "A repository or schema may join another module's tables (its schema.ts) for a query or a foreign key; " +
        'anything else goes through index.ts.',
      from: {
        path: '^server/src/modules/([^/]+).*(/repository|\\.repository|/schema)\\.ts$',
        pathNot: tests,
      },
      to: {
        path: '^server/src/modules/[^/]+/',
        pathNot: ['^server/src/modules/$1/', ...moduleDoorOrTables],
      },
    },
    {
      name: 'composition-through-the-door',
      severity: 'error',
      comment:
        'app.ts, schedule.ts, main.ts, the CLI and the demo compose modules through their index.ts ' +
        '(and may name their tables, schema.ts).',
      from: { path: ['^server/src/[^/]+\\.ts$', '^server/src/(cli|demo)/'], pathNot: tests },
      to: { path: '^server/src/modules/[^/]+/', pathNot: moduleDoorOrTables },
    },
    {
      name: 'no-module-cycles',
      severity: 'error',
      comment:
        'Modules must not depend on each other in a cycle: one of them owns the shared thing, or it moves to ' +
        'the domain or the platform. (An import from one module into another that lies on a cycle of imports; ' +
        '`npm run deps:graph -- --check` also refuses cycles of the module graph itself.)',
      from: { path: '^server/src/modules/([^/]+)/' },
      to: { path: '^server/src/modules/[^/]+/', pathNot: '^server/src/modules/$1/', circular: true },
    },
    {
      name: 'platform-below-modules',
      severity: 'error',
      comment:
        "The platform serves every module and knows none of them; it may name a module's tables (schema.ts) " +
        'for a foreign key and nothing else.',
      from: { path: '^server/src/platform/', pathNot: tests },
      to: { path: '^server/src/modules/', pathNot: '^server/src/modules/[^/]+/schema\\.ts$' },
    },
    {
      name: 'domain-stays-in-its-workspace',
      severity: 'error',
      comment:
        'The domain is pure: it imports its own files, its npm dependencies and the catalogue ' +
        '(through @inspecta/catalog), nothing of the server, the web or the scripts.',
      from: { path: '^domain/' },
      to: { pathNot: ['^domain/', '^catalog/', '(^|/)node_modules/'], dependencyTypesNot: ['core'] },
    },
    {
      name: 'domain-reads-the-catalog-package',
      severity: 'error',
      comment: 'The domain reads catalog/*.json as @inspecta/catalog/<file>.json, not by a relative path.',
      from: { path: '^domain/' },
      to: { path: '^catalog/', dependencyTypes: ['local'] },
    },
    {
      name: 'domain-does-no-io',
      severity: 'error',
      comment: 'The domain does no I/O: files, network, processes and the clock are the server’s.',
      from: { path: '^domain/', pathNot: tests },
      to: {
        dependencyTypes: ['core'],
        path: '^(node:)?(fs|fs/promises|net|http|https|http2|child_process|worker_threads|cluster|dgram|dns|tls|os|process)$',
      },
    },
    {
      name: 'web-never-imports-server',
      severity: 'error',
      comment:
        'The web talks to the server over HTTP (its types come from the OpenAPI document), never by import.',
      from: { path: '^web/' },
      to: { path: '^server/' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    // the test's fixture holds deliberately bad imports
    exclude: { path: ['^web/dist/', '^server/drizzle/', '^var/', '^scripts/boundaries/fixture/'] },
    // type-only imports are dependencies of the design too
    tsPreCompilationDeps: true,
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
      extensions: ['.ts', '.tsx', '.js', '.mjs', '.json'],
    },
    reporterOptions: {
      text: { highlightFocused: true },
    },
  },
};
