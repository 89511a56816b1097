import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../../../test/helpers.ts';
import { expectProblem } from '../../../test/problem.ts';
import { nightlyRegrade } from '../../schedule.ts';
import { openRun, runRegrade } from './regrade-all.ts';

type Grade = {
  class: string;
  riskGrade: string;
  score: number;
  reasons: { factor: string; text: string; verified: boolean }[];
};
type GradeAnswer = { grade: Grade; history: { trigger: string; summary: string }[] };
const order = ['blue', 'yellow', 'orange', 'red'];
const silentLog = { info: () => {}, error: () => {} };

describe('graded and classified enforcement (measures 3, 4, 24)', () => {
  let t: TestContext;
  let inspector: string;
  let enterpriseId: string;
  beforeAll(async () => {
    t = await createTestContext();
    inspector = await t.login('pengjiang.inspector');
    const page = (
      await t.app.inject({
        url: `/api/v1/enterprises?q=${encodeURIComponent('恒兴家具')}`,
        headers: { cookie: inspector },
      })
    ).json() as {
      items: { id: string }[];
    };
    enterpriseId = page.items[0]!.id;
  });
  afterAll(() => t.close());
  const gradeOf = async (id = enterpriseId, cookie = inspector) =>
    (
      await t.app.inject({ url: `/api/v1/enterprises/${id}/grade`, headers: { cookie } })
    ).json() as GradeAnswer;

  it('grades every demo enterprise, with reasons that name their source and whether it is verified', async () => {
    const answer = await gradeOf();
    expect(answer.grade.reasons.length).toBeGreaterThan(0);
    expect(answer.grade.reasons.every((r) => typeof r.verified === 'boolean' && r.text.length > 0)).toBe(
      true,
    );
    expect(answer.history[0]).toMatchObject({ trigger: 'seed' });
  });

  it('raises the grade when an accident is recorded, in the same transaction, and says why', async () => {
    const before = await gradeOf();
    t.setNow(new Date('2026-11-26T03:00:00Z'));
    const response = await t.app.inject({
      method: 'POST',
      url: `/api/v1/enterprises/${enterpriseId}/facts`,
      headers: { cookie: inspector },
      payload: { kind: 'accident', data: { date: '2026-10-10', level: 'major', deaths: 3 } },
    });
    expect(response.statusCode).toBe(201);
    expect((response.json() as { change: { summary: string } }).change.summary.length).toBeGreaterThan(0);
    const after = await gradeOf();
    expect(after.grade.score).toBeGreaterThan(before.grade.score);
    expect(order.indexOf(after.grade.riskGrade)).toBeGreaterThan(order.indexOf(before.grade.riskGrade));
    expect(after.grade.reasons.some((r) => r.factor === 'accident' && r.text.includes('2026-10-10'))).toBe(
      true,
    );
    expect(after.history[0]).toMatchObject({ trigger: 'fact' });
    const events = (
      await t.app.inject({
        url: `/api/v1/audit/events?entityId=${enterpriseId}`,
        headers: { cookie: await t.login('city.reviewer') },
      })
    ).json() as {
      items: { action: string }[];
    };
    expect(events.items.slice(0, 2).map((e) => e.action)).toEqual([
      'enterprise.grade.changed',
      'enterprise.fact.recorded',
    ]);
  });

  it('restores the grade when a mistaken fact is retracted with a reason', async () => {
    const facts = (
      await t.app.inject({ url: `/api/v1/enterprises/${enterpriseId}/facts`, headers: { cookie: inspector } })
    ).json() as {
      items: { id: string; kind: string }[];
    };
    const accident = facts.items.find((f) => f.kind === 'accident')!;
    const noReason = await t.app.inject({
      method: 'POST',
      url: `/api/v1/enterprises/${enterpriseId}/facts/${accident.id}/retraction`,
      headers: { cookie: inspector },
      payload: { reason: '' },
    });
    expectProblem(noReason, 400);
    const retracted = await t.app.inject({
      method: 'POST',
      url: `/api/v1/enterprises/${enterpriseId}/facts/${accident.id}/retraction`,
      headers: { cookie: inspector },
      payload: { reason: '录入错误' },
    });
    expect(retracted.statusCode).toBe(200);
    expect(
      (await gradeOf()).grade.reasons.some((r) => r.factor === 'accident' && r.text.includes('2026-10-10')),
    ).toBe(false);
  });

  it('refuses facts that contradict themselves', async () => {
    const response = await t.app.inject({
      method: 'POST',
      url: `/api/v1/enterprises/${enterpriseId}/facts`,
      headers: { cookie: inspector },
      payload: { kind: 'joint_credit_punishment', data: { from: '2026-05-01', to: '2026-01-01' } },
    });
    expectProblem(response, 400, 'VALIDATION_FAILED');
  });

  it('hides another county’s grade', async () => {
    const xinhui = await t.login('xinhui.inspector');
    expectProblem(
      await t.app.inject({ url: `/api/v1/enterprises/${enterpriseId}/grade`, headers: { cookie: xinhui } }),
      404,
    );
  });

  it('regrades everyone idempotently: a second run changes nothing', async () => {
    const first = await runRegrade(t.ctx, (await openRun(t.ctx, 'manual', 'test')).run);
    expect(first).toMatchObject({ status: 'done', total: 300, processed: 300 });
    const second = await runRegrade(t.ctx, (await openRun(t.ctx, 'manual', 'test')).run);
    expect(second).toMatchObject({ status: 'done', processed: 300, changed: 0 });
  });

  it('lets only one regrade run at a time, and runs the nightly regrade once a day', async () => {
    const open = await openRun(t.ctx, 'manual', 'a');
    const rival = await openRun(t.ctx, 'manual', 'b');
    expect(open.opened).toBe(true);
    expect(rival).toMatchObject({ opened: false, run: { id: open.run.id } });
    await runRegrade(t.ctx, open.run);
    t.setNow(new Date('2026-07-01T17:00:00Z')); // 2026-07-02 in Shanghai: flood season and high temperature
    const night = await nightlyRegrade(t.ctx, silentLog);
    expect(night).toMatchObject({ status: 'done' });
    expect(night!.changed).toBeGreaterThan(0);
    expect(await nightlyRegrade(t.ctx, silentLog)).toBeNull();
    const season = await gradeOf();
    expect(season.grade.reasons.some((r) => r.factor === 'season')).toBe(true);
    // the batch reads the previous grade of what changed, so the history says what changed, not "first grading"
    const nightly = season.history.find((change) => change.trigger === 'regrade')!;
    expect(nightly.summary).not.toContain('首次分级');
    expect(nightly.summary.length).toBeGreaterThan(0);
  });

  it('counts the grades by county, class and colour for the city', async () => {
    const city = await t.login('city.head');
    const overview = (
      await t.app.inject({ url: '/api/v1/grading/overview', headers: { cookie: city } })
    ).json() as {
      total: number;
      ungraded: number;
      byTerritory: { total: number; key: number; general: number }[];
      byRiskGrade: { count: number }[];
    };
    expect(overview.total).toBe(300);
    expect(overview.ungraded).toBe(0);
    expect(overview.byTerritory).toHaveLength(7);
    expect(overview.byTerritory.reduce((a, r) => a + r.total, 0)).toBe(300);
    expect(overview.byTerritory.every((r) => r.key + r.general === r.total)).toBe(true);
    expect(overview.byRiskGrade.reduce((a, r) => a + r.count, 0)).toBe(300);
    const county = (
      await t.app.inject({ url: '/api/v1/grading/overview', headers: { cookie: inspector } })
    ).json() as { byTerritory: { territory: string }[] };
    expect(county.byTerritory.map((r) => r.territory)).toEqual(['440703']);
  });

  it('starts a regrade from the API for an admin only, and reports its progress', async () => {
    expectProblem(
      await t.app.inject({ method: 'POST', url: '/api/v1/grading/regrade', headers: { cookie: inspector } }),
      403,
    );
    const admin = await t.login('admin');
    const started = await t.app.inject({
      method: 'POST',
      url: '/api/v1/grading/regrade',
      headers: { cookie: admin },
    });
    expect(started.statusCode).toBe(202);
    const { run } = started.json() as { run: { id: string } };
    let status = 'running';
    for (let i = 0; i < 100 && status === 'running'; i += 1) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      status = (
        (
          await t.app.inject({ url: `/api/v1/grading/runs/${run.id}`, headers: { cookie: admin } })
        ).json() as { status: string }
      ).status;
    }
    expect(status).toBe('done');
  });

  it('shows the catalogue to a legal reviewer with sources and verification flags', async () => {
    const reviewer = await t.login('city.reviewer');
    const catalog = (
      await t.app.inject({ url: '/api/v1/catalog/grading', headers: { cookie: reviewer } })
    ).json() as {
      grading: { version: string; riskGrades: { verified: boolean; source: string }[] };
    };
    expect(catalog.grading.version).toBeTruthy();
    expect(
      catalog.grading.riskGrades.some((g) => g.verified === false && g.source.includes('待法制审核')),
    ).toBe(true);
    expectProblem(
      await t.app.inject({
        url: '/api/v1/catalog/grading',
        headers: { cookie: await t.login('enterprise.demo') },
      }),
      403,
    );
  });
});
