import { addDays, caseProcedureCatalog } from '@inspecta/domain';
import type { Db, Tx } from '../../../platform/db/client.ts';
import { servedFineCases } from './repository.ts';
import { computePerformance, hasFine, latestReminder, loadRecords } from './view.ts';

// Issue 15 item 3 on the officer's workbench: the served fines of the actor's scope whose payment period, 催告
// period (行政强制法 第五十四条: ten days from the latest served 催告) or three months for the court (第五十三条)
// end between today and `dueBy`. Only cases still in performance (served, not closed, unpaid) are read, a small set
// per bureau; each is computed with the same rules as its case page.

export const FINE_DEADLINE_KINDS = ['payment', 'reminder', 'court_application'] as const;
export type FineDeadlineKind = (typeof FINE_DEADLINE_KINDS)[number];
export const FINE_DEADLINE_NAMES: Record<FineDeadlineKind, string> = {
  payment: '缴纳罚款期限届满',
  reminder: '催告书送达满十日',
  court_application: '申请人民法院强制执行的三个月期限届满',
};

export type FineDeadline = {
  caseId: string;
  reference: string;
  enterpriseName: string;
  kind: FineDeadlineKind;
  date: string;
};

export const fineDeadlinesWithin = async (
  db: Db | Tx,
  filter: { scope: Parameters<typeof servedFineCases>[1]; today: string; dueBy: string },
): Promise<FineDeadline[]> => {
  const rows = await servedFineCases(db, filter.scope);
  const found: FineDeadline[] = [];
  for (const row of rows) {
    if (!hasFine(row)) continue;
    const records = await loadRecords(db, row.id);
    const performance = computePerformance(row, records, filter.today);
    if (performance.outstandingFen === 0) continue;
    const courtApplied = Boolean(records.enforcement?.courtAppliedOn);
    const latest = latestReminder(records);
    const ends: [FineDeadlineKind, string | null][] = [
      ['payment', performance.dueOn],
      [
        'reminder',
        latest && !courtApplied
          ? addDays(latest.servedOn, caseProcedureCatalog.finePerformance.reminder.waitDays)
          : null,
      ],
      ['court_application', courtApplied ? null : performance.courtWindow.until],
    ];
    for (const [kind, date] of ends)
      if (date && date >= filter.today && date <= filter.dueBy)
        found.push({
          caseId: row.id,
          reference: row.reference,
          enterpriseName: row.enterpriseName,
          kind,
          date,
        });
  }
  return found.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.caseId < b.caseId ? -1 : 1));
};
