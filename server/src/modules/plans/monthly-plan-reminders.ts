import { monthlyPlanDueDates, planningCatalog, territoryName } from '@inspecta/domain';
import { loadCalendar } from '../../platform/calendar/calendar.ts';
import type { AppContext } from '../../platform/http/context.ts';
import { shanghaiDate } from '../../platform/http/dates.ts';
import {
  findBureauTerritories,
  findMonthlyPlanReminderRecipients,
  findTerritoriesThatSubmitted,
} from './monthly.repository.ts';
import { notifyOnce } from '../../platform/notifications/notify-once.ts';
import { systemActor } from '../../platform/auth/system-user.ts';

const nextMonth = (today: string) => {
  const year = Number(today.slice(0, 4));
  const month = Number(today.slice(5, 7));
  return month === 12 ? { year: year + 1, month: 1 } : { year, month: month + 1 };
};

// measure 2: from three workdays before the deadline of next month's plan (catalog/planning.json), every
// bureau that has not yet submitted it gets a reminder: its unit heads, who draft it, and its legal
// reviewers, who supervise it. Idempotent: each user is reminded once per month's plan.
export const remindMonthlyPlans = async (ctx: AppContext): Promise<{ month: string; reminded: number }> => {
  const now = ctx.clock.now();
  const today = shanghaiDate(now);
  const target = nextMonth(today);
  const label = `${target.year}-${String(target.month).padStart(2, '0')}`;
  const due = monthlyPlanDueDates(target, { catalog: planningCatalog, calendar: await loadCalendar(ctx.db) });
  if (!due.ok || today < due.reminderOn) return { month: label, reminded: 0 };

  const bureaus = await findBureauTerritories(ctx.db);
  const submitted = await findTerritoriesThatSubmitted(ctx.db, target.year, target.month);
  const done = new Set(submitted.map((row) => row.territory));
  const missing = bureaus.map((row) => row.territory).filter((territory) => !done.has(territory));
  if (missing.length === 0) return { month: label, reminded: 0 };

  const recipients = await findMonthlyPlanReminderRecipients(ctx.db, missing);
  if (recipients.length === 0) return { month: label, reminded: 0 };
  const overdue = today > due.deadline;
  const reminded = await ctx.db.transaction((tx) =>
    notifyOnce(
      tx,
      recipients.map((user) => ({
        userId: user.id,
        territory: user.territory,
        kind: 'monthly_plan_due',
        dedupeKey: `monthly_plan_due:${label}${overdue ? ':overdue' : ''}`,
        title: overdue ? `${label} 月度工作计划已逾期` : `${label} 月度工作计划即将到期`,
        body: `${territoryName(user.territory) ?? user.territory}尚未报送 ${target.year} 年 ${target.month} 月工作计划，报送截止日期为 ${due.deadline}（措施二）。`,
        link: '/plans/monthly',
        createdAt: now,
      })),
      {
        actor: systemActor('系统（月度计划提醒）'),
        entityType: 'monthly_plan_reminder',
        entityId: label,
        territory: '440700',
        payload: { month: label, deadline: due.deadline, territories: missing },
        at: now,
      },
    ),
  );
  return { month: label, reminded };
};
