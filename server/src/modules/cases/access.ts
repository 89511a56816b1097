import type { Tx } from '../../platform/db/client.ts';
import { isUuid } from '../../platform/http/paging.ts';
import { assertCan, type Actor } from '../../platform/policy/policy.ts';
import { notFound } from '../../platform/problems/problem.ts';
import { findCaseById } from './repository.ts';

// The case, locked for the transaction, if the actor may act on it; else 404 (another bureau's case is not found).
export const lockCase = async (tx: Tx, actor: Actor, id: string, action: 'update' | 'approve' | 'read') => {
  if (!isUuid(id)) throw notFound('案件');
  return assertCan(actor, 'penalty_case', action, await findCaseById(tx, id, true), '案件');
};

// The case (locked, in the actor's scope) and one of its measures (a seizure, a supply suspension), locked; 404 for
// either. The head's steps ask the head's grant on the case.
export const lockCaseMeasure = async <T>(
  tx: Tx,
  actor: Actor,
  ids: { caseId: string; measureId: string },
  options: {
    head: boolean;
    what: string;
    find: (tx: Tx, caseId: string, measureId: string) => Promise<T | undefined>;
  },
) => {
  const row = await lockCase(tx, actor, ids.caseId, options.head ? 'read' : 'update');
  if (options.head) assertCan(actor, 'penalty_decision', 'approve', row, '案件');
  if (!isUuid(ids.measureId)) throw notFound(options.what);
  const measure = await options.find(tx, row.id, ids.measureId);
  if (!measure) throw notFound(options.what);
  return { row, measure };
};
