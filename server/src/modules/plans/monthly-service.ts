import {
  annualPlanMonth,
  isWithinTerritory,
  mayStartInspection,
  monthlyPlanTimeliness,
  newPlanRecord,
  PLAN_STATUS_NAMES,
  planningCatalog,
  territoryName,
  transitionPlan,
  type AnnualPlan,
  type PlanAction,
  type TargetedTrigger,
} from '@inspecta/domain';
import type { z } from 'zod';
import type { AppContext } from '../../platform/http/context.ts';
import {
  assertCan,
  assertMayUse,
  assertReferenced,
  type Action,
  type Actor,
} from '../../platform/policy/policy.ts';
import { findEnterpriseScopesByIds } from '../enterprises/index.ts';
import { scopeCondition } from '../../platform/db/scope.ts';
import { problem, notFound, refused } from '../../platform/problems/problem.ts';
import { isUuid } from '../../platform/http/paging.ts';
import { appendAuditEvent, type AuditAction } from '../../platform/audit/service.ts';
import type { Db, Tx } from '../../platform/db/client.ts';
import { annualPlanInForce } from './annual-plan-store.ts';
import type { ZCreateMonthlyPlanSchema, ZStartCheckSchema } from './model.ts';
import { monthlyPlans, type MonthlyPlanEnterprise, type MonthlyPlanItemsRecord } from './schema.ts';
import {
  findEnterpriseTerritory,
  findMonthlyPlanById,
  findMonthlyPlanOfUnit,
  findMonthlyPlansListing,
  findUnitName,
  insertMonthlyPlan,
  listMonthlyPlanRows,
  updateMonthlyPlan,
  type MonthlyPlanRow,
} from './monthly.repository.ts';
import { todayIn } from './workflow.ts';
import { loadCalendar } from '../../platform/calendar/calendar.ts';
import type { StatutoryCalendar } from '@inspecta/domain';

// measure 2: each enforcement unit draws next month's plan from the annual plan in force and submits it to
// the supervision unit before the month ends; measure 5: inspections start only from a plan in force.

type MonthlyRow = MonthlyPlanRow;

const BASIS_2 = '《江门市应急管理系统严格规范涉企行政检查若干措施》第二项（次月工作计划应依据年度计划制定）';

// issue 11 item 12: the deadline is counted by the calendar as entered now, so it is recomputed on every read
export const monthlyPlanView = (row: MonthlyRow, today: string, calendar: StatutoryCalendar) => {
  const timeliness = monthlyPlanTimeliness(
    { year: row.year, month: row.month, submittedOn: row.record.submittedOn, today },
    { catalog: planningCatalog, calendar },
  );
  return {
    id: row.id,
    year: row.year,
    month: row.month,
    territory: row.territory,
    territoryName: territoryName(row.territory) ?? row.territory,
    unitName: row.unitName,
    annualPlanId: row.annualPlanId,
    status: row.status,
    statusName: PLAN_STATUS_NAMES[row.status],
    submittedOn: row.record.submittedOn,
    filedOn: row.record.filedOn,
    timeliness: timeliness.ok ? (({ ok: _ok, ...rest }) => rest)(timeliness) : null,
    enterpriseCount: row.enterpriseIds.length,
    keyInspections: row.items.keyInspections,
    batches: row.items.batches,
    createdAt: row.createdAt.toISOString(),
    createdByName: row.createdByName,
  };
};

