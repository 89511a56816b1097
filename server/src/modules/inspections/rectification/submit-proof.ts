import { notifyTurn } from '../../../platform/notifications/notify-turn.ts';
import type { Multipart } from '@fastify/multipart';
import { rectificationTransition } from '@inspecta/domain';
import type { AppContext } from '../../../platform/http/context.ts';
import { seesOrdersAsEnterprise, type Actor } from '../../../platform/policy/policy.ts';
import { refused } from '../../../platform/problems/problem.ts';
import { readEvidenceUpload, storeEvidence } from '../evidence-files.ts';
import { auditInspection } from '../inspection-store.ts';
import { ZProofFieldsSchema, type TRectificationOrder } from './model.ts';
import { loadOrder, orderViews } from './order-store.ts';
import { updateOrder } from './repository.ts';

// measure 13: the enterprise uploads its proof of rectification, one file a call (a photo or a PDF) with a note.
// The first file after the order is issued (or after a failed review) opens a submission and puts the order in
// 'proof_submitted'; further files before the review join that submission. The file id is the client's: a call
// replayed after a lost answer stores and records nothing twice.

export const readProofUpload = async (parts: AsyncIterableIterator<Multipart>) => {
  const { fields, ...file } = await readEvidenceUpload(parts, ZProofFieldsSchema, '上传的整改材料');
  return { ...fields, ...file };
};

export const submitProof = async (
  ctx: AppContext,
  actor: Actor,
  orderId: string,
  upload: { id: string; note: string; data: Buffer; fileName: string | null },
): Promise<{ order: TRectificationOrder; replayed: boolean }> => {
  const now = ctx.clock.now();
  return ctx.db.transaction(async (tx) => {
    const order = await loadOrder(tx, actor, orderId, 'submit_proof', true);
    if (order.proofs.some((proof) => proof.fileIds.includes(upload.id))) {
      return { order: (await orderViews(tx, [order], now, { enterprise: true }))[0]!, replayed: true };
    }
    const status = order.status;
    const joining = status === 'proof_submitted';
    if (!joining) {
      const next = rectificationTransition(status, 'submit_proof');
      if (!next.ok) throw refused(next);
    }
    await storeEvidence(tx, {
      id: upload.id,
      inspectionId: order.inspectionId,
      territory: order.territory,
      kind: 'proof',
      data: upload.data,
      fileName: upload.fileName,
      location: null,
      byName: actor.displayName,
      at: now,
      enterpriseVisible: true,
    });
    const proofs = joining
      ? order.proofs.map((proof, i) =>
          i === order.proofs.length - 1
            ? {
                ...proof,
                fileIds: [...proof.fileIds, upload.id],
                note:
                  upload.note && !proof.note.includes(upload.note)
                    ? [proof.note, upload.note].filter(Boolean).join('\n')
                    : proof.note,
              }
            : proof,
        )
      : [
          ...order.proofs,
          {
            fileIds: [upload.id],
            note: upload.note,
            submittedAt: now.toISOString(),
            submittedByName: actor.displayName,
          },
        ];
    const updated = await updateOrder(tx, order.id, { proofs, status: 'proof_submitted' });
    await auditInspection(
      tx,
      actor,
      { id: order.inspectionId, territory: order.territory },
      'rectification.proof.submitted',
      { orderId: order.id, fileId: upload.id, note: upload.note, joined: joining },
      now,
    );
    if (!joining)
      await notifyTurn(tx, {
        to: { userIds: [order.issuedById] },
        exceptUserId: actor.id,
        dedupeKey: `proof_submitted:${order.id}:${proofs.length}`,
        territory: order.territory,
        title: '整改材料待复查',
        body: `${actor.displayName}提交了整改材料（整改期限 ${order.deadline}），请复查。`,
        link: `/inspections/${order.inspectionId}`,
        at: now,
      });
    return {
      order: (await orderViews(tx, [updated!], now, { enterprise: seesOrdersAsEnterprise(actor) }))[0]!,
      replayed: false,
    };
  });
};
