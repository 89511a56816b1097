import type { z } from 'zod';
import {
  CREDIT_CLASSES,
  PUBLICATION_STATE_NAMES,
  REPAIR_STATUS_NAMES,
  WITHDRAWAL_GROUND_NAMES,
  WITHDRAWAL_WORKDAYS,
  addWorkdays,
  caseProcedureCatalog,
  mayApplyForRepair,
  mayWithdrawPublication,
  publicationDue,
  publicationState,
  redactPublicDecision,
  repairOpensOn,
  seededCalendar,
  type StatutoryCalendar,
} from '@inspecta/domain';
import { loadCalendar } from '../../../platform/calendar/calendar.ts';
import type { Db, Tx } from '../../../platform/db/client.ts';
import type { AppContext } from '../../../platform/http/context.ts';
import { shanghaiDate } from '../../../platform/http/dates.ts';
import { isUuid } from '../../../platform/http/paging.ts';
import {
  assertCan,
  assertMayUse,
  mayApplyForCreditRepair,
  type Actor,
} from '../../../platform/policy/policy.ts';
import { notFound, problem, refused } from '../../../platform/problems/problem.ts';
import { audit } from '../audit.ts';
import { findCaseById } from '../repository.ts';
import type {
  ZPublicPenaltyQuerySchema,
  ZRepairApplicationInputSchema,
  ZRepairDecisionSchema,
  ZWithdrawalInputSchema,
} from './model.ts';
import {
  findApplicationById,
  findPublicationById,
  findPublicationOfCase,
  insertRepairApplication,
  listApplicationsOf,
  listPublicationsOfEnterprise,
  listPublicPublications,
  listPublicWithdrawals,
  setRepaired,
  updatePublication,
  updateApplication,
  type PublicationRow,
  type RepairApplicationRow,
} from './repository.ts';

// Issue 15 item 10 (measure 22): the public reads published decisions (no login); the enterprise reads its own
// and applies for repair in its portal; the legal reviewer of the case's territory decides the application.

const CLASS_NAMES = Object.fromEntries(
  caseProcedureCatalog.creditRepair.classes.map((entry) => [entry.class, entry.name]),
) as Record<(typeof CREDIT_CLASSES)[number], string>;

// the fields the Guangdong 公示办法 第十三条 names, and nothing else, with a natural person's name masked and
// identity and telephone numbers removed (measure 29, redactPublicDecision); and whether it was published within
// the 7 workdays of 第二十一条 (catalog/disclosure.json), counted on the statutory calendar
export const toPublicDecision = (row: PublicationRow, calendar: StatutoryCalendar = seededCalendar) => {
  const due = publicationDue('penalty_decision_publication', row.decidedOn, { calendar });
  const publishDue = due.ok ? due.due : null;
  return {
    id: row.id,
    documentNumber: row.documentNumber,
    ...redactPublicDecision({
      caseName: row.caseName,
      partyType: row.partyType,
      partyName: row.partyName,
      facts: row.facts,
      basis: row.basis,
      decision: row.decision,
    }),
    authority: row.authority,
    decidedOn: row.decidedOn,
    publishedOn: row.publishedOn,
    publicUntil: row.maxUntil,
    publishDue,
    publishedLate: publishDue !== null && row.publishedOn > publishDue,
  };
};

const toApplication = (row: RepairApplicationRow) => ({
  id: row.id,
  status: row.status,
  statusName: REPAIR_STATUS_NAMES[row.status],
  pledge: row.pledge,
  fulfilment: row.fulfilment,
  appliedAt: row.appliedAt.toISOString(),
  appliedByName: row.appliedByName,
  dueOn: row.dueOn,
  decidedAt: row.decidedAt?.toISOString() ?? null,
  decidedByName: row.decidedByName,
  decisionNote: row.decisionNote,
});

// The publication as its enterprise and the bureau see it: its state, when repair opens, and the applications.
// 第四十八条第二款 "公开说明理由": what the public reads of a withdrawal (the decision itself is no longer shown)
const toPublicWithdrawal = (row: PublicationRow) => ({
  id: row.id,
  documentNumber: row.documentNumber,
  authority: row.authority,
  withdrawnOn: row.withdrawnOn!,
  groundName: row.withdrawalGround ? WITHDRAWAL_GROUND_NAMES[row.withdrawalGround] : '',
  reason: row.withdrawalReason ?? '',
  // 第四十八条第二款 / 公示办法 第二十四条: the day the decision was varied or revoked, and the 3 workdays after it
  groundOn: row.withdrawalGroundOn,
  due: row.withdrawalDue,
  late: Boolean(row.withdrawalDue && row.withdrawnOn! > row.withdrawalDue),
});