// What the annual plan puts in the month: key inspections, and the batch strata drawn whole; a stratum drawn
// in part is left to the draw (issue 6) and admits no enterprise until then.
const itemsOfMonth = (plan: AnnualPlan, month: number, only: Set<string> | null): MonthlyPlanItemsRecord => {
  const names = new Map([...plan.keyInspections, ...plan.generalPool].map((e) => [e.enterpriseId, e]));
  const pick = (id: string): MonthlyPlanEnterprise[] => {
    const entry = names.get(id);
    return entry && (only === null || only.has(id))
      ? [{ enterpriseId: id, name: entry.name, territory: entry.territory }]
      : [];
  };
  const { keyInspections, batches } = annualPlanMonth(plan, month);
  return {
    keyInspections: keyInspections.flatMap((entry) => pick(entry.enterpriseId)),
    batches: batches.map((batch) => ({
      code: batch.code,
      size: batch.size,
      listed: batch.strata
        .filter((s) => s.k === s.enterpriseIds.length)
        .flatMap((s) => s.enterpriseIds.flatMap(pick)),
      toDraw: batch.strata
        .filter((s) => s.k < s.enterpriseIds.length)
        .map((s) => ({ key: s.key, k: s.k, candidates: s.enterpriseIds.length })),
    })),
  };
};

const enterpriseIdsOf = (items: MonthlyPlanItemsRecord): string[] => [
  ...new Set([...items.keyInspections, ...items.batches.flatMap((b) => b.listed)].map((e) => e.enterpriseId)),
];

const unitNameOf = async (tx: Tx, actor: Actor) => {
  if (!actor.organisationId) return territoryName(actor.territory) ?? actor.territory;
  const name = await findUnitName(tx, actor.organisationId);
  return name ?? actor.territory;
};

export const createMonthlyPlan = async (
  ctx: AppContext,
  actor: Actor,
  body: z.infer<typeof ZCreateMonthlyPlanSchema>,
) => {
  assertMayUse(actor, 'monthly_plan', 'create');
  return ctx.db.transaction(async (tx) => {
    // issue 12 item 2: every enterprise named passes the policy first (another district's answers 404)
    if (body.enterpriseIds?.length) {
      const named = body.enterpriseIds.filter(isUuid);
      const found = named.length ? await findEnterpriseScopesByIds(tx, named) : [];
      for (const id of body.enterpriseIds)
        assertReferenced(
          actor,
          'enterprise',
          found.find((row) => row.id === id),
          '企业',
        );
    }
    const annual = await annualPlanInForce(tx, actor.territory, body.year);
    if (!annual) {
      throw problem('ANNUAL_PLAN_NOT_IN_FORCE', { year: body.year }, { measure: 2, basis: BASIS_2 });
    }
    const available = enterpriseIdsOf(itemsOfMonth(annual.document, body.month, null));
    const outside = (body.enterpriseIds ?? []).filter((id) => !available.includes(id));
    if (outside.length > 0) {
      throw problem(
        'MONTHLY_PLAN_ENTERPRISE_NOT_IN_ANNUAL_PLAN',
        { count: outside.length },
        { measure: 2, basis: BASIS_2, detail: outside.slice(0, 20).join(', ') },
      );
    }
    const items = itemsOfMonth(
      annual.document,
      body.month,
      body.enterpriseIds ? new Set(body.enterpriseIds) : null,
    );
    const unitName = await unitNameOf(tx, actor);
    const existing = await findMonthlyPlanOfUnit(tx, {
      territory: actor.territory,
      unitName,
      year: body.year,
      month: body.month,
    });
    if (existing)
      throw problem(
        'MONTHLY_PLAN_EXISTS',
        { unit: unitName, year: body.year, month: body.month },
        { detail: existing.id },
      );
    const now = ctx.clock.now();
    const row = await insertMonthlyPlan(tx, {
      year: body.year,
      month: body.month,
      territory: actor.territory,
      unitId: actor.organisationId,
      unitName,
      annualPlanId: annual.id,
      status: 'draft',
      record: newPlanRecord('monthly'),
      enterpriseIds: enterpriseIdsOf(items),
      items,
      createdAt: now,
      createdByName: actor.displayName,
    });
    await appendAuditEvent(tx, {
      actor,
      action: 'plan.monthly.created',
      entityType: 'monthly_plan',
      entityId: row.id,
      territory: row.territory,
      payload: {
        year: body.year,
        month: body.month,
        annualPlanId: annual.id,
        annualPlanVersion: annual.version,
        enterprises: row.enterpriseIds.length,
      },
      at: now,
    });
    return monthlyPlanView(row, todayIn(ctx), await loadCalendar(tx));
  });
};

