import {
  DISPATCH_ORIGIN_NAMES,
  DISPATCH_STATE_NAMES,
  expertCatalog,
  expertFieldName,
  expertQualificationName,
  isWithinTerritory,
  mayDispatchExpert,
  noPenaltyMarkOf,
  validOn,
} from '@inspecta/domain';
import { randomUUID } from 'node:crypto';
import { appendAuditEvents } from '../../platform/audit/service.ts';
import type { Db, Tx } from '../../platform/db/client.ts';
import type { AppContext } from '../../platform/http/context.ts';
import { shanghaiDate } from '../../platform/http/dates.ts';
import { isUuid } from '../../platform/http/paging.ts';
import {
  actsAsExpert,
  actsForOwnEnterprise,
  assertCan,
  assertMayUse,
  assertReferenced,
  assertTerritoryWritable,
  isDispatchedExpert,
  mayUse,
  speaksForEnterprise,
  type Actor,
} from '../../platform/policy/policy.ts';
import { forbidden, notFound, problem, refused } from '../../platform/problems/problem.ts';
import {
  conflictsOf,
  dispatchesOfEnterprise,
  dispatchesOfInspection,
  dispatchesOfExpertUser,
  dispatchesOfTerritory,
  expertsReaching,
  findDispatch,
  findEnterprise,
  findExpert,
  findExpertByUser,
  findFindingOfInspection,
  findUserForExpert,
  insertConflict,
  insertDispatch,
  insertExpert,
  insertQualification,
  listDispatches,
  listExperts,
  qualificationsOf,
  updateDispatch,
  updateExpert,
  visitedDispatchesOfEnterprise,
  type DispatchView,
  type ExpertRow,
} from './repository.ts';
import type { DispatchHazard } from './schema.ts';

// measure 23: the expert database, the dispatch of an expert to an enterprise (on an inspection's finding or on
// the enterprise's request), the visit the expert records on a phone, and the enterprise's rating; measure 14: a
// major hidden danger the expert found and the enterprise fixed by the day set is marked for the no-penalty rule.

const auditActor = (actor: Actor) => ({ id: actor.id, displayName: actor.displayName });

// The territories above a county or city (the city's expert database serves its districts).
const ancestors = (territory: string): string[] => {
  const result = [`${territory.slice(0, 2)}0000`];
  if (!territory.endsWith('00')) result.push(`${territory.slice(0, 4)}00`);
  return result.filter((t) => t !== territory);
};

// The experts an actor may see and dispatch: its territory's, and those of the levels above it.
const expertReach = (actor: Actor) => expertsReaching(actor.territory, ancestors(actor.territory));

const reachesExpert = (actor: Actor, expert: ExpertRow): boolean =>
  isWithinTerritory(actor.territory, expert.territory) ||
  isWithinTerritory(expert.territory, actor.territory);

export const expertCatalogView = () => ({
  version: expertCatalog.version,
  fields: expertCatalog.fields.map(({ code, name, source, verified }) => ({ code, name, source, verified })),
  qualifications: expertCatalog.expertQualifications.map(({ code, name, source, verified }) => ({
    code,
    name,
    source,
    verified,
  })),
  noPenaltyMark: {
    source: expertCatalog.noPenaltyMark.source,
    wording: expertCatalog.noPenaltyMark.wording,
    verified: expertCatalog.noPenaltyMark.verified,
  },
});

const expertViews = async (db: Db | Tx, rows: ExpertRow[], today: string) => {
  const ids = rows.map((row) => row.id);
  const [qualifications, conflicts] = await Promise.all([qualificationsOf(db, ids), conflictsOf(db, ids)]);
  return rows.map((row) => {
    const own = qualifications.filter((q) => q.expertId === row.id);
    return {
      id: row.id,
      territory: row.territory,
      name: row.name,
      employer: row.employer,
      phone: row.phone,
      fields: row.fields.map((code) => ({ code, name: expertFieldName(code) })),
      active: row.active,
      hasAccount: row.userId !== null,
      qualifiedToday: own.some((q) => validOn(q, today)),
      qualifications: own.map((q) => ({
        id: q.id,
        kind: q.kind,
        kindName: expertQualificationName(q.kind),
        number: q.number,
        validFrom: q.validFrom,
        validTo: q.validTo,
        validToday: validOn(q, today),
      })),
      conflicts: conflicts
        .filter((c) => c.expertId === row.id)
        .map((c) => ({
          id: c.id,
          enterpriseId: c.enterpriseId,
          enterpriseName: c.enterpriseName,
          reason: c.reason,
          recordedByName: c.recordedByName,
        })),
    };
  });
};

