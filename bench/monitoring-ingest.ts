// `npm run bench:ingest`: sustained ingestion of monitoring alarms (issue 16 item 10) through the signed batch
// endpoint on PostgreSQL, with dedup, triage and audit on, beside a raw multi-row INSERT of the same rows with `pg`
// into a copy of the alarms table (its indexes included) in the same run; goal ≥ 50% of the raw rate. During the
// ingestion a probe alarm opens a new incident every 200 ms, and a connected officer's event stream times each
// one from the answer that acknowledged it to the pushed event (goal p99 < 1 s).
import { parseArgs } from 'node:util';
import type { AddressInfo } from 'node:net';
import { Worker } from 'node:worker_threads';
import pg from 'pg';
import { buildApp } from '../server/src/app.ts';
import { openDatabase } from '../server/src/platform/db/client.ts';
import { seedDemoData } from '../server/src/demo/seed.ts';
import { demoPassword } from '../server/src/demo/accounts.ts';
import {
  normalisedAlarms,
  prepareSimulation,
  seededRandom,
  sendSigned,
  type Simulation,
  type SimulatorSource,
} from '../server/src/cli/alarm-simulator.ts';
import { openEventStream } from '../server/src/cli/event-stream-client.ts';
import type { LoadAnswer, LoadRequest } from './ingest-load-worker.ts';
import { elapsedSeconds, quantile, startClock } from './stats.ts';

const usage = `Usage: npm run bench:ingest -- [options]

  --batches N            batches sent through the API, and inserted raw (default 100)
  --batch-size N         alarms per batch (default 1000, the endpoint's maximum)
  --concurrency N        requests (and raw INSERTs) in flight (default 4)
  --points N             monitoring points the alarms spread over (default 200)
  --rounds N             rounds in one run, each the API then the raw INSERT on fresh alarms; the figures are
                         the medians of the rounds (default 3: the machine is shared, one round says little)
  --server-url URL       PostgreSQL server (default postgres://postgres@127.0.0.1:5432); the bench creates
                         its own scratch database there and drops it at the end
  --maintenance-db NAME  database to connect to for CREATE/DROP DATABASE (default postgres)
  -h, --help             this text
`;

const { values } = parseArgs({
  options: {
    batches: { type: 'string' },
    'batch-size': { type: 'string' },
    concurrency: { type: 'string' },
    points: { type: 'string' },
    rounds: { type: 'string' },
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
  batches: whole('batches', values.batches, 100),
  batchSize: Math.min(1000, whole('batch-size', values['batch-size'], 1000)),
  concurrency: whole('concurrency', values.concurrency, 4),
  points: whole('points', values.points, 200),
  rounds: whole('rounds', values.rounds, 3),
  serverUrl: values['server-url'] ?? 'postgres://postgres@127.0.0.1:5432',
  maintenanceDatabase: values['maintenance-db'] ?? 'postgres',
};

const log = (line = '') => process.stdout.write(`${line}\n`);
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

// runs `work(i)` for i in [0, n) with `concurrency` at a time
const pool = async (n: number, concurrency: number, work: (i: number) => Promise<void>) => {
  let next = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < n) await work(next++);
    }),
  );
};

type Alarm = ReturnType<typeof normalisedAlarms>[number];

// the demo's two sources take turns, both in the normalised JSON of the batch endpoint (each source's batches are
// taken one at a time, as its incidents must be triaged in order)
const makeBatches = (
  simulation: Simulation,
  runId: string,
  round: number,
): { source: SimulatorSource; alarms: Alarm[] }[] => {
  const random = seededRandom(20251126 + round);
  // each round an hour of traffic after the last one's
  const start = Date.now() + simulation.offsetMs - (options.rounds - round) * 3600_000;
  return Array.from({ length: options.batches }, (_, b) => {
    const source = simulation.sources[b % simulation.sources.length]!;
    return {
      source,
      alarms: normalisedAlarms(source, options.batchSize, {
        runId,
        firstSeq: b * options.batchSize,
        // an hour of traffic, in order
        atMs: start + Math.floor((b / options.batches) * 3600_000),
        random,
      }),
    };
  });
};

