import type { z } from 'zod';
import {
  mayApplyForArrangement,
  mayApplyToCourt,
  mayDecideArrangement,
  mayRecordPayment,
  mayRecordReminder,
} from '@inspecta/domain';
import type { Tx } from '../../../platform/db/client.ts';
import type { AppContext } from '../../../platform/http/context.ts';
import { shanghaiDate } from '../../../platform/http/dates.ts';
import type { Actor } from '../../../platform/policy/policy.ts';
import { problem, refused } from '../../../platform/problems/problem.ts';
import { lockCase, lockCaseMeasure } from '../access.ts';
import { audit } from '../audit.ts';
import { listCaseDocumentsOf, type CaseRow } from '../repository.ts';
import { toDetail } from '../service.ts';
import type {
  ZCourtApplicationInputSchema,
  ZFineArrangementDecisionSchema,
  ZFineArrangementInputSchema,
  ZFinePaymentInputSchema,
  ZFineReminderInputSchema,
} from './model.ts';
import {
  insertArrangement,
  insertPayment,
  insertReminder,
  saveEnforcement,
  updateArrangement,
} from './repository.ts';
import { findArrangementsOf } from './repository.ts';
import { computePerformance, hasFine, latestReminder, loadRecords } from './view.ts';

// Issue 15 item 3 after service (履行): an officer of the case's territory records what the party paid, its
// application to defer or pay by instalments (第六十六条第二款; the bureau head decides, never the one who recorded
// it), the 催告 and the application to the people's court (行政强制法 第五十三条、第五十四条). Each step audited in its
// transaction.

// the case, locked, served with a fine and not yet closed; its records and figures as of today
const performing = async (tx: Tx, row: CaseRow, today: string) => {
  if (row.status !== 'served' || !hasFine(row)) throw problem('FINE_NOT_IN_PERFORMANCE');
  const records = await loadRecords(tx, row.id);
  return { row, records, performance: computePerformance(row, records, today) };
};

const findArrangementOfCase = async (tx: Tx, caseId: string, arrangementId: string) =>
  (await findArrangementsOf(tx, caseId)).find((arrangement) => arrangement.id === arrangementId);

export const recordPayment = async (
  ctx: AppContext,
  actor: Actor,
  caseId: string,
  body: z.infer<typeof ZFinePaymentInputSchema>,
) => {
  const now = ctx.clock.now();
  const today = shanghaiDate(now);
  return ctx.db.transaction(async (tx) => {
    const { row, performance } = await performing(tx, await lockCase(tx, actor, caseId, 'update'), today);
    const verdict = mayRecordPayment(performance, { ...body, servedOn: row.servedOn, today });
    if (!verdict.ok) throw refused(verdict);
    const payment = await insertPayment(tx, {
      caseId: row.id,
      territory: row.territory,
      paidOn: body.paidOn,
      amountFen: body.amountFen,
      reference: body.reference,
      recordedByName: actor.displayName,
      createdAt: now,
    });
    await audit(
      tx,
      actor,
      row,
      'penalty_case.fine_payment.recorded',
      {
        paymentId: payment.id,
        paidOn: body.paidOn,
        amountFen: body.amountFen,
        reference: body.reference,
        outstandingFen: performance.outstandingFen - body.amountFen,
      },
      now,
    );
    return toDetail(ctx, tx, row);
  });
};

export const applyForArrangement = async (
  ctx: AppContext,
  actor: Actor,
  caseId: string,
  body: z.infer<typeof ZFineArrangementInputSchema>,
) => {
  const now = ctx.clock.now();
  const today = shanghaiDate(now);
  return ctx.db.transaction(async (tx) => {
    const { row, records, performance } = await performing(
      tx,
      await lockCase(tx, actor, caseId, 'update'),
      today,
    );
    const verdict = mayApplyForArrangement(performance, {
      ...body,
      servedOn: row.servedOn,
      today,
      openArrangement: records.arrangements.some((arrangement) => arrangement.status !== 'refused'),
    });
    if (!verdict.ok) throw refused(verdict);
    const arrangement = await insertArrangement(tx, {
      caseId: row.id,
      territory: row.territory,
      kind: body.kind,
      appliedOn: body.appliedOn,
      reason: body.reason,
      deferredUntil: body.kind === 'deferral' ? (body.deferredUntil ?? null) : null,
      instalments: body.kind === 'instalment' ? (body.instalments ?? []) : null,
      status: 'applied',
      recordedBy: actor.id,
      recordedByName: actor.displayName,
      createdAt: now,
      updatedAt: now,
    });
    await audit(
      tx,
      actor,
      row,
      'penalty_case.fine_arrangement.applied',
      {
        arrangementId: arrangement.id,
        kind: body.kind,
        appliedOn: body.appliedOn,
        deferredUntil: arrangement.deferredUntil,
        instalments: arrangement.instalments,
      },
      now,
    );
    return toDetail(ctx, tx, row);
  });
};

