import pg from 'pg';
import { validateCreditCode } from '@inspecta/domain';
import { openDatabase } from '../server/src/platform/db/client.ts';
import { seedDemoData } from '../server/src/demo/seed.ts';
import { creditCheckFunctionSql, registryInsertSql, registryParameters } from './registry.ts';
import { elapsedSeconds, startClock } from './stats.ts';

// The bench owns exactly one database, marked with a comment. It creates it when missing and drops
// it only when the marker is there, so a mistyped --database-url cannot destroy other data. Once the
// registry is fully loaded the comment also records its size, so an interrupted load is never reused.
const marker = 'inspecta bench database (npm run bench); safe to drop';
const completeMarker = (enterprises: number, seconds: number) =>
  `${marker}; loaded ${enterprises} enterprises in ${seconds.toFixed(1)} s`;
const completePattern = /; loaded (\d+) enterprises in ([\d.]+) s$/;
const batchRows = 100_000;

export type Preparation = {
  reused: boolean;
  enterprises: number;
  // For a reused database, the load time recorded when it was built.
  loadSeconds: number | null;
  // For a reused database, the migrations applied now (null when none was pending) and their time.
  migrations: { applied: number; seconds: number; vacuumSeconds: number } | null;
  steps: string[];
};

const quoteIdentifier = (name: string) => `"${name.replace(/"/g, '""')}"`;

