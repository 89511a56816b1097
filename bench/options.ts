import { parseArgs } from 'node:util';

export type BenchOptions = {
  enterprises: number;
  iterations: number;
  warmup: number;
  caseSeconds: number;
  databaseUrl: string;
  maintenanceDatabase: string;
  fresh: boolean;
  explain: boolean;
  poolSize: number;
};

export const defaultDatabaseUrl = 'postgres://postgres@127.0.0.1:5432/inspecta_bench';

const usage = `Usage: npm run bench -- [options]

  --enterprises N         enterprises in the generated registry (default 1000000)
  --iterations N          timed requests per query and side, after warm-up (default 200)
  --warmup N              untimed requests per query and side first (default 20)
  --case-seconds S        time budget per query: stop the timed requests early once it is
                          spent, after at least 10 (default 60; the table shows n)
  --database-url URL      the bench database (default ${defaultDatabaseUrl});
                          created if missing, reused if it already holds N enterprises
  --maintenance-db NAME   database to connect to for CREATE/DROP DATABASE (default test)
  --pool-size N           connections in the API's pool and in the raw pool (default 10)
  --fresh                 drop and rebuild the bench database even if it could be reused
  --explain               also print EXPLAIN (ANALYZE, BUFFERS) of each case's two statements
  -h, --help              this text
`;

const positiveInteger = (name: string, value: string | undefined, fallback: number): number => {
  if (value === undefined) return fallback;
  const n = Number(value.replace(/_/g, ''));
  if (!Number.isInteger(n) || n < 1) throw new Error(`--${name} must be a positive integer, got "${value}"`);
  return n;
};

