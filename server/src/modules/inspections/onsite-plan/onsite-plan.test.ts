import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq, gte, sql } from 'drizzle-orm';
import { inspectionStatusOf } from '@inspecta/domain';
import { createTestContext, type TestContext } from '../../../../test/helpers.ts';
import { expectProblem } from '../../../../test/problem.ts';
import { requester } from '../../../../test/plan-fixtures.ts';
import { enterprises } from '../../enterprises/schema.ts';
import { certificates, officers } from '../../officers/schema.ts';
import { draws } from '../../draws/schema.ts';
import { inspections } from '../schema.ts';
import { auditEvents } from '../../../platform/audit/schema.ts';
import { users } from '../../../platform/auth/schema.ts';
import { inspectionDocuments } from '../schema.ts';

let t: TestContext;
let inspector: string;
let unitHead: string;
let head: string;
let reviewer: string;
let valid: string[];
let lapsed: string;

const http = () => requester(t);

// the text of a docx, its runs joined
const docxText = async (payload: Buffer) =>
  (await (await JSZip.loadAsync(payload)).file('word/document.xml')!.async('string')).replace(/<[^>]+>/g, '');

// A targeted inspection (complaint) of an enterprise of 蓬江区, planned by the city inspector.
const planned = async (offset: number, trigger: Record<string, string | undefined> = {}) => {
  // enterprises with no inspection yet this year (the demo's last-year visits do not count): no cap reached, no
  // merge proposal
  const rows = await t.ctx.db
    .select()
    .from(enterprises)
    .where(
      and(
        eq(enterprises.territory, '440703'),
        sql`not exists (select 1 from inspections i where i.enterprise_id = ${enterprises.id} and i.planned_on >= '2026-01-01')`,
      ),
    )
    .orderBy(enterprises.creditCode)
    .limit(40);
  const enterprise = rows[offset]!;
  const res = await http().post('/api/v1/inspections', inspector, {
    enterpriseId: enterprise.id,
    plannedOn: '2026-12-03',
    kind: 'targeted',
    matters: ['work_safety_general'],
    trigger: 'complaint_or_report',
    triggerReference: `12345-2026-${offset}`,
    ...trigger,
  });
  expect(res.statusCode, res.body).toBe(201);
  return (res.json() as { inspection: { id: string } }).inspection.id;
};

const approved = async (id: string, team = valid.slice(0, 2), scheduledAt = '2026-12-03T09:30:00+08:00') => {
  expect(
    (
      await http().post(`/api/v1/inspections/${id}/onsite-plan`, inspector, {
        officers: team,
        scheduledAt,
      })
    ).statusCode,
  ).toBe(200);
  const submitted = await http().post(`/api/v1/inspections/${id}/onsite-plan/submit`, inspector, {});
  expect(submitted.statusCode, submitted.body).toBe(200);
  const decided = await http().post(`/api/v1/inspections/${id}/onsite-plan/decision`, head, {
    approve: true,
    comment: '同意，注意防护',
  });
  expect(decided.statusCode, decided.body).toBe(200);
};

const codeOf = async (id: string) => {
  expect((await http().post(`/api/v1/inspections/${id}/notify`, inspector, {})).statusCode).toBe(200);
  const res = await http().get(`/api/v1/inspections/${id}/checkin-code`, inspector);
  expect(res.statusCode, res.body).toBe(200);
  return (res.json() as { token: string }).token;
};

beforeAll(async () => {
  t = await createTestContext({ seed: true, now: new Date('2026-12-03T01:00:00Z') });
  inspector = await t.login('city.inspector');
  unitHead = await t.login('city.unithead');
  head = await t.login('city.head');
  reviewer = await t.login('city.reviewer');
  const rows = await t.ctx.db
    .select({
      number: certificates.number,
      validTo: certificates.validTo,
      status: certificates.status,
      onRoster: officers.onRoster,
    })
    .from(certificates)
    .innerJoin(officers, eq(officers.id, certificates.officerId))
    .where(and(eq(officers.territory, '440700')));
  valid = rows
    .filter((r) => r.status === 'valid' && r.onRoster && r.validTo >= '2027-12-31')
    .map((r) => r.number)
    .sort();
  lapsed = rows.find((r) => r.validTo < '2026-12-03')!.number;
});
afterAll(() => t.close());

