import {
  burdenLevel,
  governanceCatalog,
  inspectionStatusOf,
  isPlannedVisitOverdue,
  NEXT_STEP_NAMES,
  isWithinTerritory,
  mayPlanInspection,
  mergeProposals,
  periodKey,
  territoryName,
} from '@inspecta/domain';
import type { TargetedTrigger } from '@inspecta/domain';
import type { z } from 'zod';
import { shanghaiDate } from '../../platform/http/dates.ts';
import type { AppContext } from '../../platform/http/context.ts';
import { isUuid } from '../../platform/http/paging.ts';
import {
  actsForOwnEnterprise,
  assertJoinable,
  assertMayUse,
  mayApproveOtherTrigger,
  type Actor,
} from '../../platform/policy/policy.ts';
import { scopeCondition } from '../../platform/db/scope.ts';
import { problem, notFound, refused } from '../../platform/problems/problem.ts';
import { appendAuditEvent } from '../../platform/audit/service.ts';
import { notifyOnce } from '../../platform/notifications/notify-once.ts';
import type { Db, Tx } from '../../platform/db/client.ts';
import { loadInspection, type InspectionRow } from './inspection-store.ts';
import { burdenOf, countsByEnterpriseYear, inspectionView, type EnterpriseBurden } from './burden.ts';
import type { ZListQuerySchema, ZPlanInspectionSchema } from './model.ts';
import { inspections, type InspectionPartner, type InspectionTeamMember } from './schema.ts';
import {
  findDeclinedMergesOfEnterprise,
  findActiveLegalReviewers,
  findEnterpriseForPlanning,
  findOrganisationSummary,
  findOrganisationsByIds,
  findOtherPlannedInYear,
  insertInspection,
  listInspectionRows,
  lockEnterprise,
} from './repository.ts';

// measures 5, 6, 8, 24: planning an inspection of an enterprise, within the cap its grade allows unless a
// targeted trigger exempts it, with the other inspections planned for it in the same period shown for merging.

type InspectionKind = 'key' | 'double_random' | 'targeted' | 'other';

const organisationOf = async (tx: Db | Tx, actor: Actor) => {
  const row = actor.organisationId ? await findOrganisationSummary(tx, actor.organisationId) : undefined;
  return row ?? { id: null, name: territoryName(actor.territory) ?? actor.territory, departmentType: null };
};

// measure 6: joint inspection with other departments (公安、住建、交通、市场监管、气象、消防救援…).
export const resolvePartners = async (
  db: Db | Tx,
  actor: Actor,
  organisationIds: readonly string[],
): Promise<InspectionPartner[]> => {
  if (organisationIds.length === 0) return [];
  const rows = await findOrganisationsByIds(db, [...organisationIds]);
  // issue 12 item 2: another district's department is out of reach, as its id would be in the path
  for (const id of organisationIds)
    assertJoinable(
      actor,
      'organisation',
      rows.find((row) => row.id === id),
      '联合检查部门',
    );
  const departments = new Map(
    rows.filter((row) => row.kind === 'department' && row.active).map((row) => [row.id, row]),
  );
  const unknown = organisationIds.filter((id) => !departments.has(id));
  if (unknown.length > 0) {
    throw problem('INSPECTION_PARTNER_NOT_DEPARTMENT', {
      measure: 6,
      basis:
        '《江门市应急管理系统严格规范涉企行政检查若干措施》第六项（与公安、住房和城乡建设、交通运输、市场监督管理、气象、消防救援等部门和机构实施联合检查）',
      detail: unknown.join(', '),
    });
  }
  return organisationIds.map((id) => {
    const row = departments.get(id)!;
    return {
      organisationId: row.id,
      organisationName: row.name,
      departmentType: row.departmentType,
      team: [],
    };
  });
};

export type PlanInspectionInput = {
  enterpriseId: string;
  plannedOn: string;
  kind: InspectionKind;
  matters: string[];
  trigger?: TargetedTrigger | null;
  triggerReference?: string | null;
  overCapReason?: string | null;
  triggerDescription?: string | null;
  partners?: InspectionPartner[];
  team?: InspectionTeamMember[];
  drawId?: string | null;
};

export type PlannedInspection = {
  row: InspectionRow;
  burdenBefore: EnterpriseBurden;
  frequencyCapExempt: boolean;
};