export const parseOptions = (argv: string[]): BenchOptions | null => {
  const { values } = parseArgs({
    args: argv,
    options: {
      enterprises: { type: 'string' },
      iterations: { type: 'string' },
      warmup: { type: 'string' },
      'case-seconds': { type: 'string' },
      'database-url': { type: 'string' },
      'maintenance-db': { type: 'string' },
      'pool-size': { type: 'string' },
      fresh: { type: 'boolean', default: false },
      explain: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
    strict: true,
  });
  if (values.help) {
    process.stdout.write(usage);
    return null;
  }
  return {
    enterprises: positiveInteger('enterprises', values.enterprises, 1_000_000),
    iterations: positiveInteger('iterations', values.iterations, 200),
    warmup: values.warmup === '0' ? 0 : positiveInteger('warmup', values.warmup, 20),
    caseSeconds: positiveInteger('case-seconds', values['case-seconds'], 60),
    databaseUrl: values['database-url'] ?? defaultDatabaseUrl,
    maintenanceDatabase: values['maintenance-db'] ?? 'test',
    poolSize: positiveInteger('pool-size', values['pool-size'], 10),
    fresh: values.fresh ?? false,
    explain: values.explain ?? false,
  };
};

export type RegradeBenchOptions = {
  enterprises: number;
  factsRatio: number;
  batchSize: number | undefined;
  databaseUrl: string;
  maintenanceDatabase: string;
  fresh: boolean;
};

const regradeUsage = `Usage: npm run bench:regrade -- [options]

  --enterprises N         enterprises in the generated registry (default 1000000); the database is
                          prepared exactly as for npm run bench, and shared with it
  --facts-ratio R         share of enterprises given accident / penalty / standardisation facts, so
                          grading has work (default 0.05; 0 removes the bench's facts)
  --batch-size N          rows per regrade batch (default: runRegrade's own)
  --database-url URL      the bench database (default ${defaultDatabaseUrl})
  --maintenance-db NAME   database to connect to for CREATE/DROP DATABASE (default test)
  --fresh                 drop and rebuild the bench database even if it could be reused
  -h, --help              this text
`;

export const parseRegradeOptions = (argv: string[]): RegradeBenchOptions | null => {
  const { values } = parseArgs({
    args: argv,
    options: {
      enterprises: { type: 'string' },
      'facts-ratio': { type: 'string' },
      'batch-size': { type: 'string' },
      'database-url': { type: 'string' },
      'maintenance-db': { type: 'string' },
      fresh: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
    strict: true,
  });
  if (values.help) {
    process.stdout.write(regradeUsage);
    return null;
  }
  const factsRatio = Number(values['facts-ratio'] ?? '0.05');
  if (!Number.isFinite(factsRatio) || factsRatio < 0 || factsRatio > 1) {
    throw new Error(`--facts-ratio must be a number from 0 to 1, got "${values['facts-ratio']}"`);
  }
  return {
    enterprises: positiveInteger('enterprises', values.enterprises, 1_000_000),
    factsRatio,
    batchSize:
      values['batch-size'] === undefined ? undefined : positiveInteger('batch-size', values['batch-size'], 0),
    databaseUrl: values['database-url'] ?? defaultDatabaseUrl,
    maintenanceDatabase: values['maintenance-db'] ?? 'test',
    fresh: values.fresh ?? false,
  };
};

export type DrawBenchOptions = {
  enterprises: number;
  officers: number;
  strata: number;
  percent: number;
  teamSize: number;
  repetitions: number;
  warmup: number;
  databaseUrl: string;
  maintenanceDatabase: string;
  fresh: boolean;
  keepRecord: string | undefined;
};

const drawUsage = `Usage: npm run bench:draw -- [options]

  --enterprises N         enterprises in the generated registry (default 1000000); the database is
                          prepared exactly as for npm run bench, and shared with it
  --officers N            officers with a certificate valid on the inspection date in the city
                          bureau's roster (default 20000); the bench adds its own to reach N
  --strata N              strata wanted (default 20); the nearest partition of the registry by
                          industry and county is used (see bench/README.md)
  --percent P             share drawn from every stratum, in percent (default 5)
  --team-size N           officers per enterprise (default 2)
  --repetitions N         timed repetitions of every side (default 5; the table shows medians)
  --warmup N              untimed repetitions first (default 1)
  --database-url URL      the bench database (default ${defaultDatabaseUrl})
  --maintenance-db NAME   database to connect to for CREATE/DROP DATABASE (default test)
  --fresh                 drop and rebuild the bench database even if it could be reused
  --keep-record FILE      also write the last record downloaded to FILE
  -h, --help              this text
`;

export const parseDrawOptions = (argv: string[]): DrawBenchOptions | null => {
  const { values } = parseArgs({
    args: argv,
    options: {
      enterprises: { type: 'string' },
      officers: { type: 'string' },
      strata: { type: 'string' },
      percent: { type: 'string' },
      'team-size': { type: 'string' },
      repetitions: { type: 'string' },
      warmup: { type: 'string' },
      'database-url': { type: 'string' },
      'maintenance-db': { type: 'string' },
      fresh: { type: 'boolean', default: false },
      'keep-record': { type: 'string' },
      help: { type: 'boolean', short: 'h', default: false },
    },
    strict: true,
  });
  if (values.help) {
    process.stdout.write(drawUsage);
    return null;
  }
  const percent = Number(values.percent ?? '5');
  if (!Number.isFinite(percent) || percent <= 0 || percent > 100) {
    throw new Error(`--percent must be a number above 0 and at most 100, got "${values.percent}"`);
  }
  const teamSize = positiveInteger('team-size', values['team-size'], 2);
  if (teamSize < 2) throw new Error('--team-size must be at least 2 (measure 12)');
  return {
    enterprises: positiveInteger('enterprises', values.enterprises, 1_000_000),
    officers: positiveInteger('officers', values.officers, 20_000),
    strata: positiveInteger('strata', values.strata, 20),
    percent,
    teamSize,
    repetitions: positiveInteger('repetitions', values.repetitions, 5),
    warmup: values.warmup === '0' ? 0 : positiveInteger('warmup', values.warmup, 1),
    databaseUrl: values['database-url'] ?? defaultDatabaseUrl,
    maintenanceDatabase: values['maintenance-db'] ?? 'test',
    fresh: values.fresh ?? false,
    keepRecord: values['keep-record'],
  };
};
