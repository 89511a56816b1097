import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../../../test/helpers.ts';
import { expectProblem } from '../../../test/problem.ts';

type Org = { id: string; name: string; kind: string; territory: string; hasLegalStanding: boolean };

describe('organisations and the lawful subject of an inspection (measure 9)', () => {
  let t: TestContext;
  let admin: string;
  let orgs: Org[];
  const byKind = (kind: string) => orgs.find((o) => o.kind === kind)!;
  beforeAll(async () => {
    t = await createTestContext();
    admin = await t.login('admin');
    orgs = (
      (await t.app.inject({ url: '/api/v1/organisations', headers: { cookie: admin } })).json() as {
        items: Org[];
      }
    ).items;
  });
  afterAll(() => t.close());
  const check = (id: string, matter: string, date: string) =>
    t.app.inject({
      url: `/api/v1/organisations/${id}/subject-check?matter=${matter}&date=${date}`,
      headers: { cookie: admin },
    });

  it('lists the eight bureaus with legal standing, and only bureaus have it', () => {
    const bureaus = orgs.filter((o) => o.kind === 'bureau');
    expect(bureaus.map((b) => b.territory).sort()).toEqual([
      '440700',
      '440703',
      '440704',
      '440705',
      '440781',
      '440783',
      '440784',
      '440785',
    ]);
    expect(orgs.filter((o) => o.hasLegalStanding).every((o) => o.kind === 'bureau')).toBe(true);
  });

  it('accepts a bureau as the subject', async () => {
    expect((await check(byKind('bureau').id, 'work_safety_general', '2026-11-26')).json()).toEqual({
      ok: true,
    });
  });

  it.each(['internal_unit', 'coordination_body', 'intermediary'])(
    'refuses a %s with measure 9 as the reason',
    async (kind) => {
      const answer = (await check(byKind(kind).id, 'work_safety_general', '2026-11-26')).json() as {
        ok: boolean;
        measure: number;
        basis: string;
      };
      expect(answer).toMatchObject({ ok: false, measure: 9 });
      expect(answer.basis).toContain('第九项');
    },
  );

  it('accepts an entrusted organisation within its scope and validity, and refuses it outside them', async () => {
    const guanghai = orgs.find((o) => o.name.includes('广海镇'))!;
    expect((await check(guanghai.id, 'industry_trade', '2026-11-26')).json()).toEqual({ ok: true });
    expect((await check(guanghai.id, 'hazardous_chemicals', '2026-11-26')).json()).toMatchObject({
      ok: false,
      code: 'SUBJECT_OUTSIDE_ENTRUSTMENT_SCOPE',
    });
    expect((await check(guanghai.id, 'industry_trade', '2028-01-01')).json()).toMatchObject({
      ok: false,
      code: 'SUBJECT_ENTRUSTMENT_EXPIRED',
    });
    const tangxia = orgs.find((o) => o.name.includes('棠下镇'))!;
    expect((await check(tangxia.id, 'work_safety_general', '2026-11-26')).json()).toMatchObject({
      ok: false,
      code: 'SUBJECT_ENTRUSTMENT_EXPIRED',
    });
  });

  it('creates an entrusted organisation only with its entrustment, and audits it', async () => {
    const city = byKind('bureau');
    const missing = await t.app.inject({
      method: 'POST',
      url: '/api/v1/organisations',
      headers: { cookie: admin },
      payload: { name: '某镇综合执法办', kind: 'entrusted', territory: '440703' },
    });
    expectProblem(missing, 400, 'VALIDATION_FAILED');
    const created = await t.app.inject({
      method: 'POST',
      url: '/api/v1/organisations',
      headers: { cookie: admin },
      payload: {
        name: '某镇综合执法办',
        kind: 'entrusted',
        territory: '440703',
        entrustment: {
          scope: ['work_safety_general'],
          validFrom: '2026-01-01',
          validTo: '2026-12-31',
          entrustingOrganisationId: city.id,
        },
      },
    });
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({
      hasLegalStanding: false,
      entrustment: { scope: ['work_safety_general'] },
    });
    const events = await t.app.inject({
      url: `/api/v1/audit/events?entityId=${(created.json() as Org).id}`,
      headers: { cookie: admin },
    });
    expect((events.json() as { items: { action: string }[] }).items.map((e) => e.action)).toEqual([
      'organisation.created',
    ]);
  });

  it('refuses an intermediary as the entrusting organisation', async () => {
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/v1/organisations',
      headers: { cookie: admin },
      payload: {
        name: '违规委托',
        kind: 'entrusted',
        territory: '440703',
        entrustment: {
          scope: ['work_safety_general'],
          validFrom: '2026-01-01',
          validTo: '2026-12-31',
          entrustingOrganisationId: byKind('intermediary').id,
        },
      },
    });
    expectProblem(response, 422, 'ENTRUSTING_NOT_BUREAU');
  });

  it('lets only an admin create organisations', async () => {
    const head = await t.login('city.head');
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/v1/organisations',
      headers: { cookie: head },
      payload: { name: 'x', kind: 'bureau', territory: '440700' },
    });
    expectProblem(response, 403, 'FORBIDDEN');
  });
});
