// npm run bench -- --enterprises 1000000
//
// Loads a generated enterprise registry into its own PostgreSQL database, serves the real Fastify app
// on a local socket, and times the enterprise search and list endpoint against the same two SQL
// statements sent directly with `pg`, in the same process and the same run. See bench/README.md.

import os from 'node:os';
import type { AddressInfo } from 'node:net';
import pg from 'pg';
import { buildApp } from '../server/src/app/build-app.ts';
import { openDatabase } from '../server/src/db/client.ts';
import type { Actor } from '../server/src/app/policy.ts';
import { parseOptions, type BenchOptions } from './options.ts';
import { prepareDatabase, type Preparation } from './database.ts';
import { apiPath, benchCases, rawStatements, type BenchUser, type Case, type Statement } from './queries.ts';
import { elapsedMilliseconds, elapsedSeconds, startClock, summarise, type Summary } from './stats.ts';
import { printTable } from './table.ts';

const demoPassword = 'Inspecta@2026';
const minimumIterations = 10;
const usernames: Record<BenchUser, string> = { city: 'city.inspector', pengjiang: 'pengjiang.inspector' };

type Session = { cookie: string; actor: Actor };

type Result = {
  benchCase: Case;
  matches: string;
  n: number;
  api: Summary;
  sql: Summary;
  sameSql: boolean;
};

const log = (line = '') => process.stdout.write(`${line}\n`);

