import type { z } from 'zod';
import type { AppContext } from '../../../platform/http/context.ts';
import { assertMayUse, type Actor } from '../../../platform/policy/policy.ts';
import { problem } from '../../../platform/problems/problem.ts';
import { issueDocument } from '../documents/issue-document.ts';
import { advanceStage, loadInspection } from '../inspection-store.ts';
import type { ZNotifySchema } from './model.ts';
import { latestPlan, plannedVisit } from './plan-versions.ts';
import { notifyTurn } from '../../../platform/notifications/notify-turn.ts';

// The notice goes to the enterprise in advance with its self-check list where the matter allows notice; an
// unannounced visit (四不两直) records its reason instead (taken from the approved plan).
export const notifyEnterprise = async (
  ctx: AppContext,
  actor: Actor,
  inspectionId: string,
  body: z.infer<typeof ZNotifySchema>,
) =>
  ctx.db.transaction(async (tx) => {
    assertMayUse(actor, 'inspection', 'update');
    const row = await loadInspection(tx, actor, inspectionId, 'update', true);
    const plan = await latestPlan(tx, row.id);
    if (!plan || plan.status !== 'approved') throw problem('INSPECTION_PLAN_NOT_APPROVED', { measure: 11 });
    const now = ctx.clock.now();
    const payload = plan.content.unannounced
      ? { unannounced: true, reason: plan.content.unannouncedReason }
      : { unannounced: false, noticeSentAt: now.toISOString(), selfCheckList: body?.selfCheckList ?? true };
    await advanceStage(tx, actor, row, 'notify', 'inspection.enterprise.notified', payload, now);
    if (!plan.content.unannounced) {
      await notifyTurn(tx, {
        to: { enterpriseId: row.enterpriseId },
        exceptUserId: actor.id,
        dedupeKey: `enterprise_notified:${row.id}:${plan.id}`,
        territory: row.territory,
        title: `行政检查通知：${row.plannedOn}`,
        body: `${plan.content.subjectName}将于 ${row.plannedOn} 到贵单位开展行政检查，请查看检查通知书并对照自查清单做好准备。`,
        link: '/my-enterprise',
        at: now,
      });
      // 行政检查通知书, numbered, sent with the self-check list (GET /enterprise/inspection-notices)
      const { inspection, visit } = await plannedVisit(tx, row, plan);
      await issueDocument(tx, actor, {
        inspection,
        type: 'inspection_notice',
        at: now,
        snapshot: {
          ...visit,
          subjectName: plan.content.subjectName,
          preparation: payload.selfCheckList
            ? '请对照企业门户中的自查清单开展自查，检查时备好相关台账和资料'
            : null,
          contact: null,
        },
      });
    }
    return payload;
  });