export const listExpertDatabase = async (ctx: AppContext, actor: Actor) => {
  assertMayUse(actor, 'expert', 'read');
  const today = shanghaiDate(ctx.clock.now());
  return expertViews(ctx.db, await listExperts(ctx.db, expertReach(actor)), today);
};

const checkFields = (fields: string[]) => {
  for (const field of fields)
    if (!expertCatalog.fields.some((entry) => entry.code === field)) throw problem('EXPERT_UNKNOWN_FIELD');
};

export const registerExpert = async (
  ctx: AppContext,
  actor: Actor,
  input: { name: string; employer: string; phone: string; fields: string[]; userId?: string | undefined },
) => {
  assertMayUse(actor, 'expert', 'create');
  checkFields(input.fields);
  const now = ctx.clock.now();
  return ctx.db.transaction(async (tx) => {
    if (input.userId !== undefined) {
      const user = isUuid(input.userId) ? await findUserForExpert(tx, input.userId) : undefined;
      if (!user || user.role !== 'expert' || !user.active || !reachesTerritory(actor, user.territory))
        throw notFound('专家账号');
      if (await findExpertByUser(tx, user.id)) throw problem('EXPERT_ACCOUNT_TAKEN');
    }
    const row = await insertExpert(tx, {
      territory: actor.territory,
      userId: input.userId ?? null,
      name: input.name,
      employer: input.employer,
      phone: input.phone,
      fields: [...new Set(input.fields)],
      active: true,
      createdAt: now,
      updatedAt: now,
    });
    await appendAuditEvents(tx, [
      {
        actor: auditActor(actor),
        action: 'expert.registered',
        entityType: 'expert',
        entityId: row.id,
        territory: row.territory,
        payload: { name: row.name, fields: row.fields },
        at: now,
      },
    ]);
    return (await expertViews(tx, [row], shanghaiDate(now)))[0]!;
  });
};

const reachesTerritory = (actor: Actor, territory: string) =>
  isWithinTerritory(actor.territory, territory) || isWithinTerritory(territory, actor.territory);

// An expert of the actor's territory, which it may change (the city's database is kept by the city).
const loadExpertForUpdate = async (tx: Tx, actor: Actor, id: string) =>
  assertCan(actor, 'expert', 'update', isUuid(id) ? await findExpert(tx, id) : undefined, '专家');

export const updateExpertRecord = async (
  ctx: AppContext,
  actor: Actor,
  id: string,
  input: { fields?: string[] | undefined; active?: boolean | undefined; phone?: string | undefined },
) => {
  if (input.fields) checkFields(input.fields);
  const now = ctx.clock.now();
  return ctx.db.transaction(async (tx) => {
    const row = await loadExpertForUpdate(tx, actor, id);
    const fields = input.fields ? [...new Set(input.fields)] : row.fields;
    const active = input.active ?? row.active;
    await updateExpert(tx, row.id, { fields, active, phone: input.phone ?? row.phone, updatedAt: now });
    await appendAuditEvents(tx, [
      {
        actor: auditActor(actor),
        action: 'expert.updated',
        entityType: 'expert',
        entityId: row.id,
        territory: row.territory,
        payload: { fields, active },
        at: now,
      },
    ]);
    return (await expertViews(tx, [(await findExpert(tx, row.id))!], shanghaiDate(now)))[0]!;
  });
};

