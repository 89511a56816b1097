import type { Tx } from '../../platform/db/client.ts';
import { notifyOnce } from '../../platform/notifications/notify-once.ts';
import { findCalendarPendingAnnualPlans } from './repository.ts';

// issue 11 item 12: once a year's holiday table is entered, the legal reviewers whose plan for that year was
// computed weekends only are told to compute it again (a draft recomputes in place; a plan already approved
// is adjusted by a new version, as measure 1 requires). Returns the number told.
export const tellAnnualPlansOfCalendar = async (
  tx: Tx,
  options: { year: number; notice: string; now: Date },
): Promise<number> => {
  const rows = await findCalendarPendingAnnualPlans(tx, options.year);
  return notifyOnce(
    tx,
    rows.map((row) => ({
      userId: row.reviewerId,
      territory: row.territory,
      kind: 'annual_plan_calendar' as const,
      dedupeKey: `annual_plan_calendar:${row.id}:${options.notice}`,
      title: `${options.year} 年节假日安排已公布，请重新测算年度计划`,
      body:
        `${options.year} 年年度监督检查计划第 ${row.version} 版的法定工作日系按周六、周日休息暂算；` +
        `节假日安排（${options.notice}）已录入，请${row.status === 'draft' ? '重新测算' : '以新版本调整'}。`,
      link: '/plans/annual',
      createdAt: options.now,
    })),
  );
};
