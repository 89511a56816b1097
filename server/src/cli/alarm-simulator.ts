import { signRequest } from '../modules/monitoring/index.ts';
import { demoPassword } from '../demo/accounts.ts';
import { demoSigningKey } from '../demo/monitoring.ts';

// issue 16 item 9: signed alarm traffic from several monitoring sources to a running server, through the same
// batch endpoints a real source calls: the hazardous-chemicals system in our normalised JSON, the dust module of
// the industry-and-trade system in the provincial upload style (eventsData, one envelope per enterprise). It signs
// with the demo's published source keys (demoSigningKey) unless given others, registers simulated points for
// demo enterprises through the API (as an administrator), and reports what the server answered.

export type SimulatorSource = {
  id: string;
  kind: string;
  name: string;
  key: string;
  style: 'normalised' | 'provincial';
  points: SimulatorPoint[];
};
export type SimulatorPoint = {
  code: string;
  kind: 'temperature' | 'pressure' | 'level' | 'gas' | 'pressure_difference';
  enterpriseCode: string;
  high: number;
  unit: string;
};
export type Simulation = {
  baseUrl: string;
  cookie: string;
  // the server's clock minus ours (the server refuses a timestamp more than 5 minutes off its own)
  offsetMs: number;
  sources: SimulatorSource[];
};
export type Tally = {
  sent: number;
  accepted: number;
  duplicates: number;
  rejected: number;
  failedRequests: number;
  requests: number;
};
export type SentBatch = {
  source: SimulatorSource;
  externalIds: string[];
  acknowledged: boolean;
  outcome?: { accepted: number; duplicates: number; rejected: { index: number }[] };
};

type Log = (line: string) => void;

// mulberry32: a small seeded generator, so a run can be repeated (the traffic decides nothing)
export const seededRandom = (seed: number) => {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
};

const json = async <T>(response: Response, what: string): Promise<T> => {
  if (!response.ok) throw new Error(`${what}: ${response.status} ${await response.text()}`);
  return (await response.json()) as T;
};

const POINT_KINDS: Record<
  'normalised' | 'provincial',
  { kind: SimulatorPoint['kind']; unit: string; high: number; name: string }[]
> = {
  normalised: [
    { kind: 'temperature', unit: '℃', high: 50, name: '储罐温度' },
    { kind: 'pressure', unit: 'MPa', high: 1.6, name: '反应釜压力' },
    { kind: 'level', unit: '%', high: 85, name: '储罐液位' },
    { kind: 'gas', unit: '%LEL', high: 20, name: '可燃气体浓度' },
  ],
  provincial: [
    { kind: 'temperature', unit: '℃', high: 70, name: '除尘器灰斗温度' },
    { kind: 'pressure_difference', unit: 'Pa', high: 1500, name: '除尘器进出口风压差' },
  ],
};