export const recordExpertQualification = async (
  ctx: AppContext,
  actor: Actor,
  id: string,
  input: { kind: string; number: string; validFrom: string; validTo: string },
) => {
  if (!expertCatalog.expertQualifications.some((entry) => entry.code === input.kind))
    throw problem('EXPERT_UNKNOWN_QUALIFICATION');
  if (input.validTo < input.validFrom)
    throw problem('VALIDATION_FAILED', { detail: '有效期止不能早于有效期起' });
  const now = ctx.clock.now();
  return ctx.db.transaction(async (tx) => {
    const row = await loadExpertForUpdate(tx, actor, id);
    await insertQualification(tx, { expertId: row.id, ...input, createdAt: now });
    await appendAuditEvents(tx, [
      {
        actor: auditActor(actor),
        action: 'expert.qualification.recorded',
        entityType: 'expert',
        entityId: row.id,
        territory: row.territory,
        payload: { kind: input.kind, validFrom: input.validFrom, validTo: input.validTo },
        at: now,
      },
    ]);
    return (await expertViews(tx, [row], shanghaiDate(now)))[0]!;
  });
};

export const recordExpertConflict = async (
  ctx: AppContext,
  actor: Actor,
  id: string,
  input: { enterpriseId: string; reason: string },
) => {
  const now = ctx.clock.now();
  assertMayUse(actor, 'expert', 'update');
  return ctx.db.transaction(async (tx) => {
    // a district records its enterprises' conflicts for the city's experts it dispatches
    const found = isUuid(id) ? await findExpert(tx, id) : undefined;
    if (!found || !reachesExpert(actor, found)) throw notFound('专家');
    const row = found;
    const enterprise = assertReferenced(
      actor,
      'enterprise',
      isUuid(input.enterpriseId) ? await findEnterprise(tx, input.enterpriseId) : undefined,
      '企业',
    );
    const added = await insertConflict(tx, {
      expertId: row.id,
      enterpriseId: enterprise.id,
      reason: input.reason,
      recordedByName: actor.displayName,
      createdAt: now,
    });
    if (!added) throw problem('EXPERT_CONFLICT_EXISTS');
    await appendAuditEvents(tx, [
      {
        actor: auditActor(actor),
        action: 'expert.conflict.recorded',
        entityType: 'expert',
        entityId: row.id,
        territory: row.territory,
        payload: { enterpriseId: enterprise.id, reason: input.reason },
        at: now,
      },
    ]);
    return (await expertViews(tx, [row], shanghaiDate(now)))[0]!;
  });
};

// ---- dispatches ----

const hazardView = (hazard: DispatchHazard) => {
  const mark = noPenaltyMarkOf(hazard);
  return { ...hazard, noPenaltyMark: mark.marked, noPenaltyBasis: mark.basis };
};

export const dispatchView = (actor: Actor, view: DispatchView) => {
  const d = view.dispatch;
  return {
    id: d.id,
    territory: d.territory,
    enterpriseId: d.enterpriseId,
    enterpriseName: d.enterpriseName,
    enterpriseAddress: view.enterpriseAddress,
    origin: d.origin,
    originName: DISPATCH_ORIGIN_NAMES[d.origin],
    findingId: d.findingId,
    findingDescription: view.findingDescription,
    request: d.request,
    requestedByName: d.requestedByName,
    requestedAt: d.requestedAt?.toISOString() ?? null,
    state: d.state,
    stateName: DISPATCH_STATE_NAMES[d.state],
    expertId: d.expertId,
    expertName: view.expertName,
    plannedOn: d.plannedOn,
    dispatchedByName: d.dispatchedByName,
    dispatchedAt: d.dispatchedAt?.toISOString() ?? null,
    declineReason: d.declineReason,
    visitedOn: d.visitedOn,
    visitNote: d.visitNote,
    advice: d.advice,
    hazards: d.hazards.map(hazardView),
    rating: d.rating,
    ratingComment: d.ratingComment,
    ratedAt: d.ratedAt?.toISOString() ?? null,
    mayRecordVisit: isDispatchedExpert(actor, view) && d.state === 'dispatched',
    mayConfirmFix: isDispatchedExpert(actor, view) && (d.state === 'visited' || d.state === 'rated'),
    mayRate: speaksForEnterprise(actor, d.enterpriseId) && d.state === 'visited',
    mayDispatch: mayUse(actor, 'expert_dispatch', 'create') && d.state === 'requested',
  };
};

