import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { gradingCatalog } from '@inspecta/domain';
import { monitoringCatalog } from '@inspecta/domain/monitoring';
import { createTestContext, type TestContext } from '../../../test/helpers.ts';
import { expectProblem } from '../../../test/problem.ts';
import { notifications } from '../../platform/notifications/schema.ts';
import { users } from '../../platform/auth/schema.ts';
import { scanMonitoring } from './scan.ts';
import { signRequest } from './source-signature.ts';

// Issue 16 items 3, 5 and 8: a lead closed remotely holds off a visit of its matter (measure 7); another becomes
// a targeted inspection on the trigger 平台动态监测 (measure 5); silent points become leads; leads nobody takes
// up go up to the city; and the visits saved are counted per month and territory.

describe('handling monitoring leads', () => {
  let t: TestContext;
  let admin: string;
  let inspector: string;
  let source: { id: string; signingKey: string };
  let enterpriseId: string;
  const seconds = () => String(Math.floor(t.ctx.clock.now().getTime() / 1000));
  const batch = '/api/v1/monitoring/ingest/alarms/batch';
  let counter = 0;

  const send = (alarms: unknown[]) => {
    const payload = JSON.stringify({ alarms });
    const timestamp = seconds();
    return t.app.inject({
      method: 'POST',
      url: batch,
      payload,
      headers: {
        'content-type': 'application/json',
        'x-inspecta-source': source.id,
        'x-inspecta-timestamp': timestamp,
        'x-inspecta-signature': signRequest(source.signingKey, {
          method: 'POST',
          path: batch,
          timestamp,
          body: payload,
        }),
      },
    });
  };
  // one alarm of the dust collector's hopper temperature at the clock's instant; answers the lead's id
  const raise = async (level = 'yellow', pointCode = 'DC-1-T') => {
    counter += 1;
    const response = await send([
      {
        externalId: `h-${counter}`,
        enterpriseCode: 'E-DEMO',
        pointCode,
        at: t.ctx.clock.now().toISOString(),
        status: 'alarm',
        kind: 'temperature',
        level,
        value: 92,
        threshold: 80,
      },
    ]);
    expect(response.statusCode, response.body).toBe(200);
    return (response.json() as { incidentIds: string[] }).incidentIds[0]!;
  };
  const step = (id: string, body: Record<string, unknown>, cookie = inspector) =>
    t.app.inject({
      method: 'POST',
      url: `/api/v1/monitoring/incidents/${id}/steps`,
      headers: { cookie },
      payload: body,
    });
  const incident = async (id: string, cookie = inspector) =>
    (await t.app.inject({ url: `/api/v1/monitoring/incidents/${id}`, headers: { cookie } })).json();
  const later = (minutes: number) => t.setNow(new Date(t.ctx.clock.now().getTime() + minutes * 60_000));

  beforeAll(async () => {
    t = await createTestContext();
    admin = await t.login('admin');
    inspector = await t.login('pengjiang.inspector');
    const me = (
      await t.app.inject({ url: '/api/v1/auth/me', headers: { cookie: await t.login('enterprise.demo') } })
    ).json() as { user: { enterpriseId: string } };
    enterpriseId = me.user.enterpriseId;
    source = (
      await t.app.inject({
        method: 'POST',
        url: '/api/v1/monitoring/sources',
        headers: { cookie: admin },
        payload: { kind: 'industry_trade', name: '工贸重点企业安全风险监测预警系统（测试）' },
      })
    ).json();
    for (const code of ['DC-1-T', 'DC-2-T'])
      expect(
        (
          await t.app.inject({
            method: 'POST',
            url: `/api/v1/monitoring/sources/${source.id}/points`,
            headers: { cookie: admin },
            payload: {
              code,
              name: `${code === 'DC-1-T' ? '1' : '2'}号除尘器灰斗温度`,
              enterpriseId,
              kind: 'temperature',
              unit: '℃',
              thresholds: { high: 80 },
            },
          })
        ).statusCode,
      ).toBe(201);
  });
  afterAll(() => t.close());

  let inspectionId: string;
  it('closes a lead remotely, times each step, and turns a second into a targeted inspection on 平台动态监测, whose visit must then say why (measure 7)', async () => {
    const first = await raise();
    later(12);
    expect((await step(first, { step: 'acknowledge' })).statusCode).toBe(204);
    later(18);
    expect(
      (
        await step(first, {
          step: 'close_no_violation',
          note: '查看温度曲线，系清灰作业短时升温，未发现违法',
        })
      ).statusCode,
    ).toBe(204);
    expect(await incident(first)).toMatchObject({
      state: 'closed_no_violation',
      toAcknowledgeMinutes: 12,
      toCloseMinutes: 30,
    });

    later(60);
    const second = await raise('orange');
    // another district's officer cannot reach it
    expectProblem(
      await t.app.inject({
        method: 'POST',
        url: `/api/v1/monitoring/incidents/${second}/inspection`,
        headers: { cookie: await t.login('xinhui.inspector') },
        payload: {},
      }),
      404,
      'NOT_FOUND',
    );
    later(25);
    const opened = await t.app.inject({
      method: 'POST',
      url: `/api/v1/monitoring/incidents/${second}/inspection`,
      headers: { cookie: inspector },
      payload: { note: '温度持续超限，企业未能说明，须到现场核查' },
    });
    expect(opened.statusCode, opened.body).toBe(201);
    expect(opened.json()).toMatchObject({ frequencyCapExempt: true });
    inspectionId = opened.json().inspectionId;
    expect(await incident(second)).toMatchObject({
      state: 'inspection_opened',
      inspectionId,
      toAcknowledgeMinutes: 25,
      toCloseMinutes: 25,
    });
    const inspection = (
      await t.app.inject({ url: `/api/v1/inspections/${inspectionId}`, headers: { cookie: inspector } })
    ).json();
    expect(inspection).toMatchObject({
      kind: 'targeted',
      trigger: 'platform_monitoring',
      enterpriseId,
      matters: ['industry_trade'],
    });
    expect(inspection.triggerReference).toContain('1号除尘器灰斗温度');
    const leads = (
      await t.app.inject({
        url: `/api/v1/monitoring/incidents?inspectionId=${inspectionId}`,
        headers: { cookie: inspector },
      })
    ).json() as { items: { id: string }[] };
    expect(leads.items.map((item) => item.id)).toEqual([second]);
    // a lead turned into an inspection is not turned into another
    expectProblem(
      await t.app.inject({
        method: 'POST',
        url: `/api/v1/monitoring/incidents/${second}/inspection`,
        headers: { cookie: inspector },
        payload: {},
      }),
      422,
      'incident_action_not_allowed',
    );
    // measure 7: the first lead's remote close is a non-site check of 工贸 that found nothing
    const onsite = (
      await t.app.inject({
        url: `/api/v1/inspections/${inspectionId}/onsite`,
        headers: { cookie: inspector },
      })
    ).json() as { checks: { measure: number; ok: boolean; message: string }[] };
    expect(onsite.checks.find((check) => check.measure === 7)).toMatchObject({
      ok: false,
      message: expect.stringContaining('非现场检查未发现问题'),
    });
  });

  it('turns a point that stopped reporting into a lead of its own, once, which ends when the point reports again', async () => {
    await raise('yellow', 'DC-2-T');
    const ofPoint = async () =>
      (
        (await t.ctx.db.execute(
          sql`select i.id, i.state, i.kind from monitoring_incidents i join monitoring_points p on p.id = i.point_id
              where p.code = 'DC-2-T' and i.kind = 'silence'`,
        )) as unknown as { rows: { id: string; state: string }[] }
      ).rows;
    later(monitoringCatalog.triage.silenceMinutes - 1);
    await scanMonitoring(t.ctx);
    expect(await ofPoint()).toEqual([]);
    later(2);
    const scanned = await scanMonitoring(t.ctx);
    expect(scanned.ran).toBe(true);
    const [lead] = await ofPoint();
    expect(lead).toMatchObject({ state: 'open' });
    expect((await incident(lead!.id)).summary).toContain('停止上报');
    await scanMonitoring(t.ctx);
    expect(await ofPoint()).toHaveLength(1);
    later(1);
    await raise('yellow', 'DC-2-T');
    expect((await scanMonitoring(t.ctx)).resumed).toBeGreaterThanOrEqual(1);
    expect(await ofPoint()).toEqual([expect.objectContaining({ state: 'cleared' })]);
    // quiet again: one new lead for the new silent stretch, and none after an officer has dismissed it
    later(monitoringCatalog.triage.silenceMinutes + 1);
    await scanMonitoring(t.ctx);
    const again = (await ofPoint()).find((row) => row.state === 'open')!;
    expect((await step(again.id, { step: 'acknowledge' })).statusCode).toBe(204);
    expect((await step(again.id, { step: 'dismiss', note: '设备停机检修，已报备' })).statusCode).toBe(204);
    later(5);
    await scanMonitoring(t.ctx);
    expect(await ofPoint()).toHaveLength(2);
  });

  it('sends a lead nobody takes up to the city after its level’s period, tells the city’s officers once, and shows it to them as escalated', async () => {
    const id = await raise('red');
    later(monitoringCatalog.triage.escalateAfterMinutes.red - 1);
    await scanMonitoring(t.ctx);
    expect(await incident(id)).toMatchObject({ escalationSteps: 0, handlingTerritory: '440703' });
    later(1);
    await scanMonitoring(t.ctx);
    expect(await incident(id)).toMatchObject({
      escalationSteps: 1,
      handlingTerritory: '440700',
      handlingTerritoryName: '江门市',
    });
    await scanMonitoring(t.ctx);
    const [cityInspector] = await t.ctx.db.select().from(users).where(eq(users.username, 'city.inspector'));
    const told = await t.ctx.db
      .select()
      .from(notifications)
      .where(
        and(
          eq(notifications.userId, cityInspector!.id),
          eq(notifications.dedupeKey, `monitoring_escalated:${id}:1`),
        ),
      );
    expect(told).toHaveLength(1);
    const escalated = (
      await t.app.inject({
        url: '/api/v1/monitoring/incidents?status=escalated',
        headers: { cookie: await t.login('city.inspector') },
      })
    ).json() as { items: { id: string }[] };
    expect(escalated.items.map((item) => item.id)).toContain(id);
    // taken up, it goes no further
    expect((await step(id, { step: 'acknowledge' })).statusCode).toBe(204);
    later(monitoringCatalog.triage.escalateAfterMinutes.red * 3);
    await scanMonitoring(t.ctx);
    expect(await incident(id)).toMatchObject({ escalationSteps: 1, state: 'acknowledged' });
  });

  it('feeds a red lead into the enterprise’s dynamic risk once, and takes it out when dismissed as a false alarm', async () => {
    const other = (
      (await t.ctx.db.execute(
        sql`select id from enterprises where territory = '440703' and id <> ${enterpriseId}
            and id not in (select enterprise_id from monitoring_incidents) order by name limit 1`,
      )) as unknown as { rows: { id: string }[] }
    ).rows[0]!.id;
    const point = await t.app.inject({
      method: 'POST',
      url: `/api/v1/monitoring/sources/${source.id}/points`,
      headers: { cookie: admin },
      payload: {
        code: 'DC-9-T',
        name: '9号除尘器灰斗温度',
        enterpriseId: other,
        kind: 'temperature',
        thresholds: {},
      },
    });
    expect(point.statusCode, point.body).toBe(201);
    const grade = async () =>
      (
        await t.app.inject({ url: `/api/v1/enterprises/${other}/grade`, headers: { cookie: inspector } })
      ).json().grade as { score: number };
    const before = (await grade()).score;
    const id = await raise('red', 'DC-9-T');
    expect((await scanMonitoring(t.ctx)).risk).toBeGreaterThanOrEqual(1);
    const fed = await grade();
    expect(fed.score).toBe(before + gradingCatalog.scoring.monitoringLeads!.pointsEach);
    expect(JSON.stringify(fed)).toContain('监测预警线索');
    await scanMonitoring(t.ctx);
    expect((await grade()).score).toBe(fed.score);
    expect((await step(id, { step: 'acknowledge' })).statusCode).toBe(204);
    expect((await step(id, { step: 'dismiss', note: '现场校准传感器导致误报' })).statusCode).toBe(204);
    expect((await grade()).score).toBe(before);
  });

  it('counts the visits saved in a month of known leads, scoped to the territory', async () => {
    t.setNow(new Date('2027-02-10T02:00:00Z'));
    inspector = await t.login('pengjiang.inspector');
    // three leads: closed remotely after 30 minutes, dismissed after 20, a targeted inspection after 120
    const closed = await raise();
    later(10);
    await step(closed, { step: 'acknowledge' });
    later(20);
    await step(closed, { step: 'close_no_violation', note: '查看曲线与视频，未发现违法' });
    const dismissed = await raise();
    later(5);
    await step(dismissed, { step: 'acknowledge' });
    later(15);
    await step(dismissed, { step: 'dismiss', note: '传感器校准期间误报' });
    const visited = await raise();
    later(120);
    await t.app.inject({
      method: 'POST',
      url: `/api/v1/monitoring/incidents/${visited}/inspection`,
      headers: { cookie: inspector },
      payload: {},
    });
    const report = await t.app.inject({
      url: '/api/v1/monitoring/visits-saved?from=2027-02&to=2027-02',
      headers: { cookie: inspector },
    });
    expect(report.statusCode, report.body).toBe(200);
    expect(report.json().rows).toEqual([
      {
        month: '2027-02',
        territory: '440703',
        territoryName: '蓬江区',
        incidents: 3,
        remoteChecks: 3,
        visitsAvoided: 2,
        targetedVisits: 1,
        handlingMedianMinutes: 30,
        handlingP90Minutes: 120,
        acknowledgeMedianMinutes: 10,
        sources: [
          {
            sourceKind: 'industry_trade',
            sourceName: '广东省工贸重点企业安全风险监测预警系统',
            ended: 3,
            falseAlarms: 1,
            falseAlarmRate: 1 / 3,
          },
        ],
      },
    ]);
    const xinhui = await t.login('xinhui.inspector');
    const theirs = await t.app.inject({
      url: '/api/v1/monitoring/visits-saved?from=2027-02&to=2027-02',
      headers: { cookie: xinhui },
    });
    expect(theirs.json().rows).toEqual([]);
    expectProblem(
      await t.app.inject({
        url: '/api/v1/monitoring/visits-saved?from=2027-02&to=2027-02&territory=440703',
        headers: { cookie: xinhui },
      }),
      404,
      'NOT_FOUND',
    );
    expectProblem(
      await t.app.inject({
        url: '/api/v1/monitoring/visits-saved?from=2027-03&to=2027-02',
        headers: { cookie: inspector },
      }),
      400,
      'VALIDATION_FAILED',
    );
  });
});
