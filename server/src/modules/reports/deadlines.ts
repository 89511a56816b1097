import { REPORT_KIND_NAMES, reportDeadlines, reportOverdue } from '@inspecta/domain/reports';
import { loadCalendar } from '../../platform/calendar/calendar.ts';
import { scopeCondition } from '../../platform/db/scope.ts';
import type { AppContext } from '../../platform/http/context.ts';
import { shanghaiDate } from '../../platform/http/dates.ts';
import { mayUse, type Actor } from '../../platform/policy/policy.ts';
import { openReports } from './repository.ts';
import { reports } from './schema.ts';

type Row = { id: string; title: string; date: string | null; inspectionId: string | null };
export type ReportsDue = { received: Row[]; overdue: Row[] };

// The workbench's marks: reports waiting to be accepted, and those whose verification or answer is overdue
// (on the bureau's calendar).
export const reportsDue = async (ctx: AppContext, actor: Actor): Promise<ReportsDue | null> => {
  if (!mayUse(actor, 'report', 'update')) return null;
  const rows = await openReports(ctx.db, scopeCondition(actor, 'report', { territory: reports.territory }));
  const calendar = await loadCalendar(ctx.db);
  const today = shanghaiDate(ctx.clock.now());
  const title = (row: (typeof rows)[number]) =>
    `${row.receiptCode} ${row.enterpriseName ?? row.enterpriseDescription ?? ''} ${REPORT_KIND_NAMES[row.kind]}`.trim();
  const received: Row[] = [];
  const overdue: Row[] = [];
  for (const row of rows) {
    if (row.state === 'received') {
      received.push({
        id: row.id,
        title: title(row),
        date: shanghaiDate(row.receivedAt),
        inspectionId: null,
      });
      continue;
    }
    const deadlines = reportDeadlines(row, calendar);
    const late = reportOverdue(row.state, deadlines, today);
    if (late)
      overdue.push({
        id: row.id,
        title: `${title(row)}（${late === 'verify' ? '核查' : '反馈'}逾期）`,
        date: late === 'verify' ? deadlines.verifyBy : deadlines.answerBy,
        inspectionId: null,
      });
  }
  return { received, overdue };
};
