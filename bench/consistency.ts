// `npm run bench:consistency`: the consistency panel of a penalty case (measure 18, issue 15 item 8) over
// 100,000 past decisions. Beside each proposal the case page shows the spread of past decisions for the same
// violation and tier in the territory and in the city; the goal is ≤ 100 ms p95 through the API. The case page
// (GET /penalty-cases/:id, real HTTP, one request at a time) is timed next to the panel's own two queries run
// directly on the same database in the same run, so the ratio says what the API adds around them.
import { parseArgs } from 'node:util';
import type { AddressInfo } from 'node:net';
import pg from 'pg';
import { sql } from 'drizzle-orm';
import { violationCatalog } from '@inspecta/domain';
import { buildApp } from '../server/src/app.ts';
import { openDatabase } from '../server/src/platform/db/client.ts';
import { seedDemoData } from '../server/src/demo/seed.ts';
import { demoPassword } from '../server/src/demo/accounts.ts';
import { decisionDistribution } from '../server/src/modules/cases/repository.ts';
import { elapsedMilliseconds, startClock, summarise } from './stats.ts';

const usage = `Usage: npm run bench:consistency -- [options]

  --decisions N          past decided cases loaded (default 100000)
  --requests N           case pages requested, and panel query pairs run, each (default 300)
  --server-url URL       PostgreSQL server (default postgres://postgres@127.0.0.1:5432); the bench creates
                         its own scratch database there and drops it at the end
  --maintenance-db NAME  database to connect to for CREATE/DROP DATABASE (default postgres)
  -h, --help             this text
`;

const { values } = parseArgs({
  options: {
    decisions: { type: 'string' },
    requests: { type: 'string' },
    'server-url': { type: 'string' },
    'maintenance-db': { type: 'string' },
    help: { type: 'boolean', short: 'h' },
  },
});
if (values.help) {
  process.stdout.write(usage);
  process.exit(0);
}
const whole = (name: string, value: string | undefined, fallback: number): number => {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n <= 0)
    throw new Error(`--${name} must be a positive whole number, got "${value}"`);
  return n;
};
const options = {
  decisions: whole('decisions', values.decisions, 100_000),
  requests: whole('requests', values.requests, 300),
  serverUrl: values['server-url'] ?? 'postgres://postgres@127.0.0.1:5432',
  maintenanceDatabase: values['maintenance-db'] ?? 'postgres',
};

const log = (line = '') => process.stdout.write(`${line}\n`);
const ms = (value: number) => value.toFixed(1);
const urlOf = (name: string) => {
  const url = new URL(options.serverUrl);
  url.pathname = `/${name}`;
  return url.toString();
};
const maintenance = async (statement: string) => {
  const client = new pg.Client({ connectionString: urlOf(options.maintenanceDatabase) });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
};

// Jiangmen's seven county-level bureaus: the past decisions are spread over them
const territories = ['440703', '440704', '440705', '440781', '440783', '440784', '440785'];
const tiers = ['lighter', 'ordinary', 'heavier', 'mitigated'];

