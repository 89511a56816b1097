// `npm run bench:load`: a mixed load at a set rate (issue 18 item 7), against a running app (`--url`, e.g. the
// cluster of `npm run cluster -- up`) or a server this command starts on a fresh PostgreSQL database with the demo
// data. Officers browse and search, an officer records findings with photos on an inspection under way, monitoring
// sources send signed alarm batches, the public reads the portal. Requests are sent on a schedule (open loop), not
// one after the other, so a slow server meets the same traffic and its slowness shows in the latencies. Prints per
// endpoint the count, errors, p50/p99, and the servers' RSS sampled every 10 s.
//
// The default rates are a province's busiest hour, by these assumptions (not measured, not legal facts; change them
// with --scale): 20,000 officers (the officer count issue 18 item 3 uses), a tenth of them at work in the app
// at once, each making an API call every 20 s: 100 calls a second of browsing and searching; a million
// enterprises inspected about once in three years, over 2,000 working hours a year: about 0.05 inspections a
// second, each recording three photos and a batch of findings; 50 alarms a second from the monitoring systems, in
// batches every 500 ms; 5 public portal reads a second.
import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { prepareSimulation, runSimulation } from '../server/src/cli/alarm-simulator.ts';
import { demoPassword } from '../server/src/demo/accounts.ts';
import { quantile } from './stats.ts';

const usage = `Usage: npm run bench:load -- [options]

  --minutes N        how long the load runs (default 10)
  --scale X          multiplies every rate (default 1: a province's busiest hour, see bench/load.ts)
  --url URL          a running app with the demo data (default: start one on a fresh PostgreSQL database)
  --pids A,B,C       its server processes, for RSS (default: the one started here)
  --server-url URL   PostgreSQL for the server started here (default postgres://postgres@127.0.0.1:5432)
  -h, --help         this text
`;

const { values } = parseArgs({
  options: {
    minutes: { type: 'string' },
    scale: { type: 'string' },
    url: { type: 'string' },
    pids: { type: 'string' },
    'server-url': { type: 'string' },
    help: { type: 'boolean', short: 'h' },
  },
});
if (values.help) {
  process.stdout.write(usage);
  process.exit(0);
}
const positive = (name: string, value: string | undefined, fallback: number) => {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isFinite(n) || n <= 0) throw new Error(`--${name} 须为正数，收到“${value}”`);
  return n;
};
const minutes = positive('minutes', values.minutes, 10);
const scale = positive('scale', values.scale, 1);
const seconds = minutes * 60;
const rates = {
  officers: 100 * scale,
  inspections: 0.05 * scale,
  alarms: 50 * scale,
  portal: 5 * scale,
};
const clock = '2026-11-26T10:00:00+08:00';
const photo = fs.readFileSync(path.resolve(import.meta.dirname, '../server/test/fixtures/site-photo.jpg'));

