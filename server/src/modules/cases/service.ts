import type { z } from 'zod';
import {
  CASE_SOURCE_NAMES,
  CASE_STATUS_NAMES,
  OBSERVATION_BASIS,
  OBSERVATION_OUTCOME_NAMES,
  RELEASE_GROUND_NAMES,
  SEIZURE_APPROVAL_LAW,
  SEIZURE_BASIS_LAW,
  SEIZURE_KIND_NAMES,
  SEIZURE_PERIOD_LAW,
  SEIZURE_TESTING_LAW,
  TESTING_KIND_NAMES,
  testingDays,
  SEIZURE_SCOPE_LAW,
  SEIZURE_STATUS_NAMES,
  TIER_NAMES,
  caseProcedureCatalog,
  caseTransition,
  casePeriods,
  mayRecordObservation,
  observationFollowUp,
  periodWarnings,
  proposeDiscretion,
  seizureWarning,
  seriousDishonestyProposal,
  violationByCode,
  type CaseFacts,
} from '@inspecta/domain';
import type { AppContext } from '../../platform/http/context.ts';
import { isUuid } from '../../platform/http/paging.ts';
import { shanghaiDate } from '../../platform/http/dates.ts';
import { loadCalendar } from '../../platform/calendar/calendar.ts';
import type { Db, Tx } from '../../platform/db/client.ts';
import { scopeCondition } from '../../platform/db/scope.ts';
import { assertCan, assertMayUse, type Actor } from '../../platform/policy/policy.ts';
import { notFound, problem, refused } from '../../platform/problems/problem.ts';
import { overdueOrderForCase, settleReferralWithCase, type CaseOrigin } from '../inspections/index.ts';
import { expertNoPenaltyMarks } from '../experts/index.ts';
import type {
  TCaseDetail,
  TCaseSummary,
  TConsistency,
  ZCaseActionSchema,
  ZCaseFactsSchema,
  ZCaseListQuerySchema,
  ZEvidenceInputSchema,
  ZObservationOutcomeSchema,
  ZOpenCaseSchema,
} from './model.ts';
import {
  countEvidenceOf,
  countOpenSeizuresOf,
  decisionDistribution,
  findCaseById,
  findCaseByOrder,
  findCaseByReferral,
  findCaseByReport,
  findEvidenceOf,
  findSeizuresOf,
  insertCase,
  insertEvidence,
  listCaseRows,
  nextCaseNumber,
  updateCase,
  type CaseRow,
  type SeizureRow,
} from './repository.ts';
import { penaltyCases } from './schema.ts';
import { audit } from './audit.ts';
import { periodsOf, procedureFacts, sanctionsOf } from './case-facts.ts';
import { lockCase } from './access.ts';
import { publishDecision } from './credit/publish.ts';
import { issueServedDocuments } from './documents/service.ts';
import { publicationOfCase } from './credit/service.ts';
import { listingOfCase } from './credit/listing-view.ts';
import { countOpenSupplySuspensions, supplySuspensionDetail } from './supply-suspension-view.ts';
import { closingFacts, performanceView } from './performance/view.ts';
import { tierEditsOf } from './discretion-tiers/service.ts';
import { firmnessDetail } from './firmness/view.ts';
import { continuousPenaltyProposal } from './firmness/proposal.ts';

export { audit };
export { lockCase, procedureFacts, sanctionsOf };

// issue 15: the penalty case, from 立案 to 结案. Every state change is audited in its own transaction.

const toSummary = (row: CaseRow): TCaseSummary => ({
  id: row.id,
  reference: row.reference,
  territory: row.territory,
  source: row.source,
  sourceName: CASE_SOURCE_NAMES[row.source],
  enterpriseName: row.enterpriseName,
  summary: row.summary,
  status: row.status,
  statusName: CASE_STATUS_NAMES[row.status],
  violationCode: row.violationCode,
  proposalTier: row.proposalTier,
  openedOn: row.openedOn,
  inspectionId: row.inspectionId,
  caseReferralId: row.caseReferralId,
  reportId: row.reportId,
  originReference: row.originReference,
  observationFollowUpOn: row.observationFollowUpOn,
});