describe('on-site plan and approval (measure 11)', () => {
  it('runs draft → submit → approval by the department head, with every guard listed', async () => {
    const id = await planned(0);
    await approved(id);
    const overview = (await http().get(`/api/v1/inspections/${id}/onsite`, inspector)).json() as {
      stage: string;
      plan: { status: string; comment: string };
      checks: { measure: number; ok: boolean }[];
    };
    expect(overview.stage).toBe('plan_approved');
    expect(overview.plan).toMatchObject({ status: 'approved', comment: '同意，注意防护' });
    expect(overview.checks.every((check) => check.ok)).toBe(true);
    // the approved plan is issued as a numbered 现场检查方案
    const documents = await t.ctx.db
      .select()
      .from(inspectionDocuments)
      .where(eq(inspectionDocuments.inspectionId, id));
    expect(documents.map((d) => d.type)).toEqual(['onsite_plan']);
    expect(documents[0]!.number).toMatch(/^（江）应急检方〔2026〕\d+号$/);
  });

  it('refuses a plan with one certified officer, citing measure 12', async () => {
    const id = await planned(1);
    await http().post(`/api/v1/inspections/${id}/onsite-plan`, inspector, { officers: [valid[0], lapsed] });
    const res = await http().post(`/api/v1/inspections/${id}/onsite-plan/submit`, inspector, {});
    expectProblem(res, 422, 'INSPECTION_TOO_FEW_OFFICERS');
    expect(res.json()).toMatchObject({ measure: 12 });
  });

  it('lets only the department head (部门负责人) decide, not a unit head, and needs a reason to reject', async () => {
    const id = await planned(2);
    await http().post(`/api/v1/inspections/${id}/onsite-plan`, inspector, { officers: valid.slice(0, 2) });
    const submitted = await http().post(`/api/v1/inspections/${id}/onsite-plan/submit`, inspector, {});
    expect(submitted.statusCode, submitted.body).toBe(200);
    expectProblem(
      await http().post(`/api/v1/inspections/${id}/onsite-plan/decision`, inspector, { approve: true }),
      403,
    );
    // a 科室负责人 is not the 部门负责人 (issue 11 item 5)
    expectProblem(
      await http().post(`/api/v1/inspections/${id}/onsite-plan/decision`, unitHead, { approve: true }),
      403,
      'ONSITE_PLAN_APPROVER_NOT_HEAD',
    );
    expectProblem(
      await http().post(`/api/v1/inspections/${id}/onsite-plan/decision`, head, { approve: false }),
      422,
      'ONSITE_PLAN_REJECTION_REASON',
    );
    const rejected = await http().post(`/api/v1/inspections/${id}/onsite-plan/decision`, head, {
      approve: false,
      comment: '检查事项与投诉内容不符',
    });
    expect(rejected.json()).toMatchObject({ status: 'rejected' });
    const overview = (await http().get(`/api/v1/inspections/${id}/onsite`, inspector)).json() as {
      stage: string;
    };
    expect(overview.stage).toBe('plan_drafted');
  });

  it('records the reason of an unannounced visit (四不两直)', async () => {
    const id = await planned(3);
    expectProblem(
      await http().post(`/api/v1/inspections/${id}/onsite-plan`, inspector, {
        officers: valid.slice(0, 2),
        unannounced: true,
      }),
      422,
      'UNANNOUNCED_REASON_REQUIRED',
    );
  });

  it('drafts a plan for every planned inspection of a draw in one click', async () => {
    const county = await t.login('pengjiang.inspector');
    const [draw] = await t.ctx.db.select({ id: draws.id }).from(draws).where(eq(draws.territory, '440703'));
    const res = await http().post(`/api/v1/draws/${draw!.id}/onsite-plans`, county, {});
    expect(res.statusCode, res.body).toBe(200);
    const drafted = (res.json() as { drafted: number }).drafted;
    expect(drafted).toBeGreaterThan(0);
    const rows = await t.ctx.db
      .select({ stage: inspections.stage })
      .from(inspections)
      .where(and(eq(inspections.drawId, draw!.id), eq(inspections.stage, 'plan_drafted')));
    expect(rows.length).toBe(drafted);
  });
});

// The demo enterprise user, pointed at the inspection's enterprise, logged in.
const enterpriseOf = async (id: string) => {
  const [row] = await t.ctx.db
    .select({ enterpriseId: inspections.enterpriseId })
    .from(inspections)
    .where(eq(inspections.id, id));
  await t.ctx.db
    .update(users)
    .set({ enterpriseId: row!.enterpriseId })
    .where(eq(users.username, 'enterprise.demo'));
  return t.login('enterprise.demo');
};

const arriveAs = (token: string, cookie: string | null, payload: object = {}) =>
  t.app.inject({
    method: 'POST',
    url: `/api/v1/public/checkin/${token}/arrive`,
    payload,
    ...(cookie ? { headers: { cookie } } : {}),
  });

const rateAs = (token: string, cookie: string | null) =>
  t.app.inject({
    method: 'POST',
    url: `/api/v1/public/checkin/${token}/rating`,
    payload: { score: 4, comment: '讲解清楚，指出问题具体' },
    ...(cookie ? { headers: { cookie } } : {}),
  });

