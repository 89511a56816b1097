// npm run bench:regrade -- --enterprises 1000000
//
// Issue 3, item 7: regrading a million enterprises on PostgreSQL in bounded memory, timed next to a
// plain keyset-paged SELECT scan of the same rows in the same run. Prepares (or reuses) the search
// benchmark's database, adds some facts so grading has work, clears every grade, then times:
//   1. a plain scan of the enterprise columns the regrade reads, and the same scan with the regrade's
//      facts and grades joins (its own batch query), with no grades stored yet;
//   2. the first regrade run (openRun + runRegrade from the server): every enterprise is graded for the
//      first time, so it writes a grade, a change of grade and the key status of every enterprise;
//   3. both scans again, now that every enterprise has a stored grade;
//   4. a second regrade run the same day: nothing changes, so it only reads and grades.
// See bench/README.md.

import os from 'node:os';
import pg from 'pg';
import { openDatabase } from '../server/src/platform/db/client.ts';
import { openRun, runRegrade } from '../server/src/modules/grading/index.ts';
import type { AppContext } from '../server/src/platform/http/context.ts';
import { parseRegradeOptions, type RegradeBenchOptions } from './options.ts';
import { prepareDatabase } from './database.ts';
import { clearGrades, prepareFacts } from './regrade-data.ts';
import { statementKind, timeStatements, type StatementTotals } from './sql-time.ts';
import { elapsedSeconds, startClock } from './stats.ts';
import { printTable } from './table.ts';

// runRegrade's batch size when none is passed (server/src/grading/regrade-all.ts); the scans page by
// the same number of rows.
const serverBatchSize = 2000;
const zeroUuid = '00000000-0000-0000-0000-000000000000';

// The columns of enterprises the regrade reads, in its order, keyset-paged by id as it pages.
const plainScanSql = `select e.id, e.territory, e.industry, e.dust_workers, e.uses_liquid_ammonia, e.has_deep_well_casting
  from enterprises e
  where e.id > $1::uuid
  order by e.id
  limit $2`;

// runRegrade's batch query (batchQuery in regrade-all.ts), written out here because the server does not
// export it. The run checks it against the text runRegrade actually sends, and the scans after the
// first run use the server's own text.
const joinedScanSql = `select e.id, e.territory, e.industry, e.dust_workers, e.uses_liquid_ammonia, e.has_deep_well_casting,
         g.digest, g.territory as graded_territory,
         coalesce((select jsonb_agg(jsonb_build_object('kind', f.kind, 'data', f.data) order by f.recorded_at)
                   from enterprise_facts f where f.enterprise_id = e.id and f.retracted_at is null), '[]'::jsonb) as facts
  from enterprises e left join enterprise_grades g on g.enterprise_id = e.id and g.enterprise_id > $1::uuid
  where e.id > $2::uuid
  order by e.id
  limit $3`;

const flat = (text: string) => text.replace(/\s+/g, ' ').trim();
const isBatchQuery = (text: string) =>
  statementKind(text) === 'select enterprises' && /left join enterprise_grades/i.test(text);

const log = (line = '') => process.stdout.write(`${line}\n`);
const mb = (bytes: number) => `${Math.round(bytes / 1024 / 1024)} MB`;
const thousands = (n: number) => Math.round(n).toLocaleString('en');

// Peak resident set size while a phase runs, sampled every 20 ms and at every progress report.
class MemoryPeak {
  private peak = 0;
  private timer: NodeJS.Timeout | null = null;
  readonly start = process.memoryUsage.rss();

  constructor() {
    this.sample();
    this.timer = setInterval(() => this.sample(), 20);
  }

  get value(): number {
    return this.peak;
  }

  sample(): number {
    const rss = process.memoryUsage.rss();
    if (rss > this.peak) this.peak = rss;
    return rss;
  }

  stop(): number {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    this.sample();
    return this.peak;
  }
}

type Phase = {
  label: string;
  kind: 'scan' | 'regrade';
  rows: number;
  seconds: number;
  rssStart: number;
  rssPeak: number;
  // The peak over the first tenth of the rows: were memory to grow with the rows, the whole run's peak
  // would be far above it.
  rssPeakFirstTenth?: number;
  changed?: number;
  totals?: StatementTotals[];
};

