import {
  eventsFrom,
  INSPECTION_STAGE_NAMES,
  inspectionMatterByCode,
  inspectionMatterCatalog,
  inspectionMatterName,
} from '@inspecta/domain';
import { and, desc, eq } from 'drizzle-orm';
import type { z } from 'zod';
import type { AppContext } from '../../../platform/http/context.ts';
import { assertCan, assertMayUse, type Actor } from '../../../platform/policy/policy.ts';
import { Problem, notFound } from '../../../platform/http/problem.ts';
import { isUuid } from '../../../platform/http/paging.ts';
import type { Db, Tx } from '../../../platform/db/client.ts';
import { draws } from '../../draws/schema.ts';
import { enterprises } from '../../enterprises/schema.ts';
import { inspections } from '../schema.ts';
import { organisations } from '../../organisations/schema.ts';
import { issueDocument } from '../documents/issue-document.ts';
import { enterpriseLine } from '../documents/snapshot-sources.ts';
import { officersByCertificate } from '../../officers/index.ts';
import { assertMayBegin, evaluateBegin } from '../guard-facts.ts';
import { advanceStage, loadInspection, type InspectionRow } from '../inspection-store.ts';
import type { ZDecidePlanSchema, ZDraftPlanSchema, ZNotifySchema } from './model.ts';
import { onsitePlans, type OnsitePlanContent } from '../schema.ts';

// measure 11: the on-site inspection plan (现场检查方案: time, enterprise, site, matters, officers, checklist),
// drafted by the officers, approved by the department head with comments or rejected with a reason; the
// guards of issue 5 item 2 run at approval and again at check-in.

type PlanRow = typeof onsitePlans.$inferSelect;

export const latestPlan = async (db: Db | Tx, inspectionId: string): Promise<PlanRow | undefined> => {
  const [row] = await db
    .select()
    .from(onsitePlans)
    .where(eq(onsitePlans.inspectionId, inspectionId))
    .orderBy(desc(onsitePlans.version))
    .limit(1);
  return row;
};

const planView = (row: PlanRow) => ({
  id: row.id,
  version: row.version,
  status: row.status,
  content: { ...row.content, matterNames: row.content.matters.map((code) => inspectionMatterName(code)) },
  draftedAt: row.draftedAt.toISOString(),
  draftedByName: row.draftedByName,
  decidedAt: row.decidedAt?.toISOString() ?? null,
  decidedByName: row.decidedByName,
  comment: row.comment,
});

// The team by certificate number, with names, from the register.
const teamOf = async (db: Db | Tx, numbers: string[]) => {
  const known = await officersByCertificate(db, numbers);
  return numbers.map((number) => ({
    certificate: number,
    officerId: known.get(number)?.officerId ?? null,
    name: known.get(number)?.name ?? `执法证号 ${number}（未登记）`,
  }));
};

// What both documents of the plan (现场检查方案, 行政检查通知书) say of the visit, from the plan as it stands;
// the bureau the plan names as subject (measure 9) numbers them.
const plannedVisit = async (db: Db | Tx, row: InspectionRow, plan: PlanRow) => ({
  inspection: {
    ...row,
    subjectOrganisationId: plan.content.subjectOrganisationId || row.subjectOrganisationId,
  },
  visit: {
    enterprise: await enterpriseLine(db, row),
    scheduledAt: plan.content.scheduledAt,
    site: plan.content.site,
    matters: plan.content.matters.map((code) => inspectionMatterName(code)),
    officers: plan.content.officers.map(({ name, certificate }) => ({ name, certificate })),
  },
});