const run = async () => {
  const name = `inspecta_bench_consistency_${process.pid}`;
  log(
    `consistency panel: ${options.decisions.toLocaleString('en')} past decisions, scratch database ${name}`,
  );
  await maintenance(`create database ${name}`);
  const database = await openDatabase({ kind: 'postgresql', url: urlOf(name) });
  try {
    await database.migrate();
    const ctx = {
      db: database.db,
      databaseKind: 'postgresql' as const,
      clock: { now: () => new Date() },
      version: 'bench',
    };
    await seedDemoData(ctx);
    // the violations with a fine for the entity: each past decision is one of them, in one tier and county
    const codes = violationCatalog.entries
      .filter((entry) =>
        entry.penalties.some((penalty) => penalty.party === 'entity' && penalty.fines.length > 0),
      )
      .map((entry) => entry.code);
    const loadClock = startClock();
    await database.db.execute(sql`
      insert into penalty_cases (territory, reference, source, enterprise_name, summary, status, violation_code,
        found_by, decision_tier, decision_amount_fen, opened_on, decided_on, served_on, closed_on,
        opened_by_name, created_at, updated_at)
      select (${sql.raw(`array[${territories.map((code) => `'${code}'`).join(',')}]`)})[1 + g % ${territories.length}],
        'BENCH-' || g, 'case_referral', '压测企业' || g, '压测案件', 'closed',
        (${sql.raw(`array[${codes.map((code) => `'${code}'`).join(',')}]`)})[1 + (g / 7) % ${codes.length}],
        'inspection',
        (${sql.raw(`array[${tiers.map((tier) => `'${tier}'`).join(',')}]`)})[1 + (g / 11) % ${tiers.length}],
        (1000 + (g * 7919) % 49000) * 100, date '2025-01-01' + (g % 600), date '2025-03-01' + (g % 600),
        date '2025-03-08' + (g % 600), date '2025-04-01' + (g % 600), '压测', now(), now()
      from generate_series(1, ${options.decisions}) as g`);
    await database.db.execute(sql`vacuum analyze penalty_cases`);
    log(
      `  loaded in ${ms(elapsedMilliseconds(loadClock) / 1000)} s; ${codes.length} violations × ${tiers.length} tiers × ${territories.length} counties`,
    );

    // the cases whose pages are read: 蓬江区's past decisions, one after another
    const targets = (
      (await database.db.execute(sql`
        select id, territory, violation_code, decision_tier from penalty_cases
        where territory = '440703' and reference like 'BENCH-%' order by reference limit ${options.requests}`)) as unknown as {
        rows: { id: string; territory: string; violation_code: string; decision_tier: string }[];
      }
    ).rows;

    const app = await buildApp({
      ctx,
      sessionSecret: 'bench-session-secret-bench-session-secret',
      webDist: null,
    });
    await app.listen({ host: '127.0.0.1', port: 0 });
    try {
      const base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
      const login = await fetch(`${base}/api/v1/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username: 'pengjiang.inspector', password: demoPassword }),
      });
      if (!login.ok) throw new Error(`login: ${login.status}`);
      const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0]!;

      const panel = async (target: (typeof targets)[number]) => {
        for (const prefix of [target.territory, target.territory.slice(0, 4)])
          await decisionDistribution(database.db, {
            violationCode: target.violation_code,
            tier: target.decision_tier as 'ordinary',
            territoryPrefix: prefix,
            excludeId: target.id,
          });
      };
      const page = async (target: (typeof targets)[number]) => {
        const response = await fetch(`${base}/api/v1/penalty-cases/${target.id}`, { headers: { cookie } });
        const body = (await response.json()) as { consistency?: { count: number }[] };
        if (!response.ok || !body.consistency?.length) throw new Error(`case page: ${response.status}`);
        return body.consistency;
      };
      // untimed warm-up of both paths: connections opened, plans cached
      for (const target of targets.slice(0, 20)) {
        await panel(target);
        await page(target);
      }
      const panelTimes: number[] = [];
      const pageTimes: number[] = [];
      let similar = 0;
      // alternate the two so a machine busy with something else slows both alike
      for (const target of targets) {
        const panelClock = startClock();
        await panel(target);
        panelTimes.push(elapsedMilliseconds(panelClock));
        const pageClock = startClock();
        const consistency = await page(target);
        pageTimes.push(elapsedMilliseconds(pageClock));
        similar += consistency[1]!.count;
      }
      const sqlSummary = summarise(panelTimes);
      const apiSummary = summarise(pageTimes);
      log();
      log(
        `Each case page shows the spread of ~${Math.round(similar / targets.length).toLocaleString('en')} similar past decisions in the city.`,
      );
      const row = (label: string, summary: { median: number; p95: number }) =>
        log(`| ${label.padEnd(40)} | ${ms(summary.median).padStart(9)} | ${ms(summary.p95).padStart(6)} |`);
      log(`| ${`path (${targets.length} requests each)`.padEnd(40)} | median ms | p95 ms |`);
      log(`| ${'-'.repeat(40)} | --------: | -----: |`);
      row("the panel's two queries, direct", sqlSummary);
      row('GET /penalty-cases/:id over HTTP', apiSummary);
      log();
      log(
        `ratio page/panel: median ${(apiSummary.median / sqlSummary.median).toFixed(2)}×, p95 ${(apiSummary.p95 / sqlSummary.p95).toFixed(2)}×; ` +
          `goal p95 ≤ 100 ms through the API: ${apiSummary.p95 <= 100 ? 'met' : 'NOT met'}`,
      );
    } finally {
      await app.close();
    }
  } finally {
    await database.close();
    await maintenance(`drop database if exists ${name}`);
  }
};

await run();