const consistencyOf = async (db: Db | Tx, row: CaseRow): Promise<TConsistency[]> => {
  const tier = row.decisionTier ?? row.proposalTier;
  const amount = row.decisionAmountFen ?? row.proposalAmountFen;
  if (!row.violationCode || !tier || tier === 'no_penalty') return [];
  const scopes = [
    { scope: 'territory' as const, prefix: row.territory },
    { scope: 'city' as const, prefix: row.territory.slice(0, 4) },
  ];
  return Promise.all(
    scopes.map(async ({ scope, prefix }) => {
      const d = await decisionDistribution(db, {
        violationCode: row.violationCode!,
        tier,
        territoryPrefix: prefix,
        excludeId: row.id,
      });
      // measure 18: flagged for the reviewer when the amount lies outside the middle half of at least 5 similar cases
      const outlier =
        d.count >= 5 &&
        amount !== null &&
        d.p25Fen !== null &&
        d.p75Fen !== null &&
        (amount < d.p25Fen || amount > d.p75Fen);
      return { scope, ...d, outlier };
    }),
  );
};

const seizureView = (seizure: SeizureRow, today: string): TCaseDetail['seizures'][number] => ({
  id: seizure.id,
  kind: seizure.kind,
  kindName: SEIZURE_KIND_NAMES[seizure.kind],
  items: seizure.items,
  reason: seizure.reason,
  status: seizure.status,
  statusName: SEIZURE_STATUS_NAMES[seizure.status],
  draftedByName: seizure.draftedByName,
  decidedByName: seizure.decidedByName,
  decisionNote: seizure.decisionNote,
  startedOn: seizure.startedOn,
  dueOn: seizure.dueOn,
  limitDays: caseProcedureCatalog.seizure.limitDays,
  extensionDays: seizure.extensionDays,
  extensionMaxDays: caseProcedureCatalog.seizure.extensionMaxDays,
  extension:
    seizure.extensionRequestedDays !== null && seizure.extensionRequestedByName
      ? {
          days: seizure.extensionRequestedDays,
          reason: seizure.extensionReason ?? '',
          requestedByName: seizure.extensionRequestedByName,
          decidedByName: seizure.extensionDecidedByName,
          decisionNote: seizure.extensionDecisionNote,
        }
      : null,
  release:
    seizure.releasedOn && seizure.releaseGround
      ? {
          on: seizure.releasedOn,
          ground: seizure.releaseGround,
          groundName: RELEASE_GROUND_NAMES[seizure.releaseGround],
          note: seizure.releaseNote ?? '',
          byName: seizure.releasedByName ?? '',
        }
      : null,
  testingPeriods: seizure.testingPeriods.map((period) => ({
    ...period,
    kindName: TESTING_KIND_NAMES[period.kind],
    days: seizure.startedOn ? testingDays(seizure.startedOn, [period]) : 0,
  })),
  testingDays: seizure.startedOn ? testingDays(seizure.startedOn, seizure.testingPeriods) : 0,
  warning: seizureWarning(seizure, today),
  periodSource: caseProcedureCatalog.seizure.source,
  periodVerified: caseProcedureCatalog.seizure.verified,
});

