import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { cluster, signIn, sqlOn, type Client } from './client.ts';

// Issue 18 item 6: under a mixed load, one API server is killed and then the primary is lost and the replica
// promoted (pg_ctl promote). No acknowledged write is lost: every report the public was given a receipt for is in
// the promoted database. Replication is synchronous (scripts/cluster.mjs), so a commit is acknowledged only once
// the replica has it on disk.

const seconds = Number(process.env.CLUSTER_LOAD_SECONDS ?? 45);
const killAt = seconds * 0.25;
const promoteAt = seconds * 0.5;

const pgCommand = (name: string, args: string[]): [string, string[]] =>
  process.getuid?.() === 0
    ? ['runuser', ['-u', 'postgres', '--', path.join(cluster.pgBin, name), ...args]]
    : [path.join(cluster.pgBin, name), args];
const runPg = (name: string, args: string[]) => {
  const [command, argv] = pgCommand(name, args);
  const result = spawnSync(command, argv, { encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`${name}: ${result.stderr}`);
};

const rssOf = (pid: number): number | null => {
  try {
    const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
    // a killed process not yet reaped has no resident set
    const kb = /VmRSS:\s+(\d+)/.exec(status)?.[1];
    return kb ? Number(kb) / 1024 : null;
  } catch {
    return null;
  }
};

type Sample = { endpoint: string; ms: number; status: number; at: number };

const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
};

