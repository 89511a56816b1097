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