const logIn = async (base: string, username: string): Promise<Session> => {
  const response = await fetch(`${base}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password: demoPassword }),
  });
  if (!response.ok)
    throw new Error(`login as ${username} failed: ${response.status} ${await response.text()}`);
  const body = (await response.json()) as { user: Actor };
  const setCookie = response.headers.getSetCookie().find((value) => value.startsWith('inspecta_session='));
  if (!setCookie) throw new Error(`login as ${username} set no session cookie`);
  return { cookie: setCookie.split(';')[0]!, actor: body.user };
};

// Records the statements the server's pool sends while `run` executes, by wrapping Pool#query for
// that moment only. Used once per case to confirm the baseline is the very SQL the API runs.
const captureStatements = async (run: () => Promise<void>): Promise<Statement[]> => {
  const captured: Statement[] = [];
  const prototype = pg.Pool.prototype as unknown as { query: (...args: unknown[]) => unknown };
  const own = Object.prototype.hasOwnProperty.call(prototype, 'query');
  const original = prototype.query;
  prototype.query = function (this: unknown, ...args: unknown[]) {
    const [config, values] = args;
    const text = typeof config === 'string' ? config : ((config as { text?: string }).text ?? '');
    captured.push({ text, values: Array.isArray(values) ? values : [] });
    return original.apply(this, args);
  };
  try {
    await run();
  } finally {
    if (own) prototype.query = original;
    else delete (prototype as { query?: unknown }).query;
  }
  return captured;
};

const sameStatements = (expected: Statement[], captured: Statement[]): boolean => {
  const key = (statement: Statement) => JSON.stringify([statement.text, statement.values]);
  const seen = new Set(captured.map(key));
  return expected.every((statement) => seen.has(key(statement)));
};

const formatMatches = (body: string): string => {
  const page = JSON.parse(body) as { total: number; totalIsLowerBound: boolean };
  return page.totalIsLowerBound ? `${page.total.toLocaleString('en')}+` : page.total.toLocaleString('en');
};

const ms = (value: number) => value.toFixed(2);

const run = async (options: BenchOptions) => {
  const preparation = await prepareDatabase(options);

  const database = await openDatabase({
    kind: 'postgresql',
    url: options.databaseUrl,
    poolSize: options.poolSize,
  });
  const raw = new pg.Pool({ connectionString: options.databaseUrl, max: options.poolSize });
  const app = await buildApp({
    ctx: { db: database.db, databaseKind: 'postgresql', clock: { now: () => new Date() }, version: 'bench' },
    sessionSecret: 'bench-session-secret-bench-session-secret',
    webDist: null,
  });
  try {
    await app.listen({ host: '127.0.0.1', port: 0 });
    const { port } = app.server.address() as AddressInfo;
    const base = `http://127.0.0.1:${port}`;
    const sessions: Record<BenchUser, Session> = {
      city: await logIn(base, usernames.city),
      pengjiang: await logIn(base, usernames.pengjiang),
    };

    const tail = await raw.query<{ tail: string }>(
      `SELECT right(credit_code, 10) AS tail FROM enterprises WHERE credit_code > '91440784' ORDER BY credit_code LIMIT 1`,
    );
    const cases = benchCases({ creditCodeTail: tail.rows[0]?.tail ?? '0000000000' });

    const settings = await raw.query<{
      version: string;
      shared_buffers: string;
      work_mem: string;
      workers: string;
    }>(
      `SELECT current_setting('server_version') AS version, current_setting('shared_buffers') AS shared_buffers,
              current_setting('work_mem') AS work_mem, current_setting('max_parallel_workers_per_gather') AS workers`,
    );
    const setting = settings.rows[0]!;
    log();
    log(
      `Enterprises: ${preparation.enterprises.toLocaleString('en')} in "${new URL(options.databaseUrl).pathname.slice(1)}"; ` +
        `PostgreSQL ${setting.version}, shared_buffers ${setting.shared_buffers}, work_mem ${setting.work_mem}, ` +
        `parallel workers per gather ${setting.workers}`,
    );
    log(
      `Requests: up to ${options.iterations} timed per case and side after up to ${options.warmup} warm-up, ` +
        `within ${options.caseSeconds} s per case (n = timed requests made)`,
    );
    log(
      `API: real HTTP — Fastify app.listen on 127.0.0.1:${port}, Node's fetch (undici, keep-alive), one request at a time, ` +
        `timed until the whole body is read; includes the session lookup every request makes`,
    );
    log(
      `SQL: the same page + capped-count statements via pg.Pool (both in parallel, as the repository does), ` +
        `timed until both result sets are parsed; pool size ${options.poolSize} on both sides`,
    );
    log(
      `Host: ${os.cpus().length} CPUs, Node ${process.version}, load average ${os
        .loadavg()
        .map((value) => value.toFixed(2))
        .join(' ')} at start`,
    );
    log();

    const results: Result[] = [];
    for (const benchCase of cases) {
      const session = sessions[benchCase.user];
      const url = `${base}${apiPath(benchCase.query)}`;
      const statements = rawStatements(database.db, session.actor, benchCase.query);
      let lastBody = '';
      const callApi = async () => {
        const response = await fetch(url, { headers: { cookie: session.cookie } });
        lastBody = await response.text();
        if (!response.ok) throw new Error(`${benchCase.label}: ${response.status} ${lastBody}`);
      };
      const callSql = async () => {
        await Promise.all(statements.map((statement) => raw.query(statement.text, statement.values)));
      };
      const time = async (call: () => Promise<void>) => {
        const clock = startClock();
        await call();
        return elapsedMilliseconds(clock);
      };

      const captured = await captureStatements(callApi);
      const sameSql = sameStatements(statements, captured);
      if (!sameSql) {
        log(`! ${benchCase.label}: the baseline differs from the SQL the API sent. API sent:`);
        for (const statement of captured) log(`    ${statement.text} -- ${JSON.stringify(statement.values)}`);
      }
      const matches = formatMatches(lastBody);

      // Warm-up and timed requests both stop early on a slow query: warm-up after a tenth of the
      // case's budget, timed requests once the budget is spent (but never before 10 of each).
      const budget = startClock();
      for (let i = 0; i < options.warmup; i += 1) {
        if (i > 0 && elapsedSeconds(budget) > options.caseSeconds / 10) break;
        await callApi();
        await callSql();
      }
      const apiTimes: number[] = [];
      const sqlTimes: number[] = [];
      for (let i = 0; i < options.iterations; i += 1) {
        if (i >= minimumIterations && elapsedSeconds(budget) > options.caseSeconds) break;
        // Alternate which side goes first so neither always runs on the other's warm cache.
        if (i % 2 === 0) {
          apiTimes.push(await time(callApi));
          sqlTimes.push(await time(callSql));
        } else {
          sqlTimes.push(await time(callSql));
          apiTimes.push(await time(callApi));
        }
      }
      const result = {
        benchCase,
        matches,
        n: apiTimes.length,
        api: summarise(apiTimes),
        sql: summarise(sqlTimes),
        sameSql,
      };
      results.push(result);
      process.stderr.write(
        `  ${benchCase.label}: API ${ms(result.api.median)} ms, SQL ${ms(result.sql.median)} ms\n`,
      );
    }

    report(preparation, results);

    if (options.explain) {
      for (const benchCase of cases) {
        const statements = rawStatements(database.db, sessions[benchCase.user].actor, benchCase.query);
        log();
        log(`== ${benchCase.label}`);
        for (const statement of statements) {
          const plan = await raw.query<{ 'QUERY PLAN': string }>(
            `EXPLAIN (ANALYZE, BUFFERS) ${statement.text}`,
            statement.values,
          );
          log(`-- ${statement.text} ${JSON.stringify(statement.values)}`);
          for (const row of plan.rows) log(row['QUERY PLAN']);
        }
      }
    }
  } finally {
    await app.close();
    await raw.end();
    await database.close();
  }
};

