import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { cluster, serverToday, signIn, sqlOn } from './client.ts';

// Issue 18 item 6: three API servers on one PostgreSQL primary with a streaming replica, behind HAProxy
// (scripts/cluster.mjs). What one server does, the others see; what must happen once happens once.

const root = path.resolve(import.meta.dirname, '..');

describe('three servers behind the proxy', () => {
  it('answers through each of the three in turn', async () => {
    const seen = new Set<string | null>();
    for (let i = 0; i < 9; i++) {
      const response = await fetch(`${cluster.url}/api/v1/health`);
      expect(response.status).toBe(200);
      seen.add(response.headers.get('x-served-by'));
    }
    expect([...seen].sort()).toEqual(cluster.servers.map((server) => server.name).sort());
  });

  it('honours a session made on one server on the others, and its logout on all at once', async () => {
    const [first, second, third] = cluster.servers;
    const user = await signIn('pengjiang.inspector', first!.url);
    for (const server of [second!, third!]) {
      expect((await user.call('GET', '/api/v1/auth/me', undefined, server.url)).status).toBe(200);
    }
    expect((await user.call('POST', '/api/v1/auth/logout', undefined, second!.url)).status).toBe(204);
    // the other servers' session caches are cleared by NOTIFY, not by time
    for (const server of [first!, third!]) {
      expect((await user.call('GET', '/api/v1/auth/me', undefined, server.url)).status).toBe(401);
    }
  });

  it('reads a user’s own write back at once from any server, and others’ lists from the replica', async () => {
    const inspector = await signIn('pengjiang.inspector');
    const enterprises = await inspector.json<{ items: { id: string }[] }>(
      'GET',
      '/api/v1/enterprises?territory=440703&pageSize=40',
    );
    const replicaReads = async () =>
      Number(
        (
          await sqlOn<{ n: string }>(
            cluster.replicaUrl,
            `select xact_commit + xact_rollback as n from pg_stat_database where datname = current_database()`,
          )
        )[0]!.n,
      );
    const before = await replicaReads();
    for (const [index, enterprise] of enterprises.items.slice(20, 30).entries()) {
      const at = cluster.servers[index % 3]!.url;
      const readAt = cluster.servers[(index + 1) % 3]!.url;
      const planned = await inspector.json<{ inspection: { id: string } }>(
        'POST',
        '/api/v1/inspections',
        {
          enterpriseId: enterprise.id,
          plannedOn: serverToday(),
          kind: 'targeted',
          matters: ['work_safety_general'],
          trigger: 'complaint_or_report',
          triggerReference: `集群测试投诉 ${index + 1}`,
        },
        at,
      );
      // the list is a read that may lag: it reads from the replica only once it has replayed this write
      const list = await inspector.json<{ items: { id: string }[] }>(
        'GET',
        `/api/v1/inspections?enterpriseId=${enterprise.id}&pageSize=100`,
        undefined,
        readAt,
      );
      expect(list.items.map((row) => row.id)).toContain(planned.inspection.id);
    }
    const reader = await signIn('city.head');
    for (let i = 0; i < 12; i++) {
      expect((await reader.call('GET', '/api/v1/enterprises?q=五金')).status).toBe(200);
    }
    // PostgreSQL counts the replica's transactions with a short delay
    await expect.poll(replicaReads).toBeGreaterThan(before + 10);
  });

  it('numbers documents issued by three servers at once without a duplicate or a gap', async () => {
    const inspector = await signIn('pengjiang.inspector');
    const enterprises = await inspector.json<{ items: { id: string }[] }>(
      'GET',
      '/api/v1/enterprises?territory=440703&pageSize=40',
    );
    const ids: string[] = [];
    for (const [index, enterprise] of enterprises.items.slice(0, 15).entries()) {
      const planned = await inspector.json<{ inspection: { id: string } }>('POST', '/api/v1/inspections', {
        enterpriseId: enterprise.id,
        plannedOn: serverToday(),
        kind: 'targeted',
        matters: ['work_safety_general'],
        trigger: 'complaint_or_report',
        triggerReference: `集群编号测试 ${index + 1}`,
      });
      ids.push(planned.inspection.id);
    }
    const records = await Promise.all(
      ids.map((id, index) =>
        inspector.json<{ record: { number: string } }>(
          'POST',
          `/api/v1/inspections/${id}/remote-check`,
          {
            mode: 'written',
            checkedOn: serverToday(),
            violation: false,
            note: '书面检查：资料齐全，未发现违法行为',
          },
          cluster.servers[index % 3]!.url,
        ),
      ),
    );
    const numbers = records.map((answer) => answer.record.number);
    expect(new Set(numbers).size).toBe(ids.length);
    // the counter's sequences for this bureau, type and year are 1…n
    const sequences = await sqlOn<{ sequence: number }>(
      cluster.primaryUrl,
      `select d.sequence from inspection_documents d
        where d.number = any($1::text[]) order by d.sequence`,
      [numbers],
    );
    const values = sequences.map((row) => row.sequence);
    expect(values.length).toBe(ids.length);
    expect(values.at(-1)! - values[0]!).toBe(ids.length - 1);
  });

  it('opens one regrading run when three servers are asked at once', async () => {
    const admin = await signIn('admin');
    const answers = await Promise.all(
      cluster.servers.map((server) => admin.call('POST', '/api/v1/grading/regrade', {}, server.url)),
    );
    const runs = await Promise.all(
      answers.map(async (answer) => ({ status: answer.status, body: await answer.text() })),
    );
    const started = runs.filter((run) => run.status === 202).map((run) => JSON.parse(run.body).run.id);
    // either one run started and the others were told one is running, or all were given the same run
    expect(new Set(started).size).toBe(1);
    for (const run of runs.filter((answer) => answer.status !== 202)) expect(run.status).toBe(409);
    const runId = started[0] as string;
    await expect
      .poll(
        async () => (await admin.json<{ status: string }>('GET', `/api/v1/grading/runs/${runId}`)).status,
        {
          timeout: 120_000,
        },
      )
      .toBe('done');
  });

  it('performs a draw once when three servers are asked at once', async () => {
    const reviewer = await signIn('city.reviewer');
    const draw = await reviewer.json<{ id: string }>('POST', '/api/v1/draws', {
      title: '集群测试双随机抽查',
      inspectionDate: '2026-12-10',
      matters: ['work_safety_general'],
      source: {
        kind: 'criteria',
        strata: [{ key: '蓬江区', criteria: { territory: '440703' }, k: 3 }],
      },
    });
    const answers = await Promise.all(
      cluster.servers.map((server) =>
        reviewer.call(
          'POST',
          `/api/v1/draws/${draw.id}/perform`,
          { publicEntropy: '2 7 1 8 2 8', witnesses: ['陈见证', '林见证'] },
          server.url,
        ),
      ),
    );
    const statuses = answers.map((answer) => answer.status).sort();
    expect(statuses.filter((status) => status === 200)).toHaveLength(1);
    for (const status of statuses.filter((code) => code !== 200)) expect(status).toBe(409);
    const planned = await sqlOn<{ n: number }>(
      cluster.primaryUrl,
      `select count(*)::int as n from inspections where draw_id = $1`,
      [draw.id],
    );
    expect(planned[0]!.n).toBe(3);
  });

  it('keeps every bureau’s audit chain intact, chained by three servers at once', async () => {
    // the chainers of the three servers take turns by an advisory lock; give them a moment to catch up
    await new Promise((resolve) => setTimeout(resolve, 3_000));
    const verify = spawnSync(process.execPath, ['--import', 'tsx', 'server/src/cli/audit-verify.ts'], {
      cwd: root,
      encoding: 'utf8',
      env: { ...process.env, DATABASE_URL: cluster.primaryUrl },
    });
    expect(verify.status, verify.stdout + verify.stderr).toBe(0);
    expect(verify.stdout).toContain('审计链完整');
  });
});