const scan = async (pool: pg.Pool, label: string, text: string, batchSize: number): Promise<Phase> => {
  const memory = new MemoryPeak();
  const clock = startClock();
  let after = zeroUuid;
  let rows = 0;
  for (;;) {
    // the cursor fills every placeholder but the last, which is the batch size
    const placeholders = new Set(text.match(/\$\d+/g) ?? []).size;
    const values = [...Array.from({ length: placeholders - 1 }, () => after), batchSize];
    const result = await pool.query<{ id: string }>(text, values);
    if (result.rows.length === 0) break;
    rows += result.rows.length;
    after = result.rows[result.rows.length - 1]!.id;
  }
  const seconds = elapsedSeconds(clock);
  const rssPeak = memory.stop();
  log(`  ${label}: ${thousands(rows)} rows in ${seconds.toFixed(1)} s (${thousands(rows / seconds)} rows/s)`);
  return { label, kind: 'scan', rows, seconds, rssStart: memory.start, rssPeak };
};

const regrade = async (
  ctx: AppContext,
  label: string,
  batchSize: number | undefined,
): Promise<{ phase: Phase; batchText: string | null }> => {
  const memory = new MemoryPeak();
  const clock = startClock();
  let lastPrint = 0;
  let peakFirstTenth: number | undefined;
  const progress = (processed: number, total: number, changed: number, end = false) => {
    memory.sample();
    if (peakFirstTenth === undefined && processed >= total / 10) peakFirstTenth = memory.value;
    const seconds = elapsedSeconds(clock);
    // On a terminal the line is rewritten in place; into a file or a pipe only the last state is written.
    if (!end && (!process.stdout.isTTY || seconds - lastPrint < 0.5)) return;
    lastPrint = seconds;
    process.stdout.write(
      `${process.stdout.isTTY ? '\r' : ''}  ${label}: ${thousands(processed)} / ${thousands(total)} ` +
        `(${total ? Math.floor((processed / total) * 100) : 100}%), ${thousands(changed)} changed, ` +
        `${thousands(processed / Math.max(seconds, 0.001))}/s, ${seconds.toFixed(1)} s, RSS ${mb(memory.sample())}   ` +
        (end ? '\n' : ''),
    );
  };
  const {
    result: done,
    totals,
    kept: batchText,
  } = await timeStatements(async () => {
    const { run, opened } = await openRun(ctx, 'manual', 'npm run bench:regrade');
    if (!opened) throw new Error(`another regrade run is running in the bench database (${run.id})`);
    return runRegrade(ctx, run, {
      ...(batchSize ? { batchSize } : {}),
      onProgress: ({ processed, total, changed }) => progress(processed, total, changed),
    });
  }, isBatchQuery);
  const seconds = elapsedSeconds(clock);
  const rssPeak = memory.stop();
  progress(done.processed, done.total, done.changed, true);
  if (done.status !== 'done') throw new Error(`${label}: the run ended as ${done.status}: ${done.error}`);
  return {
    phase: {
      label,
      kind: 'regrade',
      rows: done.processed,
      seconds,
      rssStart: memory.start,
      rssPeak,
      ...(peakFirstTenth === undefined ? {} : { rssPeakFirstTenth: peakFirstTenth }),
      changed: done.changed,
      totals,
    },
    batchText,
  };
};

