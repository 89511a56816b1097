import { notifyTurn } from '../../../platform/notifications/notify-turn.ts';
import { rectificationTransition } from '@inspecta/domain';
import type { z } from 'zod';
import type { AppContext } from '../../../platform/http/context.ts';
import { shanghaiDate } from '../../../platform/http/dates.ts';
import type { Actor } from '../../../platform/policy/policy.ts';
import { problem, refused } from '../../../platform/problems/problem.ts';
import { issueDocument } from '../documents/issue-document.ts';
import { enterpriseLine, officerLines } from '../documents/snapshot-sources.ts';
import { auditInspection } from '../inspection-store.ts';
import { findInspectionById } from '../repository.ts';
import { findFileKind } from '../record/repository.ts';
import type { TRectificationOrder, ZReviewOrderSchema } from './model.ts';
import { loadOrder, orderViews } from './order-store.ts';
import { findFindingsOfOrder, findOrderDocumentNumber, updateOrder } from './repository.ts';

// measure 13: the follow-up review (整改复查) of the submitted proof: passed → 'rectified', failed → 'failed' (the
// enterprise keeps rectifying until the deadline; past it the daily scan escalates the order). The 整改复查意见书
// is issued with its number in the same transaction.

export const reviewOrder = async (
  ctx: AppContext,
  actor: Actor,
  orderId: string,
  body: z.infer<typeof ZReviewOrderSchema>,
): Promise<TRectificationOrder> => {
  const now = ctx.clock.now();
  return ctx.db.transaction(async (tx) => {
    const order = await loadOrder(tx, actor, orderId, 'update', true);
    const next = rectificationTransition(order.status, body.passed ? 'pass' : 'fail', body.comment);
    if (!next.ok) throw refused(next);
    const inspection = await findInspectionById(tx, order.inspectionId);
    const findingRows = await findFindingsOfOrder(tx, order.findingIds);
    const unknown = (body.results ?? []).filter((result) => !order.findingIds.includes(result.findingId));
    if (unknown.length > 0) throw problem('REVIEW_FINDING_UNKNOWN');
    if (body.acknowledgement?.signed) {
      const file = await findFileKind(tx, order.inspectionId, body.acknowledgement.signatureFileId);
      if (file?.kind !== 'signature') throw problem('SIGNATURE_NOT_UPLOADED');
    }
    const orderDocument = await findOrderDocumentNumber(tx, order.id);

    const review = {
      passed: body.passed,
      comment: body.comment,
      reviewedAt: now.toISOString(),
      reviewedByName: actor.displayName,
    };
    const updated = await updateOrder(tx, order.id, { status: next.to, reviews: [...order.reviews, review] });
    const acknowledgement = body.acknowledgement
      ? body.acknowledgement.signed
        ? {
            signed: true as const,
            signerName: body.acknowledgement.signerName,
            signatureFileId: body.acknowledgement.signatureFileId,
            at: now.toISOString(),
          }
        : {
            signed: false as const,
            signerName: body.acknowledgement.signerName,
            refusalNote: body.acknowledgement.refusalNote,
            at: now.toISOString(),
          }
      : null;
    const document = await issueDocument(tx, actor, {
      inspection: inspection!,
      type: 'rectification_review',
      subjectId: order.id,
      at: now,
      snapshot: {
        enterprise: await enterpriseLine(tx, inspection!),
        orderNumber: orderDocument?.number ?? '',
        orderIssuedOn: shanghaiDate(order.issuedAt),
        reviewedOn: shanghaiDate(now),
        results: order.findingIds.map((id) => {
          const result = body.results?.find((r) => r.findingId === id);
          return {
            description: findingRows.find((row) => row.id === id)?.description ?? '',
            passed: result?.passed ?? body.passed,
            note: result?.note ?? null,
          };
        }),
        passed: body.passed,
        comment: body.comment,
        officers: officerLines(inspection!.team),
        acknowledgement,
      },
    });
    await auditInspection(
      tx,
      actor,
      inspection!,
      'rectification.order.reviewed',
      { orderId: order.id, passed: body.passed, comment: body.comment, number: document.number, to: next.to },
      now,
    );
    await notifyTurn(tx, {
      to: { enterpriseId: order.enterpriseId },
      exceptUserId: actor.id,
      dedupeKey: `order_reviewed:${order.id}:${order.reviews.length + 1}`,
      territory: order.territory,
      title: body.passed ? '整改复查通过' : '整改复查未通过',
      body: body.passed
        ? `${actor.displayName}复查了贵单位的整改，整改已通过。`
        : `${actor.displayName}复查了贵单位的整改，未通过：${body.comment || '请按整改要求继续整改'}。整改期限 ${order.deadline}。`,
      link: '/my-enterprise/rectifications',
      at: now,
    });
    return (await orderViews(tx, [updated!], now))[0]!;
  });
};