describe('check-in by code (亮码入企)', () => {
  it('shows the enterprise who comes and on what basis, records arrival once, and takes one anonymous rating', async () => {
    const id = await planned(4);
    await approved(id);
    const token = await codeOf(id);
    const shown = (await t.app.inject({ url: `/api/v1/public/checkin/${token}` })).json() as {
      valid: boolean;
      inspection: {
        officers: { certificate: string; validToday: boolean }[];
        matters: { basis: string }[];
        bureau: string;
        ownEnterprise: boolean;
      };
    };
    expect(shown.valid).toBe(true);
    expect(shown.inspection.officers.map((o) => o.certificate)).toEqual(valid.slice(0, 2));
    expect(shown.inspection.officers.every((o) => o.validToday)).toBe(true);
    expect(shown.inspection.matters[0]!.basis).toContain('安全生产法');
    expect(shown.inspection.ownEnterprise).toBe(false);

    const enterprise = await enterpriseOf(id);
    const seen = (
      await t.app.inject({ url: `/api/v1/public/checkin/${token}`, headers: { cookie: enterprise } })
    ).json() as { inspection: { ownEnterprise: boolean; ratable: boolean } };
    expect(seen.inspection).toMatchObject({ ownEnterprise: true, ratable: false });
    const location = { location: { latitude: 22.58, longitude: 113.08, accuracy: 15 } };
    const first = await arriveAs(token, enterprise, location);
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json()).toMatchObject({ arrived: true, already: false });
    expect((await arriveAs(token, enterprise, location)).json()).toMatchObject({ already: true });
    const [row] = await t.ctx.db.select().from(inspections).where(eq(inspections.id, id));
    expect(row!.stage).toBe('checked_in');
    expect(row!.checkInLocation).toMatchObject({ latitude: 22.58 });

    // the visit is rated once it is over (documents issued), by the enterprise, once
    expectProblem(await rateAs(token, enterprise), 422, 'RATING_BEFORE_VISIT');
    await t.ctx.db.update(inspections).set({ stage: 'concluded' }).where(eq(inspections.id, id));
    expect((await rateAs(token, enterprise)).statusCode).toBe(201);
    expectProblem(await rateAs(token, enterprise), 409, 'ALREADY_RATED');
    // the supervisor sees statistics; the rated officers' side does not
    const statsRes = await http().get(`/api/v1/ratings/statistics`, reviewer);
    expect(statsRes.statusCode, statsRes.body).toBe(200);
    const stats = statsRes.json() as { byOfficer: { certificate: string; ratings: number }[] };
    expect(stats.byOfficer.find((o) => o.certificate === valid[0])?.ratings).toBeGreaterThanOrEqual(1);
    expectProblem(await http().get('/api/v1/ratings/statistics', inspector), 403);
    // and the inspection's audit trail does not name the rating
    const trail = await t.ctx.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.entityId, id), gte(auditEvents.seq, 0)));
    expect(trail.some((event) => event.action === 'inspection.rating.submitted')).toBe(false);
    expect(trail.some((event) => event.action === 'inspection.arrival.registered')).toBe(true);
  });

  // issue 12 item 3: the officer holds the code, but neither the code alone nor the officer's session
  // registers the arrival or rates the visit; another enterprise's account does not either.
  it('refuses the arrival and the rating to the officer holding the code, to no session and to another enterprise', async () => {
    const id = await planned(9);
    await approved(id);
    const token = await codeOf(id);
    expectProblem(await arriveAs(token, null), 401, 'UNAUTHENTICATED');
    expectProblem(await arriveAs(token, inspector), 403, 'CHECKIN_ENTERPRISE_ONLY');
    expectProblem(await arriveAs(token, unitHead), 403, 'CHECKIN_ENTERPRISE_ONLY');
    const [other] = await t.ctx.db
      .select({ id: enterprises.id })
      .from(enterprises)
      .where(eq(enterprises.territory, '440705'))
      .limit(1);
    await t.ctx.db
      .update(users)
      .set({ enterpriseId: other!.id })
      .where(eq(users.username, 'enterprise.demo'));
    expectProblem(await arriveAs(token, await t.login('enterprise.demo')), 403, 'CHECKIN_ENTERPRISE_ONLY');
    const [before] = await t.ctx.db.select().from(inspections).where(eq(inspections.id, id));
    expect(before!.checkedInAt).toBeNull();

    expect((await arriveAs(token, await enterpriseOf(id))).statusCode).toBe(200);
    await t.ctx.db.update(inspections).set({ stage: 'concluded' }).where(eq(inspections.id, id));
    // the "anonymous" rating posted before the enterprise can: refused
    expectProblem(await rateAs(token, null), 401, 'UNAUTHENTICATED');
    expectProblem(await rateAs(token, inspector), 403, 'CHECKIN_ENTERPRISE_ONLY');
    expect((await rateAs(token, await enterpriseOf(id))).statusCode).toBe(201);
  });

  // issue 12 item 3: the arrival is registered on the day the approved plan names (catalogue window, that day
  // by default); the day before, the code is refused, and after the day it has expired.
  it('registers the arrival on the planned day only', async () => {
    const id = await planned(11);
    await approved(id, valid.slice(0, 2), '2026-12-04T09:30:00+08:00');
    const token = await codeOf(id);
    const enterprise = await enterpriseOf(id);
    const early = expectProblem(await arriveAs(token, enterprise), 422, 'ARRIVAL_OUTSIDE_PLANNED_DATE');
    expect(early).toMatchObject({ measure: 11 });
    expect(early.title).toContain('2026-12-04');
    try {
      // sessions end when idle: the enterprise logs in again on each day
      t.setNow(new Date('2026-12-05T01:00:00Z'));
      expectProblem(await arriveAs(token, await enterpriseOf(id)), 422, 'CHECKIN_CODE_EXPIRED');
      t.setNow(new Date('2026-12-04T01:30:00Z'));
      const onDay = await arriveAs(token, await enterpriseOf(id));
      expect(onDay.statusCode, onDay.body).toBe(200);
    } finally {
      t.setNow(new Date('2026-12-03T01:00:00Z'));
    }
  });

  it('never shows the reason of an unannounced visit on the check-in page (issue 11 item 11)', async () => {
    const id = await planned(10);
    expect(
      (
        await http().post(`/api/v1/inspections/${id}/onsite-plan`, inspector, {
          officers: valid.slice(0, 2),
          scheduledAt: '2026-12-03T09:30:00+08:00',
          unannounced: true,
          unannouncedReason: '群众举报夜间违规动火，需突击核实',
        })
      ).statusCode,
    ).toBe(200);
    expect(
      (await http().post(`/api/v1/inspections/${id}/onsite-plan/submit`, inspector, {})).statusCode,
    ).toBe(200);
    expect(
      (
        await http().post(`/api/v1/inspections/${id}/onsite-plan/decision`, head, {
          approve: true,
          comment: '同意',
        })
      ).statusCode,
    ).toBe(200);
    const token = await codeOf(id);
    const shown = await t.app.inject({ url: `/api/v1/public/checkin/${token}` });
    expect(shown.statusCode, shown.body).toBe(200);
    expect(shown.json()).toMatchObject({ inspection: { unannounced: true } });
    expect(shown.body).not.toContain('突击核实');
    expect(shown.body).not.toContain('unannouncedReason');
  });

  it('tells a forged or altered code from a real one', async () => {
    const id = await planned(5);
    await approved(id);
    const token = await codeOf(id);
    const [body, signature] = token.split('.') as [string, string];
    const payload = JSON.parse(Buffer.from(body, 'base64url').toString('utf8')) as { n: string };
    payload.n = '另一家企业';
    const altered = `${Buffer.from(JSON.stringify(payload)).toString('base64url')}.${signature}`;
    const shown = (await t.app.inject({ url: `/api/v1/public/checkin/${altered}` })).json() as {
      valid: boolean;
      reason: string;
    };
    expect(shown).toMatchObject({ valid: false });
    expect(shown.reason).toContain('签名不符');
    expectProblem(
      await t.app.inject({ method: 'POST', url: `/api/v1/public/checkin/${altered}/arrive`, payload: {} }),
      422,
      'CHECKIN_CODE_INVALID',
    );
    const keys = (await t.app.inject({ url: '/api/v1/public/signing-keys' })).json() as {
      algorithm: string;
      publicKey: string;
    }[];
    expect(keys[0]).toMatchObject({ algorithm: 'Ed25519' });
  });

  it('refuses the arrival in front of the enterprise when a certificate lapsed after approval (measure 12)', async () => {
    const id = await planned(6);
    await approved(id, [valid[2]!, valid[3]!]);
    const token = await codeOf(id);
    await t.ctx.db
      .update(certificates)
      .set({ status: 'suspended' })
      .where(eq(certificates.number, valid[3]!));
    const res = await arriveAs(token, await enterpriseOf(id));
    expectProblem(res, 422, 'INSPECTION_TOO_FEW_OFFICERS');
    expect(res.json()).toMatchObject({ measure: 12 });
    await t.ctx.db.update(certificates).set({ status: 'valid' }).where(eq(certificates.number, valid[3]!));
  });
});