const toPublicationView = async (db: Db | Tx, row: PublicationRow, today: string, dutiesMet: boolean) => {
  const applications = await listApplicationsOf(db, row.id);
  const calendar = await loadCalendar(db);
  const state = publicationState(row, today);
  const verdict = mayApplyForRepair({
    state,
    minUntil: row.minUntil,
    today,
    dutiesMet,
    pendingApplication: applications.some((application) => application.status === 'pending'),
  });
  return {
    ...toPublicDecision(row, calendar),
    caseId: row.caseId,
    state,
    stateName: PUBLICATION_STATE_NAMES[state],
    creditClass: row.creditClass,
    creditClassName: CLASS_NAMES[row.creditClass],
    minUntil: row.minUntil,
    repairOpensOn: repairOpensOn(row),
    repairedOn: row.repairedOn,
    mayApply: verdict.ok,
    whyNot: verdict.ok ? null : verdict.message,
    applications: applications.map(toApplication),
    withdrawal: row.withdrawnOn ? { ...toPublicWithdrawal(row), byName: row.withdrawnByName } : null,
  };
};
export type PublicationView = Awaited<ReturnType<typeof toPublicationView>>;

export const listPublicDecisions = async (
  ctx: AppContext,
  query: z.infer<typeof ZPublicPenaltyQuerySchema>,
) => {
  const calendar = await loadCalendar(ctx.db);
  const rows = await listPublicPublications(ctx.db, {
    today: shanghaiDate(ctx.clock.now()),
    territory: query.territory,
    limit: query.pageSize,
    offset: (query.page - 1) * query.pageSize,
  });
  const withdrawals =
    query.page === 1
      ? await listPublicWithdrawals(ctx.db, {
          today: shanghaiDate(ctx.clock.now()),
          territory: query.territory,
        })
      : [];
  return {
    items: rows.map((row) => toPublicDecision(row, calendar)),
    withdrawals: withdrawals.map(toPublicWithdrawal),
    page: query.page,
    pageSize: query.pageSize,
  };
};

// the case's publication for the staff who read the case (its detail page)
export const publicationOfCase = async (
  db: Db | Tx,
  caseRow: { id: string; status: string },
  today: string,
) => {
  const row = await findPublicationOfCase(db, caseRow.id);
  return row ? toPublicationView(db, row, today, caseRow.status === 'closed') : null;
};

export const listOwnPublications = async (ctx: AppContext, actor: Actor) => {
  if (!actor.enterpriseId || !mayApplyForCreditRepair(actor, actor.enterpriseId)) throw notFound('企业');
  const today = shanghaiDate(ctx.clock.now());
  const rows = await listPublicationsOfEnterprise(ctx.db, actor.enterpriseId);
  return {
    items: await Promise.all(
      rows.map(async (row) => {
        const caseRow = await findCaseById(ctx.db, row.caseId);
        return toPublicationView(ctx.db, row, today, caseRow?.status === 'closed');
      }),
    ),
  };
};

export const applyForRepair = async (
  ctx: AppContext,
  actor: Actor,
  publicationId: string,
  body: z.infer<typeof ZRepairApplicationInputSchema>,
) => {
  const now = ctx.clock.now();
  const today = shanghaiDate(now);
  return ctx.db.transaction(async (tx) => {
    if (!isUuid(publicationId)) throw notFound('公示信息');
    const publication = await findPublicationById(tx, publicationId, true);
    // another enterprise's publication is not found, like a missing one
    if (!publication?.enterpriseId || !mayApplyForCreditRepair(actor, publication.enterpriseId))
      throw notFound('公示信息');
    const caseRow = await findCaseById(tx, publication.caseId);
    const applications = await listApplicationsOf(tx, publication.id);
    const verdict = mayApplyForRepair({
      state: publicationState(publication, today),
      minUntil: publication.minUntil,
      today,
      dutiesMet: caseRow?.status === 'closed',
      pendingApplication: applications.some((application) => application.status === 'pending'),
    });
    if (!verdict.ok) throw refused(verdict);
    const due = addWorkdays(
      today,
      caseProcedureCatalog.creditRepair.decisionWorkdays,
      await loadCalendar(tx),
    );
    // a fixed whole number of days from the server's own today: the calendar cannot refuse it
    if (!due.ok) throw new Error(due.message);
    const application = await insertRepairApplication(tx, {
      publicationId: publication.id,
      caseId: publication.caseId,
      territory: publication.territory,
      status: 'pending',
      pledge: body.pledge,
      fulfilment: body.fulfilment,
      appliedAt: now,
      appliedByName: actor.displayName,
      dueOn: due.value,
    });
    await audit(
      tx,
      actor,
      { id: publication.caseId, territory: publication.territory },
      'penalty_case.repair.applied',
      { applicationId: application.id, publicationId: publication.id, dueOn: due.value },
      now,
    );
    return toApplication(application);
  });
};

