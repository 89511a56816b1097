import type { z } from 'zod';
import {
  continuousPenalty,
  firmnessCatalog,
  mayProposeClosureOnFacts,
  mayRecordClosureProposal,
  violationByCode,
  type ClosureFacts,
} from '@inspecta/domain';
import type { Tx } from '../../../platform/db/client.ts';
import type { AppContext } from '../../../platform/http/context.ts';
import { shanghaiDate } from '../../../platform/http/dates.ts';
import { assertCan, assertMayUse, type Actor } from '../../../platform/policy/policy.ts';
import { problem, refused } from '../../../platform/problems/problem.ts';
import { lockCase } from '../access.ts';
import { audit } from '../audit.ts';
import { insertCase, insertEvidence, nextCaseNumber, type CaseRow } from '../repository.ts';
import { toDetail } from '../service.ts';
import type { ZClosureOnFactsSchema, ZClosureProposalSentSchema, ZCorrectionRefusalSchema } from './model.ts';
import {
  findClosureProposalOfCase,
  findContinuousPenaltyOfCase,
  insertClosureProposal,
  setFollowUpCase,
  upsertContinuousPenalty,
} from './repository.ts';
import { closureOf, continuousPenaltyBlock } from './view.ts';

// Issue 15 item 6 (measure 15). 安全生产法 第一百一十二条: an officer of the case's territory records the re-check
// that found the enterprise refusing to correct; the platform computes the daily continuous penalty and, on the
// officer's word, opens one follow-up case (source continuous_penalty) prefilled with the violation, the re-check
// as evidence and, once the proposal is drafted, the computed amount; it then goes through the normal review.
// 第一百一十三条: the bureau head records that the closure proposal went to the local government. Each step is
// audited in its transaction.

// the largest fine a case records (ZCaseActionSchema's decide)
const MAX_CASE_FEN = 2_000_000_000;

export const recordCorrectionRefusal = async (
  ctx: AppContext,
  actor: Actor,
  caseId: string,
  body: z.infer<typeof ZCorrectionRefusalSchema>,
) => {
  const now = ctx.clock.now();
  const today = shanghaiDate(now);
  return ctx.db.transaction(async (tx) => {
    const row = await lockCase(tx, actor, caseId, 'update');
    const block = continuousPenaltyBlock(row);
    if (block) throw problem('CONTINUOUS_PENALTY_NOT_DECIDED', { detail: block });
    if (body.refusalFoundOn > today) throw problem('FIRMNESS_FUTURE_DATE');
    const existing = await findContinuousPenaltyOfCase(tx, row.id, true);
    if (existing?.followUpCaseId) throw problem('CONTINUOUS_PENALTY_FOLLOW_UP_OPENED');
    const computed = continuousPenalty({
      fineFen: row.decisionTier === 'no_penalty' ? null : row.decisionAmountFen,
      orderedToCorrectOn: body.orderedToCorrectOn,
      refusedToCorrect: true,
      countedUntil: body.refusalFoundOn,
    });
    if (!computed.ok) throw refused(computed);
    await upsertContinuousPenalty(tx, {
      caseId: row.id,
      territory: row.territory,
      orderedToCorrectOn: body.orderedToCorrectOn,
      orderNote: body.orderNote,
      refusalFoundOn: body.refusalFoundOn,
      evidenceNote: body.evidenceNote,
      days: computed.days,
      perDayFen: computed.perDayFen,
      amountFen: computed.amountFen,
      recordedBy: actor.id,
      recordedByName: actor.displayName,
      recordedAt: now,
    });
    await audit(
      tx,
      actor,
      row,
      'penalty_case.correction_refusal.recorded',
      {
        orderedToCorrectOn: body.orderedToCorrectOn,
        refusalFoundOn: body.refusalFoundOn,
        days: computed.days,
        amountFen: computed.amountFen,
        evidenceNote: body.evidenceNote,
      },
      now,
    );
    return toDetail(ctx, tx, row);
  });
};

const yuan = (fen: number) => (fen / 100).toLocaleString('zh-CN', { maximumFractionDigits: 2 });