describe('timeline (measure 12)', () => {
  it('shows every step from plan to check-in with who, when and where', async () => {
    const id = await planned(7);
    await approved(id);
    const token = await codeOf(id);
    await arriveAs(token, await enterpriseOf(id), { location: { latitude: 22.6, longitude: 113.1 } });
    const res = await http().get(`/api/v1/inspections/${id}/timeline`, inspector);
    expect(res.statusCode, res.body).toBe(200);
    const steps = res.json() as {
      action: string;
      actorName: string;
      location: { latitude: number } | null;
    }[];
    expect(steps.map((s) => s.action)).toEqual([
      'inspection.created',
      'inspection.plan.drafted',
      'inspection.plan.submitted',
      'inspection.plan.approved',
      'inspection.document.issued',
      'inspection.enterprise.notified',
      'inspection.document.issued',
      'inspection.arrival.registered',
    ]);
    expect(steps.at(-1)!.location?.latitude).toBe(22.6);
    expect(steps.at(-1)!.actorName).toContain('企业安全负责人 周斌');
    expectProblem(
      await http().get(`/api/v1/inspections/${id}/timeline`, await t.login('xinhui.inspector')),
      404,
    );
  });
});

describe('notice and self-check list in the enterprise portal', () => {
  it('shows an announced inspection to its enterprise with the self-check list, and not an unannounced one', async () => {
    const id = await planned(8);
    await approved(id);
    await http().post(`/api/v1/inspections/${id}/notify`, inspector, { selfCheckList: true });
    const [row] = await t.ctx.db
      .select({ enterpriseId: inspections.enterpriseId })
      .from(inspections)
      .where(eq(inspections.id, id));
    // the demo enterprise user, pointed at this enterprise for the test
    await t.ctx.db
      .update(users)
      .set({ enterpriseId: row!.enterpriseId })
      .where(eq(users.username, 'enterprise.demo'));
    const enterprise = await t.login('enterprise.demo');
    const res = await http().get('/api/v1/enterprise/inspection-notices', enterprise);
    expect(res.statusCode, res.body).toBe(200);
    const notices = res.json() as {
      inspectionId: string;
      selfCheck: { howToFix: string }[];
      officers: unknown[];
    }[];
    const notice = notices.find((n) => n.inspectionId === id);
    expect(notice?.officers).toHaveLength(2);
    expect(notice!.selfCheck.length).toBeGreaterThan(3);
    expect(notice!.selfCheck.every((item) => item.howToFix.length > 0)).toBe(true);
    expectProblem(await http().get('/api/v1/enterprise/inspection-notices', inspector), 403);

    const hidden = await planned(9);
    await http().post(`/api/v1/inspections/${hidden}/onsite-plan`, inspector, {
      officers: valid.slice(0, 2),
      unannounced: true,
      unannouncedReason: '举报夜间违规生产，暗查暗访',
    });
    await http().post(`/api/v1/inspections/${hidden}/onsite-plan/submit`, inspector, {});
    await http().post(`/api/v1/inspections/${hidden}/onsite-plan/decision`, head, { approve: true });
    const notified = await http().post(`/api/v1/inspections/${hidden}/notify`, inspector, {});
    expect(notified.json()).toMatchObject({ unannounced: true, reason: '举报夜间违规生产，暗查暗访' });
    // a notice goes only where the visit is announced
    const types = async (inspectionId: string) =>
      (
        await t.ctx.db
          .select()
          .from(inspectionDocuments)
          .where(eq(inspectionDocuments.inspectionId, inspectionId))
      )
        .map((d) => d.type)
        .sort();
    expect(await types(id)).toEqual(['inspection_notice', 'onsite_plan']);
    expect(await types(hidden)).toEqual(['onsite_plan']);
  });
});

