import type { z } from 'zod';
import type { AppContext } from '../../../platform/http/context.ts';
import type { Actor } from '../../../platform/policy/policy.ts';
import { problem } from '../../../platform/problems/problem.ts';
import type { inspections } from '../schema.ts';
import { auditInspection, loadInspection } from '../inspection-store.ts';
import type { ZAcknowledgementSchema } from './model.ts';
import { findFileKind, updateAcknowledgement } from './repository.ts';

// 安全生产法 第六十八条: the enterprise head signs the inspection record; a refusal to sign is recorded with
// who witnessed it and does not stop the inspection. A later acknowledgement (the head signs after all,
// or signs again after more findings) replaces the shown one; every one stays in the audit chain.

const BASIS_68 = '《中华人民共和国安全生产法》第六十八条';

type Acknowledgement = NonNullable<(typeof inspections.$inferSelect)['acknowledgement']>;

export const acknowledgeRecord = async (
  ctx: AppContext,
  actor: Actor,
  id: string,
  body: z.infer<typeof ZAcknowledgementSchema>,
): Promise<Acknowledgement> => {
  const now = ctx.clock.now();
  return ctx.db.transaction(async (tx) => {
    const row = await loadInspection(tx, actor, id, 'update', true);
    const next: Acknowledgement = body.signed
      ? {
          signed: true,
          signerName: body.signerName,
          signerPosition: body.signerPosition || null,
          signatureFileId: body.signatureFileId,
          refusalNote: null,
          at: now.toISOString(),
        }
      : {
          signed: false,
          signerName: body.signerName,
          signerPosition: body.signerPosition || null,
          signatureFileId: null,
          refusalNote: body.refusalNote,
          at: now.toISOString(),
        };
    const current = row.acknowledgement;
    // a replayed request answers what is on record
    if (
      current &&
      current.signed === next.signed &&
      current.signerName === next.signerName &&
      (current.signerPosition ?? null) === next.signerPosition &&
      current.signatureFileId === next.signatureFileId &&
      current.refusalNote === next.refusalNote
    ) {
      return current;
    }
    if (row.stage !== 'findings_recorded') {
      throw problem('ACKNOWLEDGEMENT_NOT_NOW', { measure: 12, basis: BASIS_68 });
    }
    if (body.signed) {
      const file = await findFileKind(tx, row.id, body.signatureFileId);
      if (!file || file.kind !== 'signature') {
        throw problem('SIGNATURE_NOT_UPLOADED', { detail: body.signatureFileId, basis: BASIS_68 });
      }
    }
    await updateAcknowledgement(tx, row.id, next);
    await auditInspection(
      tx,
      { id: actor.id, displayName: actor.displayName },
      row,
      'inspection.record.acknowledged',
      { ...next, replaces: current ?? null },
      now,
    );
    return next;
  });
};