export const toDetail = async (ctx: AppContext, db: Db | Tx, row: CaseRow): Promise<TCaseDetail> => {
  const violation = row.violationCode ? violationByCode(row.violationCode) : undefined;
  const periods = await periodsOf(db, row);
  const performance = await performanceView(db, row, shanghaiDate(ctx.clock.now()));
  // a period whose step is done is not warned about
  const done = new Set<string>([
    // 履行: the payment day is the performance block's once paid or rearranged
    ...(performance &&
    (performance.outstandingFen === 0 || performance.finalDueOn !== performance.standardDueOn)
      ? ['payment_due']
      : []),
    ...(row.decidedOn ? ['decision_due', 'hearing_request_due', 'defence_due'] : []),
    ...(row.servedOn ? ['service_due'] : []),
    ...(row.status === 'closed' ? periods.map((period) => period.code) : []),
  ]);
  const warnings = new Map(
    periodWarnings(
      periods.filter((period) => !done.has(period.code)),
      shanghaiDate(ctx.clock.now()),
    ).map((w) => [w.code, w.state]),
  );
  const evidence = await findEvidenceOf(db, row.id);
  const today = shanghaiDate(ctx.clock.now());
  return {
    ...toSummary(row),
    violation: violation
      ? {
          code: violation.code,
          violation: violation.violation,
          provision: violation.provision,
          source: violation.source,
          penaltyText: violation.penaltyText,
        }
      : null,
    committedOn: row.committedOn,
    foundBy: row.foundBy,
    circumstances: row.circumstances,
    majorHiddenDanger: row.majorHiddenDanger,
    criminalReferralSuspected: row.criminalReferralSuspected,
    criminalReferralNote: row.criminalReferralNote,
    proposal: row.proposal ?? null,
    proposalDraftedByName: row.proposalDraftedByName,
    expertGuidanceMarks:
      row.majorHiddenDanger && row.enterpriseId ? await expertNoPenaltyMarks(db, row.enterpriseId) : [],
    reviewedByName: row.reviewedByName,
    reviewNote: row.reviewNote,
    decision: row.decisionTier
      ? {
          tier: row.decisionTier,
          tierName: TIER_NAMES[row.decisionTier],
          amountFen: row.decisionAmountFen,
          departureReason: row.departureReason,
          legalGround: row.legalGround,
          decidedByName: row.decidedByName,
          decidedOn: row.decidedOn,
          departsFromProposal:
            row.decisionTier !== row.proposalTier || row.decisionAmountFen !== row.proposalAmountFen,
        }
      : null,
    creditRepairNoticeServed: row.creditRepairNoticeServed,
    observation: row.observationFollowUpOn
      ? {
          followUpOn: row.observationFollowUpOn,
          days: caseProcedureCatalog.observation.days,
          basis: OBSERVATION_BASIS,
          outcome: row.observationOutcome,
          outcomeName: row.observationOutcome ? OBSERVATION_OUTCOME_NAMES[row.observationOutcome] : null,
          note: row.observationNote,
          recordedOn: row.observationRecordedOn,
          recordedByName: row.observationRecordedByName,
          due: !row.observationOutcome && shanghaiDate(ctx.clock.now()) >= row.observationFollowUpOn,
        }
      : null,
    dates: {
      openedOn: row.openedOn,
      notifiedOn: row.notifiedOn,
      hearingOn: row.hearingOn,
      decidedOn: row.decidedOn,
      servedOn: row.servedOn,
      closedOn: row.closedOn,
    },
    periods: periods.map((period) => ({ ...period, warning: warnings.get(period.code) ?? null })),
    evidence: evidence.map((item) => ({
      id: item.id,
      kind: item.kind,
      description: item.description,
      recordedByName: item.recordedByName,
      recordedAt: item.recordedAt.toISOString(),
    })),
    consistency: await consistencyOf(db, row),
    seizures: (await findSeizuresOf(db, row.id)).map((seizure) => seizureView(seizure, today)),
    seizureBasis: {
      law: SEIZURE_BASIS_LAW,
      scope: SEIZURE_SCOPE_LAW,
      approval: SEIZURE_APPROVAL_LAW,
      period: SEIZURE_PERIOD_LAW,
      testing: SEIZURE_TESTING_LAW,
    },
    publication: await publicationOfCase(db, row, today),
    ...(await supplySuspensionDetail(db, row)),
    ...(await firmnessDetail(db, row)),
    seriousDishonesty: seriousDishonestyProposal({
      violationCode: row.violationCode,
      tier: row.decisionTier ?? row.proposalTier,
    }),
    seriousDishonestyListing: await listingOfCase(db, row.id),
    ...procedureFacts(row),
    performance,
    closingGround: row.closingGround,
  };
};

