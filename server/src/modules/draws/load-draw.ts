import { assertCan, type Actor } from '../../platform/policy/policy.ts';
import { notFound } from '../../platform/problems/problem.ts';
import { isUuid } from '../../platform/http/paging.ts';
import type { Db, Tx } from '../../platform/db/client.ts';
import { findDrawById, type DrawRow } from './repository.ts';

export const loadDraw = async (
  db: Db | Tx,
  actor: Actor,
  id: string,
  action: 'read' | 'create' | 'update' | 'approve' | 'publish',
  lock = false,
): Promise<DrawRow> => {
  if (!isUuid(id)) throw notFound('抽取');
  const row = await findDrawById(db, id, lock);
  return assertCan(actor, 'draw', action, row, '抽取');
};

export const publicDraw = async (db: Db, id: string): Promise<DrawRow> => {
  if (!isUuid(id)) throw notFound('抽取');
  const row = await findDrawById(db, id);
  if (!row) throw notFound('抽取');
  return row;
};