// Staff see the dispatches of their territory; an expert only those naming it; an enterprise only its own.
const dispatchScope = (actor: Actor) => {
  if (actsForOwnEnterprise(actor)) {
    if (!actor.enterpriseId) throw forbidden();
    return dispatchesOfEnterprise(actor.enterpriseId);
  }
  assertMayUse(actor, 'expert_dispatch', 'read');
  if (actsAsExpert(actor)) return dispatchesOfExpertUser(actor.id);
  return dispatchesOfTerritory(actor.territory);
};

export const listExpertDispatches = async (
  ctx: AppContext,
  actor: Actor,
  query: { inspectionId?: string | undefined } = {},
) => {
  const scope = dispatchScope(actor);
  if (query.inspectionId !== undefined && !isUuid(query.inspectionId)) return [];
  const where = query.inspectionId ? dispatchesOfInspection(scope, query.inspectionId) : scope;
  return (await listDispatches(ctx.db, where)).map((view) => dispatchView(actor, view));
};

// The dispatch dialog on an inspection's finding (measure 23): the finding, its enterprise, and every expert the
// actor reaches with whether he may go there today and, if not, the reason the dispatch would be refused (the
// same rule the dispatch itself passes: in the database, qualified on the day, no conflict with the enterprise).
export const dispatchCandidates = async (ctx: AppContext, actor: Actor, findingId: string) => {
  assertMayUse(actor, 'expert_dispatch', 'create');
  const finding = assertReferenced(
    actor,
    'inspection',
    isUuid(findingId) ? await findFindingOfInspection(ctx.db, findingId) : undefined,
    '检查发现的问题',
  );
  const enterprise = await findEnterprise(ctx.db, finding.enterpriseId);
  if (!enterprise) throw notFound('企业');
  const today = shanghaiDate(ctx.clock.now());
  const rows = await listExperts(ctx.db, expertReach(actor));
  const ids = rows.map((row) => row.id);
  const [qualifications, conflicts] = await Promise.all([
    qualificationsOf(ctx.db, ids),
    conflictsOf(ctx.db, ids),
  ]);
  const items = rows.map((row) => {
    const verdict = mayDispatchExpert({
      active: row.active,
      qualifications: qualifications.filter((q) => q.expertId === row.id),
      conflictEnterpriseIds: conflicts.filter((c) => c.expertId === row.id).map((c) => c.enterpriseId),
      enterpriseId: enterprise.id,
      onDate: today,
    });
    return {
      id: row.id,
      name: row.name,
      employer: row.employer,
      fields: row.fields.map(expertFieldName),
      eligible: verdict.ok,
      refusal: verdict.ok ? null : verdict.message,
    };
  });
  return {
    findingId: finding.id,
    findingDescription: finding.description,
    majorHiddenDanger: finding.majorHiddenDanger,
    enterpriseId: enterprise.id,
    enterpriseName: enterprise.name,
    // the eligible first, each group in the database's order (by name)
    items: [...items.filter((item) => item.eligible), ...items.filter((item) => !item.eligible)],
  };
};

// One dispatch, if the actor may read it (else 404: its existence does not leak).
const loadDispatch = async (
  db: Db | Tx,
  actor: Actor,
  id: string,
  forUpdate = false,
): Promise<DispatchView> => {
  const view = isUuid(id) ? await findDispatch(db, id, forUpdate) : undefined;
  if (!view) throw notFound('专家帮扶');
  if (actsForOwnEnterprise(actor)) {
    if (!speaksForEnterprise(actor, view.dispatch.enterpriseId)) throw notFound('专家帮扶');
    return view;
  }
  if (actsAsExpert(actor)) {
    if (!isDispatchedExpert(actor, view)) throw notFound('专家帮扶');
    return view;
  }
  assertCan(actor, 'expert_dispatch', 'read', view.dispatch, '专家帮扶');
  return view;
};

export const getExpertDispatch = async (ctx: AppContext, actor: Actor, id: string) =>
  dispatchView(actor, await loadDispatch(ctx.db, actor, id));