export const listCases = async (
  ctx: AppContext,
  actor: Actor,
  query: z.infer<typeof ZCaseListQuerySchema>,
) => {
  assertMayUse(actor, 'penalty_case', 'read');
  const { rows, total } = await listCaseRows(
    ctx.db,
    {
      scope: scopeCondition(actor, 'penalty_case', { territory: penaltyCases.territory }),
      status: query.status,
      inspectionId: query.inspectionId,
      observationDueBy: query.observationDueBy,
      seizureDueBy: query.seizureDueBy,
    },
    query,
  );
  return {
    items: rows.map(toSummary),
    total,
    page: query.page,
    pageSize: query.pageSize,
    totalIsLowerBound: false,
  };
};

export const getCase = async (ctx: AppContext, actor: Actor, id: string): Promise<TCaseDetail> => {
  if (!isUuid(id)) throw notFound('案件');
  const row = assertCan(actor, 'penalty_case', 'read', await findCaseById(ctx.db, id), '案件');
  return toDetail(ctx, ctx.db, row);
};

export const openCase = async (
  ctx: AppContext,
  actor: Actor,
  body: z.infer<typeof ZOpenCaseSchema>,
): Promise<TCaseDetail> => {
  const now = ctx.clock.now();
  assertMayUse(actor, 'penalty_case', 'create');
  return ctx.db.transaction(async (tx) => {
    let origin: CaseOrigin;
    const numbered = caseNumbering(tx, now);
    if (body.source === 'case_referral') {
      if (await findCaseByReferral(tx, body.caseReferralId)) throw problem('CASE_ALREADY_OPENED');
      origin = await settleReferralWithCase(tx, actor, body.caseReferralId, numbered, now);
    } else {
      if (await findCaseByOrder(tx, body.rectificationOrderId)) throw problem('CASE_ALREADY_OPENED');
      origin = await overdueOrderForCase(tx, actor, body.rectificationOrderId);
      origin = { ...origin, reference: await numbered(origin.territory) };
    }
    const row = await insertOpenedCase(tx, actor, origin, now, {
      source: body.source,
      caseReferralId: body.source === 'case_referral' ? body.caseReferralId : null,
      rectificationOrderId: body.source === 'overdue_order' ? body.rectificationOrderId : null,
    });
    return toDetail(ctx, tx, row);
  });
};

// the case's own number in its bureau's year, recorded on the 移交立案审查 item it settles
const caseNumbering = (tx: Tx, now: Date) => {
  const year = Number(shanghaiDate(now).slice(0, 4));
  return async (territory: string) =>
    `${year}-${String(await nextCaseNumber(tx, territory, year)).padStart(4, '0')}`;
};

const insertOpenedCase = async (
  tx: Tx,
  actor: Actor,
  origin: Omit<CaseOrigin, 'inspectionId'> & { inspectionId: string | null },
  now: Date,
  link: {
    source: CaseRow['source'];
    caseReferralId?: string | null;
    rectificationOrderId?: string | null;
    reportId?: string | null;
    originReference?: string | null;
  },
) => {
  const reference = origin.reference;
  const row = await insertCase(tx, {
    territory: origin.territory,
    reference,
    source: link.source,
    caseReferralId: link.caseReferralId ?? null,
    rectificationOrderId: link.rectificationOrderId ?? null,
    reportId: link.reportId ?? null,
    originReference: link.originReference ?? null,
    inspectionId: origin.inspectionId,
    enterpriseId: origin.enterpriseId,
    enterpriseName: origin.enterpriseName,
    summary: origin.summary,
    status: 'investigating',
    foundBy: origin.foundBy,
    circumstances: origin.majorHiddenDanger ? ['major_hidden_danger'] : [],
    majorHiddenDanger: origin.majorHiddenDanger,
    openedOn: shanghaiDate(now),
    openedByName: actor.displayName,
    createdAt: now,
    updatedAt: now,
  });
  await audit(
    tx,
    actor,
    row,
    'penalty_case.opened',
    {
      reference,
      source: link.source,
      caseReferralId: row.caseReferralId,
      rectificationOrderId: row.rectificationOrderId,
      ...(row.reportId ? { reportId: row.reportId } : {}),
    },
    now,
  );
  return row;
};

// Issue 17 item 1: a case opened from a verified report, inside the reports module's transaction that locked the
// report and checked it. The case names the report by its receipt code; nothing of the reporter reaches it.
export type ReportCaseOrigin = Omit<CaseOrigin, 'reference' | 'inspectionId'> & {
  inspectionId: string | null;
  reportId: string;
  receiptCode: string;
};

