import type { AddressInfo } from 'node:net';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../../../test/helpers.ts';
import { expectProblem } from '../../../test/problem.ts';
import { openEventStream, type EventStreamConnection } from '../../cli/event-stream-client.ts';
import { buildApp } from '../../app.ts';
import { scanMonitoring } from './scan.ts';
import { signRequest } from './source-signature.ts';

// Issue 16 item 4: a committed ingestion reaches the connected officers of the territory by Server-Sent Events
// (through LISTEN/NOTIFY), never an officer of another territory; a rolled-back change sends nothing; a browser
// that reconnects with Last-Event-ID gets what it missed; the unread count follows what the officer has seen.

type IncidentEvent = {
  eventId: number;
  change: string;
  incident: { id: string; pointCode: string; territory?: string };
};

describe('the officers’ incident stream', () => {
  let t: TestContext;
  let base: string;
  let admin: string;
  let pengjiang: string;
  let xinhui: string;
  let source: { id: string; signingKey: string };
  let pengjiangEnterprise: string;
  const streams: EventStreamConnection[] = [];
  const now = new Date('2026-12-03T02:00:00Z');

  const send = async (alarms: Record<string, unknown>[]) => {
    const url = '/api/v1/monitoring/ingest/alarms/batch';
    const payload = JSON.stringify({ alarms });
    const timestamp = String(Math.floor(now.getTime() / 1000));
    const response = await t.app.inject({
      method: 'POST',
      url,
      payload,
      headers: {
        'content-type': 'application/json',
        'x-inspecta-source': source.id,
        'x-inspecta-timestamp': timestamp,
        'x-inspecta-signature': signRequest(source.signingKey, {
          method: 'POST',
          path: url,
          timestamp,
          body: payload,
        }),
      },
    });
    expect(response.statusCode, response.body).toBe(200);
    return response.json() as { accepted: number; incidentIds: string[] };
  };
  const alarm = (externalId: string, pointCode: string, minute: number) => ({
    externalId,
    enterpriseCode: 'E',
    pointCode,
    at: new Date(now.getTime() - (60 - minute) * 60_000).toISOString(),
    status: 'alarm',
    kind: 'temperature',
    level: 'orange',
    value: 91,
    threshold: 80,
  });
  const open = async (cookie: string, headers: Record<string, string> = {}) => {
    const stream = await openEventStream(`${base}/api/v1/monitoring/incident-events`, { cookie, ...headers });
    streams.push(stream);
    return stream;
  };
  const incidentOf = (stream: EventStreamConnection, incidentId: string) =>
    stream.next(
      (event) =>
        event.event === 'incident' && (JSON.parse(event.data) as IncidentEvent).incident.id === incidentId,
    );
  const incidents = (stream: EventStreamConnection) =>
    stream.events
      .filter((event) => event.event === 'incident')
      .map((event) => JSON.parse(event.data) as IncidentEvent);

  beforeAll(async () => {
    t = await createTestContext({ now });
    await t.app.listen({ host: '127.0.0.1', port: 0 });
    base = `http://127.0.0.1:${(t.app.server.address() as AddressInfo).port}`;
    admin = await t.login('admin');
    pengjiang = await t.login('pengjiang.inspector');
    xinhui = await t.login('xinhui.inspector');
    const me = (
      await t.app.inject({ url: '/api/v1/auth/me', headers: { cookie: await t.login('enterprise.demo') } })
    ).json() as { user: { enterpriseId: string } };
    pengjiangEnterprise = me.user.enterpriseId;
    const xinhuiEnterprise = (
      (await t.ctx.db.execute(
        sql`select id from enterprises where territory = '440705' order by id limit 1`,
      )) as unknown as {
        rows: { id: string }[];
      }
    ).rows[0]!.id;
    source = (
      await t.app.inject({
        method: 'POST',
        url: '/api/v1/monitoring/sources',
        headers: { cookie: admin },
        payload: { kind: 'hazardous_chemicals', name: '危险化学品安全生产风险监测预警系统（推送测试）' },
      })
    ).json();
    for (const [code, enterpriseId] of [
      ['PJ-T1', me.user.enterpriseId],
      ['PJ-T2', me.user.enterpriseId],
      ['XH-T1', xinhuiEnterprise],
    ] as const) {
      const point = await t.app.inject({
        method: 'POST',
        url: `/api/v1/monitoring/sources/${source.id}/points`,
        headers: { cookie: admin },
        payload: {
          code,
          name: `${code} 储罐温度`,
          enterpriseId,
          kind: 'temperature',
          unit: '℃',
          thresholds: { high: 80 },
        },
      });
      expect(point.statusCode, point.body).toBe(201);
    }
  });
  afterAll(async () => {
    for (const stream of streams) stream.close();
    await t.close();
  });

  it('sends a committed incident to a connected officer of its territory and not to another territory’s', async () => {
    const inPengjiang = await open(pengjiang);
    const inXinhui = await open(xinhui);
    expect(inPengjiang.status).toBe(200);
    expect(inPengjiang.contentType).toContain('text/event-stream');
    await inPengjiang.next((event) => event.event === 'ready');
    await inXinhui.next((event) => event.event === 'ready');

    const first = await send([alarm('s-1', 'PJ-T1', 1)]);
    const received = JSON.parse((await incidentOf(inPengjiang, first.incidentIds[0]!)).data) as IncidentEvent;
    expect(received).toMatchObject({ change: 'opened', incident: { pointCode: 'PJ-T1' } });

    // the next incident, of 新会区, is the first the officer of 新会区 hears of: the one of 蓬江区 before it was not his
    const second = await send([alarm('s-2', 'XH-T1', 2)]);
    await incidentOf(inXinhui, second.incidentIds[0]!);
    expect(incidents(inXinhui).map((event) => event.incident.id)).toEqual([second.incidentIds[0]]);
    // and the officer of 蓬江区 never hears of 新会区's: his next event is his own territory's
    const third = await send([alarm('s-3', 'PJ-T2', 3)]);
    await incidentOf(inPengjiang, third.incidentIds[0]!);
    expect(incidents(inPengjiang).map((event) => event.incident.id)).toEqual([
      first.incidentIds[0],
      third.incidentIds[0],
    ]);
  });

  it('sends nothing for a change whose transaction rolled back', async () => {
    const stream = await open(pengjiang);
    const ready = JSON.parse((await stream.next((event) => event.event === 'ready')).data) as {
      eventId: number;
    };
    await t.ctx.db
      .transaction(async (tx) => {
        await tx.execute(sql`update monitoring_incidents set priority = 'urgent' where territory = '440703'`);
        throw new Error('rolled back');
      })
      .catch(() => {});
    // one more alarm of the same level only counts (no event); the source's clear ends the incident (an event)
    expect((await send([alarm('s-4a', 'PJ-T2', 4)])).accepted).toBe(1);
    const cleared = await send([{ ...alarm('s-4', 'PJ-T2', 5), status: 'clear' }]);
    expect(cleared.accepted).toBe(1);
    const next = await stream.next((event) => event.event === 'incident');
    const data = JSON.parse(next.data) as IncidentEvent;
    expect(data).toMatchObject({ change: 'updated', incident: { pointCode: 'PJ-T2', state: 'cleared' } });
    expect(Number(next.id)).toBeGreaterThan(ready.eventId);
    expect(incidents(stream)).toHaveLength(1);
  });

  it('replays after Last-Event-ID what the officer may read, and counts it unread until he has seen it', async () => {
    const first = await open(pengjiang);
    const ready = JSON.parse((await first.next((event) => event.event === 'ready')).data) as {
      eventId: number;
    };
    first.close();
    await first.closed;
    // while the browser is away: one of his territory, one of another's
    const missed = await send([
      { ...alarm('s-5', 'PJ-T1', 5), level: 'red' },
      { ...alarm('s-6', 'XH-T1', 6), level: 'red' },
    ]);
    expect(missed.accepted).toBe(2);

    const again = await open(pengjiang, { 'last-event-id': String(ready.eventId) });
    await again.next((event) => event.event === 'incident');
    await again.next((event) => event.event === 'unread');
    expect(incidents(again).map((event) => event.incident.pointCode)).toEqual(['PJ-T1']);

    const unread = (
      await t.app.inject({ url: '/api/v1/monitoring/incident-events/unread', headers: { cookie: pengjiang } })
    ).json() as { count: number; eventId: number };
    expect(unread.count).toBeGreaterThanOrEqual(2);
    const seen = await t.app.inject({
      method: 'POST',
      url: '/api/v1/monitoring/incident-events/read',
      headers: { cookie: pengjiang },
      payload: { eventId: unread.eventId },
    });
    expect(seen.json()).toEqual({ count: 0, eventId: unread.eventId });
    // another officer's mark is his own
    expect(
      (
        (
          await t.app.inject({
            url: '/api/v1/monitoring/incident-events/unread',
            headers: { cookie: xinhui },
          })
        ).json() as { count: number }
      ).count,
    ).toBeGreaterThan(0);
    // a new incident is unread again, and the stream says so
    const later = await send([alarm('s-7', 'PJ-T2', 7)]);
    expect(later.accepted).toBe(1);
    await again.next(
      (event) => event.event === 'unread' && (JSON.parse(event.data) as { count: number }).count === 1,
    );
  });

  it('trims in the minute scan the events older than the resume window, keeping a resume within it and the unread count', async () => {
    const rows = async <T>(query: ReturnType<typeof sql>) =>
      ((await t.ctx.db.execute(query)) as unknown as { rows: T[] }).rows;
    const unread = async () =>
      (
        (
          await t.app.inject({
            url: '/api/v1/monitoring/incident-events/unread',
            headers: { cookie: pengjiang },
          })
        ).json() as { count: number }
      ).count;
    // the silence leads of the points quiet since the earlier tests are opened first
    await scanMonitoring(t.ctx);
    // what came so far was written two days ago; the officer saw none of it
    await t.ctx.db.execute(sql`update monitoring_incident_events set at = at - interval '2 days'`);
    await t.ctx.db.execute(sql`delete from monitoring_read_marks`);
    const unreadBefore = await unread();
    const mark = (
      await rows<{ mark: number }>(sql`select max(id)::int as mark from monitoring_incident_events`)
    )[0]!.mark;
    // a new point's alarm now, inside the window
    const point = await t.app.inject({
      method: 'POST',
      url: `/api/v1/monitoring/sources/${source.id}/points`,
      headers: { cookie: admin },
      payload: {
        code: 'PJ-T3',
        name: 'PJ-T3 储罐温度',
        enterpriseId: pengjiangEnterprise,
        kind: 'temperature',
        unit: '℃',
        thresholds: { high: 80 },
      },
    });
    expect(point.statusCode, point.body).toBe(201);
    const fresh = await send([alarm('s-trim-1', 'PJ-T3', 59)]);

    const scanned = await scanMonitoring(t.ctx);
    expect(scanned.trimmed).toBeGreaterThan(0);
    // of the old events only the last of each incident nobody has taken up is left
    expect(
      await rows<{ id: number }>(sql`select e.id from monitoring_incident_events e where e.id <= ${mark}
        and not exists (select 1 from monitoring_incidents i where i.id = e.incident_id and i.state = 'open'
          and e.id = (select max(l.id) from monitoring_incident_events l where l.incident_id = e.incident_id))`),
    ).toEqual([]);
    expect(await unread()).toBe(unreadBefore + 1);
    // a browser resuming from the last old event gets what came after it
    const resumed = await open(pengjiang, { 'last-event-id': String(mark) });
    await incidentOf(resumed, fresh.incidentIds[0]!);
    expect(incidents(resumed).map((event) => event.incident.pointCode)).toEqual(['PJ-T3']);
    // a second scan finds nothing more to trim
    expect((await scanMonitoring(t.ctx)).trimmed).toBe(0);
  });

  it('keeps a quiet stream alive with heartbeat comments, and ends it after its lifetime for the browser to reconnect', async () => {
    // a second server on the same database, with the stream's timers shortened
    const quick = await buildApp({
      ctx: t.ctx,
      sessionSecret: 'test-secret-'.padEnd(40, 'x'),
      webDist: null,
      incidentStreamTiming: { heartbeatMs: 40, pollMs: 60_000, lifetimeMs: 1_500 },
    });
    await quick.listen({ host: '127.0.0.1', port: 0 });
    try {
      const stream = await openEventStream(
        `http://127.0.0.1:${(quick.server.address() as AddressInfo).port}/api/v1/monitoring/incident-events`,
        { cookie: pengjiang },
      );
      streams.push(stream);
      await stream.next((event) => event.event === 'ready');
      await expect.poll(() => stream.comments(), { timeout: 1_000, interval: 20 }).toBeGreaterThanOrEqual(3);
      // no incident came: the heartbeats are comments, not events
      expect(stream.events.filter((event) => event.event === 'incident')).toEqual([]);
      await stream.closed;
    } finally {
      await quick.close();
    }
  });

  it('refuses the stream to an enterprise’s account and a malformed Last-Event-ID', async () => {
    expectProblem(
      await t.app.inject({
        url: '/api/v1/monitoring/incident-events',
        headers: { cookie: await t.login('enterprise.demo') },
      }),
      403,
      'FORBIDDEN',
    );
    expectProblem(
      await t.app.inject({
        url: '/api/v1/monitoring/incident-events',
        headers: { cookie: pengjiang, 'last-event-id': 'abc' },
      }),
      400,
      'VALIDATION_FAILED',
    );
    expectProblem(await t.app.inject({ url: '/api/v1/monitoring/incident-events' }), 401, 'UNAUTHENTICATED');
  });
});