const audit = (
  tx: Tx,
  actor: Actor,
  dispatch: { id: string; territory: string },
  action: Parameters<typeof appendAuditEvents>[1][number]['action'],
  payload: Record<string, unknown>,
  at: Date,
) =>
  appendAuditEvents(tx, [
    {
      actor: auditActor(actor),
      action,
      entityType: 'expert_dispatch',
      entityId: dispatch.id,
      territory: dispatch.territory,
      payload,
      at,
    } as Parameters<typeof appendAuditEvents>[1][number],
  ]);

// The enterprise asks for an expert's help from its portal.
export const requestExpertHelp = async (ctx: AppContext, actor: Actor, input: { request: string }) => {
  if (!actsForOwnEnterprise(actor) || !actor.enterpriseId) throw forbidden();
  const now = ctx.clock.now();
  return ctx.db.transaction(async (tx) => {
    const enterprise = await findEnterprise(tx, actor.enterpriseId!);
    if (!enterprise) throw notFound('企业');
    const row = await insertDispatch(tx, {
      territory: enterprise.territory,
      enterpriseId: enterprise.id,
      enterpriseName: enterprise.name,
      origin: 'request',
      request: input.request,
      requestedByName: actor.displayName,
      requestedAt: now,
      state: 'requested',
      createdAt: now,
      updatedAt: now,
    });
    await audit(tx, actor, row, 'expert_dispatch.requested', { enterpriseId: enterprise.id }, now);
    return dispatchView(actor, (await findDispatch(tx, row.id))!);
  });
};

// The guard every dispatch passes: an expert the actor reaches, active, qualified on the day, with no recorded
// conflict with the enterprise.
const checkedExpert = async (tx: Tx, actor: Actor, expertId: string, enterpriseId: string, today: string) => {
  const expert = isUuid(expertId) ? await findExpert(tx, expertId) : undefined;
  if (!expert || !reachesExpert(actor, expert)) throw notFound('专家');
  const [qualifications, conflicts] = await Promise.all([
    qualificationsOf(tx, [expert.id]),
    conflictsOf(tx, [expert.id]),
  ]);
  const verdict = mayDispatchExpert({
    active: expert.active,
    qualifications,
    conflictEnterpriseIds: conflicts.map((c) => c.enterpriseId),
    enterpriseId,
    onDate: today,
  });
  if (!verdict.ok) throw refused(verdict);
  return expert;
};

// A unit head or the bureau head dispatches an expert on an inspection's finding.
export const dispatchOnFinding = async (
  ctx: AppContext,
  actor: Actor,
  input: { findingId: string; expertId: string; plannedOn?: string | undefined },
) => {
  assertMayUse(actor, 'expert_dispatch', 'create');
  const now = ctx.clock.now();
  const today = shanghaiDate(now);
  return ctx.db.transaction(async (tx) => {
    const finding = assertReferenced(
      actor,
      'inspection',
      isUuid(input.findingId) ? await findFindingOfInspection(tx, input.findingId) : undefined,
      '检查发现的问题',
    );
    const enterprise = await findEnterprise(tx, finding.enterpriseId);
    if (!enterprise) throw notFound('企业');
    assertTerritoryWritable(actor, enterprise.territory);
    const expert = await checkedExpert(tx, actor, input.expertId, enterprise.id, today);
    const row = await insertDispatch(tx, {
      territory: enterprise.territory,
      enterpriseId: enterprise.id,
      enterpriseName: enterprise.name,
      origin: 'finding',
      findingId: finding.id,
      request: '',
      state: 'dispatched',
      expertId: expert.id,
      plannedOn: input.plannedOn ?? null,
      dispatchedById: actor.id,
      dispatchedByName: actor.displayName,
      dispatchedAt: now,
      createdAt: now,
      updatedAt: now,
    });
    await audit(
      tx,
      actor,
      row,
      'expert_dispatch.dispatched',
      {
        expertId: expert.id,
        enterpriseId: enterprise.id,
        origin: 'finding',
        findingId: finding.id,
        plannedOn: input.plannedOn ?? null,
      },
      now,
    );
    return dispatchView(actor, (await findDispatch(tx, row.id))!);
  });
};

