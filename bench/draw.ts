// npm run bench:draw -- --enterprises 1000000 --officers 20000 --strata 20 --percent 5
//
// Issue 6 item 14: the verifiable double-random draw (inspecta-draw-v1) end to end through the API on
// PostgreSQL, beside the unverifiable `ORDER BY random() LIMIT k` over the same tables in the same run,
// and the time to verify the record, in process and as `npm run verify-draw`. See bench/README.md.

import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import pg from 'pg';
import { verifyDraw, type DrawRecord } from '@inspecta/domain';
import { buildApp } from '../server/src/app.ts';
import { openDatabase } from '../server/src/platform/db/client.ts';
import { prepareDatabase } from './database.ts';
import {
  benchDrawTitle,
  benchPassword,
  benchReviewer,
  chooseStrata,
  cityTerritory,
  inspectionDate,
  prepareOfficers,
  removeBenchDraws,
  type Stratum,
} from './draw-data.ts';
import { parseDrawOptions, type DrawBenchOptions } from './options.ts';
import { timeStatements, type StatementTotals } from './sql-time.ts';
import { elapsedMilliseconds, quantile, startClock } from './stats.ts';
import { printTable } from './table.ts';

const log = (line = '') => process.stdout.write(`${line}\n`);
const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;
const thousands = (n: number) => Math.round(n).toLocaleString('en');
const seconds = (milliseconds: number) => (milliseconds / 1000).toFixed(2);
const median = (samples: readonly number[]) => quantile(samples, 0.5);

// Peak resident set size of this process (the bench, the app and both pools) while a phase runs.
class MemoryPeak {
  private peak = process.memoryUsage.rss();
  private readonly timer = setInterval(() => this.sample(), 20);
  sample() {
    this.peak = Math.max(this.peak, process.memoryUsage.rss());
  }
  stop(): number {
    clearInterval(this.timer);
    this.sample();
    return this.peak;
  }
}

type Reading = { milliseconds: number; rss: number; totals?: StatementTotals[] };

const measure = async <T>(
  run: () => Promise<T>,
  withStatements = false,
): Promise<{ value: T; reading: Reading }> => {
  const memory = new MemoryPeak();
  const clock = startClock();
  if (withStatements) {
    const { result, totals } = await timeStatements(run);
    return {
      value: result,
      reading: { milliseconds: elapsedMilliseconds(clock), rss: memory.stop(), totals },
    };
  }
  const value = await run();
  return { value, reading: { milliseconds: elapsedMilliseconds(clock), rss: memory.stop() } };
};

type Session = { base: string; cookie: string };