describe('non-site first (measure 7)', () => {
  it('closes without a visit when a remote check finds nothing, and then asks why a visit of the same matter is needed', async () => {
    const first = await planned(10);
    const res = await http().post(`/api/v1/inspections/${first}/remote-check`, inspector, {
      mode: 'written',
      checkedOn: '2026-12-02',
      violation: false,
      note: '企业报送的隐患排查台账与培训记录齐全',
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ stage: 'closed_without_visit' });
    const [done] = await t.ctx.db.select().from(inspections).where(eq(inspections.id, first));
    expect(inspectionStatusOf(done!.stage)).toBe('completed');

    // another inspection of the same enterprise and matter this year
    const [row] = await t.ctx.db
      .select({ enterpriseId: inspections.enterpriseId })
      .from(inspections)
      .where(eq(inspections.id, first));
    const again = await http().post('/api/v1/inspections', inspector, {
      enterpriseId: row!.enterpriseId,
      plannedOn: '2026-12-20',
      kind: 'targeted',
      matters: ['work_safety_general'],
      trigger: 'complaint_or_report',
      triggerReference: '12345-2026-77',
    });
    const id = (again.json() as { inspection: { id: string } }).inspection.id;
    await http().post(`/api/v1/inspections/${id}/onsite-plan`, inspector, { officers: valid.slice(0, 2) });
    const refused = await http().post(`/api/v1/inspections/${id}/onsite-plan/submit`, inspector, {});
    expectProblem(refused, 422, 'INSPECTION_VISIT_REASON_REQUIRED');
    expect(refused.json()).toMatchObject({ measure: 7 });
    await http().post(`/api/v1/inspections/${id}/onsite-plan`, inspector, {
      officers: valid.slice(0, 2),
      visitReason: '新的投诉反映现场违规动火，书面材料无法核实',
    });
    expect(
      (await http().post(`/api/v1/inspections/${id}/onsite-plan/submit`, inspector, {})).statusCode,
    ).toBe(200);
  });

  it('needs a next step when the remote check finds a violation', async () => {
    const id = await planned(11);
    expectProblem(
      await http().post(`/api/v1/inspections/${id}/remote-check`, inspector, {
        mode: 'remote',
        checkedOn: '2026-12-02',
        violation: true,
        note: '视频监控显示消防通道堵塞',
      }),
      400,
    );
    const res = await http().post(`/api/v1/inspections/${id}/remote-check`, inspector, {
      mode: 'remote',
      checkedOn: '2026-12-02',
      violation: true,
      note: '视频监控显示消防通道堵塞',
      next: 'visit',
    });
    expect(res.json()).toMatchObject({ stage: 'plan_drafted' });
  });
});

