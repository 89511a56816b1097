import { transitionPlan, type PlanAction, type PlanRecord } from '@inspecta/domain';
import type { AppContext } from '../../platform/http/context.ts';
import { shanghaiDate } from '../../platform/http/dates.ts';
import type { Action, Actor } from '../../platform/policy/policy.ts';
import { problem, refused } from '../../platform/problems/problem.ts';
import { appendAuditEvent, type AuditAction, type AuditPayload } from '../../platform/audit/service.ts';
import type { Tx } from '../../platform/db/client.ts';
import { loadAnnualPlan, type AnnualPlanRow } from './annual-plan-store.ts';
import {
  findNewestAnnualPlanVersion,
  findOtherPublishedVersions,
  insertAnnualPlan,
  updateAnnualPlan,
} from './repository.ts';

// measure 1: the annual plan's workflow through the domain's transition table; every step is audited in
// the transaction that makes it.

const permission: Record<PlanAction['type'], Action> = {
  submit: 'update',
  return: 'update',
  approve: 'approve',
  file: 'approve',
  publish: 'publish',
  adjust: 'create',
  supersede: 'publish',
};

const step = (record: PlanRecord, action: PlanAction) => {
  const verdict = transitionPlan(record, action);
  if (!verdict.ok) throw refused(verdict);
  return verdict;
};

const audit = <A extends AuditAction>(
  tx: Tx,
  ctx: AppContext,
  actor: Actor,
  action: A,
  row: AnnualPlanRow,
  payload: AuditPayload<A>,
) =>
  appendAuditEvent(tx, {
    actor,
    action,
    entityType: 'annual_plan',
    entityId: row.id,
    territory: row.territory,
    payload,
    at: ctx.clock.now(),
  });

// An action on one plan version; publishing a later version supersedes the one it replaces.
export const moveAnnualPlan = async (ctx: AppContext, actor: Actor, id: string, action: PlanAction) =>
  ctx.db.transaction(async (tx) => {
    const row = await loadAnnualPlan(tx, actor, id, permission[action.type]);
    const verdict = step(row.record, action);
    const updated = await updateAnnualPlan(tx, row.id, { record: verdict.plan, status: verdict.plan.status });
    await audit(tx, ctx, actor, verdict.event as AuditAction, row, { version: row.version, action });
    if (action.type === 'publish') {
      const older = await findOtherPublishedVersions(tx, row);
      for (const previous of older) {
        const superseded = step(previous.record, { type: 'supersede', byVersion: row.version });
        await updateAnnualPlan(tx, previous.id, { record: superseded.plan, status: superseded.plan.status });
        await audit(tx, ctx, actor, 'plan.annual.superseded', previous, {
          version: previous.version,
          byVersion: row.version,
        });
      }
    }
    return updated;
  });

// measure 1: a published plan changes only by a new version with a reason; the new version starts as a
// draft with the same content (recompute it), and the published one stays in force until it is replaced.
export const reviseAnnualPlan = async (ctx: AppContext, actor: Actor, id: string, reason: string) =>
  ctx.db.transaction(async (tx) => {
    const row = await loadAnnualPlan(tx, actor, id, 'create');
    const newest = await findNewestAnnualPlanVersion(tx, row.territory, row.year);
    if (newest && newest.version !== row.version) {
      throw problem('ANNUAL_PLAN_REVISION_EXISTS', { version: newest.version });
    }
    const verdict = step(row.record, { type: 'adjust', reason });
    const now = ctx.clock.now();
    const created = await insertAnnualPlan(tx, {
      year: row.year,
      territory: row.territory,
      version: verdict.plan.version,
      status: verdict.plan.status,
      record: verdict.plan,
      input: row.input,
      document: row.document,
      link: row.link,
      computedAt: row.computedAt,
      computedByName: row.computedByName,
      createdAt: now,
    });
    await audit(tx, ctx, actor, 'plan.annual.adjusted', created, {
      reason: reason.trim(),
      previousVersion: row.version,
      previousId: row.id,
    });
    return created;
  });

export const todayIn = (ctx: AppContext): string => shanghaiDate(ctx.clock.now());