const logIn = async (base: string): Promise<Session> => {
  const response = await fetch(`${base}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: benchReviewer, password: benchPassword }),
  });
  if (!response.ok)
    throw new Error(`login as ${benchReviewer} failed: ${response.status} ${await response.text()}`);
  const setCookie = response.headers.getSetCookie().find((value) => value.startsWith('inspecta_session='));
  if (!setCookie) throw new Error(`login as ${benchReviewer} set no session cookie`);
  return { base, cookie: setCookie.split(';')[0]! };
};

const call = async (session: Session, method: string, url: string, body?: unknown): Promise<string> => {
  const response = await fetch(`${session.base}${url}`, {
    method,
    headers: {
      cookie: session.cookie,
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await response.text();
  if (!response.ok) throw new Error(`${method} ${url}: ${response.status} ${text.slice(0, 500)}`);
  return text;
};

type Summary = {
  id: string;
  poolHash: string;
  sampleSize: number;
  enterpriseCount: number;
  inspectorCount: number;
  seed: string | null;
};

// The unverifiable baseline: every stratum's `ORDER BY random() LIMIT k` with the server's own conditions
// (the actor's territory and the stratum's criteria), then the roster valid on the date shuffled by
// `ORDER BY random()` as many times over as the teams need, cut into consecutive teams: one statement.
const baseline = async (client: pg.Client, strata: Stratum[], teamSize: number, roster: number) => {
  const selected: string[] = [];
  for (const stratum of strata) {
    const conditions = ['territory LIKE $1'];
    const values: unknown[] = [`${cityTerritory.slice(0, 4)}%`];
    if (stratum.criteria.territory)
      conditions.push(`territory = $${values.push(stratum.criteria.territory)}`);
    if (stratum.criteria.industry) conditions.push(`industry = $${values.push(stratum.criteria.industry)}`);
    const result = await client.query<{ credit_code: string }>(
      `SELECT credit_code FROM enterprises WHERE ${conditions.join(' AND ')} ORDER BY random() LIMIT $${values.push(stratum.k)}`,
      values,
    );
    for (const row of result.rows) selected.push(row.credit_code);
  }
  const slots = selected.length * teamSize;
  const officers = await client.query<{ number: string }>(
    `SELECT c.number FROM officers o
       JOIN certificates c ON c.officer_id = o.id
       CROSS JOIN generate_series(1, $4::int) AS round
     WHERE o.territory = $1
       AND o.organisation_id IN (SELECT id FROM organisations WHERE kind IN ('bureau', 'internal_unit', 'entrusted'))
       AND o.on_roster AND (o.removed_on IS NULL OR o.removed_on > $2::date)
       AND c.status = 'valid' AND c.valid_from <= $2::date AND c.valid_to >= $2::date
     ORDER BY round, random()
     LIMIT $3`,
    [cityTerritory, inspectionDate, slots, Math.ceil(slots / roster)],
  );
  const teams = selected.map((code, index) => ({
    enterprise: code,
    inspectors: officers.rows.slice(index * teamSize, (index + 1) * teamSize).map((row) => row.number),
  }));
  return {
    enterprises: selected.length,
    teams: teams.filter((team) => team.inspectors.length === teamSize).length,
  };
};

type VerifyRun = { milliseconds: number; maxRssKb: number | null; exitCode: number | null; output: string };

// A whole process, as a visitor would run it: npm, tsx, reading the file, JSON.parse, the shape check, verifyDraw.
const runVerifyProcess = (args: string[]): Promise<VerifyRun> =>
  new Promise((resolve, reject) => {
    const timeFile = path.join(os.tmpdir(), `inspecta-bench-time-${process.pid}`);
    const clock = startClock();
    const child = spawn(
      '/usr/bin/time',
      ['-f', '%M', '-o', timeFile, 'npm', 'run', '--silent', 'verify-draw', '--', ...args],
      {
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('error', reject);
    child.on('close', (exitCode) => {
      const milliseconds = elapsedMilliseconds(clock);
      let maxRssKb: number | null = null;
      try {
        const last = readFileSync(timeFile, 'utf8').trim().split('\n').pop();
        maxRssKb = last && /^\d+$/.test(last) ? Number(last) : null;
        rmSync(timeFile, { force: true });
      } catch {
        maxRssKb = null;
      }
      resolve({ milliseconds, maxRssKb, exitCode, output: output.trim() });
    });
  });

type Repetition = {
  baseline: Reading;
  freeze: Reading;
  perform: Reading;
  record: Reading;
  recordBytes: number;
  parse: Reading;
  verify: Reading;
  process: VerifyRun;
  processFixed: VerifyRun;
};

const repetition = async (
  client: pg.Client,
  session: Session,
  strata: Stratum[],
  options: DrawBenchOptions,
  roster: number,
  index: number,
  recordFile: string,
): Promise<Repetition> => {
  await removeBenchDraws(client);
  const sampleSize = strata.reduce((total, stratum) => total + stratum.k, 0);
  const runBaseline = async () => {
    const { value, reading } = await measure(() => baseline(client, strata, options.teamSize, roster));
    if (value.enterprises !== sampleSize || value.teams !== sampleSize) {
      throw new Error(
        `the baseline drew ${value.enterprises} enterprises and ${value.teams} teams, not ${sampleSize}`,
      );
    }
    return reading;
  };
  // The two sides alternate which goes first, so both see the same cache state on average.
  const baselineFirst = index % 2 === 0 ? await runBaseline() : null;

  const body = {
    title: `${benchDrawTitle} ${index + 1}`,
    inspectionDate,
    matters: ['work_safety_general'],
    teamSize: options.teamSize,
    source: {
      kind: 'criteria',
      strata: strata.map((stratum) => ({
        key: stratum.key,
        criteria: stratum.criteria,
        percent: options.percent,
      })),
    },
  };
  const frozen = await measure(
    async () => JSON.parse(await call(session, 'POST', '/api/v1/draws', body)) as Summary,
    true,
  );
  const summary = frozen.value;
  if (summary.sampleSize !== sampleSize) {
    throw new Error(`the draw froze a sample of ${summary.sampleSize}, the bench expected ${sampleSize}`);
  }
  const performed = await measure(
    async () =>
      JSON.parse(
        await call(session, 'POST', `/api/v1/draws/${summary.id}/perform`, {
          publicEntropy: `bench ${index} ${Date.now()}`,
          witnesses: ['甲某', '乙某'],
        }),
      ) as Summary,
    true,
  );
  const recorded = await measure(
    async () => call(session, 'GET', `/api/v1/draws/${summary.id}/record`),
    true,
  );
  const text = recorded.value;
  const baselineSecond = baselineFirst ?? (await runBaseline());

  const parsed = await measure(async () => JSON.parse(text) as DrawRecord);
  const record = parsed.value;
  if (record.selected.length !== sampleSize || record.seed !== performed.value.seed) {
    throw new Error(
      `the record holds ${record.selected.length} selections (expected ${sampleSize}) or another seed`,
    );
  }
  const verified = await measure(async () => verifyDraw(record));
  if (!verified.value.consistent) {
    throw new Error(
      `verifyDraw found the record inconsistent: ${JSON.stringify(verified.value.differences.slice(0, 3))}`,
    );
  }
  writeFileSync(recordFile, text);
  const whole = await runVerifyProcess([recordFile]);
  if (whole.exitCode !== 0 || !whole.output.includes('一致')) {
    throw new Error(`npm run verify-draw exited ${whole.exitCode}: ${whole.output.slice(0, 500)}`);
  }
  // The fixed cost of the same command: npm, tsx and loading the modules, with no file (usage, exit 2).
  const fixed = await runVerifyProcess([]);
  return {
    baseline: baselineSecond,
    freeze: frozen.reading,
    perform: performed.reading,
    record: recorded.reading,
    recordBytes: Buffer.byteLength(text),
    parse: parsed.reading,
    verify: verified.reading,
    process: whole,
    processFixed: fixed,
  };
};

const run = async (options: DrawBenchOptions) => {
  const preparation = await prepareDatabase({ ...options });
  const client = new pg.Client({ connectionString: options.databaseUrl });
  await client.connect();
  const database = await openDatabase({ kind: 'postgresql', url: options.databaseUrl });
  const app = await buildApp({
    ctx: { db: database.db, databaseKind: 'postgresql', clock: { now: () => new Date() }, version: 'bench' },
    sessionSecret: 'bench-session-secret-bench-session-secret',
    webDist: null,
  });
  const directory = mkdtempSync(path.join(os.tmpdir(), 'inspecta-bench-draw-'));
  const recordFile = path.join(directory, 'record.json');
  try {
    const prepareClock = startClock();
    const officers = await prepareOfficers(client, database.db, options.officers);
    const strata = await chooseStrata(client, options.strata, options.percent);
    const removed = await removeBenchDraws(client);
    log(
      `  roster: ${thousands(officers.roster)} officers of ${cityTerritory} with a certificate valid on ${inspectionDate}` +
        (officers.added === null
          ? ' (already there)'
          : ` (${thousands(officers.added)} bench officers added)`) +
        `; ${removed} earlier bench draw(s) removed; ${seconds(elapsedMilliseconds(prepareClock))} s`,
    );
    await app.listen({ host: '127.0.0.1', port: 0 });
    const { port } = app.server.address() as AddressInfo;
    const session = await logIn(`http://127.0.0.1:${port}`);

    const enterprises = strata.reduce((total, stratum) => total + stratum.enterprises, 0);
    const sampleSize = strata.reduce((total, stratum) => total + stratum.k, 0);
    const settings = await client.query<{ version: string; shared_buffers: string; work_mem: string }>(
      `SELECT current_setting('server_version') AS version, current_setting('shared_buffers') AS shared_buffers,
              current_setting('work_mem') AS work_mem`,
    );
    const setting = settings.rows[0]!;
    log();
    log(
      `Registry: ${thousands(preparation.enterprises)} enterprises; the draw: ${strata.length} strata covering ` +
        `${thousands(enterprises)} of them at ${options.percent}% (${thousands(sampleSize)} enterprises), ` +
        `${thousands(officers.roster)} officers, ${options.teamSize} per team.`,
    );
    log(
      `Strata (${strata.length}${strata.length === options.strata ? '' : `; ${options.strata} wanted, see bench/README.md`}):`,
    );
    log(
      `  ${strata.map((stratum) => `${stratum.key} ${thousands(stratum.enterprises)}→${thousands(stratum.k)}`).join(', ')}`,
    );
    log(
      `PostgreSQL ${setting.version}, shared_buffers ${setting.shared_buffers}, work_mem ${setting.work_mem}; ` +
        `host ${os.cpus().length} CPUs, Node ${process.version}, load average ${os
          .loadavg()
          .map((value) => value.toFixed(2))
          .join(' ')}`,
    );
    log();

    const readings: Repetition[] = [];
    for (let index = 0; index < options.warmup + options.repetitions; index += 1) {
      const warm = index < options.warmup;
      const reading = await repetition(client, session, strata, options, officers.roster, index, recordFile);
      log(
        `  ${warm ? 'warm-up' : `repetition ${index - options.warmup + 1}`}: baseline ${seconds(reading.baseline.milliseconds)} s, ` +
          `freeze ${seconds(reading.freeze.milliseconds)} s, perform ${seconds(reading.perform.milliseconds)} s, ` +
          `record ${seconds(reading.record.milliseconds)} s, verifyDraw ${seconds(reading.verify.milliseconds)} s, ` +
          `npm run verify-draw ${seconds(reading.process.milliseconds)} s`,
      );
      if (!warm) readings.push(reading);
    }
    if (options.keepRecord) writeFileSync(options.keepRecord, readFileSync(recordFile));
    await removeBenchDraws(client);
    report(readings, { enterprises: preparation.enterprises, preparation });
  } finally {
    rmSync(directory, { recursive: true, force: true });
    await app.close();
    await client.end();
    await database.close();
  }
};