export const decideArrangement = async (
  ctx: AppContext,
  actor: Actor,
  caseId: string,
  arrangementId: string,
  body: z.infer<typeof ZFineArrangementDecisionSchema>,
) => {
  const now = ctx.clock.now();
  const today = shanghaiDate(now);
  return ctx.db.transaction(async (tx) => {
    const { row: locked, measure: arrangement } = await lockCaseMeasure(
      tx,
      actor,
      { caseId, measureId: arrangementId },
      { head: true, what: '暂缓、分期缴纳申请', find: findArrangementOfCase },
    );
    const { row } = await performing(tx, locked, today);
    if (arrangement.status !== 'applied') throw problem('FINE_ARRANGEMENT_DECIDED');
    const self = mayDecideArrangement(arrangement.recordedBy, actor.id);
    if (!self.ok) throw refused(self);
    const note = body.note?.trim() || null;
    await updateArrangement(tx, arrangement.id, {
      status: body.approve ? 'approved' : 'refused',
      decidedByName: actor.displayName,
      decisionNote: note,
      decidedAt: now,
      updatedAt: now,
    });
    await audit(
      tx,
      actor,
      row,
      'penalty_case.fine_arrangement.decided',
      { arrangementId: arrangement.id, approve: body.approve, note },
      now,
    );
    return toDetail(ctx, tx, row);
  });
};

export const recordReminder = async (
  ctx: AppContext,
  actor: Actor,
  caseId: string,
  body: z.infer<typeof ZFineReminderInputSchema>,
) => {
  const now = ctx.clock.now();
  const today = shanghaiDate(now);
  return ctx.db.transaction(async (tx) => {
    const { row, records } = await performing(tx, await lockCase(tx, actor, caseId, 'update'), today);
    // what was overdue and outstanding on the day this 催告 was served
    const performance = computePerformance(row, records, body.servedOn > today ? today : body.servedOn);
    const latest = latestReminder(records);
    const verdict = mayRecordReminder(performance, {
      servedOn: body.servedOn,
      today,
      latest: latest ? { servedOn: latest.servedOn, overdueFen: latest.overdueFen } : null,
      courtApplied: Boolean(records.enforcement?.courtAppliedOn),
      decisionServedOn: row.servedOn,
    });
    if (!verdict.ok) throw refused(verdict);
    // each 催告 is its own numbered 罚款催缴通知书, issued on or before the day it was served
    const used = new Set(records.reminders.map((reminder) => reminder.documentId));
    const document = (await listCaseDocumentsOf(tx, row.id))
      .filter(
        (doc) =>
          doc.type === 'fine_reminder' &&
          !used.has(doc.id) &&
          (body.documentId === undefined || doc.id === body.documentId) &&
          shanghaiDate(doc.issuedAt) <= body.servedOn,
      )
      .at(-1);
    if (!document) throw problem('FINE_REMINDER_DOCUMENT_MISSING');
    const note = body.note?.trim() || null;
    const reminder = await insertReminder(tx, {
      caseId: row.id,
      territory: row.territory,
      servedOn: body.servedOn,
      documentId: document.id,
      documentNumber: document.number,
      overdueFen: performance.overdueFen,
      outstandingFen: performance.outstandingFen,
      note,
      recordedByName: actor.displayName,
      createdAt: now,
    });
    await audit(
      tx,
      actor,
      row,
      'penalty_case.fine_reminder.recorded',
      {
        reminderId: reminder.id,
        servedOn: body.servedOn,
        documentNumber: document.number,
        overdueFen: performance.overdueFen,
        outstandingFen: performance.outstandingFen,
        note,
      },
      now,
    );
    return toDetail(ctx, tx, row);
  });
};

export const recordCourtApplication = async (
  ctx: AppContext,
  actor: Actor,
  caseId: string,
  body: z.infer<typeof ZCourtApplicationInputSchema>,
) => {
  const now = ctx.clock.now();
  const today = shanghaiDate(now);
  return ctx.db.transaction(async (tx) => {
    const { row, records, performance } = await performing(
      tx,
      await lockCase(tx, actor, caseId, 'update'),
      today,
    );
    const verdict = mayApplyToCourt(performance, {
      appliedOn: body.appliedOn,
      today,
      recorded: Boolean(records.enforcement?.courtAppliedOn),
    });
    if (!verdict.ok) throw refused(verdict);
    const note = body.note?.trim() || null;
    await saveEnforcement(
      tx,
      { caseId: row.id, territory: row.territory, updatedAt: now },
      {
        courtAppliedOn: body.appliedOn,
        courtName: body.court,
        courtNote: note,
        courtWarnings: verdict.warnings,
        courtRecordedByName: actor.displayName,
      },
    );
    await audit(
      tx,
      actor,
      row,
      'penalty_case.court_enforcement.applied',
      {
        appliedOn: body.appliedOn,
        court: body.court,
        outstandingFen: performance.outstandingFen,
        warnings: verdict.warnings,
      },
      now,
    );
    return toDetail(ctx, tx, row);
  });
};
