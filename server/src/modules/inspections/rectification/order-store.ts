import { isOverdue, RECTIFICATION_STATUS_NAMES, type RectificationStatus } from '@inspecta/domain';
import { shanghaiDate } from '../../../platform/http/dates.ts';
import { isUuid } from '../../../platform/http/paging.ts';
import { actsForOwnEnterprise, assertCan, type Action, type Actor } from '../../../platform/policy/policy.ts';
import { notFound } from '../../../platform/problems/problem.ts';
import type { Db, Tx } from '../../../platform/db/client.ts';
import { toDocumentItem } from '../documents/service.ts';
import {
  findClosuresOf,
  findDocumentsOfSubjects,
  findEnterpriseNamesOf,
  findFindingsOfOrder,
  findOrderById,
  type OrderRow,
} from './repository.ts';
import type { TRectificationOrder } from './model.ts';

// measure 13: one place where an order is read (staff of its territory through the policy module; the enterprise
// user only for its own enterprise, and only to read and to submit proof) and shown.

export type { OrderRow };

export const loadOrder = async (
  db: Db | Tx,
  actor: Actor,
  id: string,
  action: Action | 'submit_proof',
  lock = false,
): Promise<OrderRow> => {
  if (!isUuid(id)) throw notFound('整改指令');
  const row = await findOrderById(db, id, lock);
  if (actsForOwnEnterprise(actor)) {
    // the enterprise reads its own orders and submits proof for them; nothing else
    if (
      !row ||
      !actor.enterpriseId ||
      row.enterpriseId !== actor.enterpriseId ||
      (action !== 'read' && action !== 'submit_proof')
    )
      throw notFound('整改指令');
    return row;
  }
  if (action === 'submit_proof') throw notFound('整改指令');
  return assertCan(actor, 'rectification', action, row, '整改指令');
};

// 移交立案候选: escalated by the scan, or past the deadline and waiting for it
export const escalationCandidate = (status: RectificationStatus, deadline: string, today: string) =>
  status === 'escalated' || isOverdue({ status, deadline }, today);

export const orderViews = async (
  db: Db | Tx,
  rows: OrderRow[],
  now: Date,
  options: { enterprise?: boolean } = {},
): Promise<TRectificationOrder[]> => {
  if (rows.length === 0) return [];
  const today = shanghaiDate(now);
  const orderIds = rows.map((row) => row.id);
  const findingIds = [...new Set(rows.flatMap((row) => row.findingIds))];
  const inspectionIds = [...new Set(rows.map((row) => row.inspectionId))];
  const [findingRows, names, documents, closures] = await Promise.all([
    findingIds.length > 0 ? findFindingsOfOrder(db, findingIds) : Promise.resolve([]),
    findEnterpriseNamesOf(db, inspectionIds),
    findDocumentsOfSubjects(db, orderIds),
    rows.some((row) => row.status === 'closed_without_rectification')
      ? findClosuresOf(db, inspectionIds)
      : Promise.resolve([]),
  ]);
  const findingById = new Map(findingRows.map((row) => [row.id, row]));
  const nameById = new Map(names.map((row) => [row.id, row.enterpriseName]));
  return rows.map((row) => {
    const status = row.status;
    const closure = closures.find((event) => (event.payload as { orderId?: string }).orderId === row.id);
    return {
      id: row.id,
      inspectionId: row.inspectionId,
      territory: row.territory,
      enterpriseId: row.enterpriseId,
      enterpriseName: nameById.get(row.inspectionId) ?? '',
      findings: row.findingIds.flatMap((id) => {
        const finding = findingById.get(id);
        return finding
          ? [
              {
                id,
                itemCode: finding.itemCode,
                description: finding.description,
                basis: finding.basis,
                howToFix: finding.howToFix,
                majorHiddenDanger: finding.majorHiddenDanger,
              },
            ]
          : [];
      }),
      requirements: row.requirements,
      deadline: row.deadline,
      deadlineWorkdays: row.deadlineWorkdays,
      deadlinePendingYears: row.deadlinePendingYears,
      status,
      statusName: RECTIFICATION_STATUS_NAMES[status],
      overdue: isOverdue({ status, deadline: row.deadline }, today),
      escalationCandidate: options.enterprise ? false : escalationCandidate(status, row.deadline, today),
      proofs: row.proofs,
      reviews: row.reviews,
      escalation: options.enterprise ? null : (row.escalation ?? null),
      closure: closure
        ? {
            at: closure.at.toISOString(),
            reason: (closure.payload as { reason: string }).reason,
            byName: closure.actorName,
          }
        : null,
      issuedAt: row.issuedAt.toISOString(),
      issuedByName: row.issuedByName,
      documents: documents.filter((doc) => doc.subjectId === row.id).map(toDocumentItem),
    };
  });
};