const run = async () => {
  const name = `inspecta_bench_ingest_${process.pid}`;
  log(
    `monitoring ingestion: ${options.batches} batches × ${options.batchSize} alarms over ${options.points} points, ${options.concurrency} in flight; scratch database ${name}`,
  );
  await maintenance(`create database ${name}`);
  const database = await openDatabase({ kind: 'postgresql', url: urlOf(name), poolSize: 10 });
  const raw = new pg.Pool({ connectionString: urlOf(name), max: options.concurrency });
  // the scratch database is dropped WITH (FORCE) at the end: a pooled connection ended by it is no error of the run
  // (without a listener it crashed the process after the figures were printed)
  raw.on('error', () => {});
  try {
    await database.migrate();
    const ctx = {
      db: database.db,
      databaseKind: 'postgresql' as const,
      clock: { now: () => new Date() },
      version: 'bench',
      listen: database.listen,
    };
    await seedDemoData(ctx);
    const app = await buildApp({
      ctx,
      sessionSecret: 'bench-session-secret-bench-session-secret',
      webDist: null,
    });
    await app.listen({ host: '127.0.0.1', port: 0 });
    const base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
    try {
      const simulation = await prepareSimulation({ baseUrl: base, pointsPerSource: options.points });
      const source = simulation.sources.find((s) => s.style === 'normalised')!;
      // the probe: a point of its own whose incident is opened and cleared again and again
      const enterprise = (
        await raw.query<{ id: string; credit_code: string }>(
          `select id, credit_code from enterprises where territory = '440703' order by id limit 1`,
        )
      ).rows[0]!;
      const probePoint = await fetch(`${base}/api/v1/monitoring/sources/${source.id}/points`, {
        method: 'POST',
        headers: { cookie: simulation.cookie, 'content-type': 'application/json' },
        body: JSON.stringify({
          code: 'BENCH-PROBE',
          name: '压测探针',
          enterpriseId: enterprise.id,
          kind: 'gas',
          unit: '%LEL',
          thresholds: { high: 20 },
        }),
      });
      if (probePoint.status !== 201) throw new Error(`probe point: ${probePoint.status}`);

      const login = await fetch(`${base}/api/v1/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username: 'pengjiang.inspector', password: demoPassword }),
      });
      const officer = (login.headers.get('set-cookie') ?? '').split(';')[0]!;
      const stream = await openEventStream(`${base}/api/v1/monitoring/incident-events`, { cookie: officer });
      await stream.next((event) => event.event === 'ready');

      const runId = `bench-${Date.now().toString(36)}`;
      const path = '/api/v1/monitoring/ingest/alarms/batch';
      const latencies: number[] = [];
      let beforeAnswer = 0;

      // the raw side: a copy of the alarms table with its indexes and its very foreign keys (read from the
      // catalogue, so the copy follows the migrations)
      await raw.query(`create table bench_raw_alarms (like monitoring_alarms including all)`);
      const foreignKeys = (
        await raw.query<{ definition: string }>(
          `select pg_get_constraintdef(oid) as definition from pg_constraint
           where conrelid = 'monitoring_alarms'::regclass and contype = 'f' order by conname`,
        )
      ).rows;
      for (const { definition } of foreignKeys)
        await raw.query(`alter table bench_raw_alarms add ${definition}`);
      const columns = [
        'source_id',
        'external_id',
        'point_id',
        'incident_id',
        'at',
        'received_at',
        'status',
        'kind',
        'level',
        'value',
        'threshold',
        'content',
        'raw',
      ];

      const total = options.batches * options.batchSize;
      const rounds: {
        apiRate: number;
        rawRate: number;
        accepted: number;
        duplicates: number;
        rejected: number;
      }[] = [];
      for (let round = 0; round < options.rounds; round += 1) {
        const roundId = `${runId}-r${round}`;
        const batches = makeBatches(simulation, roundId, round);

        // 1. through the API, a probe opening an incident every 200 ms meanwhile
        let loading = true;
        const probing = (async () => {
          let n = 0;
          while (loading) {
            n += 1;
            const at = new Date(Date.now() + simulation.offsetMs).toISOString();
            const alarm = (status: 'alarm' | 'clear') => ({
              externalId: `${roundId}-probe-${n}-${status}`,
              enterpriseCode: enterprise.credit_code,
              pointCode: 'BENCH-PROBE',
              at,
              status,
              kind: 'gas',
              level: 'orange',
              value: 25,
              threshold: 20,
            });
            const response = await sendSigned(
              simulation,
              source,
              path,
              JSON.stringify({ alarms: [alarm('alarm')] }),
            );
            const answeredAt = performance.now();
            const outcome = (await response.json()) as { incidentIds: string[] };
            const incidentId = outcome.incidentIds[0];
            if (incidentId) {
              const event = await stream.next(
                (e) => e.event === 'incident' && e.data.includes(incidentId),
                30_000,
              );
              if (event.receivedAt < answeredAt) beforeAnswer += 1;
              latencies.push(Math.max(0, event.receivedAt - answeredAt));
            }
            await sendSigned(simulation, source, path, JSON.stringify({ alarms: [alarm('clear')] }));
            await new Promise((resolve) => setTimeout(resolve, 200));
          }
        })();
        // the devices' bodies are made before the clock starts, as the raw side's rows are read before its clock,
        // and sent from a thread of their own: what is timed is the endpoint's work (each request signed as sent)
        const load: LoadRequest = {
          simulation,
          path,
          concurrency: options.concurrency,
          batches: batches.map((batch) => ({
            source: batch.source,
            body: JSON.stringify({ alarms: batch.alarms }),
          })),
        };
        const answer = await new Promise<LoadAnswer>((resolve, reject) => {
          // the thread loads the TypeScript through tsx's own API (a worker does not inherit tsx's loader)
          const worker = new Worker(
            `import('tsx/esm/api').then(({ tsImport }) => tsImport(${JSON.stringify(new URL('./ingest-load-worker.ts', import.meta.url).href)}, ${JSON.stringify(import.meta.url)}))`,
            { eval: true, workerData: load },
          );
          worker.once('message', resolve);
          worker.once('error', reject);
        });
        if (!answer.ok) throw new Error(answer.message);
        const { accepted, duplicates, rejected, seconds: apiSeconds } = answer;
        loading = false;
        await probing;

        // 2. the same rows, raw: the rows the API stored, read back, inserted again with multi-row INSERTs into the
        // copy, in batches of the same size and concurrency
        const stored = (
          await raw.query<Record<string, unknown>>(
            `select ${columns.join(', ')} from monitoring_alarms where external_id like $1 order by external_id`,
            [`${roundId}-%`],
          )
        ).rows.filter((row) => !String(row.external_id).includes('-probe-'));
        const rawBatches = Array.from({ length: Math.ceil(stored.length / options.batchSize) }, (_, b) =>
          stored.slice(b * options.batchSize, (b + 1) * options.batchSize),
        );
        const rawClock = startClock();
        await pool(rawBatches.length, options.concurrency, async (i) => {
          const rows = rawBatches[i]!;
          const params: unknown[] = [];
          const tuples = rows.map((row) => {
            const first = params.length;
            for (const column of columns)
              params.push(column === 'raw' ? JSON.stringify(row.raw) : row[column]);
            return `(${columns.map((_, k) => `$${first + k + 1}`).join(',')})`;
          });
          await raw.query(
            `insert into bench_raw_alarms (${columns.join(', ')}) values ${tuples.join(',')}`,
            params,
          );
        });
        const rawSeconds = elapsedSeconds(rawClock);
        const result = {
          apiRate: total / apiSeconds,
          rawRate: total / rawSeconds,
          accepted,
          duplicates,
          rejected,
        };
        rounds.push(result);
        log(
          `round ${round + 1}: API ${result.apiRate.toFixed(0)} alarms/s (accepted ${accepted}, duplicates ${duplicates}, rejected ${rejected}), raw ${result.rawRate.toFixed(0)} rows/s, ratio ${((result.apiRate / result.rawRate) * 100).toFixed(1)}%`,
        );
      }
      stream.close();

      const median = (values: number[]) => quantile(values, 0.5);
      const apiRate = median(rounds.map((r) => r.apiRate));
      const rawRate = median(rounds.map((r) => r.rawRate));
      const ratios = rounds.map((r) => (r.apiRate / r.rawRate) * 100);
      log('');
      log(`medians of ${rounds.length} rounds of ${total} alarms each:`);
      log(`through the API (signed, dedup, triage, audit): ${apiRate.toFixed(0)} alarms/s`);
      log(`raw multi-row INSERT with pg:                  ${rawRate.toFixed(0)} rows/s`);
      log(
        `ratio API / raw: median ${median(ratios).toFixed(1)}% (rounds ${ratios.map((r) => r.toFixed(1)).join(', ')}; goal ≥ 50%)`,
      );
      // how many of triage's updates PostgreSQL made in place (HOT: no new index entries), from its statistics
      await new Promise((resolve) => setTimeout(resolve, 700));
      const updates = (
        await raw.query<{ relname: string; updated: string; hot: string }>(
          `select relname, n_tup_upd as updated, n_tup_hot_upd as hot from pg_stat_user_tables
           where relname in ('monitoring_incidents', 'monitoring_points') order by relname`,
        )
      ).rows;
      log(
        `updates in place (HOT): ${updates.map((row) => `${row.relname} ${row.hot} of ${row.updated}`).join(', ')}`,
      );
      log(
        `push latency, answer → event (${latencies.length} probes during the load${beforeAnswer > 0 ? `, ${beforeAnswer} pushed before the answer arrived, counted 0` : ''}): p50 ${quantile(latencies, 0.5).toFixed(1)} ms, p99 ${quantile(latencies, 0.99).toFixed(1)} ms, max ${Math.max(...latencies).toFixed(1)} ms (goal p99 < 1000 ms)`,
      );
    } finally {
      await app.close();
    }
  } finally {
    await raw.end();
    await database.close();
    await maintenance(`drop database if exists ${name} with (force)`);
  }
};

await run();
