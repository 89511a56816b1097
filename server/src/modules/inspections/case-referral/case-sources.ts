import { decideCaseReferral, type FindingSource } from '@inspecta/domain';
import type { Tx } from '../../../platform/db/client.ts';
import { problem, refused } from '../../../platform/problems/problem.ts';
import { assertCan, assertReferenced, type Actor } from '../../../platform/policy/policy.ts';
import { auditInspection } from '../inspection-store.ts';
import { findInspectionById } from '../repository.ts';
import { findOrderById } from '../rectification/repository.ts';
import { findCaseReferralById, findFindingSource, updateCaseReferral } from './repository.ts';

// issue 15 item 3: where a penalty case begins. The cases module asks through the inspections door; the 移交立案审查
// item is settled by the case (its reference recorded) in the same transaction that opens it.

export type CaseOrigin = {
  territory: string;
  reference: string;
  inspectionId: string;
  enterpriseId: string;
  enterpriseName: string;
  summary: string;
  foundBy: FindingSource;
  majorHiddenDanger: boolean;
};

export const settleReferralWithCase = async (
  tx: Tx,
  actor: Actor,
  referralId: string,
  // the case's reference, numbered in the referral's bureau
  makeReference: (territory: string) => Promise<string>,
  now: Date,
): Promise<CaseOrigin> => {
  const row = assertCan(
    actor,
    'case_referral',
    'approve',
    await findCaseReferralById(tx, referralId, true),
    '移交立案审查事项',
  );
  const reference = await makeReference(row.territory);
  const caseReference = `案件 ${reference}`;
  const decided = decideCaseReferral(row.status, { outcome: 'case_opened', caseReference });
  if (!decided.ok) throw refused(decided);
  await updateCaseReferral(tx, row.id, {
    status: decided.to,
    caseReference,
    reason: null,
    basis: null,
    decidedAt: now,
    decidedByName: actor.displayName,
  });
  await auditInspection(
    tx,
    actor,
    { id: row.inspectionId, territory: row.territory },
    'inspection.case_referral.decided',
    { referralId: row.id, outcome: 'case_opened', caseReference, reason: null, basis: null },
    now,
  );
  const inspection = await findInspectionById(tx, row.inspectionId);
  const foundBy = await findFindingSource(tx, row.findingId);
  return {
    territory: row.territory,
    reference,
    inspectionId: row.inspectionId,
    enterpriseId: inspection!.enterpriseId,
    enterpriseName: row.enterpriseName,
    summary: row.description,
    foundBy: foundBy ?? 'inspection',
    majorHiddenDanger: true,
  };
};

// An order escalated after its deadline passed without rectification (逾期未整改).
export const overdueOrderForCase = async (tx: Tx, actor: Actor, orderId: string): Promise<CaseOrigin> => {
  const order = assertReferenced(actor, 'rectification', await findOrderById(tx, orderId, true), '整改指令');
  if (order.status !== 'escalated' && order.status !== 'failed') throw problem('CASE_ORDER_NOT_OVERDUE');
  const inspection = await findInspectionById(tx, order.inspectionId);
  return {
    territory: order.territory,
    reference: '',
    inspectionId: order.inspectionId,
    enterpriseId: order.enterpriseId,
    enterpriseName: inspection?.enterpriseName ?? '',
    summary: `逾期未整改：${order.requirements}`,
    foundBy: 'inspection',
    majorHiddenDanger: false,
  };
};