// ... or on the enterprise's request.
export const dispatchOnRequest = async (
  ctx: AppContext,
  actor: Actor,
  id: string,
  input: { expertId: string; plannedOn?: string | undefined },
) => {
  assertMayUse(actor, 'expert_dispatch', 'create');
  const now = ctx.clock.now();
  return ctx.db.transaction(async (tx) => {
    const view = await loadDispatch(tx, actor, id, true);
    assertCan(actor, 'expert_dispatch', 'create', view.dispatch, '专家帮扶');
    if (view.dispatch.state !== 'requested') throw problem('EXPERT_DISPATCH_STATE');
    const expert = await checkedExpert(
      tx,
      actor,
      input.expertId,
      view.dispatch.enterpriseId,
      shanghaiDate(now),
    );
    await updateDispatch(tx, view.dispatch.id, {
      state: 'dispatched',
      expertId: expert.id,
      plannedOn: input.plannedOn ?? null,
      dispatchedById: actor.id,
      dispatchedByName: actor.displayName,
      dispatchedAt: now,
      updatedAt: now,
    });
    await audit(
      tx,
      actor,
      view.dispatch,
      'expert_dispatch.dispatched',
      {
        expertId: expert.id,
        enterpriseId: view.dispatch.enterpriseId,
        origin: 'request',
        findingId: null,
        plannedOn: input.plannedOn ?? null,
      },
      now,
    );
    return dispatchView(actor, (await findDispatch(tx, view.dispatch.id))!);
  });
};

export const declineRequest = async (
  ctx: AppContext,
  actor: Actor,
  id: string,
  input: { reason: string },
) => {
  assertMayUse(actor, 'expert_dispatch', 'create');
  const now = ctx.clock.now();
  return ctx.db.transaction(async (tx) => {
    const view = await loadDispatch(tx, actor, id, true);
    assertCan(actor, 'expert_dispatch', 'create', view.dispatch, '专家帮扶');
    if (view.dispatch.state !== 'requested') throw problem('EXPERT_DISPATCH_STATE');
    await updateDispatch(tx, view.dispatch.id, {
      state: 'declined',
      declineReason: input.reason,
      updatedAt: now,
    });
    await audit(tx, actor, view.dispatch, 'expert_dispatch.declined', { reason: input.reason }, now);
    return dispatchView(actor, (await findDispatch(tx, view.dispatch.id))!);
  });
};

// The dispatched expert records the visit, its advice and the hidden dangers found, on a phone.
export const recordExpertVisit = async (
  ctx: AppContext,
  actor: Actor,
  id: string,
  input: {
    visitedOn: string;
    visitNote: string;
    advice: string;
    hazards: { description: string; major: boolean; dueOn?: string | null | undefined }[];
  },
) => {
  const now = ctx.clock.now();
  const today = shanghaiDate(now);
  if (input.visitedOn > today) throw problem('VALIDATION_FAILED', { detail: '服务日期不能晚于今天' });
  return ctx.db.transaction(async (tx) => {
    const view = await loadDispatch(tx, actor, id, true);
    if (!isDispatchedExpert(actor, view)) throw problem('EXPERT_NOT_DISPATCHED_TO_YOU');
    if (view.dispatch.state !== 'dispatched') throw problem('EXPERT_DISPATCH_STATE');
    const hazards: DispatchHazard[] = input.hazards.map((hazard) => ({
      id: randomUUID(),
      description: hazard.description,
      major: hazard.major,
      dueOn: hazard.dueOn ?? null,
      fixedOn: null,
    }));
    await updateDispatch(tx, view.dispatch.id, {
      state: 'visited',
      visitedOn: input.visitedOn,
      visitNote: input.visitNote,
      advice: input.advice,
      hazards,
      visitRecordedAt: now,
      updatedAt: now,
    });
    await audit(
      tx,
      actor,
      view.dispatch,
      'expert_dispatch.visit.recorded',
      { visitedOn: input.visitedOn, hazards: hazards.length, major: hazards.filter((h) => h.major).length },
      now,
    );
    return dispatchView(actor, (await findDispatch(tx, view.dispatch.id))!);
  });
};