const defaultContent = async (db: Db | Tx, row: InspectionRow): Promise<OnsitePlanContent> => {
  const [enterprise] = await db
    .select({ address: enterprises.address })
    .from(enterprises)
    .where(eq(enterprises.id, row.enterpriseId));
  const subjectId = row.subjectOrganisationId ?? row.organisationId;
  const [subject] = subjectId
    ? await db
        .select({ id: organisations.id, name: organisations.name })
        .from(organisations)
        .where(eq(organisations.id, subjectId))
    : [];
  return {
    scheduledAt: `${row.plannedOn}T09:00:00+08:00`,
    site: enterprise?.address ?? '',
    matters: row.matters,
    officers: row.team.map(({ certificate, officerId, name }) => ({ certificate, officerId, name })),
    checklists: [],
    mode: 'on_site',
    visitReason: null,
    unannounced: false,
    unannouncedReason: null,
    subjectOrganisationId: subject?.id ?? '',
    subjectName: subject?.name ?? row.organisationName,
  };
};

const insertVersion = async (
  tx: Tx,
  actor: Actor,
  row: InspectionRow,
  content: OnsitePlanContent,
  at: Date,
) => {
  const previous = await latestPlan(tx, row.id);
  const [plan] = await tx
    .insert(onsitePlans)
    .values({
      inspectionId: row.id,
      territory: row.territory,
      version: (previous?.version ?? 0) + 1,
      status: 'draft',
      content,
      draftedAt: at,
      draftedByName: actor.displayName,
    })
    .returning();
  return plan!;
};

export const draftPlan = async (
  ctx: AppContext,
  actor: Actor,
  inspectionId: string,
  body: z.infer<typeof ZDraftPlanSchema>,
) =>
  ctx.db.transaction(async (tx) => {
    assertMayUse(actor, 'onsite_plan', 'create');
    const row = await loadInspection(tx, actor, inspectionId, 'update', true);
    const base = await defaultContent(tx, row);
    const unknown = (body.matters ?? []).filter(
      (code) => !inspectionMatterByCode(inspectionMatterCatalog, code),
    );
    if (unknown.length)
      throw new Problem(422, 'UNKNOWN_MATTER', `检查事项不在检查事项清单中：${unknown.join('、')}`, {
        measure: 4,
      });
    if (body.unannounced && !body.unannouncedReason?.trim()) {
      throw new Problem(422, 'UNANNOUNCED_REASON_REQUIRED', '不打招呼、直奔现场（四不两直）的检查须记录理由');
    }
    const content: OnsitePlanContent = {
      ...base,
      scheduledAt: body.scheduledAt ?? base.scheduledAt,
      site: body.site ?? base.site,
      matters: body.matters ?? base.matters,
      officers: body.officers ? await teamOf(tx, body.officers) : base.officers,
      checklists: body.checklists ?? base.checklists,
      mode: body.mode ?? 'on_site',
      visitReason: body.visitReason ?? null,
      unannounced: body.unannounced ?? false,
      unannouncedReason: body.unannounced ? (body.unannouncedReason ?? null) : null,
      subjectOrganisationId: body.subjectOrganisationId ?? base.subjectOrganisationId,
      subjectName: base.subjectName,
    };
    if (body.subjectOrganisationId) {
      const [subject] = await tx
        .select({ name: organisations.name })
        .from(organisations)
        .where(eq(organisations.id, body.subjectOrganisationId));
      if (!subject) throw new Problem(422, 'INSPECTION_NO_SUBJECT', '检查主体不存在', { measure: 9 });
      content.subjectName = subject.name;
    }
    const now = ctx.clock.now();
    const plan = await insertVersion(tx, actor, row, content, now);
    await advanceStage(
      tx,
      actor,
      row,
      'draft_plan',
      'inspection.plan_draft',
      { planId: plan.id, version: plan.version },
      now,
      {
        subjectOrganisationId: content.subjectOrganisationId || null,
      },
    );
    return planView(plan);
  });

export const submitPlan = async (ctx: AppContext, actor: Actor, inspectionId: string) =>
  ctx.db.transaction(async (tx) => {
    assertMayUse(actor, 'onsite_plan', 'update');
    const row = await loadInspection(tx, actor, inspectionId, 'update', true);
    const plan = await latestPlan(tx, row.id);
    if (!plan || plan.status !== 'draft')
      throw new Problem(409, 'ONSITE_PLAN_NOT_DRAFT', '没有待提交的现场检查方案草稿');
    const now = ctx.clock.now();
    // the officers see the guards before the head does: a plan that cannot be approved says why now
    await assertMayBegin(tx, row, plan.content, 'approve_plan', false);
    await tx.update(onsitePlans).set({ status: 'submitted' }).where(eq(onsitePlans.id, plan.id));
    await advanceStage(
      tx,
      actor,
      row,
      'submit_plan',
      'inspection.plan_submit',
      { planId: plan.id, version: plan.version },
      now,
    );
    return planView({ ...plan, status: 'submitted' });
  });

