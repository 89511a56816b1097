import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../../../test/helpers.ts';
import { expectProblem } from '../../../test/problem.ts';
import { signRequest } from './source-signature.ts';

// Issue 16 items 1–3 and 5: a signed source sends alarms; they are stored once, triaged into incidents, and an
// officer of the territory handles them, asking the enterprise, which answers from its own account.

describe('monitoring sources, alarms and incidents', () => {
  let t: TestContext;
  let admin: string;
  let inspector: string;
  let source: { id: string; signingKey: string };
  let enterpriseId: string;
  const now = new Date('2026-12-03T02:00:00Z');
  const seconds = () => String(Math.floor(t.ctx.clock.now().getTime() / 1000));

  const send = (
    url: string,
    body: unknown,
    options: { key?: string; sourceId?: string; timestamp?: string; signature?: string } = {},
  ) => {
    const payload = JSON.stringify(body);
    const timestamp = options.timestamp ?? seconds();
    const signature =
      options.signature ??
      signRequest(options.key ?? source.signingKey, { method: 'POST', path: url, timestamp, body: payload });
    return t.app.inject({
      method: 'POST',
      url,
      payload,
      headers: {
        'content-type': 'application/json',
        'x-inspecta-source': options.sourceId ?? source.id,
        'x-inspecta-timestamp': timestamp,
        'x-inspecta-signature': signature,
      },
    });
  };
  const alarm = (externalId: string, at: string, extra: Record<string, unknown> = {}) => ({
    externalId,
    enterpriseCode: 'E-DEMO',
    pointCode: 'TK-101-T',
    at,
    status: 'alarm',
    kind: 'temperature',
    level: 'yellow',
    value: 86,
    threshold: 80,
    ...extra,
  });
  const batch = '/api/v1/monitoring/ingest/alarms/batch';

  beforeAll(async () => {
    t = await createTestContext({ now });
    admin = await t.login('admin');
    inspector = await t.login('pengjiang.inspector');
    const me = (
      await t.app.inject({ url: '/api/v1/auth/me', headers: { cookie: await t.login('enterprise.demo') } })
    ).json() as { user: { enterpriseId: string } };
    enterpriseId = me.user.enterpriseId;
  });
  afterAll(() => t.close());

  it('loads a day of demo alarms, triaged: the dust collector’s temperature merged and cleared, its pressure still open', async () => {
    const all = (
      await t.app.inject({ url: '/api/v1/monitoring/incidents', headers: { cookie: admin } })
    ).json() as {
      items: {
        enterpriseId: string;
        pointName: string;
        state: string;
        alarmCount: number;
        priority: string;
      }[];
    };
    const ofDemo = all.items.filter((item) => item.enterpriseId === enterpriseId);
    expect(ofDemo.find((item) => item.pointName === '1号除尘器灰斗温度')).toMatchObject({
      state: 'cleared',
      alarmCount: 3,
      priority: 'high',
    });
    expect(ofDemo.find((item) => item.pointName === '1号除尘器进出口风压差')).toMatchObject({
      state: 'open',
    });
    expect(all.items.filter((item) => item.state === 'open').length).toBeGreaterThanOrEqual(3);
  });

  it('registers a source, showing its signing key once, and a point of an enterprise', async () => {
    const created = await t.app.inject({
      method: 'POST',
      url: '/api/v1/monitoring/sources',
      headers: { cookie: admin },
      payload: { kind: 'hazardous_chemicals', name: '危险化学品安全生产风险监测预警系统' },
    });
    expect(created.statusCode).toBe(201);
    source = created.json();
    expect(source.signingKey).toMatch(/^[0-9a-f]{64}$/);
    const listed = await t.app.inject({ url: '/api/v1/monitoring/sources', headers: { cookie: inspector } });
    expect(listed.body).not.toContain(source.signingKey);
    expectProblem(
      await t.app.inject({
        method: 'POST',
        url: '/api/v1/monitoring/sources',
        headers: { cookie: inspector },
        payload: { kind: 'drone_patrol', name: '无人机' },
      }),
      403,
      'FORBIDDEN',
    );
    const point = await t.app.inject({
      method: 'POST',
      url: `/api/v1/monitoring/sources/${source.id}/points`,
      headers: { cookie: admin },
      payload: {
        code: 'TK-101-T',
        name: '1号储罐温度',
        enterpriseId,
        kind: 'temperature',
        unit: '℃',
        thresholds: { high: 80, highHigh: 95 },
      },
    });
    expect(point.statusCode, point.body).toBe(201);
  });

  it('refuses an unsigned, wrongly signed, unknown-source or stale request alike', async () => {
    const body = { alarms: [alarm('x-0', '2026-12-03T09:00:00+08:00')] };
    expectProblem(
      await send(batch, body, { signature: 'ab'.repeat(32) }),
      401,
      'MONITORING_SIGNATURE_INVALID',
    );
    expectProblem(await send(batch, body, { key: 'f'.repeat(64) }), 401, 'MONITORING_SIGNATURE_INVALID');
    expectProblem(
      await send(batch, body, { sourceId: '00000000-0000-4000-8000-00000000abcd' }),
      401,
      'MONITORING_SIGNATURE_INVALID',
    );
    const stale = String(Math.floor(now.getTime() / 1000) - 301);
    expectProblem(await send(batch, body, { timestamp: stale }), 401, 'MONITORING_STALE_REQUEST');
    expectProblem(
      await t.app.inject({ method: 'POST', url: batch, payload: body }),
      401,
      'MONITORING_STALE_REQUEST',
    );
  });

  let incidentId: string;
  it('stores a batch once, reports each bad item by position, and merges one point’s alarms into one incident', async () => {
    const body = {
      alarms: [
        alarm('a-1', '2026-12-03T09:00:00+08:00'),
        { ...alarm('a-2', '2026-12-03T09:05:00+08:00'), kind: 'smell' },
        alarm('a-3', '2026-12-03T09:10:00+08:00', { level: 'orange', value: 96 }),
        alarm('a-4', '2026-12-03T09:12:00+08:00', { pointCode: 'NOT-REGISTERED' }),
      ],
    };
    const first = await send(batch, body);
    expect(first.statusCode).toBe(200);
    const outcome = first.json();
    expect(outcome).toMatchObject({ accepted: 2, duplicates: 0, opened: 1, merged: 1, cleared: 0 });
    expect(outcome.rejected.map((item: { index: number }) => item.index)).toEqual([1, 3]);
    incidentId = outcome.incidentIds[0];
    // the same batch again (a retry after a lost answer) stores nothing twice
    expect((await send(batch, body)).json()).toMatchObject({ accepted: 0, duplicates: 2, opened: 0 });
    const stored = (await t.ctx.db.execute(
      sql`select count(*)::int as n, count(distinct raw)::int as raws from monitoring_alarms where source_id = ${source.id}`,
    )) as unknown as { rows: { n: number; raws: number }[] };
    expect(stored.rows[0]).toEqual({ n: 2, raws: 2 });
    const detail = (
      await t.app.inject({
        url: `/api/v1/monitoring/incidents/${incidentId}`,
        headers: { cookie: inspector },
      })
    ).json();
    expect(detail).toMatchObject({ alarmCount: 2, level: 'orange', state: 'open', enterpriseId });
    expect(detail.series.map((point: { value: number }) => point.value)).toEqual([86, 96]);
    expect(detail.series[0].raw).toMatchObject({ externalId: 'a-1' });
  });

  it('shows the incident to the territory’s officers only', async () => {
    const xinhui = await t.login('xinhui.inspector');
    expectProblem(
      await t.app.inject({ url: `/api/v1/monitoring/incidents/${incidentId}`, headers: { cookie: xinhui } }),
      404,
      'NOT_FOUND',
    );
    const mine = (
      await t.app.inject({
        url: '/api/v1/monitoring/incidents?status=waiting',
        headers: { cookie: inspector },
      })
    ).json();
    expect(mine.items.map((item: { id: string }) => item.id)).toContain(incidentId);
    const theirs = (
      await t.app.inject({ url: '/api/v1/monitoring/incidents', headers: { cookie: xinhui } })
    ).json();
    expect(theirs.items.map((item: { id: string }) => item.id)).not.toContain(incidentId);
    expect(theirs.items.every((item: { enterpriseId: string }) => item.enterpriseId !== enterpriseId)).toBe(
      true,
    );
  });

  it('is acknowledged, asked of the enterprise, answered by its own account, then closed with a note, each step audited', async () => {
    const step = (body: Record<string, unknown>, cookie = inspector) =>
      t.app.inject({
        method: 'POST',
        url: `/api/v1/monitoring/incidents/${incidentId}/steps`,
        headers: { cookie },
        payload: body,
      });
    expect((await step({ step: 'acknowledge' })).statusCode).toBe(204);
    expectProblem(await step({ step: 'close_no_violation', note: '' }), 422, 'incident_reason_required');
    expect(
      (await step({ step: 'ask_enterprise', note: '请说明1号储罐温度超限的原因和处置情况' })).statusCode,
    ).toBe(204);
    // the officer cannot answer for the enterprise
    expectProblem(
      await t.app.inject({
        method: 'POST',
        url: `/api/v1/monitoring/questions/${incidentId}/answer`,
        headers: { cookie: inspector },
        payload: { answer: '已处理' },
      }),
      404,
      'NOT_FOUND',
    );
    const enterprise = await t.login('enterprise.demo');
    const questions = (
      await t.app.inject({ url: '/api/v1/monitoring/questions', headers: { cookie: enterprise } })
    ).json();
    expect(questions.items).toEqual([expect.objectContaining({ id: incidentId, waiting: true })]);
    const answered = await t.app.inject({
      method: 'POST',
      url: `/api/v1/monitoring/questions/${incidentId}/answer`,
      headers: { cookie: enterprise },
      payload: { answer: '夏季午后环境温度高，已开启喷淋降温，温度已回落至正常范围' },
    });
    expect(answered.statusCode).toBe(204);
    expect(
      (await step({ step: 'close_no_violation', note: '查看温度曲线与企业说明，喷淋已启用，未发现违法行为' }))
        .statusCode,
    ).toBe(204);
    const closed = (
      await t.app.inject({
        url: `/api/v1/monitoring/incidents/${incidentId}`,
        headers: { cookie: inspector },
      })
    ).json();
    expect(closed).toMatchObject({ state: 'closed_no_violation', closedByName: expect.any(String) });
    expect(closed.answer).toContain('喷淋');
    const events = (await t.ctx.db.execute(
      sql`select payload->>'step' as step from audit_events where entity_id = ${incidentId} and action = 'monitoring_incident.handled' order by seq`,
    )) as unknown as { rows: { step: string }[] };
    expect(events.rows.map((row) => row.step)).toEqual([
      'acknowledge',
      'ask_enterprise',
      'enterprise_answer',
      'close_no_violation',
    ]);
  });

  it('lets the source’s clear end an incident nobody has taken up', async () => {
    const opened = (await send(batch, { alarms: [alarm('c-1', '2026-12-03T10:00:00+08:00')] })).json();
    expect(opened.opened).toBe(1);
    const cleared = (
      await send(batch, { alarms: [alarm('c-2', '2026-12-03T10:05:00+08:00', { status: 'clear' })] })
    ).json();
    expect(cleared).toMatchObject({ accepted: 1, cleared: 1 });
    const detail = (
      await t.app.inject({
        url: `/api/v1/monitoring/incidents/${opened.incidentIds[0]}`,
        headers: { cookie: inspector },
      })
    ).json();
    expect(detail.state).toBe('cleared');
  });

  it('opens and clears an incident within one batch, its items taken in time order whatever their order', async () => {
    const outcome = (
      await send(batch, {
        alarms: [
          alarm('d-2', '2026-12-03T11:05:00+08:00', { status: 'clear' }),
          alarm('d-1', '2026-12-03T11:00:00+08:00', { value: 88 }),
        ],
      })
    ).json();
    expect(outcome).toMatchObject({ accepted: 2, opened: 1, cleared: 1 });
    const detail = (
      await t.app.inject({
        url: `/api/v1/monitoring/incidents/${outcome.incidentIds[0]}`,
        headers: { cookie: inspector },
      })
    ).json();
    expect(detail).toMatchObject({
      state: 'cleared',
      alarmCount: 1,
      openedAt: new Date('2026-12-03T11:00:00+08:00').toISOString(),
      clearedAt: new Date('2026-12-03T11:05:00+08:00').toISOString(),
      closedAt: new Date('2026-12-03T11:05:00+08:00').toISOString(),
    });
    expect(detail.summary).toContain('读数 88');
    expect(detail.series.map((point: { raw: { externalId: string } }) => point.raw.externalId)).toEqual([
      'd-1',
      'd-2',
    ]);
  });

  it('takes the provincial style: an event with scd 4 alarms orange, answered {code:200}', async () => {
    const response = await send('/api/v1/monitoring/ingest/provincial/eventsData', {
      qybm: 'E-DEMO',
      wgbm: 'GW-1',
      data: [
        {
          ts: '2026-12-03 11:00:00',
          oname: 'TK-101-T',
          avx: 97,
          scd: 4,
          threshold: 95,
          content: '温度超上上限',
        },
      ],
    });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({ code: 200, msg: '操作成功', accepted: 1, opened: 1 });
    const detail = (
      await t.app.inject({
        url: `/api/v1/monitoring/incidents/${response.json().incidentIds[0]}`,
        headers: { cookie: inspector },
      })
    ).json();
    expect(detail).toMatchObject({ level: 'orange', priority: 'high' });
  });

  it('turns a real-time reading past its limit into an alarm, and back within it into a clear', async () => {
    const rts = (ts: string, val: number) =>
      send('/api/v1/monitoring/ingest/provincial/rtsData', {
        qybm: 'E-DEMO',
        data: [{ tnm: 'TK-101-T', ts, val }],
      });
    const high = (await rts('2026-12-03 14:00:00', 82)).json();
    expect(high).toMatchObject({ accepted: 1, opened: 1 });
    const back = (await rts('2026-12-03 14:01:00', 60)).json();
    expect(back).toMatchObject({ accepted: 1, cleared: 1 });
  });

  // the alarms travel to the database as array literals and a JSON array (issue 16 item 10): text that means
  // something there (quotes, backslashes, commas, braces, the word NULL) is stored as sent
  it('stores an alarm’s text and its raw payload exactly as sent', async () => {
    const tricky = '引号" 反斜杠\\ 逗号, 花括号{} NULL \\"';
    const sent = [
      alarm(`q"1\\,{}`, '2026-12-03T15:00:00+08:00', { content: tricky, note: tricky }),
      alarm('NULL', '2026-12-03T15:01:00+08:00', { content: 'NULL', value: -0.000123 }),
      alarm('q-3', '2026-12-03T15:02:00+08:00'),
    ];
    expect((await send(batch, { alarms: sent })).json()).toMatchObject({ accepted: 3, rejected: [] });
    const stored = (await t.ctx.db.execute(
      sql`select external_id as "externalId", content, value, raw from monitoring_alarms
        where source_id = ${source.id} and external_id in ('q"1\\,{}', 'NULL', 'q-3') order by at`,
    )) as unknown as { rows: { externalId: string; content: string | null; value: number; raw: unknown }[] };
    expect(stored.rows).toEqual([
      { externalId: 'q"1\\,{}', content: tricky, value: 86, raw: sent[0] },
      { externalId: 'NULL', content: 'NULL', value: -0.000123, raw: sent[1] },
      { externalId: 'q-3', content: null, value: 86, raw: sent[2] },
    ]);
  });
});