export const openCaseFromReport = async (
  tx: Tx,
  ctx: AppContext,
  actor: Actor,
  origin: ReportCaseOrigin,
): Promise<{ id: string; reference: string }> => {
  const now = ctx.clock.now();
  assertMayUse(actor, 'penalty_case', 'create');
  // the officer opens cases in the report's bureau only
  assertCan(actor, 'penalty_case', 'create', { territory: origin.territory }, '举报');
  if (await findCaseByReport(tx, origin.reportId)) throw problem('CASE_ALREADY_OPENED');
  const reference = await caseNumbering(tx, now)(origin.territory);
  const row = await insertOpenedCase(tx, actor, { ...origin, reference }, now, {
    source: 'report',
    reportId: origin.reportId,
    originReference: `举报 ${origin.receiptCode}`,
  });
  return { id: row.id, reference: row.reference };
};

// Issue 17 item 1: the fine a case decided (fen), for the reward of the report it was opened from.
export const decidedFineOfCase = async (
  db: Db | Tx,
  caseId: string,
): Promise<{ reference: string; fineFen: number | null; decided: boolean } | undefined> => {
  const row = await findCaseById(db, caseId);
  if (!row) return undefined;
  const decided = row.decidedOn !== null;
  return { reference: row.reference, fineFen: decided ? row.decisionAmountFen : null, decided };
};

export const recordFacts = async (
  ctx: AppContext,
  actor: Actor,
  id: string,
  body: z.infer<typeof ZCaseFactsSchema>,
) => {
  const now = ctx.clock.now();
  return ctx.db.transaction(async (tx) => {
    const row = await lockCase(tx, actor, id, 'update');
    if (row.status !== 'investigating') throw problem('CASE_FACTS_LOCKED');
    if (!violationByCode(body.violationCode)) throw problem('CASE_UNKNOWN_VIOLATION');
    const circumstances = [...new Set(body.circumstances)].sort();
    const updated = await updateCase(tx, row.id, {
      violationCode: body.violationCode,
      committedOn: body.committedOn,
      circumstances,
      foundBy: body.foundBy,
      majorHiddenDanger: circumstances.includes('major_hidden_danger'),
      criminalReferralSuspected: body.criminalReferralSuspected,
      // the facts changed: the proposal drawn from the old ones no longer stands
      proposal: null,
      proposalTier: null,
      proposalAmountFen: null,
      proposalDraftedBy: null,
      proposalDraftedByName: null,
      updatedAt: now,
    });
    await audit(
      tx,
      actor,
      row,
      'penalty_case.facts.recorded',
      {
        violationCode: body.violationCode,
        committedOn: body.committedOn,
        circumstances,
        foundBy: body.foundBy,
      },
      now,
    );
    return toDetail(ctx, tx, updated);
  });
};

export const recordEvidence = async (
  ctx: AppContext,
  actor: Actor,
  id: string,
  body: z.infer<typeof ZEvidenceInputSchema>,
) => {
  const now = ctx.clock.now();
  return ctx.db.transaction(async (tx) => {
    const row = await lockCase(tx, actor, id, 'update');
    if (row.status !== 'investigating') throw problem('CASE_FACTS_LOCKED');
    const evidence = await insertEvidence(tx, {
      caseId: row.id,
      territory: row.territory,
      kind: body.kind,
      description: body.description,
      recordedByName: actor.displayName,
      recordedAt: now,
    });
    await audit(
      tx,
      actor,
      row,
      'penalty_case.evidence.recorded',
      { evidenceId: evidence.id, kind: body.kind, description: body.description },
      now,
    );
    return toDetail(ctx, tx, row);
  });
};

