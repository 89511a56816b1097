import { rectificationDeadline, type IsoDate, type StatutoryCalendar } from '@inspecta/domain';
import type { Tx } from '../../../platform/db/client.ts';
import { shanghaiDate } from '../../../platform/http/dates.ts';
import { notifyOnce } from '../../../platform/notifications/notify-once.ts';
import type { AuditActor } from '../../../platform/audit/service.ts';
import { auditInspection } from '../inspection-store.ts';
import {
  findEnterpriseNameOf,
  findOrderAudience,
  lockOrdersWithPendingDeadlines,
  updateOrder,
} from './repository.ts';

// issue 11 item 12: when a legal reviewer enters a year's holiday table, every open order whose deadline was
// counted into that year weekends only is counted again, and its issuer and the enterprise are told. Our
// reading where the texts are silent: the enterprise was given the provisional date in writing, so the new
// deadline is never earlier than it (make-up workdays can only shorten the count, holidays lengthen it).
export const recomputePendingDeadlines = async (
  tx: Tx,
  options: { calendar: StatutoryCalendar; actor: AuditActor; now: Date },
): Promise<number> => {
  const { calendar, actor, now } = options;
  const rows = await lockOrdersWithPendingDeadlines(tx);
  let recomputed = 0;
  for (const order of rows) {
    if (order.deadlineWorkdays === null) continue;
    const issuedOn = shanghaiDate(order.issuedAt) as IsoDate;
    const answer = rectificationDeadline(issuedOn, { workdays: order.deadlineWorkdays }, calendar);
    if (!answer.ok) continue;
    const settledYears = order.deadlinePendingYears.filter((year) => !answer.pendingYears.includes(year));
    if (settledYears.length === 0) continue;
    const deadline = answer.deadline > order.deadline ? answer.deadline : order.deadline;
    await updateOrder(tx, order.id, { deadline, deadlinePendingYears: answer.pendingYears });
    await auditInspection(
      tx,
      actor,
      { id: order.inspectionId, territory: order.territory },
      'rectification.order.deadline_recomputed',
      {
        orderId: order.id,
        from: order.deadline,
        to: deadline,
        workdays: order.deadlineWorkdays,
        years: settledYears,
      },
      now,
    );
    const enterprise = await findEnterpriseNameOf(tx, order.inspectionId);
    const audience = await findOrderAudience(tx, order.issuedById, order.enterpriseId);
    const link = (user: { id: string }) =>
      user.id === order.issuedById ? `/inspections/${order.inspectionId}` : '/my-enterprise/rectifications';
    await notifyOnce(
      tx,
      audience.map((user) => ({
        userId: user.id,
        territory: user.territory,
        kind: 'deadline_recomputed' as const,
        dedupeKey: `deadline_recomputed:${order.id}:${settledYears.join(',')}`,
        title: `整改期限已按公布的节假日安排重新计算：${enterprise?.enterpriseName ?? ''}`,
        body:
          `${settledYears.join('、')} 年节假日安排已录入，${order.deadlineWorkdays} 个工作日的整改期限由 ` +
          `${order.deadline} 重新计算为 ${deadline}${deadline === order.deadline ? '（不早于原定日期）' : ''}。`,
        link: link(user),
        createdAt: now,
      })),
    );
    recomputed += 1;
  }
  return recomputed;
};
