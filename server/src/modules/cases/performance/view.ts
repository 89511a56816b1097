import {
  ARRANGEMENT_KIND_NAMES,
  ARRANGEMENT_LAW,
  ARRANGEMENT_STATUS_NAMES,
  COURT_APPLICATION_LAW,
  PAYMENT_LAW,
  REMINDER_LAW,
  SURCHARGE_LAW,
  addDays,
  caseProcedureCatalog,
  finePerformance,
  type FineArrangement,
  type FinePerformance,
} from '@inspecta/domain';
import type { Db, Tx } from '../../../platform/db/client.ts';
import type { CaseRow } from '../repository.ts';
import type { TFinePerformanceView } from './model.ts';
import {
  findArrangementsOf,
  findEnforcementOf,
  findPaymentsOf,
  findRemindersOf,
  type FineArrangementRow,
  type FineReminderRow,
  type FineEnforcementRow,
  type FinePaymentRow,
} from './repository.ts';

// issue 15 item 3 after service: a served fine's figures as the case shows them, and what closing may rest on.

export type PerformanceRecords = {
  payments: FinePaymentRow[];
  arrangements: FineArrangementRow[];
  enforcement: FineEnforcementRow | undefined;
  reminders: FineReminderRow[];
};

// a served decision with a fine; the case is in its performance stage until it closes
export const hasFine = (row: CaseRow): row is CaseRow & { servedOn: string; decisionAmountFen: number } =>
  row.servedOn !== null &&
  row.decisionTier !== null &&
  row.decisionTier !== 'no_penalty' &&
  (row.decisionAmountFen ?? 0) > 0;

export const loadRecords = async (db: Db | Tx, caseId: string): Promise<PerformanceRecords> => ({
  payments: await findPaymentsOf(db, caseId),
  arrangements: await findArrangementsOf(db, caseId),
  enforcement: await findEnforcementOf(db, caseId),
  reminders: await findRemindersOf(db, caseId),
});

// the latest 催告 served (行政强制法 第五十四条 counts from it)
export const latestReminder = (records: PerformanceRecords) => records.reminders.at(-1);

const approvedArrangement = (rows: readonly FineArrangementRow[]): FineArrangement | null => {
  const approved = rows.find((row) => row.status === 'approved');
  if (!approved) return null;
  if (approved.kind === 'deferral' && approved.deferredUntil)
    return { kind: 'deferral', deferredUntil: approved.deferredUntil };
  return { kind: 'instalment', instalments: approved.instalments ?? [] };
};

export const computePerformance = (
  row: CaseRow & { servedOn: string; decisionAmountFen: number },
  records: PerformanceRecords,
  today: string,
): FinePerformance =>
  finePerformance({
    fineFen: row.decisionAmountFen,
    servedOn: row.servedOn,
    payments: records.payments.map((payment) => ({ paidOn: payment.paidOn, amountFen: payment.amountFen })),
    arrangement: approvedArrangement(records.arrangements),
    reminderServedOn: latestReminder(records)?.servedOn ?? null,
    courtAppliedOn: records.enforcement?.courtAppliedOn ?? null,
    asOf: today,
  });

// The ground the case may close on as far as the fine goes (null: none yet); a written ground is the officer's.
export const closingGroundOf = (
  performance: FinePerformance,
  records: PerformanceRecords,
  written?: string | undefined,
): string | null => {
  if (performance.outstandingFen === 0) return `罚款已全额缴纳（${performance.paidInFullOn ?? ''}）`;
  const court = records.enforcement;
  if (court?.courtAppliedOn)
    return `已于 ${court.courtAppliedOn} 申请${court.courtName ?? '人民法院'}强制执行`;
  return written?.trim() || null;
};

const warn = (code: string, name: string, due: string, today: string) =>
  today > due
    ? [{ code, name, due, state: 'overdue' as const }]
    : addDays(today, 3) >= due
      ? [{ code, name, due, state: 'due_soon' as const }]
      : [];

