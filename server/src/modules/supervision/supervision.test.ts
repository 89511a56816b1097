import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq, inArray, sql } from 'drizzle-orm';
import { verifyReviewSample } from '@inspecta/domain';
import { createTestContext, type TestContext } from '../../../test/helpers.ts';
import { inspections } from '../inspections/schema.ts';
import { officers } from '../officers/schema.ts';

// issue 17 items 3, 8, 9: a complaint tracked to its answer, a case-file review round sampled by the draws'
// sampler and scored, and the leniency/severity figures.

describe('enforcement supervision (measures 18, 29)', () => {
  let t: TestContext;
  let reviewer: string;
  let inspector: string;
  const json = <T>(res: { statusCode: number; body: string; json: () => unknown }, status: number): T => {
    expect(res.statusCode, res.body).toBe(status);
    return res.json() as T;
  };

  beforeAll(async () => {
    t = await createTestContext({ seed: true, now: new Date('2026-12-03T01:00:00Z') });
    reviewer = await t.login('city.reviewer');
    inspector = await t.login('pengjiang.inspector');
  });
  afterAll(async () => t.close());

  it('tracks a complaint to its answer by its channel’s deadline, and lists it under the officer', async () => {
    const [officer] = await t.ctx.db.select().from(officers).where(eq(officers.territory, '440703')).limit(1);
    const created = json<{
      id: string;
      dueOn: string;
      dueVerified: boolean;
      reviewQueued: boolean;
      overdue: boolean;
    }>(
      await t.app.inject({
        method: 'POST',
        url: '/api/v1/complaints',
        headers: { cookie: inspector },
        payload: {
          channel: 'hotline_12345',
          channelReference: '12345-20261120-001',
          summary: '投诉执法人员检查时态度粗暴',
          receivedOn: '2026-11-02',
          officerId: officer!.id,
        },
      }),
      201,
    );
    expect(created).toMatchObject({ dueVerified: false, reviewQueued: true, overdue: true });
    const workbench = json<{ items: { key: string; count: number }[] }>(
      await t.app.inject({
        url: '/api/v1/workbench',
        headers: { cookie: await t.login('pengjiang.unithead') },
      }),
      200,
    );
    expect(workbench.items.find((item) => item.key === 'complaints_overdue')?.count).toBeGreaterThan(0);
    // the inspector who took it may not answer it
    const refused = await t.app.inject({
      method: 'POST',
      url: `/api/v1/complaints/${created.id}/answer`,
      headers: { cookie: inspector },
      payload: { answer: '已核实', answeredOn: '2026-12-02' },
    });
    expect(refused.statusCode).toBe(403);
    const answered = json<{ status: string; answeredOn: string }>(
      await t.app.inject({
        method: 'POST',
        url: `/api/v1/complaints/${created.id}/answer`,
        headers: { cookie: await t.login('pengjiang.unithead') },
        payload: { answer: '经核实，已对该执法人员批评教育并向投诉人说明', answeredOn: '2026-12-02' },
      }),
      200,
    );
    expect(answered).toMatchObject({ status: 'answered', answeredOn: '2026-12-02' });
    const aboutOfficer = json<{ items: { id: string }[] }>(
      await t.app.inject({
        url: `/api/v1/officers/${officer!.id}/complaints`,
        headers: { cookie: reviewer },
      }),
      200,
    );
    expect(aboutOfficer.items.map((item) => item.id)).toContain(created.id);
    // another district's officer cannot see it
    const xinhui = await t.login('xinhui.inspector');
    expect(
      (await t.app.inject({ url: `/api/v1/complaints/${created.id}`, headers: { cookie: xinhui } }))
        .statusCode,
    ).toBe(404);
  });

  it('refuses another district’s inspection named in a complaint', async () => {
    const [other] = await t.ctx.db
      .select({ id: inspections.id })
      .from(inspections)
      .where(eq(inspections.territory, '440705'))
      .limit(1);
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/complaints',
      headers: { cookie: inspector },
      payload: { channel: 'online', summary: '投诉', receivedOn: '2026-12-01', inspectionId: other!.id },
    });
    expect(res.statusCode).toBe(404);
    expect(res.headers['content-type']).toContain('application/problem+json');
  });

  it('samples a round recomputably, adds the complaint-driven file, scores with a veto and with points', async () => {
    const [concluded] = await t.ctx.db
      .select({ n: sql<number>`count(*)::int` })
      .from(inspections)
      .where(
        and(
          eq(inspections.territory, '440703'),
          inArray(inspections.stage, ['concluded', 'closed', 'completed']),
        ),
      );
    expect(concluded!.n).toBeGreaterThan(0);
    const round = json<{ id: string; pool: string[]; poolHash: string; complaintDriven: string[] }>(
      await t.app.inject({
        method: 'POST',
        url: '/api/v1/case-reviews',
        headers: { cookie: reviewer },
        payload: {
          territory: '440703',
          kind: 'special',
          topic: '2026 年度行政检查专项执法检查',
          periodFrom: '2020-01-01',
          periodTo: '2026-12-31',
          sampleSize: 2,
          fileKinds: ['inspection', 'penalty_case'],
        },
      }),
      201,
    );
    const sampled = json<{ seed: string; selected: string[]; publicEntropy: string; sampleSize: number }>(
      await t.app.inject({
        method: 'POST',
        url: `/api/v1/case-reviews/${round.id}/sample`,
        headers: { cookie: reviewer },
        payload: { publicEntropy: '2026-12-03 福彩3D 第2026320期 581' },
      }),
      200,
    );
    expect(
      verifyReviewSample({
        pool: round.pool,
        sampleSize: 2,
        publicEntropy: sampled.publicEntropy,
        poolHash: round.poolHash,
        seed: sampled.seed,
        selected: sampled.selected,
      }).ok,
    ).toBe(true);
    const again = await t.app.inject({
      method: 'POST',
      url: `/api/v1/case-reviews/${round.id}/sample`,
      headers: { cookie: reviewer },
      payload: { publicEntropy: 'other' },
    });
    expect(again.statusCode).toBe(409);
    const detail = json<{
      files: { id: string; basis: string; handledByMe: boolean }[];
      sheet: { pointItems: { code: string; points: number }[] };
    }>(await t.app.inject({ url: `/api/v1/case-reviews/${round.id}`, headers: { cookie: reviewer } }), 200);
    expect(detail.files.filter((file) => file.basis === 'random')).toHaveLength(
      Math.min(2, round.pool.length),
    );
    const [first, second] = detail.files;
    const points = Object.fromEntries(detail.sheet.pointItems.map((item) => [item.code, item.points]));
    const vetoed = json<{ grade: string; total: number }>(
      await t.app.inject({
        method: 'POST',
        url: `/api/v1/case-review-files/${first!.id}/score`,
        headers: { cookie: reviewer },
        payload: { vetoFailed: ['veto_officers'], points: {}, findings: '现场检查笔录只有一名执法人员签名' },
      }),
      200,
    );
    expect(vetoed).toMatchObject({ grade: 'veto_failed', total: 0 });
    if (second) {
      const scored = json<{ grade: string; total: number }>(
        await t.app.inject({
          method: 'POST',
          url: `/api/v1/case-review-files/${second.id}/score`,
          headers: { cookie: reviewer },
          payload: { vetoFailed: [], points: { ...points, form_pages: 2 }, findings: '页码编号不连续' },
        }),
        200,
      );
      expect(scored).toMatchObject({ grade: 'good', total: 97 });
    }
    const correction = json<{ id: string }>(
      await t.app.inject({
        method: 'POST',
        url: `/api/v1/case-review-files/${first!.id}/corrections`,
        headers: { cookie: reviewer },
        payload: { requirement: '补正现场检查笔录，组织执法人员培训', dueOn: '2026-12-31' },
      }),
      201,
    );
    const done = json<{ completedOn: string }>(
      await t.app.inject({
        method: 'POST',
        url: `/api/v1/case-review-corrections/${correction.id}/complete`,
        headers: { cookie: await t.login('pengjiang.unithead') },
        payload: { completedOn: '2026-12-03', note: '已补正并培训' },
      }),
      200,
    );
    expect(done.completedOn).toBe('2026-12-03');
    // a district's inspector neither opens rounds nor scores
    expect(
      (
        await t.app.inject({
          method: 'POST',
          url: `/api/v1/case-review-files/${first!.id}/score`,
          headers: { cookie: inspector },
          payload: { vetoFailed: [], points, findings: '' },
        })
      ).statusCode,
    ).toBe(403);
  });

  it('computes the figures per bureau and officer with their flags', async () => {
    const stats = json<{
      bureaus: { key: string; inspections: number }[];
      officers: {
        name: string;
        flags: { metric: string; side: string; cases: { inspectionId: string }[] }[];
      }[];
    }>(
      await t.app.inject({
        url: '/api/v1/supervision/statistics?from=2024-01-01&to=2026-12-31',
        headers: { cookie: reviewer },
      }),
      200,
    );
    expect(stats.bureaus.length).toBeGreaterThan(0);
    // the demo's last year: one officer found nothing, one found something at every visit
    const flagged = (side: string) =>
      stats.officers.filter((officer) =>
        officer.flags.some(
          (flag) => flag.metric === 'findingRate' && flag.side === side && flag.cases.length > 0,
        ),
      );
    expect(flagged('lenient')).toHaveLength(1);
    expect(flagged('severe')).toHaveLength(1);
    expect(
      (
        await t.app.inject({
          url: '/api/v1/supervision/statistics?from=2026-12-31&to=2020-01-01',
          headers: { cookie: reviewer },
        })
      ).statusCode,
    ).toBe(400);
    expect(
      (
        await t.app.inject({
          url: '/api/v1/supervision/statistics?from=2024-01-01&to=2026-12-31',
          headers: { cookie: inspector },
        })
      ).statusCode,
    ).toBe(403);
  });
});