const startServer = async () => {
  const serverUrl = values['server-url'] ?? 'postgres://postgres@127.0.0.1:5432';
  const name = `inspecta_load_${process.pid}`;
  const admin = new pg.Client({ connectionString: `${serverUrl}/postgres` });
  await admin.connect();
  await admin.query(`create database ${name}`);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'inspecta-load-'));
  const port = 15_600 + (process.pid % 300);
  const log = fs.openSync(path.join(dir, 'server.log'), 'w');
  const child = spawn(
    process.execPath,
    ['--max-old-space-size=384', '--import', 'tsx', 'server/src/main.ts'],
    {
      cwd: path.resolve(import.meta.dirname, '..'),
      stdio: ['ignore', log, log],
      env: {
        ...process.env,
        NODE_ENV: 'test',
        INSPECTA_CLOCK: clock,
        DATABASE_URL: `${serverUrl}/${name}`,
        PORT: String(port),
        HOST: '127.0.0.1',
        DATA_DIR: dir,
        BACKUP_KEEP: '0',
        LOGIN_ATTEMPTS_PER_IP: '100000',
        REPORTS_PER_IP: '100000',
      },
    },
  );
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 240_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`服务器已退出：${path.join(dir, 'server.log')}`);
    try {
      if ((await fetch(`${url}/api/v1/health`)).ok) break;
    } catch {
      // not yet
    }
    if (Date.now() > deadline) throw new Error('服务器未能启动');
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  return {
    url,
    pids: [child.pid!],
    stop: async () => {
      child.kill('SIGTERM');
      await new Promise((resolve) => child.once('exit', resolve));
      await admin.query(`drop database if exists ${name} with (force)`);
      await admin.end();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
};

type Sample = { endpoint: string; ms: number; ok: boolean };

const main = async () => {
  const own = values.url ? null : await startServer();
  const url = values.url ?? own!.url;
  const pids = values.pids ? values.pids.split(',').map(Number) : (own?.pids ?? []);
  try {
    const cookieOf = async (username: string) => {
      const response = await fetch(`${url}/api/v1/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username, password: demoPassword }),
      });
      if (!response.ok) throw new Error(`登录 ${username} 失败：${response.status}`);
      return response.headers
        .getSetCookie()
        .map((line) => line.split(';')[0])
        .join('; ');
    };
    const officers = await Promise.all(
      ['pengjiang.inspector', 'city.head', 'city.inspector', 'xinhui.inspector', 'pengjiang.head'].map(
        cookieOf,
      ),
    );
    const recorder = await cookieOf('pengjiang.inspector');
    const underway = (await (
      await fetch(`${url}/api/v1/inspections?stage=checked_in&pageSize=5`, { headers: { cookie: recorder } })
    ).json()) as { items: { id: string }[] };
    const inspectionId = underway.items[0]?.id;
    if (!inspectionId) throw new Error('演示数据中没有正在现场检查的检查');
    const form = (await (
      await fetch(`${url}/api/v1/inspections/${inspectionId}/form`, { headers: { cookie: recorder } })
    ).json()) as { form: { sections: { items: { code: string }[] }[] } };
    const itemCodes = form.form.sections.flatMap((section) => section.items.map((item) => item.code));

    const samples: Sample[] = [];
    let dropped = 0;
    const inFlight = { n: 0 };
    const send = async (endpoint: string, request: () => Promise<Response>) => {
      if (inFlight.n >= 400) {
        dropped += 1;
        return null;
      }
      inFlight.n += 1;
      const from = performance.now();
      try {
        const response = await request();
        const body = await response.text();
        samples.push({ endpoint, ms: performance.now() - from, ok: response.ok });
        return response.ok ? body : null;
      } catch {
        samples.push({ endpoint, ms: performance.now() - from, ok: false });
        return null;
      } finally {
        inFlight.n -= 1;
      }
    };
    const fragments = ['五金', '华美', '化工', '棠下', '机械', '家具', '塑料', '电子', '蓬江区', '江门市'];
    let browse = 0;
    const officerCall = () => {
      const n = browse++;
      const cookie = officers[n % officers.length]!;
      const get = (endpoint: string, pathname: string) =>
        send(endpoint, () => fetch(`${url}${pathname}`, { headers: { cookie } }));
      switch (n % 5) {
        case 0:
          return get(
            'GET /enterprises?q=',
            `/api/v1/enterprises?q=${encodeURIComponent(fragments[n % fragments.length]!)}`,
          );
        case 1:
          return get('GET /enterprises', '/api/v1/enterprises?page=2');
        case 2:
          return get('GET /inspections', '/api/v1/inspections');
        case 3:
          return get('GET /workbench', '/api/v1/workbench');
        default:
          return get('GET /monitoring/incidents', '/api/v1/monitoring/incidents?limit=50');
      }
    };
    let publicRead = 0;
    const portalCall = () =>
      publicRead++ % 2 === 0
        ? send('GET /public/portal', () => fetch(`${url}/api/v1/public/portal`))
        : send('GET /public/inspection-results', () => fetch(`${url}/api/v1/public/inspection-results`));
    let recorded = 0;
    const recordCall = async () => {
      const n = recorded++;
      const photoIds: string[] = [];
      for (let i = 0; i < 3; i++) {
        const id = randomUUID();
        const body = new FormData();
        body.set('id', id);
        body.set('kind', 'photo');
        body.set('file', new Blob([photo], { type: 'image/jpeg' }), `IMG_${n}_${i}.jpg`);
        const stored = await send('POST /inspections/:id/files', () =>
          fetch(`${url}/api/v1/inspections/${inspectionId}/files`, {
            method: 'POST',
            headers: { cookie: recorder },
            body,
          }),
        );
        if (stored !== null) photoIds.push(id);
      }
      if (photoIds.length === 0) return;
      await send('POST /inspections/:id/sync', () =>
        fetch(`${url}/api/v1/inspections/${inspectionId}/sync`, {
          method: 'POST',
          headers: { cookie: recorder, 'content-type': 'application/json' },
          body: JSON.stringify({
            entries: [],
            findings: [
              {
                id: randomUUID(),
                itemCode: itemCodes[n % itemCodes.length],
                description: `压力测试记录的问题 ${n + 1}：消防通道堆放杂物`,
                majorHiddenDanger: false,
                photoIds,
                bodyCameraRefs: [],
                recordedAt: new Date(Date.parse(clock) + n * 1000).toISOString(),
              },
            ],
          }),
        }),
      );
    };

    // each stream on its own schedule, from the same start
    const started = performance.now();
    const elapsed = () => (performance.now() - started) / 1000;
    const every = (perSecond: number, call: () => Promise<unknown>) =>
      (async () => {
        const pending: Promise<unknown>[] = [];
        for (let k = 0; ; k++) {
          const due = k / perSecond;
          if (due >= seconds) break;
          const wait = due - elapsed();
          if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait * 1000));
          pending.push(call());
        }
        await Promise.all(pending);
      })();
    const rss: Record<number, number[]> = {};
    const sampler = setInterval(() => {
      for (const pid of pids) {
        try {
          const kb = /VmRSS:\s+(\d+)/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
          if (kb) (rss[pid] ??= []).push(Number(kb) / 1024);
        } catch {
          // gone
        }
      }
    }, 10_000);
    const progress = setInterval(() => {
      process.stderr.write(`  ${elapsed().toFixed(0)} s：${samples.length} 个请求已答复\n`);
    }, 60_000);
    const simulation = await prepareSimulation({ baseUrl: url, pointsPerSource: 200 });
    const alarms = runSimulation(simulation, { rate: rates.alarms, seconds, tickMs: 500 });
    await Promise.all([
      every(rates.officers, officerCall),
      every(rates.portal, portalCall),
      every(rates.inspections, recordCall),
      alarms,
    ]);
    clearInterval(sampler);
    clearInterval(progress);
    const tally = await alarms;

    console.log(
      `\n${minutes} 分钟，速率 ×${scale}：官员 ${rates.officers}/s，公众 ${rates.portal}/s，现场记录 ${rates.inspections}/s（每次 3 张照片 + 1 批问题），报警 ${rates.alarms} 条/s`,
    );
    const byEndpoint = new Map<string, Sample[]>();
    for (const sample of samples) {
      const list = byEndpoint.get(sample.endpoint) ?? [];
      list.push(sample);
      byEndpoint.set(sample.endpoint, list);
    }
    console.log('| endpoint | requests | errors | p50 ms | p99 ms |');
    console.log('| --- | --- | --- | --- | --- |');
    for (const [endpoint, list] of [...byEndpoint].sort(([a], [b]) => a.localeCompare(b))) {
      const times = list.map((sample) => sample.ms);
      console.log(
        `| ${endpoint} | ${list.length} | ${list.filter((sample) => !sample.ok).length} | ${quantile(times, 0.5).toFixed(1)} | ${quantile(times, 0.99).toFixed(1)} |`,
      );
    }
    console.log(
      `| alarm batches (signed) | ${tally.requests} | ${tally.failedRequests} | — | — |\n报警：发送 ${tally.sent} 条，接收 ${tally.accepted}，重复 ${tally.duplicates}，拒收 ${tally.rejected}（模拟器故意发送约 0.2% 格式错误的报警），实际 ${tally.achievedRate.toFixed(1)} 条/s`,
    );
    console.log(`未发出（同时在途已达 400）：${dropped}`);
    for (const [pid, list] of Object.entries(rss)) {
      console.log(`RSS（进程 ${pid}，每 10 s）：${list.map((value) => value.toFixed(0)).join(' ')} MB`);
    }
  } finally {
    await own?.stop();
  }
};

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