const run = async (options: RegradeBenchOptions) => {
  const preparation = await prepareDatabase({ ...options });
  const batchSize = options.batchSize ?? serverBatchSize;

  const client = new pg.Client({ connectionString: options.databaseUrl });
  await client.connect();
  const scanPool = new pg.Pool({ connectionString: options.databaseUrl, max: 1 });
  const database = await openDatabase({ kind: 'postgresql', url: options.databaseUrl });
  const ctx: AppContext = {
    db: database.db,
    databaseKind: 'postgresql',
    clock: { now: () => new Date() },
    version: 'bench',
  };
  try {
    const facts = await prepareFacts(client, options.factsRatio);
    log(
      facts.facts === 0
        ? '  facts: none added by the bench (--facts-ratio 0)'
        : `  facts: ${thousands(facts.facts)} accident / penalty / standardisation records on ` +
            `${thousands(facts.enterprisesWithFacts)} enterprises ` +
            (facts.seconds === null
              ? '(already there)'
              : `(added in ${facts.seconds.toFixed(1)} s; 3,000 sampled, all valid for the server's schema)`) +
            (facts.removed > 0 ? `; removed ${thousands(facts.removed)} from another ratio` : ''),
    );
    const otherFacts = await client.query<{ n: string }>(
      `SELECT count(*) AS n FROM enterprise_facts WHERE recorded_by_name NOT LIKE 'npm run bench:regrade%'`,
    );

    const reset = startClock();
    await clearGrades(client);
    // The previous first run updated every enterprise row; vacuum so each run starts from the same state.
    await client.query(`VACUUM (ANALYZE) enterprises, enterprise_grades, grade_changes, enterprise_facts`);
    log(
      `  cleared every grade, change of grade and regrade run, then VACUUM ANALYZE: ${elapsedSeconds(reset).toFixed(1)} s`,
    );

    const settings = await client.query<{ version: string; shared_buffers: string; work_mem: string }>(
      `SELECT current_setting('server_version') AS version, current_setting('shared_buffers') AS shared_buffers,
              current_setting('work_mem') AS work_mem`,
    );
    const setting = settings.rows[0]!;
    log();
    log(
      `Enterprises: ${thousands(preparation.enterprises)} in "${new URL(options.databaseUrl).pathname.slice(1)}", ` +
        `${thousands(facts.enterprisesWithFacts)} of them with bench facts (${thousands(facts.facts)} records; ` +
        `plus ${otherFacts.rows[0]?.n ?? 0} demo facts); PostgreSQL ${setting.version}, ` +
        `shared_buffers ${setting.shared_buffers}, work_mem ${setting.work_mem}`,
    );
    log(
      `Batches: ${thousands(batchSize)} rows, keyset-paged by id, one statement at a time on one connection ` +
        `(the scans) or through the app's pool (the regrade: openRun + runRegrade, as npm run regrade does)`,
    );
    log(
      `Host: ${os.cpus().length} CPUs, Node ${process.version}, load average ${os
        .loadavg()
        .map((value) => value.toFixed(2))
        .join(' ')} at start`,
    );
    log();

    const phases: Phase[] = [];
    log('No grades stored yet:');
    phases.push(await scan(scanPool, 'plain scan of enterprises', plainScanSql, batchSize));
    phases.push(await scan(scanPool, 'scan with the facts and grades joins', joinedScanSql, batchSize));
    const first = await regrade(ctx, 'regrade, first run', options.batchSize);
    phases.push(first.phase);

    // The bench's copy of the batch query against what runRegrade sent.
    const sameBatchQuery = first.batchText !== null && flat(first.batchText) === flat(joinedScanSql);
    if (!sameBatchQuery) {
      log(
        `! the bench's copy of the regrade's batch query differs from what runRegrade sent; ` +
          `the scans below use the server's text:\n    ${first.batchText ?? '(no batch query seen)'}`,
      );
    }
    const serverScanSql = first.batchText ?? joinedScanSql;

    log();
    log('Every enterprise graded:');
    phases.push(await scan(scanPool, 'plain scan of enterprises', plainScanSql, batchSize));
    phases.push(await scan(scanPool, 'scan with the facts and grades joins', serverScanSql, batchSize));
    const second = await regrade(ctx, 'regrade, second run the same day', options.batchSize);
    phases.push(second.phase);

    const load = os.loadavg();
    report(phases, { sameBatchQuery, enterprises: preparation.enterprises, load, preparation });
  } finally {
    await client.end();
    await scanPool.end();
    await database.close();
  }
};