const databaseName = (url: string): string => {
  const name = decodeURIComponent(new URL(url).pathname.replace(/^\//, ''));
  if (!name) throw new Error(`--database-url must name a database: ${url}`);
  return name;
};

const withDatabase = (url: string, name: string): string => {
  const parsed = new URL(url);
  parsed.pathname = `/${encodeURIComponent(name)}`;
  return parsed.toString();
};

const withClient = async <T>(url: string, run: (client: pg.Client) => Promise<T>): Promise<T> => {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await run(client);
  } finally {
    await client.end();
  }
};

const countEnterprises = async (url: string): Promise<number | null> =>
  withClient(url, async (client) => {
    const table = await client.query<{ present: boolean }>(
      `SELECT to_regclass('public.enterprises') IS NOT NULL AS present`,
    );
    if (!table.rows[0]?.present) return null;
    const users = await client.query<{ n: string }>(`SELECT count(*) AS n FROM users`);
    if (Number(users.rows[0]?.n ?? 0) === 0) return null;
    const counted = await client.query<{ n: string }>(`SELECT count(*) AS n FROM enterprises`);
    return Number(counted.rows[0]?.n ?? 0);
  });

// How many migrations drizzle has recorded as applied (0 before the first).
const appliedMigrations = async (url: string): Promise<number> =>
  withClient(url, async (client) => {
    const table = await client.query<{ present: boolean }>(
      `SELECT to_regclass('drizzle.__drizzle_migrations') IS NOT NULL AS present`,
    );
    if (!table.rows[0]?.present) return 0;
    const counted = await client.query<{ n: string }>(
      `SELECT count(*) AS n FROM drizzle.__drizzle_migrations`,
    );
    return Number(counted.rows[0]?.n ?? 0);
  });

const log = (line: string) => process.stdout.write(`${line}\n`);

// Creates (or re-creates) the bench database, or leaves it as it is when it already holds the
// requested registry.
export const prepareDatabase = async (options: {
  databaseUrl: string;
  maintenanceDatabase: string;
  enterprises: number;
  fresh: boolean;
}): Promise<Preparation> => {
  const name = databaseName(options.databaseUrl);
  const maintenanceUrl = withDatabase(options.databaseUrl, options.maintenanceDatabase);
  if (name === options.maintenanceDatabase)
    throw new Error('the bench database cannot be the maintenance database');

  const existing = await withClient(maintenanceUrl, async (client) => {
    const found = await client.query<{ comment: string | null }>(
      `SELECT shobj_description(oid, 'pg_database') AS comment FROM pg_database WHERE datname = $1`,
      [name],
    );
    return found.rows[0] ? { comment: found.rows[0].comment } : null;
  });

  if (existing) {
    if (!existing.comment?.startsWith(marker)) {
      throw new Error(
        `database "${name}" exists and was not created by the bench (no marker comment); ` +
          'choose another --database-url or drop it yourself',
      );
    }
    const complete = completePattern.exec(existing.comment);
    if (!options.fresh && complete && Number(complete[1]) === options.enterprises) {
      // Apply any migration added since the database was built; the registry itself is kept. A migration
      // that rewrites the enterprise table (a new generated column, a new index) takes minutes at a
      // million rows, so it is timed and reported.
      const before = await appliedMigrations(options.databaseUrl);
      const clock = startClock();
      const database = await openDatabase({ kind: 'postgresql', url: options.databaseUrl, poolSize: 1 });
      await database.migrate().finally(() => database.close());
      const seconds = elapsedSeconds(clock);
      const applied = (await appliedMigrations(options.databaseUrl)) - before;
      let migrations: Preparation['migrations'] = null;
      if (applied > 0) {
        log(`  applied ${applied} pending migration${applied === 1 ? '' : 's'} in ${seconds.toFixed(1)} s`);
        // A rewritten table has no statistics for its new columns and an empty visibility map.
        const vacuum = startClock();
        await withClient(options.databaseUrl, (client) => client.query(`VACUUM (ANALYZE) enterprises`));
        const vacuumSeconds = elapsedSeconds(vacuum);
        log(`  VACUUM ANALYZE enterprises: ${vacuumSeconds.toFixed(1)} s`);
        migrations = { applied, seconds, vacuumSeconds };
      }
      const n = await countEnterprises(options.databaseUrl);
      if (n === options.enterprises) {
        log(
          `Reusing database "${name}": it holds ${n.toLocaleString('en')} enterprises (--fresh rebuilds it).`,
        );
        return { reused: true, enterprises: n, loadSeconds: Number(complete[2]), migrations, steps: [] };
      }
    }
    if (!options.fresh) {
      log(
        `Database "${name}" ${complete ? `holds ${Number(complete[1]).toLocaleString('en')} enterprises` : 'has no complete registry'}; rebuilding.`,
      );
    }
    await withClient(maintenanceUrl, (client) => client.query(`DROP DATABASE ${quoteIdentifier(name)}`));
  }
  await withClient(maintenanceUrl, async (client) => {
    await client.query(`CREATE DATABASE ${quoteIdentifier(name)}`);
    await client.query(`COMMENT ON DATABASE ${quoteIdentifier(name)} IS '${marker}'`);
  });

  const total = startClock();
  const steps: string[] = [];
  const step = async <T>(label: string, run: () => Promise<T>): Promise<T> => {
    const clock = startClock();
    const result = await run();
    const line = `${label}: ${elapsedSeconds(clock).toFixed(1)} s`;
    steps.push(line);
    log(`  ${line}`);
    return result;
  };

  log(`Building database "${name}" with ${options.enterprises.toLocaleString('en')} enterprises`);
  const database = await openDatabase({ kind: 'postgresql', url: options.databaseUrl, poolSize: 2 });
  try {
    await step('migrations', () => database.migrate());
    await step('demo organisations, officers and users', () =>
      seedDemoData(
        { db: database.db, databaseKind: 'postgresql', clock: { now: () => new Date() }, version: 'bench' },
        { enterprises: 0 },
      ),
    );
  } finally {
    await database.close();
  }

  await withClient(options.databaseUrl, async (client) => {
    await client.query(`SET synchronous_commit = off`);
    await client.query(`SET maintenance_work_mem = '1GB'`);
    // The secondary indexes are dropped for the load and rebuilt afterwards from their own definitions
    // (the primary key and the unique credit code stay: they guard the data).
    const indexes = await client.query<{ name: string; definition: string }>(`
      SELECT c.relname AS name, pg_get_indexdef(i.indexrelid) AS definition
      FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid
      WHERE i.indrelid = 'public.enterprises'::regclass
        AND NOT EXISTS (SELECT 1 FROM pg_constraint k WHERE k.conindid = i.indexrelid)
      ORDER BY c.relname`);
    for (const index of indexes.rows) await client.query(`DROP INDEX ${quoteIdentifier(index.name)}`);

    const demo = await client.query<{ n: string }>(`SELECT count(*) AS n FROM enterprises`);
    const demoRows = Number(demo.rows[0]?.n ?? 0);
    if (options.enterprises < demoRows) {
      throw new Error(
        `--enterprises must be at least ${demoRows}, the demo showcase enterprises the seed always creates`,
      );
    }
    const toGenerate = options.enterprises - demoRows;
    await client.query(creditCheckFunctionSql());
    const sql = registryInsertSql();
    const parameters = registryParameters();
    await step(
      `generate ${toGenerate.toLocaleString('en')} enterprises (plus ${demoRows} demo showcase rows)`,
      async () => {
        for (let first = 1; first <= toGenerate; first += batchRows) {
          const last = Math.min(toGenerate, first + batchRows - 1);
          await client.query(sql, [first, last, ...parameters]);
          if (toGenerate > batchRows) process.stdout.write(`    ${last.toLocaleString('en')} rows\r`);
        }
      },
    );
    for (const index of indexes.rows) {
      await step(`index ${index.name}`, () => client.query(index.definition));
    }
    await step('VACUUM ANALYZE', async () => {
      await client.query(`VACUUM (ANALYZE) enterprises`);
      await client.query(`ANALYZE`);
    });

    // The SQL check character against the domain's own validator, on a sample spread over the table.
    const sample = await client.query<{ credit_code: string }>(
      `SELECT credit_code FROM enterprises TABLESAMPLE SYSTEM (1) REPEATABLE (7) LIMIT 5000`,
    );
    const invalid = sample.rows.filter((row) => !validateCreditCode(row.credit_code).ok);
    if (invalid.length > 0) {
      throw new Error(`generated credit codes fail GB 32100 validation, e.g. ${invalid[0]!.credit_code}`);
    }
    log(`  credit codes: ${sample.rows.length} sampled, all valid (GB 32100 check character)`);
  });

  const n = await countEnterprises(options.databaseUrl);
  if (n !== options.enterprises)
    throw new Error(`expected ${options.enterprises} enterprises after loading, found ${n}`);
  const loadSeconds = elapsedSeconds(total);
  await withClient(maintenanceUrl, (client) =>
    client.query(`COMMENT ON DATABASE ${quoteIdentifier(name)} IS '${completeMarker(n, loadSeconds)}'`),
  );
  return { reused: false, enterprises: n, loadSeconds, migrations: null, steps };
};