const report = (
  readings: Repetition[],
  context: { enterprises: number; preparation: Awaited<ReturnType<typeof prepareDatabase>> },
) => {
  const of = (pick: (reading: Repetition) => number) => readings.map(pick);
  const base = median(of((r) => r.baseline.milliseconds));
  const drawMs = median(of((r) => r.freeze.milliseconds + r.perform.milliseconds));
  const rssOf = (pick: (reading: Repetition) => number) => Math.max(...of(pick));
  const row = (label: string, samples: number[], rss: string, extra = ''): string[] => {
    const value = median(samples);
    return [
      label,
      seconds(value),
      seconds(Math.min(...samples)),
      seconds(Math.max(...samples)),
      (value / base).toFixed(2),
      rss,
      extra,
    ];
  };
  log();
  log(`Medians of ${readings.length} repetitions (seconds):`);
  printTable(
    ['phase', 'median s', 'min s', 'max s', '÷ baseline', 'peak RSS', ''],
    [
      row(
        'baseline: ORDER BY random() LIMIT k, teams by ORDER BY random()',
        of((r) => r.baseline.milliseconds),
        mb(rssOf((r) => r.baseline.rss)),
      ),
      row(
        'draw: freeze (POST /draws)',
        of((r) => r.freeze.milliseconds),
        mb(rssOf((r) => r.freeze.rss)),
      ),
      row(
        'draw: perform (POST /draws/{id}/perform)',
        of((r) => r.perform.milliseconds),
        mb(rssOf((r) => r.perform.rss)),
      ),
      row(
        'draw: freeze + perform',
        of((r) => r.freeze.milliseconds + r.perform.milliseconds),
        '',
      ),
      row(
        'record: GET /draws/{id}/record',
        of((r) => r.record.milliseconds),
        mb(rssOf((r) => r.record.rss)),
        `${mb(median(of((r) => r.recordBytes)))} of JSON`,
      ),
      row(
        'verify in process: JSON.parse',
        of((r) => r.parse.milliseconds),
        mb(rssOf((r) => r.parse.rss)),
      ),
      row(
        'verify in process: verifyDraw',
        of((r) => r.verify.milliseconds),
        mb(rssOf((r) => r.verify.rss)),
      ),
      row(
        'verify whole process: npm run verify-draw',
        of((r) => r.process.milliseconds),
        mb(Math.max(...of((r) => (r.process.maxRssKb ?? 0) * 1024))),
      ),
      row(
        '  of which npm + tsx + modules (no file)',
        of((r) => r.processFixed.milliseconds),
        mb(Math.max(...of((r) => (r.processFixed.maxRssKb ?? 0) * 1024))),
      ),
    ],
  );
  log(
    '÷ baseline = median over the baseline median. peak RSS: the bench process (the app, its pool and the ' +
      "bench's client) sampled every 20 ms over the phase, the highest of the repetitions; for the whole " +
      'process, the maximum resident set of the verifier as /usr/bin/time reports it.',
  );

  for (const [label, pick] of [
    ['freeze', (r: Repetition) => r.freeze],
    ['perform', (r: Repetition) => r.perform],
    ['record', (r: Repetition) => r.record],
  ] as const) {
    const last = pick(readings[readings.length - 1]!);
    const totals = last.totals ?? [];
    const sqlMs = totals.reduce((sum, entry) => sum + entry.milliseconds, 0);
    log();
    log(`Where the time went, ${label} (last repetition, ${seconds(last.milliseconds)} s through HTTP):`);
    printTable(
      ['statements', 'count', 'seconds', 'share'],
      [
        ...totals
          .filter((entry) => entry.milliseconds >= last.milliseconds * 0.01)
          .map((entry) => [
            entry.kind,
            thousands(entry.statements),
            seconds(entry.milliseconds),
            `${((entry.milliseconds / last.milliseconds) * 100).toFixed(0)}%`,
          ]),
        [
          'all SQL, until each result was parsed',
          thousands(totals.reduce((s, e) => s + e.statements, 0)),
          seconds(sqlMs),
          `${((sqlMs / last.milliseconds) * 100).toFixed(0)}%`,
        ],
        [
          'the rest: JavaScript, HTTP',
          '',
          seconds(last.milliseconds - sqlMs),
          `${(((last.milliseconds - sqlMs) / last.milliseconds) * 100).toFixed(0)}%`,
        ],
      ],
    );
  }

  log();
  const { preparation } = context;
  log(
    preparation.reused
      ? `Load: reused the bench database, whose load took ${preparation.loadSeconds?.toFixed(1)} s.`
      : `Load: ${preparation.loadSeconds?.toFixed(1)} s in all (${preparation.steps.join('; ')}).`,
  );
  const scale =
    context.enterprises >= 1_000_000
      ? ''
      : ` (the goals are stated at 1,000,000 enterprises; this run has ${thousands(context.enterprises)})`;
  const ratio = drawMs / base;
  log(
    `Goal "the verifiable draw within 2x of the unverifiable SQL baseline": ${ratio <= 2 ? 'met' : 'NOT met'} ` +
      `(${ratio.toFixed(2)}x: freeze + perform ${seconds(drawMs)} s against ${seconds(base)} s)${scale}.`,
  );
  log(`Goal "the draw under 5 s": ${drawMs < 5000 ? 'met' : 'NOT met'} (${seconds(drawMs)} s)${scale}.`);
  const inProcess = median(of((r) => r.parse.milliseconds + r.verify.milliseconds));
  const whole = median(of((r) => r.process.milliseconds));
  log(
    `Goal "verification under 5 s": in process (JSON.parse + verifyDraw) ${inProcess < 5000 ? 'met' : 'NOT met'} ` +
      `(${seconds(inProcess)} s); whole process (npm run verify-draw) ${whole < 5000 ? 'met' : 'NOT met'} (${seconds(whole)} s)${scale}.`,
  );
};

try {
  const options = parseDrawOptions(process.argv.slice(2));
  if (options) await run(options);
} catch (error) {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exitCode = 1;
}