export const openFollowUpCase = async (ctx: AppContext, actor: Actor, caseId: string) => {
  const now = ctx.clock.now();
  const today = shanghaiDate(now);
  assertMayUse(actor, 'penalty_case', 'create');
  return ctx.db.transaction(async (tx) => {
    // 立案 is the legal reviewer's or the unit head's (policy), in the original case's territory
    const row = await lockCase(tx, actor, caseId, 'read');
    assertCan(actor, 'penalty_case', 'create', row, '案件');
    const record = await findContinuousPenaltyOfCase(tx, row.id, true);
    if (!record) throw problem('CONTINUOUS_PENALTY_NOT_RECORDED');
    // once, not twice
    if (record.followUpCaseId) throw problem('CASE_ALREADY_OPENED');
    if (record.amountFen > MAX_CASE_FEN) throw problem('CONTINUOUS_PENALTY_TOO_LARGE');
    const year = Number(today.slice(0, 4));
    const reference = `${year}-${String(await nextCaseNumber(tx, row.territory, year)).padStart(4, '0')}`;
    const rule = firmnessCatalog.continuousPenalty;
    const circumstances = row.majorHiddenDanger
      ? (['major_hidden_danger', 'refused_to_correct'] as const)
      : (['refused_to_correct'] as const);
    const followUp = await insertCase(tx, {
      territory: row.territory,
      reference,
      source: 'continuous_penalty',
      caseReferralId: null,
      rectificationOrderId: null,
      inspectionId: row.inspectionId,
      enterpriseId: row.enterpriseId,
      enterpriseName: row.enterpriseName,
      summary: `拒不改正，按日连续处罚（原案 ${row.reference}）：原处罚数额 ${yuan(record.perDayFen)} 元 × ${record.days} 日`,
      status: 'investigating',
      violationCode: rule.violationCode,
      committedOn: record.refusalFoundOn,
      foundBy: 'inspection',
      circumstances: [...circumstances],
      majorHiddenDanger: row.majorHiddenDanger,
      openedOn: today,
      openedByName: actor.displayName,
      createdAt: now,
      updatedAt: now,
    });
    const evidence = await insertEvidence(tx, {
      caseId: followUp.id,
      territory: followUp.territory,
      kind: 'record',
      description: `复查记录（${record.refusalFoundOn}，原案 ${row.reference}）：${record.evidenceNote}；责令改正：${record.orderedToCorrectOn} ${record.orderNote}`,
      // the officer who recorded the re-check in the original case
      recordedByName: record.recordedByName,
      recordedAt: now,
    });
    await setFollowUpCase(tx, record.id, {
      followUpCaseId: followUp.id,
      followUpOpenedByName: actor.displayName,
      followUpOpenedAt: now,
    });
    await audit(
      tx,
      actor,
      followUp,
      'penalty_case.opened',
      { reference, source: 'continuous_penalty', caseReferralId: null, rectificationOrderId: null },
      now,
    );
    await audit(
      tx,
      actor,
      followUp,
      'penalty_case.evidence.recorded',
      { evidenceId: evidence.id, kind: evidence.kind, description: evidence.description },
      now,
    );
    await audit(
      tx,
      actor,
      row,
      'penalty_case.follow_up_case.opened',
      { followUpCaseId: followUp.id, reference, days: record.days, amountFen: record.amountFen },
      now,
    );
    return toDetail(ctx, tx, followUp);
  });
};

// One 第一百一十三条 proposal recorded as sent: stored once per case and item, and audited in the same
// transaction; items (二) to (四) keep the facts the head recorded beside it.
const storeClosureProposal = async (
  tx: Tx,
  actor: Actor,
  row: CaseRow,
  now: Date,
  sent: { item: number; sentOn: string; documentNote: string; penaltyCaseIds: string[] },
  onFacts?: { stored: Record<string, unknown>; summary: string },
) => {
  const inserted = await insertClosureProposal(tx, {
    caseId: row.id,
    territory: row.territory,
    enterpriseId: row.enterpriseId,
    ...sent,
    ...(onFacts ? { facts: onFacts.stored } : {}),
    recordedByName: actor.displayName,
    recordedAt: now,
  });
  if (!inserted) throw problem('CLOSURE_PROPOSAL_RECORDED');
  await audit(
    tx,
    actor,
    row,
    'penalty_case.closure_proposal.sent',
    { ...sent, ...(onFacts ? { facts: onFacts.summary } : {}) },
    now,
  );
};