export const decideRepair = async (
  ctx: AppContext,
  actor: Actor,
  applicationId: string,
  body: z.infer<typeof ZRepairDecisionSchema>,
) => {
  const now = ctx.clock.now();
  assertMayUse(actor, 'penalty_case', 'approve');
  return ctx.db.transaction(async (tx) => {
    if (!isUuid(applicationId)) throw notFound('信用修复申请');
    const application = await findApplicationById(tx, applicationId);
    const caseRow = application ? await findCaseById(tx, application.caseId) : undefined;
    if (!application || !caseRow) throw notFound('信用修复申请');
    // 谁认定、谁修复: the legal reviewer of the bureau that decided the case
    assertCan(actor, 'penalty_case', 'approve', caseRow, '信用修复申请');
    if (application.status !== 'pending') throw problem('CREDIT_REPAIR_DECIDED');
    await updateApplication(tx, application.id, {
      status: body.approve ? 'approved' : 'rejected',
      decidedAt: now,
      decidedByName: actor.displayName,
      decisionNote: body.note?.trim() || null,
    });
    if (body.approve) await setRepaired(tx, application.publicationId, shanghaiDate(now));
    await audit(
      tx,
      actor,
      caseRow,
      'penalty_case.repair.decided',
      { applicationId: application.id, approve: body.approve, note: body.note?.trim() || null },
      now,
    );
    const publication = await findPublicationById(tx, application.publicationId);
    return toPublicationView(tx, publication!, shanghaiDate(now), caseRow.status === 'closed');
  });
};

// 行政处罚法 第四十八条第二款: the legal reviewer of the case's bureau records that the decision was varied, revoked,
// held unlawful or void; the publication is withdrawn at once, the reason made public, and a withdrawal later than
// three workdays after the ground is marked late.
export const withdrawPublication = async (
  ctx: AppContext,
  actor: Actor,
  caseId: string,
  body: z.infer<typeof ZWithdrawalInputSchema>,
) => {
  const now = ctx.clock.now();
  const today = shanghaiDate(now);
  assertMayUse(actor, 'penalty_case', 'approve');
  return ctx.db.transaction(async (tx) => {
    if (!isUuid(caseId)) throw notFound('案件');
    const caseRow = assertCan(actor, 'penalty_case', 'approve', await findCaseById(tx, caseId, true), '案件');
    const publication = await findPublicationOfCase(tx, caseRow.id, true);
    if (!publication) throw notFound('公示信息');
    await withdrawInTx(tx, ctx, actor, caseRow, publication, body);
    const updated = await findPublicationById(tx, publication.id);
    return toPublicationView(tx, updated!, today, caseRow.status === 'closed');
  });
};

const withdrawInTx = async (
  tx: Tx,
  ctx: AppContext,
  actor: Actor,
  caseRow: { id: string; territory: string },
  publication: PublicationRow,
  body: z.infer<typeof ZWithdrawalInputSchema>,
) => {
  const now = ctx.clock.now();
  const today = shanghaiDate(now);
  const verdict = mayWithdrawPublication({
    withdrawnOn: publication.withdrawnOn,
    groundOn: body.groundOn,
    publishedOn: publication.publishedOn,
    today,
  });
  if (!verdict.ok) throw refused(verdict);
  const due = addWorkdays(body.groundOn, WITHDRAWAL_WORKDAYS, await loadCalendar(tx));
  if (!due.ok) throw new Error(due.message);
  await updatePublication(tx, publication.id, {
    withdrawnOn: today,
    withdrawalGround: body.ground,
    withdrawalGroundOn: body.groundOn,
    withdrawalDue: due.value,
    withdrawalReason: body.reason,
    withdrawnByName: actor.displayName,
  });
  await audit(
    tx,
    actor,
    caseRow,
    'penalty_case.publication.retracted',
    { publicationId: publication.id, ground: body.ground, groundOn: body.groundOn, due: due.value },
    now,
  );
};

// measure 30: an approved accountability record that revokes or varies a penalty decision withdraws its
// publication the same way, inside the approval's transaction (the approver is the bureau head who, as 行政机关负责人,
// decided it: penalty_decision:approve). No publication, or one already withdrawn or ended: nothing to do.
export const withdrawPublicationOnCorrection = async (
  tx: Tx,
  ctx: AppContext,
  actor: Actor,
  caseId: string,
  body: z.infer<typeof ZWithdrawalInputSchema>,
): Promise<{ withdrawn: boolean }> => {
  const caseRow = await findCaseById(tx, caseId, true);
  if (!caseRow) throw notFound('案件');
  const publication = await findPublicationOfCase(tx, caseRow.id, true);
  if (!publication || publication.withdrawnOn) return { withdrawn: false };
  await withdrawInTx(tx, ctx, actor, caseRow, publication, body);
  return { withdrawn: true };
};

// the case as another module names it: its reference, enterprise, territory and status
export const caseSummary = async (db: Db | Tx, caseId: string) => {
  const row = await findCaseById(db, caseId);
  return row
    ? {
        id: row.id,
        territory: row.territory,
        reference: row.reference,
        enterpriseName: row.enterpriseName,
        status: row.status,
      }
    : undefined;
};