export const performanceView = async (
  db: Db | Tx,
  row: CaseRow,
  today: string,
): Promise<TFinePerformanceView | null> => {
  if (!hasFine(row)) return null;
  const records = await loadRecords(db, row.id);
  const performance = computePerformance(row, records, today);
  const enforcement = records.enforcement;
  const open = row.status !== 'closed' && performance.outstandingFen > 0;
  const courtApplied = Boolean(enforcement?.courtAppliedOn);
  const ground = row.closingGround ?? closingGroundOf(performance, records);
  return {
    ...performance,
    payments: records.payments.map((payment) => ({
      id: payment.id,
      paidOn: payment.paidOn,
      amountFen: payment.amountFen,
      reference: payment.reference,
      recordedByName: payment.recordedByName,
    })),
    arrangements: records.arrangements.map((arrangement) => ({
      id: arrangement.id,
      kind: arrangement.kind,
      kindName: ARRANGEMENT_KIND_NAMES[arrangement.kind],
      appliedOn: arrangement.appliedOn,
      reason: arrangement.reason,
      deferredUntil: arrangement.deferredUntil,
      instalments: arrangement.instalments ?? [],
      status: arrangement.status,
      statusName: ARRANGEMENT_STATUS_NAMES[arrangement.status],
      recordedByName: arrangement.recordedByName,
      decidedByName: arrangement.decidedByName,
      decisionNote: arrangement.decisionNote,
    })),
    reminder: latestReminder(records)
      ? {
          servedOn: latestReminder(records)!.servedOn,
          note: latestReminder(records)!.note,
          recordedByName: latestReminder(records)!.recordedByName,
        }
      : null,
    reminders: records.reminders.map((reminder) => ({
      id: reminder.id,
      servedOn: reminder.servedOn,
      documentNumber: reminder.documentNumber,
      overdueFen: reminder.overdueFen,
      outstandingFen: reminder.outstandingFen,
      note: reminder.note,
      recordedByName: reminder.recordedByName,
    })),
    courtApplication:
      enforcement?.courtAppliedOn && enforcement.courtName
        ? {
            appliedOn: enforcement.courtAppliedOn,
            court: enforcement.courtName,
            note: enforcement.courtNote,
            warnings: enforcement.courtWarnings ?? [],
            recordedByName: enforcement.courtRecordedByName ?? '',
          }
        : null,
    closable: ground !== null,
    closingGround: ground,
    // warned before they pass, as the case's other periods: the payment day, then the court's three months
    warnings: open
      ? [
          ...(performance.dueOn ? warn('fine_payment_due', '缴纳罚款', performance.dueOn, today) : []),
          ...(latestReminder(records) && !courtApplied
            ? warn('court_application_due', '申请人民法院强制执行', performance.courtWindow.until, today)
            : []),
        ]
      : [],
    basis: {
      payment: PAYMENT_LAW,
      arrangement: ARRANGEMENT_LAW,
      surcharge: SURCHARGE_LAW,
      reminder: REMINDER_LAW,
      court: COURT_APPLICATION_LAW,
    },
    challengePeriods: caseProcedureCatalog.finePerformance.challengePeriods.map((period) => ({
      name: period.name,
      source: period.source,
      verified: period.verified,
    })),
  };
};

// What closing needs to know about the fine: the facts for the transition and the ground it records.
export const closingFacts = async (db: Db | Tx, row: CaseRow, today: string, written?: string) => {
  if (!hasFine(row)) return { facts: undefined, ground: null };
  const records = await loadRecords(db, row.id);
  const performance = computePerformance(row, records, today);
  return {
    facts: {
      outstandingFen: performance.outstandingFen,
      courtApplied: Boolean(records.enforcement?.courtAppliedOn),
      closingGround: written,
    },
    ground: closingGroundOf(performance, records, written),
  };
};

// What the 罚款催缴通知书 states (issue 15 item 3): the amounts and due days per the approved 暂缓/分期, what is
// paid, overdue and outstanding, and the 加处罚款 as the arrangement reads it.
export type FineDocumentFigures = FinePerformance & {
  arrangement: { kind: 'deferral' | 'instalment'; kindName: string; approvedBy: string | null } | null;
};

export const fineDocumentFigures = async (
  db: Db | Tx,
  row: CaseRow,
  today: string,
): Promise<FineDocumentFigures | null> => {
  if (!hasFine(row)) return null;
  const records = await loadRecords(db, row.id);
  const approved = records.arrangements.find((arrangement) => arrangement.status === 'approved');
  return {
    ...computePerformance(row, records, today),
    arrangement: approved
      ? {
          kind: approved.kind,
          kindName: ARRANGEMENT_KIND_NAMES[approved.kind],
          approvedBy: approved.decidedByName,
        }
      : null,
  };
};