const report = (
  phases: Phase[],
  context: {
    sameBatchQuery: boolean;
    enterprises: number;
    load: number[];
    preparation: Awaited<ReturnType<typeof prepareDatabase>>;
  },
) => {
  log();
  // Each regrade run is compared with the two scans made in the same state (before it: no grades yet;
  // after the first run: a million grades to join).
  const rows: string[][] = [];
  let plain: Phase | undefined;
  let joined: Phase | undefined;
  for (const phase of phases) {
    if (phase.kind === 'scan') {
      if (phase.label.startsWith('plain')) plain = phase;
      else joined = phase;
    }
    const perSecond = phase.rows / phase.seconds;
    rows.push([
      `${phase.label}${phase.kind === 'scan' && phase.label.includes('joins') && !context.sameBatchQuery ? ' (!)' : ''}`,
      thousands(phase.rows),
      phase.changed === undefined ? '' : thousands(phase.changed),
      phase.seconds.toFixed(1),
      thousands(perSecond),
      phase.kind === 'regrade' && plain ? (phase.seconds / plain.seconds).toFixed(1) : '',
      phase.kind === 'regrade' && joined ? (phase.seconds / joined.seconds).toFixed(1) : '',
      mb(phase.rssPeak),
      `+${mb(Math.max(0, phase.rssPeak - phase.rssStart))}`,
    ]);
  }
  printTable(
    [
      'phase',
      'rows',
      'changed',
      'seconds',
      'rows/s',
      '÷ plain scan',
      '÷ joined scan',
      'peak RSS',
      'RSS growth',
    ],
    rows,
  );
  log(
    "÷ plain scan / ÷ joined scan = the regrade run's wall time over the scan's made just before it, in the same " +
      "state. peak RSS = the whole process (Node, the app's modules, both pools), sampled every 20 ms; " +
      'RSS growth = peak minus RSS when the phase started.',
  );

  for (const phase of phases.filter((p) => p.kind === 'regrade')) {
    log();
    log(`Where the time went, ${phase.label} (${phase.seconds.toFixed(1)} s wall):`);
    const totals = phase.totals ?? [];
    const sqlMs = totals.reduce((sum, entry) => sum + entry.milliseconds, 0);
    const wallMs = phase.seconds * 1000;
    printTable(
      ['statements', 'count', 'seconds', 'share of wall'],
      [
        ...totals
          .filter((entry) => entry.milliseconds >= wallMs * 0.001)
          .map((entry) => [
            entry.kind,
            thousands(entry.statements),
            (entry.milliseconds / 1000).toFixed(1),
            `${((entry.milliseconds / wallMs) * 100).toFixed(0)}%`,
          ]),
        [
          'all SQL, until each result was parsed',
          thousands(totals.reduce((s, e) => s + e.statements, 0)),
          (sqlMs / 1000).toFixed(1),
          `${((sqlMs / wallMs) * 100).toFixed(0)}%`,
        ],
        [
          'JavaScript between statements',
          '',
          ((wallMs - sqlMs) / 1000).toFixed(1),
          `${(((wallMs - sqlMs) / wallMs) * 100).toFixed(0)}%`,
        ],
      ],
    );
  }
  log(
    'statements: every statement the run sent, by verb and first table, timed from the call to its parsed ' +
      'result (so the reads include parsing the JSON columns); "JavaScript between statements" is the rest: ' +
      'assembling facts, grading, digests, building and serialising the write payloads, Drizzle.',
  );

  log();
  const { preparation } = context;
  log(
    preparation.reused
      ? `Load: reused the bench database, whose load took ${preparation.loadSeconds?.toFixed(1)} s.`
      : `Load: ${preparation.loadSeconds?.toFixed(1)} s in all (${preparation.steps.join('; ')}).`,
  );
  if (preparation.migrations) {
    log(
      `Migrations: applied ${preparation.migrations.applied} pending migration(s) on the reused database in ` +
        `${preparation.migrations.seconds.toFixed(1)} s, then VACUUM ANALYZE in ${preparation.migrations.vacuumSeconds.toFixed(1)} s.`,
    );
  }
  const scale =
    context.enterprises >= 1_000_000
      ? ''
      : ` (the goals are stated at 1,000,000 enterprises; this run has ${thousands(context.enterprises)})`;
  const pairs: [Phase, Phase][] = [];
  for (let i = 0; i < phases.length; i += 1) {
    const phase = phases[i]!;
    if (phase.kind !== 'regrade') continue;
    const plainBefore = [...phases.slice(0, i)].reverse().find((p) => p.label.startsWith('plain'));
    if (plainBefore) pairs.push([phase, plainBefore]);
  }
  for (const [phase, plainScan] of pairs) {
    const ratio = phase.seconds / plainScan.seconds;
    log(
      `Goal "within 5x of a plain SELECT scan of the same rows", ${phase.label}: ` +
        `${ratio <= 5 ? 'met' : 'NOT met'} (${ratio.toFixed(1)}x: ${phase.seconds.toFixed(1)} s against ${plainScan.seconds.toFixed(1)} s)${scale}.`,
    );
  }
  for (const phase of phases.filter((p) => p.kind === 'regrade')) {
    // At another scale the verdict is on the time a million would take at the measured rate.
    const million = (phase.seconds / phase.rows) * 1_000_000;
    log(
      `Goal "under 60 s for a million", ${phase.label}: ${million < 60 ? 'met' : 'NOT met'} ` +
        `(${phase.seconds.toFixed(1)} s, ${thousands(phase.rows / phase.seconds)} enterprises/s` +
        `${phase.rows === 1_000_000 ? '' : `; ${million.toFixed(0)} s for a million at this rate`})${scale}.`,
    );
  }
  const peak = Math.max(...phases.map((p) => p.rssPeak));
  log(
    `Memory: peak RSS ${mb(peak)} for the whole process over the whole benchmark. ` +
      phases
        .filter((p) => p.kind === 'regrade')
        .map((p) => {
          // Keeping even 100 bytes per enterprise would add 100 MB over a million rows.
          const growth = p.rssPeak - (p.rssPeakFirstTenth ?? p.rssPeak);
          return (
            `${p.label}: peak ${mb(p.rssPeakFirstTenth ?? 0)} over the first tenth of the rows, ` +
            `${mb(p.rssPeak)} over all of them (${growth < 100 * 1024 * 1024 ? 'bounded' : 'GROWING'})`
          );
        })
        .join('; ') +
      '.',
  );
  log(
    `Load average at the end: ${context.load.map((value) => value.toFixed(2)).join(' ')} ` +
      `(${os.cpus().length} CPUs; PostgreSQL runs on the same machine).`,
  );
};

const options = parseRegradeOptions(process.argv.slice(2));
if (options) {
  run(options).catch((error: unknown) => {
    process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exitCode = 1;
  });
}