// issue 11 item 5 and issue 12 item 7: the 部门负责人 approves, a unit head only under a recorded delegation,
// and nobody approves what they drafted.
describe('who approves the on-site plan', () => {
  it('lets a unit head approve only under the bureau head’s delegation, within scope and term, and never its own draft', async () => {
    const unitHeadId = ((await http().get('/api/v1/auth/me', unitHead)).json() as { user: { id: string } })
      .user;
    const inspectorId = ((await http().get('/api/v1/auth/me', inspector)).json() as { user: { id: string } })
      .user;
    // the inspector drafts and submits; the unit head has no delegation yet
    const id = await planned(0);
    await http().post(`/api/v1/inspections/${id}/onsite-plan`, inspector, { officers: valid.slice(0, 2) });
    expect(
      (await http().post(`/api/v1/inspections/${id}/onsite-plan/submit`, inspector, {})).statusCode,
    ).toBe(200);
    expectProblem(
      await http().post(`/api/v1/inspections/${id}/onsite-plan/decision`, unitHead, { approve: true }),
      403,
      'ONSITE_PLAN_APPROVER_NOT_HEAD',
    );
    // the bureau head picks the delegate among the active unit heads of its territory; nobody else lists them
    const candidates = (
      (await http().get('/api/v1/plan-approval-delegations/candidates', head)).json() as {
        items: { id: string }[];
      }
    ).items.map((candidate) => candidate.id);
    expect(candidates).toContain(unitHeadId.id);
    expect(candidates).not.toContain(inspectorId.id);
    expectProblem(await http().get('/api/v1/plan-approval-delegations/candidates', unitHead), 403);
    // only the bureau head delegates, and only to a unit head
    const term = { kinds: ['targeted'], scopeNote: '本辖区投诉举报类重点执法检查', validFrom: '2026-12-01' };
    expectProblem(
      await http().post('/api/v1/plan-approval-delegations', unitHead, {
        ...term,
        delegateId: unitHeadId.id,
        validTo: '2026-12-31',
      }),
      403,
    );
    expectProblem(
      await http().post('/api/v1/plan-approval-delegations', head, {
        ...term,
        delegateId: inspectorId.id,
        validTo: '2026-12-31',
      }),
      422,
      'DELEGATION_DELEGATE_NOT_UNIT_HEAD',
    );
    // a delegation that ended yesterday does not hold
    const lapsed = await http().post('/api/v1/plan-approval-delegations', head, {
      ...term,
      delegateId: unitHeadId.id,
      validTo: '2026-12-02',
    });
    expect(lapsed.statusCode, lapsed.body).toBe(201);
    expectProblem(
      await http().post(`/api/v1/inspections/${id}/onsite-plan/decision`, unitHead, { approve: true }),
      403,
      'ONSITE_PLAN_APPROVER_NOT_HEAD',
    );
    const delegation = await http().post('/api/v1/plan-approval-delegations', head, {
      ...term,
      delegateId: unitHeadId.id,
      validTo: '2026-12-31',
    });
    expect(delegation.statusCode, delegation.body).toBe(201);
    const decided = await http().post(`/api/v1/inspections/${id}/onsite-plan/decision`, unitHead, {
      approve: true,
      comment: '受局领导委托审批',
    });
    expect(decided.statusCode, decided.body).toBe(200);
    const [event] = await t.ctx.db
      .select({ payload: auditEvents.payload })
      .from(auditEvents)
      .where(and(eq(auditEvents.entityId, id), eq(auditEvents.action, 'inspection.plan.approved')));
    expect(event!.payload).toMatchObject({ under: 'delegation' });

    // the unit head drafts a plan itself: the delegation does not let it approve its own draft
    const own = await planned(0);
    await http().post(`/api/v1/inspections/${own}/onsite-plan`, unitHead, { officers: valid.slice(0, 2) });
    await http().post(`/api/v1/inspections/${own}/onsite-plan/submit`, unitHead, {});
    expectProblem(
      await http().post(`/api/v1/inspections/${own}/onsite-plan/decision`, unitHead, { approve: true }),
      403,
      'ONSITE_PLAN_OWN_DRAFT',
    );
    // revoked, the delegation no longer holds; the bureau head decides
    const revoked = await http().post(
      `/api/v1/plan-approval-delegations/${(delegation.json() as { id: string }).id}/revoke`,
      head,
      {},
    );
    expect(revoked.json()).toMatchObject({ revokedAt: expect.any(String) });
    const other = await planned(0);
    await http().post(`/api/v1/inspections/${other}/onsite-plan`, inspector, { officers: valid.slice(0, 2) });
    await http().post(`/api/v1/inspections/${other}/onsite-plan/submit`, inspector, {});
    expectProblem(
      await http().post(`/api/v1/inspections/${other}/onsite-plan/decision`, unitHead, { approve: true }),
      403,
      'ONSITE_PLAN_APPROVER_NOT_HEAD',
    );
    expect(
      (await http().post(`/api/v1/inspections/${own}/onsite-plan/decision`, head, { approve: true }))
        .statusCode,
    ).toBe(200);
  });
});