export const decidePlan = async (
  ctx: AppContext,
  actor: Actor,
  inspectionId: string,
  body: z.infer<typeof ZDecidePlanSchema>,
) =>
  ctx.db.transaction(async (tx) => {
    assertMayUse(actor, 'onsite_plan', 'approve');
    const row = await loadInspection(tx, actor, inspectionId, 'read', true);
    const plan = await latestPlan(tx, row.id);
    if (!plan || plan.status !== 'submitted')
      throw new Problem(409, 'ONSITE_PLAN_NOT_SUBMITTED', '没有待审批的现场检查方案');
    const now = ctx.clock.now();
    if (!body.approve) {
      if (!body.comment?.trim())
        throw new Problem(422, 'ONSITE_PLAN_REJECTION_REASON', '退回现场检查方案须写明理由');
      await tx
        .update(onsitePlans)
        .set({ status: 'rejected', decidedAt: now, decidedByName: actor.displayName, comment: body.comment })
        .where(eq(onsitePlans.id, plan.id));
      await advanceStage(
        tx,
        actor,
        row,
        'reject_plan',
        'inspection.plan_reject',
        { planId: plan.id, reason: body.comment },
        now,
      );
      return planView({
        ...plan,
        status: 'rejected',
        decidedAt: now,
        decidedByName: actor.displayName,
        comment: body.comment,
      });
    }
    const checks = await assertMayBegin(tx, row, plan.content, 'approve_plan', false);
    await tx
      .update(onsitePlans)
      .set({
        status: 'approved',
        decidedAt: now,
        decidedByName: actor.displayName,
        comment: body.comment ?? null,
      })
      .where(eq(onsitePlans.id, plan.id));
    await advanceStage(
      tx,
      actor,
      row,
      'approve_plan',
      'inspection.plan_approve',
      { planId: plan.id, comment: body.comment ?? null, checks: checks.map((c) => c.name) },
      now,
      {
        team: plan.content.officers.map((o) => ({
          certificate: o.certificate,
          officerId: o.officerId,
          name: o.name,
          organisationName: plan.content.subjectName,
        })),
        matters: plan.content.matters,
      },
    );
    const approved = {
      ...plan,
      status: 'approved' as const,
      decidedAt: now,
      decidedByName: actor.displayName,
      comment: body.comment ?? null,
    };
    // the approved plan is issued as 现场检查方案 with its number (issue 5 item 8)
    const { inspection, visit } = await plannedVisit(tx, row, plan);
    await issueDocument(tx, actor, {
      inspection,
      type: 'onsite_plan',
      at: now,
      snapshot: {
        ...visit,
        checklists: plan.content.checklists,
        mode: plan.content.mode,
        visitReason: plan.content.visitReason,
        unannounced: plan.content.unannounced,
        unannouncedReason: plan.content.unannouncedReason,
        subjectName: plan.content.subjectName,
        draftedByName: plan.draftedByName,
        approvedByName: actor.displayName,
        approvedAt: now.toISOString(),
      },
    });
    return planView(approved);
  });