// The expert confirms a hidden danger fixed; a major one fixed by its day is marked for measure 14.
export const confirmHazardFixed = async (
  ctx: AppContext,
  actor: Actor,
  id: string,
  hazardId: string,
  input: { fixedOn: string },
) => {
  const now = ctx.clock.now();
  if (input.fixedOn > shanghaiDate(now))
    throw problem('VALIDATION_FAILED', { detail: '整改日期不能晚于今天' });
  return ctx.db.transaction(async (tx) => {
    const view = await loadDispatch(tx, actor, id, true);
    if (!isDispatchedExpert(actor, view)) throw problem('EXPERT_NOT_DISPATCHED_TO_YOU');
    if (view.dispatch.state !== 'visited' && view.dispatch.state !== 'rated')
      throw problem('EXPERT_DISPATCH_STATE');
    const hazard = view.dispatch.hazards.find((h) => h.id === hazardId);
    if (!hazard) throw notFound('隐患');
    if (view.dispatch.visitedOn && input.fixedOn < view.dispatch.visitedOn)
      throw problem('VALIDATION_FAILED', { detail: '整改日期不能早于服务日期' });
    const hazards = view.dispatch.hazards.map((h) =>
      h.id === hazardId ? { ...h, fixedOn: input.fixedOn } : h,
    );
    await updateDispatch(tx, view.dispatch.id, { hazards, updatedAt: now });
    const marked = noPenaltyMarkOf({ ...hazard, fixedOn: input.fixedOn }).marked;
    await audit(
      tx,
      actor,
      view.dispatch,
      'expert_dispatch.hazard.fixed',
      { hazardId, fixedOn: input.fixedOn, marked },
      now,
    );
    return dispatchView(actor, (await findDispatch(tx, view.dispatch.id))!);
  });
};

// The enterprise rates the visit from its portal, once.
export const rateExpertVisit = async (
  ctx: AppContext,
  actor: Actor,
  id: string,
  input: { rating: number; comment: string },
) => {
  const now = ctx.clock.now();
  return ctx.db.transaction(async (tx) => {
    const view = await loadDispatch(tx, actor, id, true);
    if (!speaksForEnterprise(actor, view.dispatch.enterpriseId)) throw forbidden();
    if (view.dispatch.state !== 'visited') throw problem('EXPERT_DISPATCH_STATE');
    await updateDispatch(tx, view.dispatch.id, {
      state: 'rated',
      rating: input.rating,
      ratingComment: input.comment,
      ratedAt: now,
      updatedAt: now,
    });
    await audit(tx, actor, view.dispatch, 'expert_dispatch.rated', { rating: input.rating }, now);
    return dispatchView(actor, (await findDispatch(tx, view.dispatch.id))!);
  });
};

// measure 14, for the cases module: the major hidden dangers experts found at this enterprise while helping and
// the enterprise fixed by the day set, each with the measure's words as its basis.
export type ExpertNoPenaltyMark = {
  dispatchId: string;
  expertName: string;
  description: string;
  visitedOn: string | null;
  dueOn: string | null;
  fixedOn: string | null;
  basis: string;
  verified: boolean;
};
export const expertNoPenaltyMarks = async (
  db: Db | Tx,
  enterpriseId: string,
): Promise<ExpertNoPenaltyMark[]> => {
  const rows = await visitedDispatchesOfEnterprise(db, enterpriseId);
  const marks: ExpertNoPenaltyMark[] = [];
  for (const row of rows)
    for (const hazard of row.dispatch.hazards) {
      const mark = noPenaltyMarkOf(hazard);
      if (mark.marked)
        marks.push({
          dispatchId: row.dispatch.id,
          expertName: row.expertName ?? '',
          description: hazard.description,
          visitedOn: row.dispatch.visitedOn,
          dueOn: hazard.dueOn,
          fixedOn: hazard.fixedOn,
          basis: mark.basis!,
          verified: mark.verified,
        });
    }
  return marks;
};