// issue 11 item 5: measure 11's "原则上" — an urgent visit starts with its reason, approved afterwards.
describe('an urgent visit approved afterwards (事后补批)', () => {
  it('starts before approval with the reason recorded, shows 事后补批 until the bureau head approves, overdue after the period', async () => {
    const id = await planned(0);
    await http().post(`/api/v1/inspections/${id}/onsite-plan`, inspector, { officers: valid.slice(0, 2) });
    expectProblem(
      await http().post(`/api/v1/inspections/${id}/onsite-plan/urgent-start`, inspector, {
        ground: 'imminent_danger',
        reason: '急',
      }),
      400,
    );
    const started = await http().post(`/api/v1/inspections/${id}/onsite-plan/urgent-start`, inspector, {
      ground: 'report_verification',
      reason: '群众举报企业正在违规动火作业，需立即核实',
    });
    expect(started.statusCode, started.body).toBe(200);
    expect(started.json()).toMatchObject({
      status: 'submitted',
      postApproval: 'pending',
      urgent: { ground: 'report_verification', approvalDueBy: '2026-12-04T01:00:00.000Z' },
    });
    const overview = (await http().get(`/api/v1/inspections/${id}/onsite`, inspector)).json() as {
      stage: string;
      checks: { measure: number; ok: boolean }[];
    };
    expect(overview.stage).toBe('notified');
    expect(overview.checks.find((check) => check.measure === 11)).toMatchObject({ ok: true });
    // the visit can begin: the check-in code is issued
    expect((await http().get(`/api/v1/inspections/${id}/checkin-code`, inspector)).statusCode).toBe(200);

    t.setNow(new Date('2026-12-04T02:00:00Z'));
    try {
      // the next day: fresh sessions
      const inspector = await t.login('city.inspector');
      const head = await t.login('city.head');
      const late = (await http().get(`/api/v1/inspections/${id}/onsite`, inspector)).json() as {
        plan: { postApproval: string };
      };
      expect(late.plan.postApproval).toBe('overdue');
      const approvedAfter = await http().post(`/api/v1/inspections/${id}/onsite-plan/decision`, head, {
        approve: true,
        comment: '情况属实，同意先行检查',
      });
      expect(approvedAfter.statusCode, approvedAfter.body).toBe(200);
      expect(approvedAfter.json()).toMatchObject({ status: 'approved', postApproval: 'approved' });
      const after = (await http().get(`/api/v1/inspections/${id}/onsite`, inspector)).json() as {
        stage: string;
      };
      expect(after.stage).toBe('notified');
    } finally {
      t.setNow(new Date('2026-12-03T01:00:00Z'));
    }
  });
});