// Plans one inspection inside the caller's transaction: territory (404 outside it), frequency cap (422 with
// measure and basis unless a targeted trigger exempts it), the row and its audit event. The caller has
// checked the actor may plan it (the inspection routes: 'inspection' create; a draw: 'draw' update), and
// uses burdenOf first when it must report enterprises over their cap rather than fail.
export const planInspectionInTx = async (
  tx: Tx,
  options: { actor: Actor; now: Date },
  input: PlanInspectionInput,
): Promise<PlannedInspection> => {
  const { actor, now } = options;
  const enterprise = isUuid(input.enterpriseId)
    ? await findEnterpriseForPlanning(tx, input.enterpriseId)
    : undefined;
  if (!enterprise || actsForOwnEnterprise(actor) || !isWithinTerritory(actor.territory, enterprise.territory))
    throw notFound('企业');
  await lockEnterprise(tx, enterprise.id);
  const year = Number(input.plannedOn.slice(0, 4));
  const burdenBefore = (await burdenOf(tx, [enterprise.id], year)).get(enterprise.id)!;
  const verdict = mayPlanInspection({
    existingThisYear: burdenBefore.count,
    cap: burdenBefore.cap,
    capVerified: burdenBefore.capVerified,
    capSource: burdenBefore.capSource,
    trigger: input.trigger ?? null,
    triggerReference: input.triggerReference ?? null,
    overCapReason: input.overCapReason ?? null,
    triggerDescription: input.triggerDescription ?? null,
  });
  if (!verdict.ok) throw refused(verdict);
  // measure 5 "等渠道": an "other" trigger planned by the bureau head is approved with it
  const otherApproved = verdict.trigger === 'other' && mayApproveOtherTrigger(actor);
  const organisation = await organisationOf(tx, actor);
  const row = await insertInspection(tx, {
    territory: enterprise.territory,
    enterpriseId: enterprise.id,
    enterpriseName: enterprise.name,
    creditCode: enterprise.creditCode,
    organisationId: organisation.id,
    organisationName: organisation.name,
    departmentType: organisation.departmentType,
    kind: input.kind,
    plannedOn: input.plannedOn,
    year,
    matters: input.matters,
    trigger: verdict.trigger,
    triggerReference: verdict.triggerReference,
    triggerDescription: verdict.trigger === 'other' ? (input.triggerDescription ?? null) : null,
    ...(otherApproved
      ? { triggerApprovedById: actor.id, triggerApprovedByName: actor.displayName, triggerApprovedAt: now }
      : {}),
    capAtPlanning: burdenBefore.cap,
    overCap: verdict.overCap,
    overCapReason: verdict.overCapReason,
    drawId: input.drawId ?? null,
    team: input.team ?? [],
    partners: input.partners ?? [],
    createdAt: now,
    createdByName: actor.displayName,
  });
  await appendAuditEvent(tx, {
    actor,
    action: 'inspection.created',
    entityType: 'inspection',
    entityId: row!.id,
    territory: row!.territory,
    payload: {
      enterpriseId: enterprise.id,
      plannedOn: input.plannedOn,
      kind: input.kind,
      matters: input.matters,
      partners: (input.partners ?? []).map((partner) => partner.organisationId),
      drawId: input.drawId ?? null,
      countBefore: burdenBefore.count,
      capAtPlanning: burdenBefore.cap,
      capVerified: burdenBefore.capVerified,
      overCap: verdict.overCap,
      // measure 5: the trigger that exempts it from the cap is recorded
      frequencyCapExempt: verdict.frequencyCapExempt,
      trigger: verdict.trigger,
      triggerReference: verdict.triggerReference,
      // issue 11 item 4: beyond a cap still unverified, with the reason the legal reviewer reads
      unverifiedCapExceeded: verdict.unverifiedCapExceeded,
      overCapReason: verdict.overCapReason,
      triggerDescription: verdict.trigger === 'other' ? (input.triggerDescription ?? null) : null,
      triggerApproved: otherApproved,
    },
    at: now,
  });
  if (verdict.unverifiedCapExceeded)
    await tellLegalReviewers(tx, now, row!, burdenBefore, verdict.overCapReason!);
  return { row: row!, burdenBefore, frequencyCapExempt: verdict.frequencyCapExempt };
};

// Issue 11 item 4: an inspection beyond a cap that is still unverified goes ahead with its reason, and every
// active legal reviewer whose territory covers the enterprise is told, so the placeholder cap gets reviewed.
const tellLegalReviewers = async (
  tx: Tx,
  now: Date,
  row: InspectionRow,
  burden: EnterpriseBurden,
  reason: string,
) => {
  const reviewers = (await findActiveLegalReviewers(tx)).filter((user) =>
    isWithinTerritory(user.territory, row.territory),
  );
  await notifyOnce(
    tx,
    reviewers.map((user) => ({
      userId: user.id,
      territory: user.territory,
      kind: 'over_unverified_cap' as const,
      dedupeKey: `over_unverified_cap:${row.id}`,
      title: `超过待核实的年度检查上限：${row.enterpriseName}`,
      body:
        `${row.organisationName}安排的 ${row.plannedOn} 检查是该企业本年度第 ${burden.count + 1} 次，` +
        `超过待法制审核的年度检查上限 ${burden.cap} 次。理由：${reason}`,
      link: `/inspections/${row.id}`,
      createdAt: now,
    })),
  );
};

