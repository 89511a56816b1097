// npm run bench -- --enterprises 1000000
//
// Loads a generated enterprise registry into its own PostgreSQL database, serves the real Fastify app
// on a local socket, and times the enterprise search and list endpoint against a replay, directly with
// `pg`, of the very statements the server sent for that request, in the same process and the same run.
// See bench/README.md.

import os from 'node:os';
import type { AddressInfo } from 'node:net';
import pg from 'pg';
import { buildApp } from '../server/src/app.ts';
import { openDatabase } from '../server/src/platform/db/client.ts';
import type { Actor } from '../server/src/platform/policy/policy.ts';
import { parseOptions, type BenchOptions } from './options.ts';
import { prepareDatabase, type Preparation } from './database.ts';
import { apiPath, benchCases, type BenchUser, type Case } from './queries.ts';
import {
  captureStatements,
  pageStatementKind,
  planReplay,
  replay,
  sameStatements,
  type ReplayPlan,
  type SentStatement,
} from './replay.ts';
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
  plan: ReplayPlan;
  // Why the replay may not be what the server did (empty: it is).
  problems: string[];
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

type ListBody = { items: unknown[]; total: number; totalIsLowerBound: boolean };

const formatMatches = (page: ListBody): string =>
  page.totalIsLowerBound ? `${page.total.toLocaleString('en')}+` : page.total.toLocaleString('en');

const describePlan = (plan: ReplayPlan): string => plan.page.map(pageStatementKind).join('+') || '-';

const printStatements = (statements: readonly SentStatement[]) => {
  for (const statement of statements) log(`    ${statement.text} -- ${JSON.stringify(statement.values)}`);
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
      `SQL: a replay via pg.Pool of the statements the server sent for that request (captured from its pool: ` +
        `same text, parameters and query config), the page statements one after another in parallel with the ` +
        `capped count, as the repository sends them, timed until every result set is parsed; ` +
        `pool size ${options.poolSize} on both sides`,
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
      let lastBody = '';
      const callApi = async () => {
        const response = await fetch(url, { headers: { cookie: session.cookie } });
        lastBody = await response.text();
        if (!response.ok) throw new Error(`${benchCase.label}: ${response.status} ${lastBody}`);
      };
      // What the server sends for this request, captured once; the baseline replays it.
      const captured = await captureStatements(callApi);
      const plan = planReplay(captured);
      const body = JSON.parse(lastBody) as ListBody;
      const problems = [...plan.problems];
      const replayed = await replay(raw, plan);
      if (replayed.pageRows !== body.items.length || replayed.total !== body.total) {
        problems.push(
          `the replay returned ${replayed.pageRows} rows and a total of ${replayed.total}, ` +
            `the API ${body.items.length} rows and ${body.total}`,
        );
      }
      const callSql = async () => {
        await replay(raw, plan);
      };
      const time = async (call: () => Promise<void>) => {
        const clock = startClock();
        await call();
        return elapsedMilliseconds(clock);
      };

      const matches = formatMatches(body);

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
      // The replay stands for every timed request only if the server kept sending the same statements.
      const after = planReplay(await captureStatements(callApi));
      if (
        !sameStatements(
          [...plan.page, ...(plan.count ? [plan.count] : [])],
          [...after.page, ...(after.count ? [after.count] : [])],
        )
      ) {
        problems.push('the server sent other statements after the timed requests than before them');
      }
      if (problems.length > 0) {
        log(`! ${benchCase.label}: ${problems.join('; ')}. The server sent:`);
        printStatements(captured);
      }
      const result: Result = {
        benchCase,
        matches,
        n: apiTimes.length,
        api: summarise(apiTimes),
        sql: summarise(sqlTimes),
        plan,
        problems,
      };
      results.push(result);
      process.stderr.write(
        `  ${benchCase.label}: API ${ms(result.api.median)} ms, SQL ${ms(result.sql.median)} ms\n`,
      );
    }

    report(preparation, results);

    if (options.explain) {
      for (const { benchCase, plan } of results) {
        log();
        log(`== ${benchCase.label}`);
        for (const statement of [...plan.page, ...(plan.count ? [plan.count] : [])]) {
          const explained = await raw.query<{ 'QUERY PLAN': string }>(
            `EXPLAIN (ANALYZE, BUFFERS) ${statement.text}`,
            statement.values,
          );
          log(`-- ${statement.text} ${JSON.stringify(statement.values)}`);
          for (const row of explained.rows) log(row['QUERY PLAN']);
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
    [
      'query',
      'matches',
      'page SQL',
      'n',
      'API median',
      'API p95',
      'SQL median',
      'SQL p95',
      'ratio',
      'API−SQL',
    ],
    results.map(({ benchCase, matches, n, api, sql, plan, problems }) => [
      `${benchCase.label}${problems.length === 0 ? '' : ' (!)'}`,
      matches,
      describePlan(plan),
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
      'matches = the total the API reports (its count stops at 10,000). page SQL = the page statements the ' +
      'server sent, in order (probe: the first 5,000 rows in name order; fallback: through the trigram index, or the pair index for two characters; ' +
      'page: the plain list query); the capped count ran beside them.',
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
  if (preparation.migrations) {
    log(
      `Migrations: applied ${preparation.migrations.applied} pending migration(s) on the reused database in ` +
        `${preparation.migrations.seconds.toFixed(1)} s, then VACUUM ANALYZE in ${preparation.migrations.vacuumSeconds.toFixed(1)} s.`,
    );
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
      `Goal "search by a fragment of 2+ characters under 50 ms p95 through the API" (issue 18 item 1): ` +
        (failing.length === 0
          ? `met; slowest p95 ${ms(slowest.api.p95)} ms (${slowest.benchCase.label})`
          : `NOT met in ${failing.length} of ${goalCases.length} cases: ` +
            failing.map((r) => `${r.benchCase.label} ${ms(r.api.p95)} ms`).join('; ')) +
        `${scale}.`,
    );
  }
  if (results.some((result) => result.problems.length > 0)) {
    log(
      '(!) the replay may not match what the server did for these cases; see the lines printed above the table.',
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