// issue 11 item 3: measure 5 ends with "等渠道".
describe('targeted triggers beyond the five named channels', () => {
  it('plans on a drone patrol or 12345, and on an "other" channel only described and, before the visit, approved by the bureau head', async () => {
    await planned(0, { trigger: 'drone_patrol', triggerReference: 'UAV-2026-118' });
    await planned(0, { trigger: 'hotline_12345', triggerReference: '12345-20261203-0007' });
    const enterpriseRows = await t.ctx.db
      .select({ id: enterprises.id })
      .from(enterprises)
      .where(eq(enterprises.territory, '440703'))
      .orderBy(enterprises.creditCode)
      .limit(1);
    const undescribed = await http().post('/api/v1/inspections', inspector, {
      enterpriseId: enterpriseRows[0]!.id,
      plannedOn: '2026-12-03',
      kind: 'targeted',
      matters: ['work_safety_general'],
      trigger: 'other',
    });
    expectProblem(undescribed, 422, 'INSPECTION_TRIGGER_DESCRIPTION_REQUIRED');
    const campaign = await http().post('/api/v1/inspections', inspector, {
      enterpriseId: enterpriseRows[0]!.id,
      plannedOn: '2026-12-03',
      kind: 'targeted',
      matters: ['work_safety_general'],
      trigger: 'special_campaign',
    });
    expectProblem(campaign, 422, 'INSPECTION_TRIGGER_REFERENCE_REQUIRED');

    const id = await planned(0, {
      trigger: 'other',
      triggerReference: undefined,
      triggerDescription: '人大代表转来的群众反映',
    });
    await http().post(`/api/v1/inspections/${id}/onsite-plan`, inspector, { officers: valid.slice(0, 2) });
    expectProblem(
      await http().post(`/api/v1/inspections/${id}/onsite-plan/submit`, inspector, {}),
      422,
      'INSPECTION_TRIGGER_NOT_APPROVED',
    );
    expectProblem(await http().post(`/api/v1/inspections/${id}/trigger-approval`, inspector, {}), 403);
    const approvedTrigger = await http().post(`/api/v1/inspections/${id}/trigger-approval`, head, {});
    expect(approvedTrigger.statusCode, approvedTrigger.body).toBe(200);
    expect(approvedTrigger.json()).toMatchObject({
      trigger: 'other',
      triggerDescription: '人大代表转来的群众反映',
      triggerApprovedByName: expect.stringContaining('陈国强'),
    });
    expect(
      (await http().post(`/api/v1/inspections/${id}/onsite-plan/submit`, inspector, {})).statusCode,
    ).toBe(200);
  });
});

// issue 11 item 2: a remote or written check is guarded like any inspection and recorded in writing.
describe('a remote or written check is an inspection like any other', () => {
  it('refuses an enterprise in no plan and with no trigger, and issues a numbered written record otherwise', async () => {
    const rows = await t.ctx.db
      .select()
      .from(enterprises)
      .where(
        and(
          eq(enterprises.territory, '440703'),
          sql`not exists (select 1 from inspections i where i.enterprise_id = ${enterprises.id} and i.planned_on >= '2026-01-01')`,
          sql`not exists (select 1 from monthly_plans m where m.enterprise_ids ? ${enterprises.id}::text)`,
        ),
      )
      .limit(1);
    const res = await http().post('/api/v1/inspections', inspector, {
      enterpriseId: rows[0]!.id,
      plannedOn: '2026-12-03',
      kind: 'other',
      matters: ['work_safety_general'],
    });
    expect(res.statusCode, res.body).toBe(201);
    const unplanned = (res.json() as { inspection: { id: string } }).inspection.id;
    const check = {
      mode: 'written',
      checkedOn: '2026-12-02',
      violation: false,
      note: '企业报送的隐患排查台账与培训记录齐全',
    };
    const refusal = expectProblem(
      await http().post(`/api/v1/inspections/${unplanned}/remote-check`, inspector, check),
      422,
      'INSPECTION_NOT_IN_APPROVED_PLAN',
    );
    expect(refusal.measure).toBe(5);
    const [still] = await t.ctx.db.select().from(inspections).where(eq(inspections.id, unplanned));
    expect(still!.stage).toBe('planned');

    const id = await planned(0);
    const done = await http().post(`/api/v1/inspections/${id}/remote-check`, inspector, check);
    expect(done.statusCode, done.body).toBe(200);
    const record = (done.json() as { record: { id: string; number: string } }).record;
    expect(record.number).toMatch(/^（江）应急检记〔2026〕\d+号$/);
    const [document] = await t.ctx.db
      .select()
      .from(inspectionDocuments)
      .where(eq(inspectionDocuments.id, record.id));
    expect(document).toMatchObject({ inspectionId: id, type: 'inspection_record' });
    expect(document!.snapshot).toMatchObject({
      remote: { mode: 'written', checkedOn: '2026-12-02', violation: false },
    });
    const docx = await http().get(`/api/v1/documents/${record.id}.docx`, inspector);
    expect(docx.statusCode).toBe(200);
    const text = await docxText(docx.rawPayload);
    expect(text).toContain('检查记录（书面检查）');
    expect(text).toContain('企业报送的隐患排查台账与培训记录齐全');
    expect(text).toContain('第六十八条');
  });
});
