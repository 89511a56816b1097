// `npm run bench:import`: the enterprise registry import (.xlsx, issue 12 item 4) on PostgreSQL, through the
// real HTTP stack of a listening server in this process. It measures, in one run:
//   1. one valid import of --rows rows: wall time and the growth of the process's RSS (sampled every 20 ms,
//      peak minus the RSS just before the upload), next to the same-run baseline: the same rows inserted by
//      one plain `INSERT … SELECT FROM jsonb_to_recordset` into a copy of the enterprises table (same indexes);
//   2. `/api/v1/health` latency (a probe every --probe-ms) while --concurrent imports of --rows rows each run
//      at once, next to the same probes on the idle server just before.
// It creates its own scratch database on the server and drops it at the end.
import http from 'node:http';
import { parseArgs } from 'node:util';
import { performance } from 'node:perf_hooks';
import pg from 'pg';
import ExcelJS from 'exceljs';
import { makeCreditCode } from '@inspecta/domain';
import { openDatabase } from '../server/src/platform/db/client.ts';
import { buildApp } from '../server/src/app.ts';
import { seedDemoData } from '../server/src/demo/seed.ts';
import { demoPassword } from '../server/src/demo/accounts.ts';
import type { AppContext } from '../server/src/platform/http/context.ts';

const usage = `Usage: npm run bench:import -- [options]

  --rows N               rows per workbook (default 20000)
  --concurrent N         imports started at once in the /health phase (default 3; 0 skips the phase)
  --probe-ms N           interval between /health probes (default 50)
  --server-url URL       PostgreSQL server (default postgres://postgres@127.0.0.1:5432)
  --maintenance-db NAME  database to connect to for CREATE/DROP DATABASE (default postgres)
  -h, --help             this text
`;

const { values } = parseArgs({
  options: {
    rows: { type: 'string' },
    concurrent: { type: 'string' },
    'probe-ms': { type: 'string' },
    'server-url': { type: 'string' },
    'maintenance-db': { type: 'string' },
    help: { type: 'boolean', short: 'h' },
  },
});
if (values.help) {
  process.stdout.write(usage);
  process.exit(0);
}
const count = (name: string, value: string | undefined, fallback: number) => {
  const n = value === undefined ? fallback : Number(value);
  if (!Number.isInteger(n) || n < 0) throw new Error(`--${name} must be a whole number, got "${value}"`);
  return n;
};
const options = {
  rows: count('rows', values.rows, 20_000),
  concurrent: count('concurrent', values.concurrent, 3),
  probeMs: count('probe-ms', values['probe-ms'], 50),
  serverUrl: values['server-url'] ?? 'postgres://postgres@127.0.0.1:5432',
  maintenanceDatabase: values['maintenance-db'] ?? 'postgres',
};

const log = (line: string) => process.stdout.write(`${line}\n`);
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

const headers = [
  '统一社会信用代码',
  '企业名称',
  '地址',
  '属地',
  '行业',
  '规模',
  '从业人数',
  '涉粉作业人数',
  '液氨制冷',
  '深井铸造',
  '法定代表人',
  '联系电话',
];
const trades = ['五金制品', '家具', '电子', '塑料制品', '纺织', '食品'];
const industries = ['机械', '轻工', '机械', '纺织', '轻工', '机械'];

// A workbook of `rows` valid rows in 蓬江区 whose credit codes start with `series` (two letters).
const rowValues = (series: string, i: number) => [
  makeCreditCode(`91440703${series}${String(i).padStart(7, '0')}`),
  `江门市蓬江区压测${series}${i}${trades[i % trades.length]}有限公司`,
  `江门市蓬江区压测路${i}号`,
  '蓬江区',
  industries[i % industries.length]!,
  i % 7 === 0 ? '中型' : '小型',
  String(10 + (i % 200)),
  '0',
  '否',
  '否',
  '张三',
  '0750-1234567',
];
const workbook = async (series: string, rows: number): Promise<Buffer> => {
  const chunks: Buffer[] = [];
  const { PassThrough } = await import('node:stream');
  const stream = new PassThrough();
  stream.on('data', (chunk: Buffer) => chunks.push(chunk));
  const book = new ExcelJS.stream.xlsx.WorkbookWriter({ stream, useSharedStrings: true });
  const sheet = book.addWorksheet('企业库');
  sheet.addRow(headers).commit();
  for (let i = 1; i <= rows; i += 1) sheet.addRow(rowValues(series, i)).commit();
  sheet.commit();
  await book.commit();
  return Buffer.concat(chunks);
};