describe('a server killed and the replica promoted under load', () => {
  it('loses no acknowledged write, and serves again on the promoted database', async () => {
    const officers: Client[] = [];
    for (const username of ['pengjiang.inspector', 'city.head', 'city.inspector', 'xinhui.inspector']) {
      officers.push(await signIn(username));
    }
    const samples: Sample[] = [];
    const acknowledged: string[] = [];
    const started = Date.now();
    const elapsed = () => (Date.now() - started) / 1000;
    const timed = async (endpoint: string, send: () => Promise<Response>) => {
      const from = performance.now();
      let status = 0;
      let body = '';
      try {
        const response = await send();
        status = response.status;
        body = await response.text();
      } catch {
        status = 0;
      }
      samples.push({ endpoint, ms: performance.now() - from, status, at: elapsed() });
      return { status, body };
    };
    const fragments = ['五金', '华美', '化工', '棠下', '机械', '家具', '塑料', '电子'];
    const reader = async (officer: Client, index: number) => {
      for (let n = 0; elapsed() < seconds; n++) {
        const pick = (index + n) % 4;
        if (pick === 0)
          await timed('GET /enterprises?q=', () =>
            officer.call(
              'GET',
              `/api/v1/enterprises?q=${encodeURIComponent(fragments[n % fragments.length]!)}`,
            ),
          );
        else if (pick === 1)
          await timed('GET /inspections', () => officer.call('GET', '/api/v1/inspections'));
        else if (pick === 2) await timed('GET /workbench', () => officer.call('GET', '/api/v1/workbench'));
        else
          await timed('GET /public/inspection-results', () =>
            fetch(`${cluster.url}/api/v1/public/inspection-results`),
          );
      }
    };
    const reporter = async (index: number) => {
      for (let n = 0; elapsed() < seconds; n++) {
        const answer = await timed('POST /public/reports', () =>
          fetch(`${cluster.url}/api/v1/public/reports`, {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify({
              kind: 'major_hidden_danger',
              content: `集群切换测试：某仓库消防通道堵塞（第 ${index}-${n} 件）`,
              enterpriseDescription: `某仓储点 ${index}-${n}`,
              county: '440703',
              anonymous: true,
              employeeOfEnterprise: false,
            }),
          }),
        );
        if (answer.status === 201 || answer.status === 200)
          acknowledged.push((JSON.parse(answer.body) as { receiptCode: string }).receiptCode);
        else await new Promise((resolve) => setTimeout(resolve, 200));
      }
    };
    const rss: Record<string, (number | null)[]> = {};
    const sampler = setInterval(() => {
      for (const server of cluster.servers) (rss[server.name] ??= []).push(rssOf(server.pid));
    }, 1000);

    const victim = cluster.servers[1]!;
    const events = (async () => {
      await new Promise((resolve) => setTimeout(resolve, killAt * 1000));
      process.kill(victim.pid, 'SIGKILL');
      await new Promise((resolve) => setTimeout(resolve, (promoteAt - killAt) * 1000));
      // the primary is lost (stopped at once, as a crash), and the replica becomes the primary
      runPg('pg_ctl', ['-D', cluster.primaryData, '-m', 'immediate', 'stop']);
      runPg('pg_ctl', ['-D', cluster.replicaData, '-w', 'promote']);
    })();
    await Promise.all([
      ...officers.map((officer, index) => reader(officer, index)),
      ...[1, 2, 3].map((index) => reporter(index)),
      events,
    ]);
    clearInterval(sampler);

    // what the load saw, second by second: the answers by status (0: no answer)
    const timeline = new Map<number, Map<number, number>>();
    for (const sample of samples) {
      const second = Math.floor(sample.at);
      const counts = timeline.get(second) ?? new Map<number, number>();
      counts.set(sample.status, (counts.get(sample.status) ?? 0) + 1);
      timeline.set(second, counts);
    }
    console.log(
      [...timeline]
        .sort(([a], [b]) => a - b)
        .map(
          ([second, counts]) => `${second}s ${[...counts].map(([status, n]) => `${status}×${n}`).join(' ')}`,
        )
        .join('\n'),
    );

    // every receipt the public was given is in the promoted database
    const stored = await sqlOn<{ receipt_code: string }>(
      cluster.replicaUrl,
      'select receipt_code from reports where receipt_code = any($1::text[])',
      [acknowledged],
    );
    expect(acknowledged.length).toBeGreaterThan(0);
    expect(new Set(stored.map((row) => row.receipt_code)).size).toBe(acknowledged.length);
    // and it took writes again after the promotion
    const acknowledgedAfter = samples.filter(
      (sample) => sample.endpoint.startsWith('POST') && sample.status === 201 && sample.at > promoteAt + 5,
    );
    expect(acknowledgedAfter.length).toBeGreaterThan(0);
    // reads were answered again after it too
    const readsAfter = samples.filter(
      (sample) => sample.endpoint.startsWith('GET') && sample.status === 200 && sample.at > promoteAt + 5,
    );
    expect(readsAfter.length).toBeGreaterThan(0);

    const byEndpoint = new Map<string, Sample[]>();
    for (const sample of samples)
      byEndpoint.set(sample.endpoint, [...(byEndpoint.get(sample.endpoint) ?? []), sample]);
    console.log(
      `负载 ${seconds} 秒：第 ${killAt} 秒杀掉 ${victim.name}，第 ${promoteAt} 秒主库停止、备库提升`,
    );
    console.log(`已确认的举报 ${acknowledged.length} 件，提升后的数据库中 ${stored.length} 件`);
    for (const [endpoint, list] of byEndpoint) {
      const ok = list.filter((sample) => sample.status >= 200 && sample.status < 300);
      const failed = list.length - ok.length;
      const during = list.filter(
        (sample) =>
          !(sample.status >= 200 && sample.status < 300) &&
          sample.at > promoteAt - 1 &&
          sample.at < promoteAt + 10,
      ).length;
      console.log(
        `${endpoint.padEnd(32)} ${String(list.length).padStart(5)} 次  p50 ${percentile(
          ok.map((sample) => sample.ms),
          50,
        ).toFixed(1)} ms  p99 ${percentile(
          ok.map((sample) => sample.ms),
          99,
        ).toFixed(1)} ms  失败 ${failed}（其中切换前后 ${during}）`,
      );
    }
    for (const [name, values] of Object.entries(rss)) {
      const alive = values.filter((value): value is number => value !== null);
      if (alive.length > 0)
        console.log(
          `${name} RSS ${alive[0]!.toFixed(0)} → ${alive.at(-1)!.toFixed(0)} MB（最高 ${Math.max(...alive).toFixed(0)}）`,
        );
    }
  });
});
