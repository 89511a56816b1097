import type { z } from 'zod';
import { CASE_REFERRAL_STATUS_NAMES, decideCaseReferral } from '@inspecta/domain';
import type { AppContext } from '../../../platform/http/context.ts';
import { isUuid } from '../../../platform/http/paging.ts';
import { notFound, refused } from '../../../platform/problems/problem.ts';
import { scopeCondition } from '../../../platform/db/scope.ts';
import { assertCan, type Actor } from '../../../platform/policy/policy.ts';
import { auditInspection } from '../inspection-store.ts';
import { caseReferrals } from '../schema.ts';
import type { ZCaseReferralDecisionSchema, ZCaseReferralListQuerySchema, TCaseReferral } from './model.ts';
import {
  findCaseReferralById,
  listCaseReferralRows,
  updateCaseReferral,
  type CaseReferralRow,
} from './repository.ts';

// measure 15 (安全生产法 第一百零二条): the legal reviewer's list of major hidden dangers referred for a case, and
// the decision that settles each one.

const toView = (row: CaseReferralRow): TCaseReferral => ({
  id: row.id,
  inspectionId: row.inspectionId,
  findingId: row.findingId,
  territory: row.territory,
  enterpriseName: row.enterpriseName,
  description: row.description,
  status: row.status,
  statusName: CASE_REFERRAL_STATUS_NAMES[row.status],
  openedAt: row.openedAt.toISOString(),
  caseReference: row.caseReference,
  reason: row.reason,
  basis: row.basis,
  decidedAt: row.decidedAt?.toISOString() ?? null,
  decidedByName: row.decidedByName,
});

export const listCaseReferrals = async (
  ctx: AppContext,
  actor: Actor,
  query: z.infer<typeof ZCaseReferralListQuerySchema>,
) => {
  const { rows, total } = await listCaseReferralRows(
    ctx.db,
    {
      scope: scopeCondition(actor, 'case_referral', { territory: caseReferrals.territory }),
      status: query.status,
      inspectionId: query.inspectionId,
    },
    query,
  );
  return {
    items: rows.map(toView),
    total,
    page: query.page,
    pageSize: query.pageSize,
    totalIsLowerBound: false,
  };
};

export const decideReferral = async (
  ctx: AppContext,
  actor: Actor,
  id: string,
  body: z.infer<typeof ZCaseReferralDecisionSchema>,
): Promise<TCaseReferral> => {
  const now = ctx.clock.now();
  if (!isUuid(id)) throw notFound('移交立案审查事项');
  return ctx.db.transaction(async (tx) => {
    const row = assertCan(
      actor,
      'case_referral',
      'approve',
      await findCaseReferralById(tx, id, true),
      '移交立案审查事项',
    );
    const decided = decideCaseReferral(row.status, body);
    if (!decided.ok) throw refused(decided);
    const updated = await updateCaseReferral(tx, row.id, {
      status: decided.to,
      caseReference: body.outcome === 'case_opened' ? body.caseReference : null,
      reason: body.outcome === 'no_case' ? body.reason : null,
      basis: body.outcome === 'no_case' ? body.basis : null,
      decidedAt: now,
      decidedByName: actor.displayName,
    });
    await auditInspection(
      tx,
      actor,
      { id: row.inspectionId, territory: row.territory },
      'inspection.case_referral.decided',
      {
        referralId: row.id,
        outcome: body.outcome,
        caseReference: updated.caseReference,
        reason: updated.reason,
        basis: updated.basis,
      },
      now,
    );
    return toView(updated);
  });
};