// Logs in, finds the demo's two sources, and makes sure each has `pointsPerSource` simulated points spread over
// the territory's enterprises (registered once; a second run finds them).
export const prepareSimulation = async (options: {
  baseUrl: string;
  username?: string;
  password?: string;
  pointsPerSource?: number;
  keys?: Record<string, string>;
  log?: Log;
}): Promise<Simulation> => {
  const log = options.log ?? (() => {});
  const login = await fetch(`${options.baseUrl}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      username: options.username ?? 'admin',
      password: options.password ?? demoPassword,
    }),
  });
  if (!login.ok) throw new Error(`登录失败 ${login.status}: ${await login.text()}`);
  const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0]!;
  const serverTime = Date.parse(login.headers.get('x-server-time') ?? '');
  const offsetMs = Number.isFinite(serverTime) ? serverTime - Date.now() : 0;
  const get = <T>(path: string) =>
    fetch(`${options.baseUrl}${path}`, { headers: { cookie } }).then((r) => json<T>(r, path));

  const { items: listed } = await get<{ items: { id: string; kind: string; name: string }[] }>(
    '/api/v1/monitoring/sources',
  );
  const wanted = [
    { kind: 'hazardous_chemicals', style: 'normalised' as const },
    { kind: 'industry_trade', style: 'provincial' as const },
  ];
  const { items: enterprises } = await get<{ items: { id: string; creditCode: string }[] }>(
    '/api/v1/enterprises?pageSize=20&sort=name',
  );
  if (enterprises.length === 0) throw new Error('服务器上没有企业：模拟器需要演示数据');
  const sources: SimulatorSource[] = [];
  for (const { kind, style } of wanted) {
    const found = listed.find((source) => source.kind === kind);
    if (!found) throw new Error(`服务器上没有“${kind}”类监测来源：模拟器使用演示数据中的来源`);
    const key = options.keys?.[found.id] ?? demoSigningKey(kind);
    const prefix = style === 'normalised' ? 'SIM-HC' : 'SIM-DUST';
    const existing = new Map(
      (
        await get<{
          items: {
            code: string;
            kind: SimulatorPoint['kind'];
            enterpriseId: string;
            unit: string | null;
            thresholds: { high?: number };
          }[];
        }>(`/api/v1/monitoring/sources/${found.id}/points`)
      ).items.map((point) => [point.code, point]),
    );
    const points: SimulatorPoint[] = [];
    const wantedPoints = options.pointsPerSource ?? 40;
    let registered = 0;
    for (let i = 0; i < wantedPoints; i += 1) {
      const code = `${prefix}-${String(i + 1).padStart(4, '0')}`;
      const spec = POINT_KINDS[style][i % POINT_KINDS[style].length]!;
      // a dust module's gateway serves one enterprise's collectors: its points sit with a few enterprises
      const enterprise = enterprises[(style === 'provincial' ? i % 5 : i) % enterprises.length]!;
      if (!existing.has(code)) {
        const response = await fetch(`${options.baseUrl}/api/v1/monitoring/sources/${found.id}/points`, {
          method: 'POST',
          headers: { cookie, 'content-type': 'application/json' },
          body: JSON.stringify({
            code,
            name: `模拟${spec.name}${i + 1}`,
            enterpriseId: enterprise.id,
            kind: spec.kind,
            unit: spec.unit,
            thresholds: { high: spec.high, highHigh: spec.high * 1.25 },
          }),
        });
        if (response.status !== 201 && response.status !== 409)
          throw new Error(`登记监测点 ${code}: ${response.status} ${await response.text()}`);
        registered += 1;
      }
      points.push({
        code,
        kind: spec.kind,
        enterpriseCode: enterprise.creditCode,
        high: spec.high,
        unit: spec.unit,
      });
    }
    if (registered > 0) log(`${found.name}：登记模拟监测点 ${registered} 个`);
    sources.push({ id: found.id, kind, name: found.name, key, style, points });
  }
  return { baseUrl: options.baseUrl, cookie, offsetMs, sources };
};

// Beijing time without offset, as the provincial interface writes it
const beijing = (ms: number) => new Date(ms + 8 * 3600_000).toISOString().slice(0, 19).replace('T', ' ');

export const sendSigned = async (
  simulation: Simulation,
  source: SimulatorSource,
  path: string,
  body: string,
) => {
  const timestamp = String(Math.floor((Date.now() + simulation.offsetMs) / 1000));
  return fetch(`${simulation.baseUrl}${path}`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      'x-inspecta-source': source.id,
      'x-inspecta-timestamp': timestamp,
      'x-inspecta-signature': signRequest(source.key, { method: 'POST', path, timestamp, body }),
    },
    body,
  });
};

// Normalised alarms for one source: mostly threshold crossings at three levels, some clears.
export const normalisedAlarms = (
  source: SimulatorSource,
  count: number,
  options: { runId: string; firstSeq: number; atMs: number; random: () => number },
) =>
  Array.from({ length: count }, (_, i) => {
    const point = source.points[Math.floor(options.random() * source.points.length)]!;
    const roll = options.random();
    const externalId = `${options.runId}-${options.firstSeq + i}`;
    const at = new Date(options.atMs).toISOString();
    if (roll < 0.05)
      return {
        externalId,
        enterpriseCode: point.enterpriseCode,
        pointCode: point.code,
        at,
        status: 'clear',
        kind: point.kind,
        value: point.high * 0.8,
      };
    const level = roll < 0.7 ? 'yellow' : roll < 0.93 ? 'orange' : 'red';
    const over = level === 'yellow' ? 1.05 : level === 'orange' ? 1.2 : 1.35;
    return {
      externalId,
      enterpriseCode: point.enterpriseCode,
      pointCode: point.code,
      at,
      status: 'alarm',
      kind: point.kind,
      level,
      value: Math.round(point.high * over * (1 + options.random() * 0.05) * 100) / 100,
      threshold: point.high,
      unit: point.unit,
    };
  });

// Provincial events (eventsData), one envelope per enterprise; a point reports at most once a second (the
// interface's events are keyed by point, second and status code).
const provincialEnvelopes = (
  source: SimulatorSource,
  count: number,
  atMs: number,
  usedThisSecond: Set<string>,
  random: () => number,
) => {
  const byEnterprise = new Map<string, Record<string, unknown>[]>();
  const ts = beijing(atMs);
  let made = 0;
  for (const point of source.points) {
    if (made >= count) break;
    if (usedThisSecond.has(point.code)) continue;
    usedThisSecond.add(point.code);
    const clear = random() < 0.05;
    const value = Math.round(point.high * (clear ? 0.8 : 1.05 + random() * 0.3) * 10) / 10;
    const items = byEnterprise.get(point.enterpriseCode) ?? [];
    items.push({
      ts,
      oname: point.code,
      avx: value,
      scd: clear ? 0 : value >= point.high * 1.25 ? 4 : 1,
      threshold: point.high,
      content: clear ? `${point.code} 报警解除` : `${point.code} 超限报警`,
    });
    byEnterprise.set(point.enterpriseCode, items);
    made += 1;
  }
  return [...byEnterprise.entries()].map(([qybm, data]) => ({ qybm, wgbm: 'SIM-GW-01', data }));
};

const emptyTally = (): Tally => ({
  sent: 0,
  accepted: 0,
  duplicates: 0,
  rejected: 0,
  failedRequests: 0,
  requests: 0,
});

// Sends at `rate` alarms a second for `seconds`, in batches every `tickMs`, with at most `concurrency` requests in
// flight (when the server is slower, the achieved rate is lower and says so). About 1% are sent again later (a
// source's retry: the server answers them as duplicates) and 0.2% are malformed (answered per item).
export const runSimulation = async (
  simulation: Simulation,
  options: {
    rate: number;
    seconds: number;
    seed?: number;
    tickMs?: number;
    concurrency?: number;
    log?: Log;
    onBatch?: (batch: SentBatch) => void;
  },
): Promise<Tally & { seconds: number; achievedRate: number }> => {
  const log = options.log ?? (() => {});
  const random = seededRandom(options.seed ?? 20251126);
  const runId = `sim-${Date.now().toString(36)}`;
  const tickMs = options.tickMs ?? 500;
  const concurrency = options.concurrency ?? 8;
  const tally = emptyTally();
  const inFlight = new Set<Promise<void>>();
  const retries: { source: SimulatorSource; alarm: Record<string, unknown> }[] = [];
  const normalised = simulation.sources.find((source) => source.style === 'normalised')!;
  const provincial = simulation.sources.find((source) => source.style === 'provincial');
  let seq = 0;
  let generated = 0;
  let second = -1;
  const usedThisSecond = new Set<string>();

  const post = (
    source: SimulatorSource,
    path: string,
    body: string,
    externalIds: string[],
    count: number,
  ) => {
    const request = (async () => {
      tally.requests += 1;
      tally.sent += count;
      try {
        const response = await sendSigned(simulation, source, path, body);
        if (!response.ok) {
          tally.failedRequests += 1;
          options.onBatch?.({ source, externalIds, acknowledged: false });
          if (tally.failedRequests <= 3)
            log(`请求失败 ${response.status}: ${(await response.text()).slice(0, 200)}`);
          return;
        }
        const outcome = (await response.json()) as {
          accepted: number;
          duplicates: number;
          rejected: { index: number }[];
        };
        tally.accepted += outcome.accepted;
        tally.duplicates += outcome.duplicates;
        tally.rejected += outcome.rejected.length;
        options.onBatch?.({ source, externalIds, acknowledged: true, outcome });
      } catch (error) {
        tally.failedRequests += 1;
        options.onBatch?.({ source, externalIds, acknowledged: false });
        if (tally.failedRequests <= 3)
          log(`请求失败：${error instanceof Error ? error.message : String(error)}`);
      }
    })();
    inFlight.add(request);
    void request.finally(() => inFlight.delete(request));
  };

  const started = performance.now();
  let lastReport = started;
  const endAt = started + options.seconds * 1000;
  while (performance.now() < endAt) {
    const now = performance.now();
    const due = Math.floor(((now - started) / 1000) * options.rate) - generated;
    if (due > 0) {
      const atMs = Date.now() + simulation.offsetMs;
      const thisSecond = Math.floor(atMs / 1000);
      if (thisSecond !== second) {
        second = thisSecond;
        usedThisSecond.clear();
      }
      const provincialShare = provincial
        ? Math.min(Math.round(due * 0.3), provincial.points.length - usedThisSecond.size)
        : 0;
      const normalCount = due - provincialShare;
      const alarms: Record<string, unknown>[] = normalisedAlarms(normalised, normalCount, {
        runId,
        firstSeq: seq,
        atMs,
        random,
      });
      seq += normalCount;
      for (const alarm of alarms) {
        const roll = random();
        if (roll < 0.01) retries.push({ source: normalised, alarm });
        else if (roll < 0.012) delete alarm.at;
      }
      // the retries queued earlier go out with this batch
      alarms.push(
        ...retries
          .splice(0, Math.min(retries.length, Math.ceil(normalCount / 100)))
          .map((entry) => entry.alarm),
      );
      for (let i = 0; i < alarms.length; i += 1000) {
        const chunk = alarms.slice(i, i + 1000);
        post(
          normalised,
          '/api/v1/monitoring/ingest/alarms/batch',
          JSON.stringify({ alarms: chunk }),
          chunk.map((a) => String(a.externalId)),
          chunk.length,
        );
      }
      let provincialSent = 0;
      if (provincial && provincialShare > 0)
        for (const envelope of provincialEnvelopes(
          provincial,
          provincialShare,
          atMs,
          usedThisSecond,
          random,
        )) {
          provincialSent += envelope.data.length;
          post(
            provincial,
            '/api/v1/monitoring/ingest/provincial/eventsData',
            JSON.stringify(envelope),
            envelope.data.map(
              (item) => `${envelope.qybm}:${String(item.oname)}:${String(item.ts)}:${String(item.scd)}`,
            ),
            envelope.data.length,
          );
        }
      generated += normalCount + provincialSent;
    }
    while (inFlight.size >= concurrency) await Promise.race(inFlight);
    if (now - lastReport >= 1000) {
      lastReport = now;
      const elapsed = (now - started) / 1000;
      log(
        `${elapsed.toFixed(0)} s：已发送 ${tally.sent}，接收 ${tally.accepted}，重复 ${tally.duplicates}，拒收 ${tally.rejected}，失败请求 ${tally.failedRequests}，${(tally.accepted / elapsed).toFixed(0)} 条/秒`,
      );
    }
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, tickMs - (performance.now() - now))));
  }
  await Promise.all(inFlight);
  const seconds = (performance.now() - started) / 1000;
  return { ...tally, seconds, achievedRate: (tally.accepted + tally.duplicates + tally.rejected) / seconds };
};
