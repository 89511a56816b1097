import { drawWindowClosesOn, governanceCatalog, publicationDeadline } from '@inspecta/domain';
import { loadCalendar } from '../../platform/calendar/calendar.ts';
import type { AppContext } from '../../platform/http/context.ts';
import { shanghaiDate } from '../../platform/http/dates.ts';
import { findDrawsAwaitingResults } from './inspection.repository.ts';
import { findActiveLegalReviewers } from './repository.ts';
import { notifyOnce } from '../../platform/notifications/notify-once.ts';
import { systemActor } from '../../platform/auth/system-user.ts';

// measure 12 and 《广东省行政执法公示办法》第二十一条 (issue 6 item 13): the results of a draw are published
// within 20 workdays of the completion of its last inspection (catalog/governance.json), or of the close of the
// draw's window if that came first (the full record is disclosed then, issue 12 item 9). From the reminder day
// on, the legal reviewers of the draw's territory are reminded while the results are unpublished; once more
// when the deadline has passed. Idempotent: the dedupe key is per draw (and per user).
export const remindDrawResults = async (ctx: AppContext): Promise<{ due: number; reminded: number }> => {
  const now = ctx.clock.now();
  const today = shanghaiDate(now);
  const rows = await findDrawsAwaitingResults(ctx.db);
  const calendar = await loadCalendar(ctx.db);
  // every inspection done (completed, or merged into another visit, or cancelled), at least one completed
  const due = rows.flatMap((row) => {
    if (row.open > 0 || row.completed === 0 || row.latest === null) return [];
    // issue 12 item 9: the 20 workdays count from the full record's disclosure, when the last inspection was
    // done or, if earlier, when the draw's window closed
    const windowClosesOn = drawWindowClosesOn(row.inspectionDate);
    const disclosedOn = row.latest < windowClosesOn ? row.latest : windowClosesOn;
    const deadline = publicationDeadline(disclosedOn, { catalog: governanceCatalog, calendar });
    return deadline.ok && today >= deadline.reminderOn
      ? [{ ...row, deadline: deadline.deadline, overdue: today > deadline.deadline }]
      : [];
  });
  if (due.length === 0) return { due: 0, reminded: 0 };
  const reviewers = await findActiveLegalReviewers(ctx.db, [...new Set(due.map((draw) => draw.territory))]);
  let reminded = 0;
  for (const draw of due) {
    const recipients = reviewers.filter((user) => user.territory === draw.territory);
    if (recipients.length === 0) continue;
    reminded += await ctx.db.transaction((tx) =>
      notifyOnce(
        tx,
        recipients.map((user) => ({
          userId: user.id,
          territory: user.territory,
          kind: 'draw_results_due',
          dedupeKey: `draw_results_due:${draw.id}${draw.overdue ? ':overdue' : ''}`,
          title: draw.overdue ? `抽查结果公示已逾期：${draw.title}` : `抽查结果即将到公示期限：${draw.title}`,
          body: `“${draw.title}”的检查已于 ${draw.latest} 全部办结，抽查结果应于 ${draw.deadline} 前公示（《广东省行政执法公示办法》第二十一条，20 个工作日）。`,
          link: `/draws/${draw.id}`,
          createdAt: now,
        })),
        {
          actor: systemActor('系统（抽查结果公示提醒）'),
          entityType: 'draw',
          entityId: draw.id,
          territory: draw.territory,
          payload: { completedOn: draw.latest, deadline: draw.deadline, overdue: draw.overdue },
          at: now,
        },
      ),
    );
  }
  return { due: due.length, reminded };
};