export const recordClosureProposalSent = async (
  ctx: AppContext,
  actor: Actor,
  caseId: string,
  body: z.infer<typeof ZClosureProposalSentSchema>,
) => {
  const now = ctx.clock.now();
  const today = shanghaiDate(now);
  return ctx.db.transaction(async (tx) => {
    const row = await lockCase(tx, actor, caseId, 'read');
    // the bureau's head records what the bureau sent to the local government
    assertCan(actor, 'penalty_decision', 'approve', row, '案件');
    if (await findClosureProposalOfCase(tx, row.id)) throw problem('CLOSURE_PROPOSAL_RECORDED');
    if (body.sentOn > today) throw problem('FIRMNESS_FUTURE_DATE');
    const { proposal } = await closureOf(tx, row);
    const verdict = mayRecordClosureProposal(proposal, body.sentOn);
    if (!verdict.ok) throw refused(verdict);
    await storeClosureProposal(tx, actor, row, now, {
      item: proposal!.item,
      sentOn: body.sentOn,
      documentNote: body.documentNote,
      penaltyCaseIds: proposal!.caseIds,
    });
    return toDetail(ctx, tx, row);
  });
};

// 第一百一十三条第一款第（二）至（四）项: the head records a proposal on the facts the item names. A referenced
// 停产停业整顿 case passes the policy (the head's territory) and is checked against the platform's records; the
// rest is the head's written word, kept with the proposal and in the audit event.
export const recordClosureOnFacts = async (
  ctx: AppContext,
  actor: Actor,
  caseId: string,
  body: z.infer<typeof ZClosureOnFactsSchema>,
) => {
  const now = ctx.clock.now();
  const today = shanghaiDate(now);
  return ctx.db.transaction(async (tx) => {
    const row = await lockCase(tx, actor, caseId, 'read');
    assertCan(actor, 'penalty_decision', 'approve', row, '案件');
    if (!row.enterpriseId) throw problem('CLOSURE_NO_ENTERPRISE');
    const future = [
      body.sentOn,
      body.item === 2 ? body.reinspectedOn : body.item === 3 ? body.accidentOn : body.refusalFoundOn,
      ...(body.item === 3 ? [] : [body.suspension.decidedOn]),
    ];
    if (future.some((day) => day > today)) throw problem('FIRMNESS_FUTURE_DATE');
    if (await findClosureProposalOfCase(tx, row.id, body.item)) throw problem('CLOSURE_PROPOSAL_RECORDED');
    const suspensionOf = async (reference: {
      caseId?: string | undefined;
      documentNumber: string;
      decidedOn: string;
    }) => {
      if (!reference.caseId) return { ...reference, onRecord: null };
      const referenced = await lockCase(tx, actor, reference.caseId, 'read');
      return {
        documentNumber: reference.documentNumber,
        decidedOn: reference.decidedOn,
        onRecord: {
          caseId: referenced.id,
          reference: referenced.reference,
          sameEnterprise: referenced.enterpriseId === row.enterpriseId,
          decidedOn: referenced.decidedOn,
          penalised: referenced.decisionTier !== null && referenced.decisionTier !== 'no_penalty',
          lawProvidesSuspension: Boolean(
            referenced.violationCode &&
            violationByCode(referenced.violationCode)?.penalties.some((penalty) =>
              penalty.sanctions.includes('suspend'),
            ),
          ),
        },
      };
    };
    const facts: ClosureFacts =
      body.item === 2
        ? {
            item: 2,
            suspension: await suspensionOf(body.suspension),
            reinspectedOn: body.reinspectedOn,
            finding: body.finding,
          }
        : body.item === 3
          ? {
              item: 3,
              accidentOn: body.accidentOn,
              accidentGrade: body.accidentGrade,
              accident: body.accident,
              conditionsLacking: body.conditionsLacking,
            }
          : {
              item: 4,
              suspension: await suspensionOf(body.suspension),
              refusalFoundOn: body.refusalFoundOn,
              refusal: body.refusal,
            };
    const verdict = mayProposeClosureOnFacts(facts, body.sentOn);
    if (!verdict.ok) throw refused(verdict);
    const { proposal } = verdict;
    const stored = { ...facts, summary: proposal.summary, suspension: proposal.suspension };
    await storeClosureProposal(
      tx,
      actor,
      row,
      now,
      {
        item: proposal.item,
        sentOn: body.sentOn,
        documentNote: body.documentNote,
        penaltyCaseIds: proposal.suspension?.caseId ? [proposal.suspension.caseId] : [],
      },
      { stored, summary: proposal.summary },
    );
    return toDetail(ctx, tx, row);
  });
};