// measure 8: the other open inspections of the enterprise in the same period, by any department.
const samePeriodOf = async (db: Db | Tx, row: InspectionRow) => {
  const period = governanceCatalog.merge.period;
  const key = periodKey(row.plannedOn, period);
  const open = await findOtherPlannedInYear(db, row);
  const others = open.filter((other) => periodKey(other.plannedOn, period) === key);
  const declined = await findDeclinedMergesOfEnterprise(db, row.enterpriseId);
  const candidates = [row, ...others].map((one) => ({ ...one, status: inspectionStatusOf(one.stage) }));
  const proposed = mergeProposals(candidates, { period, declined }).some((proposal) =>
    proposal.inspectionIds.includes(row.id),
  );
  return { period: key, others, proposed };
};

export const planInspection = async (
  ctx: AppContext,
  actor: Actor,
  body: z.infer<typeof ZPlanInspectionSchema>,
) => {
  assertMayUse(actor, 'inspection', 'create');
  return ctx.db.transaction(async (tx) => {
    const partners = await resolvePartners(tx, actor, body.partners ?? []);
    const planned = await planInspectionInTx(tx, { actor, now: ctx.clock.now() }, { ...body, partners });
    const burden = (await burdenOf(tx, [planned.row.enterpriseId], planned.row.year)).get(
      planned.row.enterpriseId,
    )!;
    const same = await samePeriodOf(tx, planned.row);
    return {
      inspection: inspectionView(planned.row),
      burden,
      period: same.period,
      samePeriod: same.others.map(inspectionView),
      mergeProposed: same.proposed,
    };
  });
};

const withBurden = async (db: Db | Tx, rows: InspectionRow[]) => {
  const counts = await countsByEnterpriseYear(db, rows);
  return rows.map((row) => {
    const n = counts.get(`${row.enterpriseId}:${row.year}`) ?? 0;
    return { ...inspectionView(row), burden: { count: n, level: burdenLevel(n) } };
  });
};

export const getInspection = async (ctx: AppContext, actor: Actor, id: string) => {
  const [view] = await withBurden(ctx.db, [await loadInspection(ctx.db, actor, id, 'read')]);
  return view!;
};

export const listInspections = async (
  ctx: AppContext,
  actor: Actor,
  query: z.infer<typeof ZListQuerySchema>,
) => {
  const today = shanghaiDate(ctx.clock.now());
  const { rows, total } = await listInspectionRows(
    ctx.db,
    {
      scope: scopeCondition(actor, 'inspection', { territory: inspections.territory }),
      enterpriseId: query.enterpriseId,
      year: query.year,
      status: query.status,
      kind: query.kind,
      drawId: query.drawId,
      stages: query.stage,
      plannedFrom: query.plannedFrom,
      plannedTo: query.plannedTo,
      overdueBefore: query.overdue ? today : undefined,
      q: query.q,
      officer: query.officer,
      returnedTo: query.returnedToMe ? actor.id : undefined,
    },
    query,
  );
  return {
    items: (await withBurden(ctx.db, rows)).map((item) => ({
      ...item,
      nextStep: NEXT_STEP_NAMES[item.stage],
      overdue: isPlannedVisitOverdue(item.stage, item.plannedOn, today),
    })),
    total,
    page: query.page,
    pageSize: query.pageSize,
    totalIsLowerBound: false,
  };
};

// issue 13 item 3: what the list shows under the same filters, for the workbook (at most 5,000 rows)
export const EXPORT_LIMIT = 5000;
export const listInspectionsForExport = (
  ctx: AppContext,
  actor: Actor,
  query: Omit<z.infer<typeof ZListQuerySchema>, 'page' | 'pageSize'>,
) => listInspections(ctx, actor, { ...query, page: 1, pageSize: EXPORT_LIMIT });

export const notOpen = (rows: InspectionRow[]) => {
  const names = { merged: '已合并', completed: '已完成', cancelled: '已取消' } as Record<string, string>;
  return problem(
    'INSPECTION_NOT_OPEN',
    {
      inspections: rows
        .map(
          (row) =>
            `${row.plannedOn} ${row.organisationName}的检查${names[inspectionStatusOf(row.stage)] ?? row.stage}`,
        )
        .join('；'),
    },
    { detail: rows.map((row) => row.id).join(', ') },
  );
};
