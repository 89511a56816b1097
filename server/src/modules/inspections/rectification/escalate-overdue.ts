import { isWithinTerritory, rectificationTransition, territoryName } from '@inspecta/domain';
import type { AppContext } from '../../../platform/http/context.ts';
import { shanghaiDate } from '../../../platform/http/dates.ts';
import { notifyOnce } from '../../../platform/notifications/notify-once.ts';
import { auditInspection } from '../inspection-store.ts';
import {
  findActiveHeads,
  findDueOrderIds,
  findEnterpriseNameOf,
  findOrderById,
  updateOrder,
} from './repository.ts';
import { systemActor } from '../../../platform/auth/system-user.ts';

// measure 13: every morning, orders past their deadline without a passed review (still 'issued', or 'failed' at
// review) are escalated to the bureau as candidates for a case (移交立案), with the reason, and the unit heads and
// bureau heads whose territory covers the enterprise are notified. Idempotent and safe on several servers: each
// order is re-read under its row lock and moved once; each head is notified once per order.

const SYSTEM = systemActor('系统（整改逾期扫描）');

export const escalateOverdueOrders = async (
  ctx: AppContext,
): Promise<{ escalated: number; notified: number }> => {
  const now = ctx.clock.now();
  const today = shanghaiDate(now);
  const due = await findDueOrderIds(ctx.db, today);
  if (due.length === 0) return { escalated: 0, notified: 0 };
  const heads = await findActiveHeads(ctx.db);
  let escalated = 0;
  let notified = 0;
  for (const { id } of due) {
    const done = await ctx.db.transaction(async (tx) => {
      const order = await findOrderById(tx, id, true);
      if (!order || !['issued', 'failed'].includes(order.status) || order.deadline >= today) return null;
      const reason =
        order.status === 'failed'
          ? `复查未通过，整改期限（${order.deadline}）已过仍未整改到位`
          : `整改期限（${order.deadline}）已过，企业未提交整改材料`;
      const next = rectificationTransition(order.status, 'escalate', reason);
      if (!next.ok) return null;
      await updateOrder(tx, order.id, { status: next.to, escalation: { at: now.toISOString(), reason } });
      await auditInspection(
        tx,
        SYSTEM,
        { id: order.inspectionId, territory: order.territory },
        'rectification.order.escalated',
        { orderId: order.id, reason },
        now,
      );
      const inspection = await findEnterpriseNameOf(tx, order.inspectionId);
      const recipients = heads.filter((head) => isWithinTerritory(head.territory, order.territory));
      return notifyOnce(
        tx,
        recipients.map((head) => ({
          userId: head.id,
          territory: order.territory,
          kind: 'rectification_escalated',
          dedupeKey: `rectification_escalated:${order.id}`,
          title: `移交立案候选：${inspection?.enterpriseName ?? ''}`,
          body: `${territoryName(order.territory) ?? order.territory} ${inspection?.enterpriseName ?? ''}：${reason}（措施十三）。请审查是否移交立案。`,
          link: '/rectification?candidates=true',
          createdAt: now,
        })),
      );
    });
    if (done !== null) {
      escalated += 1;
      notified += done;
    }
  }
  return { escalated, notified };
};