const report = (preparation: Preparation, results: Result[]) => {
  log();
  printTable(
    ['query', 'matches', 'n', 'API median', 'API p95', 'SQL median', 'SQL p95', 'ratio', 'API−SQL'],
    results.map(({ benchCase, matches, n, api, sql, sameSql }) => [
      `${benchCase.label}${sameSql ? '' : ' (!)'}`,
      matches,
      String(n),
      ms(api.median),
      ms(api.p95),
      ms(sql.median),
      ms(sql.p95),
      (api.median / sql.median).toFixed(2),
      ms(api.median - sql.median),
    ]),
  );
  log(
    'Times in milliseconds. ratio = API median / SQL median; API−SQL = the difference of the medians. ' +
      'matches = the total the API reports (its count stops at 10,000).',
  );
  log();

  if (preparation.reused) {
    log(
      `Load: reused the existing bench database, whose load took ${preparation.loadSeconds?.toFixed(1)} s ` +
        '(pass --fresh to rebuild and time it again).',
    );
  } else {
    log(`Load: ${preparation.loadSeconds?.toFixed(1)} s in all (${preparation.steps.join('; ')})`);
  }

  const over = results.filter((result) => result.api.median > result.sql.median * 1.5);
  const worst = [...results].sort((a, b) => b.api.median / b.sql.median - a.api.median / a.sql.median)[0]!;
  log(
    `Goal "API adds at most 50% over the raw query at the median": ` +
      (over.length === 0
        ? `met in all ${results.length} cases (worst ratio ${(worst.api.median / worst.sql.median).toFixed(2)}, ${worst.benchCase.label}).`
        : `NOT met in ${over.length} of ${results.length} cases: ` +
          over
            .map(
              (r) =>
                `${r.benchCase.label} ${(r.api.median / r.sql.median).toFixed(2)} (+${ms(r.api.median - r.sql.median)} ms)`,
            )
            .join('; ') +
          '.'),
  );

  const goalCases = results.filter((result) => result.benchCase.nameFragmentGoal);
  const slowest = [...goalCases].sort((a, b) => b.api.p95 - a.api.p95)[0];
  if (slowest) {
    const scale =
      preparation.enterprises >= 1_000_000
        ? ''
        : ` (the goal is stated at 1,000,000 enterprises; this run has ${preparation.enterprises.toLocaleString('en')})`;
    const failing = goalCases.filter((result) => result.api.p95 >= 50);
    log(
      `Goal "search by a fragment of 3+ characters under 50 ms p95 through the API": ` +
        (failing.length === 0
          ? `met; slowest p95 ${ms(slowest.api.p95)} ms (${slowest.benchCase.label})`
          : `NOT met in ${failing.length} of ${goalCases.length} cases: ` +
            failing.map((r) => `${r.benchCase.label} ${ms(r.api.p95)} ms`).join('; ')) +
        `${scale}.`,
    );
  }
  const short = results.filter((result) => result.benchCase.note === 'under 3 characters');
  if (short.length > 0) {
    log(
      `Fragments under 3 characters give pg_trgm no trigram, so the GIN index cannot narrow them and PostgreSQL ` +
        `reads rows in name order or scans the table: ` +
        short.map((r) => `${r.benchCase.label} p95 ${ms(r.api.p95)} ms`).join('; ') +
        '. They are reported, not counted toward the 50 ms goal.',
    );
  }
  if (results.some((result) => !result.sameSql)) {
    log(
      '(!) the baseline SQL differed from what the API sent for these cases; see the lines printed above the table.',
    );
  }
};

const options = parseOptions(process.argv.slice(2));
if (options) {
  run(options).catch((error: unknown) => {
    process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exitCode = 1;
  });
}
