// `npm run simulate:alarms -- --rate 2000 --minutes 5 [--url http://127.0.0.1:3000]`: signed alarm traffic from
// the demo's monitoring sources to a running server (issue 16 item 9). See alarm-simulator.ts.
import { parseArgs } from 'node:util';
import { prepareSimulation, runSimulation } from './alarm-simulator.ts';

const usage = `Usage: npm run simulate:alarms -- [options]

  --rate N           alarms a second (default 2000)
  --minutes N        how long (default 5); or --seconds N
  --url URL          the server (default http://127.0.0.1:3000)
  --points N         simulated monitoring points per source, registered once (default 200)
  --user NAME        administrator who registers the points (default admin, the demo's)
  --password TEXT    its password (default the demo password)
  --source ID:KEY    sign as this source with this key instead of the demo's key (repeatable)
  --concurrency N    requests in flight at most (default 8)
  --seed N           the traffic's random seed (default 20251126)
  -h, --help         this text
`;

const { values } = parseArgs({
  options: {
    rate: { type: 'string' },
    minutes: { type: 'string' },
    seconds: { type: 'string' },
    url: { type: 'string' },
    points: { type: 'string' },
    user: { type: 'string' },
    password: { type: 'string' },
    source: { type: 'string', multiple: true },
    concurrency: { type: 'string' },
    seed: { type: 'string' },
    help: { type: 'boolean', short: 'h' },
  },
});
if (values.help) {
  process.stdout.write(usage);
  process.exit(0);
}
const positive = (name: string, value: string | undefined, fallback: number): number => {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isFinite(n) || n <= 0) throw new Error(`--${name} 应为正数，收到“${value}”`);
  return n;
};
const log = (line: string) => process.stdout.write(`${line}\n`);
const baseUrl = (values.url ?? 'http://127.0.0.1:3000').replace(/\/$/, '');
const seconds =
  values.seconds !== undefined
    ? positive('seconds', values.seconds, 0)
    : positive('minutes', values.minutes, 5) * 60;
const rate = positive('rate', values.rate, 2000);
const keys = Object.fromEntries(
  (values.source ?? []).map((entry) => {
    const [id, key] = entry.split(':');
    if (!id || !key) throw new Error(`--source 应为 来源ID:密钥，收到“${entry}”`);
    return [id, key];
  }),
);

const simulation = await prepareSimulation({
  baseUrl,
  ...(values.user ? { username: values.user } : {}),
  ...(values.password ? { password: values.password } : {}),
  pointsPerSource: Math.round(positive('points', values.points, 200)),
  keys,
  log,
});
log(
  `向 ${baseUrl} 发送：${simulation.sources.map((s) => `${s.name}（${s.style === 'normalised' ? '标准 JSON' : '省级接口格式'}，${s.points.length} 个监测点）`).join('；')}`,
);
log(`目标 ${rate} 条/秒，共 ${seconds} 秒`);
const summary = await runSimulation(simulation, {
  rate,
  seconds,
  concurrency: Math.round(positive('concurrency', values.concurrency, 8)),
  seed: Math.round(positive('seed', values.seed, 20251126)),
  log,
});
log('');
log(
  `sent ${summary.sent}  accepted ${summary.accepted}  duplicates ${summary.duplicates}  rejected ${summary.rejected}`,
);
log(
  `requests ${summary.requests} (failed ${summary.failedRequests})  ${summary.seconds.toFixed(1)} s  achieved ${summary.achievedRate.toFixed(0)} alarms/s (target ${rate})`,
);
process.exit(summary.failedRequests > 0 ? 1 : 0);
