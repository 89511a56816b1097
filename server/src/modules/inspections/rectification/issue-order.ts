import { notifyTurn } from '../../../platform/notifications/notify-turn.ts';
import { rectificationDeadline, type IsoDate, cite } from '@inspecta/domain';
import type { z } from 'zod';
import { loadCalendar } from '../../../platform/calendar/calendar.ts';
import type { AppContext } from '../../../platform/http/context.ts';
import { shanghaiDate } from '../../../platform/http/dates.ts';
import { assertCan, type Actor } from '../../../platform/policy/policy.ts';
import { problem, refused } from '../../../platform/problems/problem.ts';
import { issueDocument } from '../documents/issue-document.ts';
import { enterpriseLine, officerLines } from '../documents/snapshot-sources.ts';
import { auditInspection, loadInspection } from '../inspection-store.ts';
import type { TRectificationOrder, ZIssueOrderSchema } from './model.ts';
import { orderViews } from './order-store.ts';
import { insertOrder, lockFindingsOf, setFindingsStatus } from './repository.ts';

// measure 13: a finding not fixed on the spot gets a rectification order (责令限期整改指令书) with requirements and a
// deadline; the order and its numbered document are issued in one transaction, and its findings become 'ordered'.

const BASIS_13 =
  '《江门市应急管理系统严格规范涉企行政检查若干措施》第十三项；《中华人民共和国安全生产法》第六十五条第一款第（二）项、第（三）项';
const ISSUING_STAGES = ['findings_recorded', 'concluded'];

export const DEFAULT_REVIEW_ARRANGEMENT =
  '整改期限届满后，本机关将对整改情况进行复查；你单位整改完成后，可提前提交整改材料申请复查。';

export const issueRectificationOrder = async (
  ctx: AppContext,
  actor: Actor,
  inspectionId: string,
  body: z.infer<typeof ZIssueOrderSchema>,
): Promise<TRectificationOrder> => {
  const now = ctx.clock.now();
  const today = shanghaiDate(now) as IsoDate;
  return ctx.db.transaction(async (tx) => {
    const inspection = await loadInspection(tx, actor, inspectionId, 'read', true);
    assertCan(actor, 'rectification', 'create', inspection, '检查');
    if (!ISSUING_STAGES.includes(inspection.stage)) {
      throw problem('ORDER_NOT_NOW', { measure: 13, basis: BASIS_13 });
    }
    const ids = [...new Set(body.findingIds)];
    const rows = await lockFindingsOf(tx, inspection.id, ids);
    const missing = ids.filter((id) => !rows.some((row) => row.id === id));
    if (missing.length > 0) throw problem('ORDER_FINDING_UNKNOWN', { detail: missing.join(', ') });
    const notOpen = rows.filter((row) => row.status !== 'open');
    if (notOpen.length > 0) {
      throw problem(
        'ORDER_FINDING_NOT_OPEN',
        { findings: notOpen.map((row) => row.description) },
        { measure: 13, basis: BASIS_13 },
      );
    }
    // issue 11 item 12: counted by the seed and the entered tables; a year without one is counted weekends
    // only and the order remembers it, to be recomputed when the State Council's notice is entered
    const deadline = rectificationDeadline(
      today,
      'workdays' in body.deadline
        ? { workdays: body.deadline.workdays }
        : { date: body.deadline.date as IsoDate },
      await loadCalendar(tx),
    );
    if (!deadline.ok) throw refused(deadline);

    const ordered = ids.map((id) => rows.find((row) => row.id === id)!);
    const order = await insertOrder(tx, {
      inspectionId: inspection.id,
      territory: inspection.territory,
      enterpriseId: inspection.enterpriseId,
      findingIds: ids,
      requirements: body.requirements,
      deadlineWorkdays: deadline.workdays,
      deadline: deadline.deadline,
      deadlinePendingYears: deadline.pendingYears,
      status: 'issued',
      issuedAt: now,
      issuedByName: actor.displayName,
      issuedById: actor.id,
    });
    await setFindingsStatus(tx, ids, 'ordered');
    const document = await issueDocument(tx, actor, {
      inspection,
      type: 'rectification_order',
      subjectId: order.id,
      at: now,
      snapshot: {
        enterprise: await enterpriseLine(tx, inspection),
        inspectedOn: inspection.checkedInAt ? shanghaiDate(inspection.checkedInAt) : today,
        problems: ordered.map((row) => ({
          itemCode: row.itemCode,
          description: row.description,
          basis: row.basis,
          howToFix: row.howToFix,
          major: row.majorHiddenDanger,
        })),
        requirements: body.requirements,
        deadline: deadline.deadline,
        deadlineWorkdays: deadline.workdays,
        deadlinePendingYears: deadline.pendingYears,
        reviewArrangement: body.reviewArrangement || DEFAULT_REVIEW_ARRANGEMENT,
        officers: officerLines(inspection.team),
        basis: cite('work_safety_law_art65_1_2_3'),
      },
    });
    await auditInspection(
      tx,
      actor,
      inspection,
      'rectification.order.issued',
      {
        orderId: order.id,
        findingIds: ids,
        deadline: deadline.deadline,
        workdays: deadline.workdays,
        pendingYears: deadline.pendingYears,
        number: document.number,
      },
      now,
    );
    await notifyTurn(tx, {
      to: { enterpriseId: inspection.enterpriseId },
      exceptUserId: actor.id,
      dedupeKey: `order_issued:${order.id}`,
      territory: inspection.territory,
      title: `责令限期整改：${deadline.deadline} 前完成`,
      body: `${inspection.organisationName}责令贵单位于 ${deadline.deadline} 前整改 ${ids.length} 项问题，整改后请上传整改材料。`,
      link: '/my-enterprise/rectifications',
      at: now,
    });
    return (await orderViews(tx, [order], now))[0]!;
  });
};