// The notice goes to the enterprise in advance with its self-check list where the matter allows notice; an
// unannounced visit (四不两直) records its reason instead (taken from the approved plan).
export const notifyEnterprise = async (
  ctx: AppContext,
  actor: Actor,
  inspectionId: string,
  body: z.infer<typeof ZNotifySchema>,
) =>
  ctx.db.transaction(async (tx) => {
    assertMayUse(actor, 'inspection', 'update');
    const row = await loadInspection(tx, actor, inspectionId, 'update', true);
    const plan = await latestPlan(tx, row.id);
    if (!plan || plan.status !== 'approved')
      throw new Problem(422, 'INSPECTION_PLAN_NOT_APPROVED', '现场检查方案未经批准', { measure: 11 });
    const now = ctx.clock.now();
    const payload = plan.content.unannounced
      ? { unannounced: true, reason: plan.content.unannouncedReason }
      : { unannounced: false, noticeSentAt: now.toISOString(), selfCheckList: body?.selfCheckList ?? true };
    await advanceStage(tx, actor, row, 'notify', 'inspection.notify', payload, now);
    if (!plan.content.unannounced) {
      // 行政检查通知书, numbered, sent with the self-check list (GET /enterprise/inspection-notices)
      const { inspection, visit } = await plannedVisit(tx, row, plan);
      await issueDocument(tx, actor, {
        inspection,
        type: 'inspection_notice',
        at: now,
        snapshot: {
          ...visit,
          subjectName: plan.content.subjectName,
          preparation: payload.selfCheckList
            ? '请对照企业门户中的自查清单开展自查，检查时备好相关台账和资料'
            : null,
          contact: null,
        },
      });
    }
    return payload;
  });

// One click from a draw: a draft plan for every planned inspection of the draw in the actor's scope.
export const plansFromDraw = async (ctx: AppContext, actor: Actor, drawId: string) =>
  ctx.db.transaction(async (tx) => {
    assertMayUse(actor, 'onsite_plan', 'create');
    if (!isUuid(drawId)) throw notFound('抽取');
    const [draw] = await tx
      .select({ id: draws.id, territory: draws.territory, status: draws.status })
      .from(draws)
      .where(eq(draws.id, drawId));
    assertCan(actor, 'inspection', 'read', draw, '抽取');
    if (draw!.status !== 'drawn') throw new Problem(409, 'DRAW_NOT_DRAWN', '该批次尚未抽取或已取消');
    const rows = await tx
      .select()
      .from(inspections)
      .where(and(eq(inspections.drawId, drawId), eq(inspections.stage, 'planned')));
    const now = ctx.clock.now();
    let drafted = 0;
    for (const row of rows) {
      try {
        assertCan(actor, 'inspection', 'update', row, '检查');
      } catch {
        continue;
      }
      const plan = await insertVersion(tx, actor, row, await defaultContent(tx, row), now);
      await advanceStage(
        tx,
        actor,
        row,
        'draft_plan',
        'inspection.plan_draft',
        { planId: plan.id, version: plan.version, fromDraw: drawId },
        now,
        {
          subjectOrganisationId: plan.content.subjectOrganisationId || null,
        },
      );
      drafted += 1;
    }
    return { drafted };
  });

// The inspection as the on-site pages read it: stage, next steps, the plan and every guard evaluated.
export const onsiteOverview = async (ctx: AppContext, actor: Actor, inspectionId: string) => {
  const row = await loadInspection(ctx.db, actor, inspectionId, 'read');
  const plan = await latestPlan(ctx.db, row.id);
  const content = plan?.content ?? (await defaultContent(ctx.db, row));
  const step = row.stage === 'notified' || row.stage === 'plan_approved' ? 'check_in' : 'approve_plan';
  const answer = await evaluateBegin(ctx.db, row, content, step, plan?.status === 'approved');
  return {
    id: row.id,
    enterpriseId: row.enterpriseId,
    enterpriseName: row.enterpriseName,
    creditCode: row.creditCode,
    kind: row.kind,
    plannedOn: row.plannedOn,
    stage: row.stage,
    stageName: INSPECTION_STAGE_NAMES[row.stage],
    nextEvents: eventsFrom(row.stage),
    matters: row.matters.map((code) => ({ code, name: inspectionMatterName(code) })),
    team: row.team,
    partners: row.partners,
    drawId: row.drawId,
    checkedInAt: row.checkedInAt?.toISOString() ?? null,
    plan: plan ? planView(plan) : null,
    checks: answer.checks,
  };
};
