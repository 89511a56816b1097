import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../../../../test/helpers.ts';
import { expectProblem } from '../../../../test/problem.ts';
import { multipartBody, sitePhoto } from '../../../../test/images.ts';

// measure 21 (issue 16 items 6 and 7): an officer plans a drone patrol over an area drawn on the map; the pilot
// uploads what he saw, which becomes a lead through the monitoring triage, with its photo on the lead and the map.

const square = {
  type: 'Polygon',
  coordinates: [
    [
      [113.06, 22.59],
      [113.09, 22.59],
      [113.09, 22.61],
      [113.06, 22.61],
      [113.06, 22.59],
    ],
  ],
};
const route = {
  type: 'LineString',
  coordinates: [
    [113.06, 22.59],
    [113.09, 22.61],
  ],
};

describe('drone patrols', () => {
  let t: TestContext;
  let inspector: string;
  let unitHead: string;
  let xinhui: string;
  let admin: string;
  let pilotId: string;
  let enterpriseId: string;
  let missionId: string;
  const now = new Date('2026-12-03T03:00:00Z'); // 11:00 in Jiangmen
  const schedule = { date: '2026-12-03', startTime: '09:00', endTime: '12:00' };

  const plan = (cookie: string, body: Record<string, unknown> = {}) =>
    t.app.inject({
      method: 'POST',
      url: '/api/v1/drone-missions',
      headers: { cookie },
      payload: {
        title: '杜阮工业集中区巡查',
        areaKind: 'industrial_zone',
        area: square,
        route,
        schedule,
        pilotId,
        ...body,
      },
    });
  const report = (cookie: string, fields: Record<string, string>, mission = missionId) => {
    const { payload, headers } = multipartBody(
      {
        id: randomUUID(),
        kind: 'work_at_height',
        enterpriseId,
        latitude: '22.6',
        longitude: '113.07',
        takenAt: '2026-12-03T10:20:00+08:00',
        note: '厂房屋面有人员高处作业，未见安全带',
        ...fields,
      },
      { name: 'uav.jpg', type: 'image/jpeg', data: sitePhoto() },
    );
    return t.app.inject({
      method: 'POST',
      url: `/api/v1/drone-missions/${mission}/findings`,
      headers: { cookie, ...headers },
      payload,
    });
  };

  beforeAll(async () => {
    t = await createTestContext({ now });
    inspector = await t.login('pengjiang.inspector');
    unitHead = await t.login('pengjiang.unithead');
    xinhui = await t.login('xinhui.inspector');
    admin = await t.login('admin');
    pilotId = (
      (await t.app.inject({ url: '/api/v1/auth/me', headers: { cookie: inspector } })).json() as {
        user: { id: string };
      }
    ).user.id;
    const me = (
      await t.app.inject({ url: '/api/v1/auth/me', headers: { cookie: await t.login('enterprise.demo') } })
    ).json() as { user: { enterpriseId: string } };
    enterpriseId = me.user.enterpriseId;
  });
  afterAll(() => t.close());

  it('offers the territory’s officers as pilots', async () => {
    const response = await t.app.inject({
      url: '/api/v1/drone-missions/pilots',
      headers: { cookie: unitHead },
    });
    const names = (response.json() as { items: { id: string }[] }).items.map((item) => item.id);
    expect(names).toContain(pilotId);
  });

  it('plans a patrol over an area drawn on the map, with its route, window and pilot, audited', async () => {
    const response = await plan(unitHead);
    expect(response.statusCode).toBe(201);
    const mission = response.json() as { id: string; state: string; pilotName: string; areaKindName: string };
    expect(mission).toMatchObject({ state: 'planned', areaKindName: '工业集中区' });
    missionId = mission.id;
    const audit = await t.app.inject({
      url: `/api/v1/audit/events?entityId=${missionId}`,
      headers: { cookie: await t.login('pengjiang.reviewer') },
    });
    expect(JSON.stringify(audit.json())).toContain('drone_mission.planned');
  });

  it('refuses a day already past, an area whose edges cross, and a pilot of another district', async () => {
    await expectProblem(
      await plan(unitHead, { schedule: { ...schedule, date: '2026-12-02' } }),
      422,
      'drone_patrol_in_the_past',
    );
    const crossed = structuredClone(square);
    crossed.coordinates[0] = [
      [113.06, 22.59],
      [113.09, 22.61],
      [113.09, 22.59],
      [113.06, 22.61],
      [113.06, 22.59],
    ];
    const bad = await plan(unitHead, { area: crossed });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('巡查区域的边不能相互交叉');
    const xinhuiPilot = (
      (await t.app.inject({ url: '/api/v1/auth/me', headers: { cookie: xinhui } })).json() as {
        user: { id: string };
      }
    ).user.id;
    await expectProblem(await plan(unitHead, { pilotId: xinhuiPilot }), 404);
  });

  it('lets only the pilot report; his finding becomes a drone lead linked to its photo', async () => {
    await expectProblem(await report(unitHead, {}), 403, 'DRONE_NOT_PILOT');
    const id = randomUUID();
    const response = await report(inspector, { id });
    expect(response.statusCode).toBe(201);
    const mission = (
      await t.app.inject({ url: `/api/v1/drone-missions/${missionId}`, headers: { cookie: inspector } })
    ).json() as { mayReport: boolean; findings: { id: string; incidentId: string; insideArea: boolean }[] };
    expect(mission.mayReport).toBe(true);
    expect(mission.findings).toHaveLength(1);
    const finding = mission.findings[0]!;
    expect(finding).toMatchObject({ id, insideArea: true });
    const incident = (
      await t.app.inject({
        url: `/api/v1/monitoring/incidents/${finding.incidentId}`,
        headers: { cookie: unitHead },
      })
    ).json() as { kind: string; level: string; sourceName: string; summary: string; state: string };
    expect(incident).toMatchObject({
      kind: 'drone',
      level: 'orange',
      sourceName: '无人机巡查',
      state: 'open',
    });
    expect(incident.summary).toContain('航拍无人机巡查发现报警：高处施工等危险作业');
    const behind = (
      await t.app.inject({
        url: `/api/v1/monitoring/incidents/${finding.incidentId}/drone-findings`,
        headers: { cookie: unitHead },
      })
    ).json() as { items: { id: string; photoUrl: string }[] };
    expect(behind.items.map((item) => item.id)).toEqual([id]);
    const photo = await t.app.inject({ url: behind.items[0]!.photoUrl, headers: { cookie: unitHead } });
    expect(photo.statusCode).toBe(200);
    expect(photo.headers['content-type']).toBe('image/jpeg');
    expect(photo.rawPayload.equals(sitePhoto())).toBe(true);

    // the same upload again (a lost answer): stored once, one lead
    const again = await report(inspector, { id });
    expect(again.statusCode).toBe(200);
    const after = (
      await t.app.inject({ url: `/api/v1/drone-missions/${missionId}`, headers: { cookie: inspector } })
    ).json() as { findings: unknown[] };
    expect(after.findings).toHaveLength(1);
  });

  it('joins a second finding at the same enterprise within the merge window to the same lead, both photos shown', async () => {
    const id = randomUUID();
    expect(
      (await report(inspector, { id, kind: 'unapproved_construction', takenAt: '2026-12-03T10:40:00+08:00' }))
        .statusCode,
    ).toBe(201);
    const mission = (
      await t.app.inject({ url: `/api/v1/drone-missions/${missionId}`, headers: { cookie: inspector } })
    ).json() as { findings: { id: string; incidentId: string }[] };
    expect(mission.findings).toHaveLength(2);
    expect(new Set(mission.findings.map((finding) => finding.incidentId)).size).toBe(1);
    const incidentId = mission.findings[0]!.incidentId;
    const incident = (
      await t.app.inject({ url: `/api/v1/monitoring/incidents/${incidentId}`, headers: { cookie: unitHead } })
    ).json() as { alarmCount: number; level: string };
    expect(incident).toMatchObject({ alarmCount: 2, level: 'orange' });
    const behind = (
      await t.app.inject({
        url: `/api/v1/monitoring/incidents/${incidentId}/drone-findings`,
        headers: { cookie: unitHead },
      })
    ).json() as { items: { id: string }[] };
    expect(behind.items.map((item) => item.id)).toContain(id);
    expect(behind.items).toHaveLength(2);
  });

  it('refuses a photo taken before the patrol began', async () => {
    await expectProblem(
      await report(inspector, { takenAt: '2026-12-03T08:00:00+08:00' }),
      422,
      'drone_finding_before_mission',
    );
  });

  it('refuses a finding naming an enterprise not registered, or another district’s, and stores nothing', async () => {
    const findingsNow = async () =>
      (
        (
          await t.app.inject({ url: `/api/v1/drone-missions/${missionId}`, headers: { cookie: inspector } })
        ).json() as { findings: unknown[] }
      ).findings.length;
    const before = await findingsNow();
    await expectProblem(await report(inspector, { enterpriseId: randomUUID() }), 404);
    const xinhuiEnterprise = (
      (await t.ctx.db.execute(
        sql`select id from enterprises where territory = '440705' order by id limit 1`,
      )) as unknown as { rows: { id: string }[] }
    ).rows[0]!.id;
    await expectProblem(await report(inspector, { enterpriseId: xinhuiEnterprise }), 404);
    expect(await findingsNow()).toBe(before);
  });

  it('hides the mission, its photos and its leads from another district', async () => {
    await expectProblem(
      await t.app.inject({ url: `/api/v1/drone-missions/${missionId}`, headers: { cookie: xinhui } }),
      404,
    );
    const mission = (
      await t.app.inject({ url: `/api/v1/drone-missions/${missionId}`, headers: { cookie: inspector } })
    ).json() as { findings: { photoUrl: string; incidentId: string }[] };
    await expectProblem(
      await t.app.inject({ url: mission.findings[0]!.photoUrl, headers: { cookie: xinhui } }),
      404,
    );
    await expectProblem(
      await t.app.inject({
        url: `/api/v1/monitoring/incidents/${mission.findings[0]!.incidentId}/drone-findings`,
        headers: { cookie: xinhui },
      }),
      404,
    );
    const list = (
      await t.app.inject({ url: '/api/v1/drone-missions', headers: { cookie: xinhui } })
    ).json() as { items: { id: string }[] };
    expect(list.items.map((item) => item.id)).not.toContain(missionId);
    const own = (
      await t.app.inject({ url: '/api/v1/drone-missions', headers: { cookie: inspector } })
    ).json() as { items: { id: string; findingCount: number }[] };
    expect(own.items.find((item) => item.id === missionId)?.findingCount).toBe(2);
  });

  it('draws the territory’s enterprises, the drone lead at its photo’s place, and the patrol area on one map', async () => {
    const map = (
      await t.app.inject({ url: '/api/v1/monitoring/map', headers: { cookie: inspector } })
    ).json() as {
      enterprises: { territory: string; latitude: number; longitude: number }[];
      incidents: { kind: string; latitude: number; longitude: number; photoUrl: string | null }[];
      missions: { id: string }[];
      findings: { id: string }[];
    };
    expect(map.enterprises.length).toBeGreaterThan(10);
    expect(map.enterprises.every((row) => row.territory === '440703')).toBe(true);
    const drone = map.incidents.find((row) => row.kind === 'drone');
    expect(drone).toMatchObject({ latitude: 22.6, longitude: 113.07 });
    expect(drone?.photoUrl).toMatch(/^\/api\/v1\/drone-findings\/.+\/photo$/);
    expect(map.missions.map((row) => row.id)).toContain(missionId);
    expect(map.findings).toHaveLength(2);
    const city = (
      await t.app.inject({ url: '/api/v1/monitoring/map', headers: { cookie: admin } })
    ).json() as {
      enterprises: { territory: string }[];
    };
    expect(new Set(city.enterprises.map((row) => row.territory)).size).toBeGreaterThan(3);
  });

  it('places an enterprise on the map once its coordinates are recorded, both or neither', async () => {
    const url = `/api/v1/enterprises/${enterpriseId}`;
    const half = await t.app.inject({
      method: 'PATCH',
      url,
      headers: { cookie: inspector },
      payload: { latitude: 22.61 },
    });
    expect(half.statusCode).toBe(400);
    expect(half.body).toContain('纬度和经度须同时填写或同时清空');
    const placed = await t.app.inject({
      method: 'PATCH',
      url,
      headers: { cookie: inspector },
      payload: { latitude: 22.61234, longitude: 113.08765 },
    });
    expect(placed.statusCode, placed.body).toBe(200);
    expect(placed.json()).toMatchObject({ latitude: 22.61234, longitude: 113.08765 });
    const map = (
      await t.app.inject({ url: '/api/v1/monitoring/map', headers: { cookie: inspector } })
    ).json() as {
      enterprises: { id: string; latitude: number; longitude: number }[];
    };
    expect(map.enterprises.find((row) => row.id === enterpriseId)).toMatchObject({
      latitude: 22.61234,
      longitude: 113.08765,
    });
  });

  it('completes the patrol; no finding is taken after that', async () => {
    await expectProblem(
      await t.app.inject({
        method: 'POST',
        url: `/api/v1/drone-missions/${missionId}/completion`,
        headers: { cookie: unitHead },
      }),
      403,
    );
    const done = await t.app.inject({
      method: 'POST',
      url: `/api/v1/drone-missions/${missionId}/completion`,
      headers: { cookie: inspector },
    });
    expect(done.statusCode).toBe(204);
    await expectProblem(await report(inspector, {}), 422, 'drone_mission_completed');
  });
});