export const draftProposal = async (ctx: AppContext, actor: Actor, id: string) => {
  const now = ctx.clock.now();
  return ctx.db.transaction(async (tx) => {
    const row = await lockCase(tx, actor, id, 'update');
    if (row.status !== 'investigating') throw problem('CASE_FACTS_LOCKED');
    const violation = row.violationCode ? violationByCode(row.violationCode) : undefined;
    if (!violation || !row.committedOn) throw problem('CASE_NEEDS_FACTS');
    // issue 15 item 2: the city's tiers in force on the day the violation was committed
    const tierEdits = await tierEditsOf(tx, row.territory, violation.code);
    // measure 15: a follow-up case of 第一百一十二条 carries the computed daily continuous penalty
    const proposal = await continuousPenaltyProposal(
      tx,
      row,
      proposeDiscretion(
        {
          violation,
          circumstances: row.circumstances,
          foundBy: row.foundBy,
          onDate: shanghaiDate(now),
          tiersOn: row.committedOn,
        },
        { tierEdits },
      ),
    );
    const updated = await updateCase(tx, row.id, {
      proposal,
      proposalTier: proposal.tier,
      proposalAmountFen: proposal.amountFen,
      proposalDraftedBy: actor.id,
      proposalDraftedByName: actor.displayName,
      updatedAt: now,
    });
    await audit(
      tx,
      actor,
      row,
      'penalty_case.proposal.drafted',
      {
        tier: proposal.tier,
        amountFen: proposal.amountFen,
        unverified: proposal.unverified,
        catalogVersions: proposal.catalogVersions,
        tierRule: proposal.tierRule,
      },
      now,
    );
    return toDetail(ctx, tx, updated);
  });
};