const loadMonthly = async (db: Db | Tx, actor: Actor, id: string, action: Action) => {
  if (!isUuid(id)) throw notFound('月度工作计划');
  const row = await findMonthlyPlanById(db, id);
  return assertCan(actor, 'monthly_plan', action, row, '月度工作计划');
};

export const getMonthlyPlan = async (ctx: AppContext, actor: Actor, id: string) =>
  monthlyPlanView(await loadMonthly(ctx.db, actor, id, 'read'), todayIn(ctx), await loadCalendar(ctx.db));

// Submitted and filed in the system, so the day is the server's (Asia/Shanghai), not a date the user types:
// lateness (measure 2) cannot be back-dated away.
export const moveMonthlyPlan = async (ctx: AppContext, actor: Actor, id: string, type: 'submit' | 'file') =>
  ctx.db.transaction(async (tx) => {
    const today = todayIn(ctx);
    const row = await loadMonthly(tx, actor, id, type === 'submit' ? 'update' : 'approve');
    const action: PlanAction = type === 'submit' ? { type, submittedOn: today } : { type, filedOn: today };
    const verdict = transitionPlan(row.record, action);
    if (!verdict.ok) throw refused(verdict);
    const updated = await updateMonthlyPlan(tx, row.id, {
      record: verdict.plan,
      status: verdict.plan.status,
    });
    const view = monthlyPlanView(updated, today, await loadCalendar(tx));
    await appendAuditEvent(tx, {
      actor,
      action: verdict.event as AuditAction,
      entityType: 'monthly_plan',
      entityId: row.id,
      territory: row.territory,
      payload: { action, timeliness: view.timeliness },
      at: ctx.clock.now(),
    });
    return view;
  });

export const listMonthlyPlans = async (
  ctx: AppContext,
  actor: Actor,
  query: { year?: number; month?: number },
) => {
  const rows = await listMonthlyPlanRows(ctx.db, {
    scope: scopeCondition(actor, 'monthly_plan', { territory: monthlyPlans.territory }),
    year: query.year,
    month: query.month,
  });
  const today = todayIn(ctx);
  const calendar = await loadCalendar(ctx.db);
  return { items: rows.map((row) => monthlyPlanView(row, today, calendar)) };
};

// measure 5: the guard the inspection capability calls before an inspection starts.
export const checkInspectionStart = async (
  ctx: AppContext,
  actor: Actor,
  body: z.infer<typeof ZStartCheckSchema>,
) => {
  assertMayUse(actor, 'monthly_plan', 'read');
  const enterprise = isUuid(body.enterpriseId)
    ? await findEnterpriseTerritory(ctx.db, body.enterpriseId)
    : undefined;
  assertCan(actor, 'enterprise', 'read', enterprise, '企业');
  const year = Number(body.date.slice(0, 4));
  const listing = await findMonthlyPlansListing(ctx.db, [year - 1, year, year + 1], body.enterpriseId);
  // only the plans of a bureau answerable for the enterprise's territory count
  const plans = listing.filter((plan) => isWithinTerritory(plan.territory, enterprise!.territory));
  const answer = mayStartInspection({
    enterpriseId: body.enterpriseId,
    date: body.date,
    monthlyPlans: plans.map((plan) => ({
      planId: plan.id,
      year: plan.year,
      month: plan.month,
      status: plan.status,
      enterpriseIds: plan.enterpriseIds,
    })),
    // the domain refuses a source that is not one of measure 5's, with the measure and basis
    trigger: body.trigger as TargetedTrigger | undefined,
    triggerReference: body.triggerReference ?? null,
  });
  if (!answer.ok) throw refused(answer);
  return answer;
};