const multipart = (file: Buffer) => {
  const boundary = '----inspecta-bench-boundary';
  const head = Buffer.from(
    `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="enterprises.xlsx"\r\nContent-Type: application/vnd.openxmlformats-officedocument.spreadsheetml.sheet\r\n\r\n`,
  );
  return {
    body: Buffer.concat([head, file, Buffer.from(`\r\n--${boundary}--\r\n`)]),
    type: `multipart/form-data; boundary=${boundary}`,
  };
};

const quantile = (sorted: number[], q: number) =>
  sorted.length === 0 ? Number.NaN : sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)]!;
const ms = (n: number) => `${n.toFixed(1)} ms`;
const mb = (n: number) => `${(n / 1024 / 1024).toFixed(0)} MB`;

const name = `inspecta_bench_import_${process.pid}`;
await maintenance(`create database ${name}`);
log(`Database: ${name} (scratch, dropped at the end)`);
const database = await openDatabase({ kind: 'postgresql', url: urlOf(name), poolSize: 10 });
const ctx: AppContext = {
  db: database.db,
  databaseKind: 'postgresql',
  clock: { now: () => new Date() },
  version: 'bench',
};
const raw = new pg.Client({ connectionString: urlOf(name) });
try {
  await database.migrate();
  await seedDemoData(ctx);
  const app = await buildApp({ ctx, sessionSecret: 'bench-secret-'.padEnd(40, 'x'), webDist: null });
  const address = await app.listen({ port: 0, host: '127.0.0.1' });
  const login = await fetch(`${address}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'pengjiang.inspector', password: demoPassword }),
  });
  if (login.status !== 200) throw new Error(`login: ${login.status} ${await login.text()}`);
  const cookie = login.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
  // node:http rather than fetch: an old import can take longer than fetch's five-minute header timeout
  const upload = (file: Buffer) =>
    new Promise<{ status: number; text: string; seconds: number }>((resolve, reject) => {
      const { body, type } = multipart(file);
      const started = performance.now();
      const request = http.request(
        `${address}/api/v1/enterprises/import`,
        {
          method: 'POST',
          headers: { cookie, 'content-type': type, 'content-length': body.length, origin: address },
        },
        (response) => {
          const chunks: Buffer[] = [];
          response.on('data', (chunk: Buffer) => chunks.push(chunk));
          response.on('end', () =>
            resolve({
              status: response.statusCode ?? 0,
              text: Buffer.concat(chunks).toString('utf8'),
              seconds: (performance.now() - started) / 1000,
            }),
          );
        },
      );
      request.on('error', reject);
      request.end(body);
    });

  // 1. one import, and the plain INSERT of the same rows
  const single = await workbook('BA', options.rows);
  log(`Workbook: ${options.rows} rows, ${(single.length / 1024 / 1024).toFixed(2)} MB`);
  global.gc?.();
  const rssBefore = process.memoryUsage.rss();
  let rssPeak = rssBefore;
  const sampler = setInterval(() => {
    rssPeak = Math.max(rssPeak, process.memoryUsage.rss());
  }, 20);
  const imported = await upload(single);
  clearInterval(sampler);
  rssPeak = Math.max(rssPeak, process.memoryUsage.rss());
  log(`Import: HTTP ${imported.status} ${imported.text.slice(0, 200)}`);

  await raw.connect();
  await raw.query('create table bench_plain_enterprises (like enterprises including all)');
  const plainRows = Array.from({ length: options.rows }, (_, i) => {
    const v = rowValues('BB', i + 1);
    return {
      credit_code: v[0],
      name: v[1],
      address: v[2],
      territory: '440703',
      industry: 'machinery',
      scale: 'small',
      workforce: Number(v[6]),
      dust_workers: 0,
      uses_liquid_ammonia: false,
      has_deep_well_casting: false,
      legal_representative: v[10],
      contact_phone: v[11],
    };
  });
  const plainStarted = performance.now();
  await raw.query(
    `insert into bench_plain_enterprises (credit_code, name, address, territory, industry, scale, workforce,
       dust_workers, uses_liquid_ammonia, has_deep_well_casting, legal_representative, contact_phone)
     select * from jsonb_to_recordset($1::jsonb) as x(credit_code text, name text, address text, territory text,
       industry text, scale text, workforce int, dust_workers int, uses_liquid_ammonia boolean,
       has_deep_well_casting boolean, legal_representative text, contact_phone text)`,
    [JSON.stringify(plainRows)],
  );
  const plainSeconds = (performance.now() - plainStarted) / 1000;

  log('');
  log(`| ${options.rows}-row import          | time      | RSS growth | baseline (plain INSERT) | ratio  |`);
  log('| ------------------------------ | --------- | ---------- | ----------------------- | ------ |');
  log(
    `| POST /api/v1/enterprises/import | ${imported.seconds.toFixed(2)} s | ${mb(rssPeak - rssBefore)} | ${plainSeconds.toFixed(2)} s | ${(imported.seconds / plainSeconds).toFixed(1)}x |`,
  );

  // 2. /health while imports run at once
  if (options.concurrent > 0) {
    const books = await Promise.all(
      Array.from({ length: options.concurrent }, (_, i) =>
        workbook(`C${String.fromCharCode(65 + i)}`, options.rows),
      ),
    );
    const probe = async (until: () => boolean) => {
      const latencies: number[] = [];
      while (!until()) {
        const started = performance.now();
        const response = await fetch(`${address}/api/v1/health`);
        await response.arrayBuffer();
        latencies.push(performance.now() - started);
        await new Promise((resolve) => setTimeout(resolve, options.probeMs));
      }
      return latencies.sort((a, b) => a - b);
    };
    const idleUntil = performance.now() + 5000;
    const idle = await probe(() => performance.now() > idleUntil);
    let running = true;
    const probes = probe(() => !running);
    const started = performance.now();
    const results = await Promise.all(books.map((book) => upload(book)));
    const wall = (performance.now() - started) / 1000;
    running = false;
    const busy = await probes;
    log('');
    log(`${options.concurrent} imports at once: ${wall.toFixed(1)} s until the last answered`);
    for (const [i, r] of results.entries())
      log(`  import ${i + 1}: HTTP ${r.status} after ${r.seconds.toFixed(1)} s ${r.text.slice(0, 160)}`);
    log('');
    log('| GET /api/v1/health         | n    | p50       | p99       | max       |');
    log('| -------------------------- | ---- | --------- | --------- | --------- |');
    for (const [label, l] of [
      ['idle (baseline)', idle],
      [`during ${options.concurrent} imports`, busy],
    ] as const) {
      log(
        `| ${label.padEnd(26)} | ${String(l.length).padEnd(4)} | ${ms(quantile(l, 0.5))} | ${ms(quantile(l, 0.99))} | ${ms(l[l.length - 1] ?? Number.NaN)} |`,
      );
    }
    log(`p99 ratio (during ÷ idle): ${(quantile(busy, 0.99) / quantile(idle, 0.99)).toFixed(1)}x`);
  }
  await app.close();
} finally {
  await raw.end().catch(() => {});
  await database.close();
  await maintenance(`drop database if exists ${name} with (force)`);
}