export const actOnCase = async (
  ctx: AppContext,
  actor: Actor,
  id: string,
  body: z.infer<typeof ZCaseActionSchema>,
) => {
  const now = ctx.clock.now();
  const today = shanghaiDate(now);
  return ctx.db.transaction(async (tx) => {
    // who may take each step: officers move the file, the legal reviewer reviews, the bureau head decides
    const permission =
      body.action === 'approve_review' || body.action === 'return_for_investigation'
        ? 'approve'
        : body.action === 'decide' || body.action === 'record_discussion'
          ? 'read'
          : 'update';
    const row = await lockCase(tx, actor, id, permission);
    if (body.action === 'decide') assertCan(actor, 'penalty_decision', 'approve', row, '案件');
    if (body.action === 'record_discussion') assertCan(actor, 'penalty_decision', 'approve', row, '案件');
    const calendar = await loadCalendar(tx);
    const hearingDue = row.notifiedOn
      ? casePeriods({ notified: row.notifiedOn }, { calendar }).find(
          (period) => period.code === 'hearing_request_due',
        )?.due
      : undefined;
    // 履行: a fine closes once paid in full, applied to the court, or on a written ground
    const closing =
      body.action === 'close' ? await closingFacts(tx, row, today, body.closingGround) : undefined;
    const facts: CaseFacts = {
      status: row.status,
      evidenceCount: await countEvidenceOf(tx, row.id),
      proposal:
        row.proposalTier && row.proposal
          ? {
              tier: row.proposalTier,
              amountFen: row.proposalAmountFen,
              draftedBy: row.proposalDraftedBy ?? '',
              noPenaltyForbidden: row.proposal.noPenaltyForbiddenBy.length > 0,
            }
          : null,
      actor: actor.id,
      ...procedureFacts(row),
      hearingRequestOpen: hearingDue !== undefined && today <= hearingDue,
      ...(body.action === 'decide'
        ? {
            decision: {
              tier: body.tier,
              amountFen: body.amountFen,
              departureReason: body.departureReason,
              legalGround: body.legalGround,
            },
          }
        : {}),
      decided: row.decisionTier
        ? { tier: row.decisionTier, amountFen: row.decisionAmountFen, legalGround: row.legalGround }
        : undefined,
      ...(body.action === 'serve'
        ? { service: { withCreditRepairNotice: body.withCreditRepairNotice } }
        : {}),
      openSeizures: body.action === 'close' ? await countOpenSeizuresOf(tx, row.id) : 0,
      openSupplySuspensions: body.action === 'close' ? await countOpenSupplySuspensions(tx, row.id) : 0,
      ...(closing ? { finePerformance: closing.facts } : {}),
      criminalReferral: {
        suspected: row.criminalReferralSuspected,
        recorded:
          Boolean(row.criminalReferralNote?.trim()) ||
          Boolean(body.action === 'close' && body.criminalReferralNote?.trim()),
      },
    };
    const next = caseTransition(body.action, facts);
    if (!next.ok) throw refused(next);
    const set: Partial<typeof penaltyCases.$inferInsert> = { status: next.to, updatedAt: now };
    let note: string | null = null;
    switch (body.action) {
      case 'approve_review':
        set.reviewedByName = actor.displayName;
        set.reviewNote = body.note ?? null;
        note = body.note ?? null;
        break;
      case 'return_for_investigation':
      case 'record_discussion':
        note = body.note;
        break;
      case 'notify':
        set.notifiedOn = body.notifiedOn;
        break;
      case 'request_hearing':
        set.hearingOn = body.hearingOn;
        break;
      case 'decide':
        set.decisionTier = body.tier;
        set.decisionAmountFen = body.tier === 'no_penalty' ? null : body.amountFen;
        set.departureReason = body.departureReason?.trim() || null;
        set.legalGround = body.legalGround?.trim() || null;
        set.decidedByName = actor.displayName;
        set.decidedOn = today;
        // measure 14: 不予处罚 opens the observation period (catalogue `observation`, a placeholder length)
        set.observationFollowUpOn =
          observationFollowUp({ tier: body.tier, decidedOn: today })?.followUpOn ?? null;
        note = set.departureReason;
        break;
      case 'serve':
        set.servedOn = body.servedOn;
        // 两书同达: a penalty decision goes with its credit-repair notice; no notice for 不予处罚
        set.creditRepairNoticeServed = row.decisionTier !== 'no_penalty';
        break;
      case 'close':
        set.closedOn = today;
        if (body.criminalReferralNote?.trim()) set.criminalReferralNote = body.criminalReferralNote.trim();
        set.closingGround = closing?.ground ?? null;
        break;
      default:
        break;
    }
    const updated = await updateCase(tx, row.id, set);
    await audit(
      tx,
      actor,
      row,
      'penalty_case.transitioned',
      {
        action: body.action,
        from: row.status,
        to: next.to,
        note,
        ...(body.action === 'decide' ? { tier: body.tier, amountFen: set.decisionAmountFen ?? null } : {}),
        ...(body.action === 'serve' ? { creditRepairNoticeServed: set.creditRepairNoticeServed } : {}),
        ...(body.action === 'close' ? { closingGround: set.closingGround ?? null } : {}),
      },
      now,
    );
    if (body.action === 'serve') {
      // 两书同达: the decision and its credit-repair notice are the numbered documents this event serves
      await issueServedDocuments(tx, actor, updated, now);
      // measure 22: a served penalty decision is published, without personal data
      await publishDecision(tx, actor, updated, body.servedOn, now);
    }
    return toDetail(ctx, tx, updated);
  });
};

// Measure 14: what the officer found when he went back after the observation period (or a re-offence found
// before it ends), once; an officer or unit head of the case's territory records it.
export const recordObservation = async (
  ctx: AppContext,
  actor: Actor,
  id: string,
  body: z.infer<typeof ZObservationOutcomeSchema>,
) => {
  const now = ctx.clock.now();
  const today = shanghaiDate(now);
  return ctx.db.transaction(async (tx) => {
    const row = await lockCase(tx, actor, id, 'update');
    if (!row.observationFollowUpOn) throw problem('OBSERVATION_NONE');
    const verdict = mayRecordObservation(
      { followUpOn: row.observationFollowUpOn, outcome: row.observationOutcome },
      body.outcome,
      today,
    );
    if (!verdict.ok) throw refused(verdict);
    const updated = await updateCase(tx, row.id, {
      observationOutcome: body.outcome,
      observationNote: body.note,
      observationRecordedOn: today,
      observationRecordedByName: actor.displayName,
      updatedAt: now,
    });
    await audit(
      tx,
      actor,
      row,
      'penalty_case.observation.recorded',
      { outcome: body.outcome, note: body.note, followUpOn: row.observationFollowUpOn },
      now,
    );
    return toDetail(ctx, tx, updated);
  });
};
