import {
  governanceCatalog,
  inspectionStatusOf,
  mergeProposals,
  OPEN_STAGES,
  periodKey,
  type MergePeriod,
} from '@inspecta/domain';
import type { z } from 'zod';
import type { AppContext } from '../../platform/http/context.ts';
import { assertCan, assertMayUse, type Actor } from '../../platform/policy/policy.ts';
import { scopeCondition } from '../../platform/db/scope.ts';
import { problem } from '../../platform/problems/problem.ts';
import { appendAuditEvent } from '../../platform/audit/service.ts';
import type { Tx } from '../../platform/db/client.ts';
import { inspectionView } from './burden.ts';
import type { ZDeclineMergeSchema, ZMergeSchema } from './model.ts';
import { inspections, type InspectionPartner } from './schema.ts';
import {
  findDeclinedMergesOfEnterprise,
  findDeclinedMergesOfEnterprises,
  findOpenInCrowdedEnterprises,
  insertMergeDecision,
  lockInspectionsByIds,
  updateInspection,
  updateInspections,
  type InspectionRow,
  type MergeDecisionRow as DecisionRow,
} from './repository.ts';
import { notOpen } from './service.ts';

// measure 8: "合理统筹同一时期同一企业检查事项，合并一次检查". Open inspections of one enterprise in one period,
// whichever department planned them, are proposed as one visit; the user merges them with one action, or
// declines with a reason, and either decision is recorded and audited.

const BASIS_8 =
  '《江门市应急管理系统严格规范涉企行政检查若干措施》第八项（合理统筹同一时期同一企业检查事项，合并一次检查）';

const decisionView = (row: DecisionRow) => ({
  id: row.id,
  enterpriseId: row.enterpriseId,
  period: row.period,
  inspectionIds: row.inspectionIds,
  decision: row.decision,
  reason: row.reason,
  intoId: row.intoId,
  decidedAt: row.decidedAt.toISOString(),
  decidedByName: row.decidedByName,
});

export const listMergeProposals = async (
  ctx: AppContext,
  actor: Actor,
  query: { period?: MergePeriod; page: number; pageSize: number },
) => {
  const period = query.period ?? governanceCatalog.merge.period;
  const scope = scopeCondition(actor, 'inspection', { territory: inspections.territory });
  // only enterprises with two or more open inspections can have a proposal
  const open = await findOpenInCrowdedEnterprises(ctx.db, scope);
  const enterpriseIds = [...new Set(open.map((row) => row.enterpriseId))];
  const declined =
    enterpriseIds.length === 0 ? [] : await findDeclinedMergesOfEnterprises(ctx.db, enterpriseIds);
  const candidates = open.map((row) => ({ ...row, status: inspectionStatusOf(row.stage) }));
  const proposals = mergeProposals(candidates, { period, declined });
  const byId = new Map(open.map((row) => [row.id, row]));
  const page = proposals.slice((query.page - 1) * query.pageSize, query.page * query.pageSize);
  return {
    items: page.map((proposal) => {
      const rows = proposal.inspectionIds.map((id) => byId.get(id)!);
      return {
        ...proposal,
        enterpriseName: rows[0]!.enterpriseName,
        creditCode: rows[0]!.creditCode,
        territory: rows[0]!.territory,
        inspections: rows.map(inspectionView),
      };
    }),
    total: proposals.length,
    page: query.page,
    pageSize: query.pageSize,
    totalIsLowerBound: false,
  };
};

// The chosen inspections, locked, each in the actor's territory, of one enterprise and year, all still open.
const loadGroup = async (tx: Tx, actor: Actor, ids: string[]): Promise<InspectionRow[]> => {
  assertMayUse(actor, 'inspection', 'update');
  const rows = await lockInspectionsByIds(tx, ids);
  const found = new Map(rows.map((row) => [row.id, row]));
  const group = ids.map((id) => assertCan(actor, 'inspection', 'update', found.get(id), '检查'));
  if (new Set(group.map((row) => row.enterpriseId)).size > 1) {
    throw problem('INSPECTION_MERGE_ENTERPRISES_DIFFER', { measure: 8, basis: BASIS_8 });
  }
  if (new Set(group.map((row) => row.year)).size > 1) {
    throw problem('INSPECTION_MERGE_YEARS_DIFFER', { measure: 8, basis: BASIS_8 });
  }
  const closed = group.filter((row) => !OPEN_STAGES.includes(row.stage));
  if (closed.length > 0) throw notOpen(closed);
  return group;
};

const partnerOf = (row: InspectionRow): InspectionPartner => ({
  organisationId: row.organisationId ?? '',
  organisationName: row.organisationName,
  departmentType: row.departmentType,
  team: row.team,
});

export const mergeInspections = async (ctx: AppContext, actor: Actor, body: z.infer<typeof ZMergeSchema>) =>
  ctx.db.transaction(async (tx) => {
    const group = await loadGroup(tx, actor, body.inspectionIds);
    const earliest = [...group].sort(
      (a, b) => a.plannedOn.localeCompare(b.plannedOn) || a.id.localeCompare(b.id),
    );
    // kept: the one chosen, else the actor's own department's, else the earliest
    const into =
      group.find((row) => row.id === body.intoId) ??
      earliest.find((row) => row.organisationId !== null && row.organisationId === actor.organisationId) ??
      earliest[0]!;
    const others = group.filter((row) => row.id !== into.id);
    const matters = [...new Set(group.flatMap((row) => row.matters))];
    const partners = new Map<string, InspectionPartner>();
    for (const partner of [...into.partners, ...others.flatMap((row) => [partnerOf(row), ...row.partners])]) {
      const key = partner.organisationId || `name:${partner.organisationName}`;
      const own =
        partner.organisationName === into.organisationName &&
        (partner.organisationId || null) === into.organisationId;
      if (!own && !partners.has(key)) partners.set(key, partner);
    }
    const now = ctx.clock.now();
    const kept = await updateInspection(tx, into.id, { matters, partners: [...partners.values()] });
    await updateInspections(
      tx,
      others.map((row) => row.id),
      { stage: 'merged', mergedIntoId: into.id },
    );
    const decision = await insertMergeDecision(tx, {
      territory: into.territory,
      enterpriseId: into.enterpriseId,
      period: periodKey(into.plannedOn, governanceCatalog.merge.period),
      inspectionIds: group.map((row) => row.id),
      decision: 'merged',
      intoId: into.id,
      decidedAt: now,
      decidedByName: actor.displayName,
    });
    await appendAuditEvent(tx, {
      actor,
      action: 'inspection.merged',
      entityType: 'inspection',
      entityId: into.id,
      territory: into.territory,
      payload: {
        decisionId: decision!.id,
        intoId: into.id,
        merged: others.map((row) => row.id),
        matters,
        partners: [...partners.values()].map((p) => p.organisationName),
      },
      at: now,
    });
    return { inspection: inspectionView(kept!), decision: decisionView(decision!) };
  });

export const declineMerge = async (
  ctx: AppContext,
  actor: Actor,
  body: z.infer<typeof ZDeclineMergeSchema>,
) =>
  ctx.db.transaction(async (tx) => {
    const group = await loadGroup(tx, actor, body.inspectionIds);
    const first = group[0]!;
    const key = [...body.inspectionIds].sort().join(',');
    const previous = await findDeclinedMergesOfEnterprise(tx, first.enterpriseId);
    if (previous.some((row) => [...row.inspectionIds].sort().join(',') === key)) {
      throw problem('MERGE_ALREADY_DECLINED');
    }
    const now = ctx.clock.now();
    const decision = await insertMergeDecision(tx, {
      territory: first.territory,
      enterpriseId: first.enterpriseId,
      period: periodKey(first.plannedOn, governanceCatalog.merge.period),
      inspectionIds: group.map((row) => row.id),
      decision: 'declined',
      reason: body.reason,
      decidedAt: now,
      decidedByName: actor.displayName,
    });
    await appendAuditEvent(tx, {
      actor,
      action: 'inspection.merge.declined',
      entityType: 'merge_decision',
      entityId: decision!.id,
      territory: first.territory,
      payload: { inspectionIds: decision!.inspectionIds, reason: body.reason },
      at: now,
    });
    return decisionView(decision!);
  });
