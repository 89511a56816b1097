import { transition, type InspectionEvent, type InspectionStage } from '@inspecta/domain';
import { shanghaiDate } from '../../platform/http/dates.ts';
import type { Action, Actor } from '../../platform/policy/policy.ts';
import { assertCan } from '../../platform/policy/policy.ts';
import { notFound, refused } from '../../platform/problems/problem.ts';
import { isUuid } from '../../platform/http/paging.ts';
import { appendAuditEvent, type AuditAction, type AuditPayload } from '../../platform/audit/service.ts';
import type { Db, Tx } from '../../platform/db/client.ts';
import type { inspections } from './schema.ts';
import { findInspectionById, updateInspection, type InspectionRow } from './repository.ts';

// One place where an inspection is read for the on-site work and moved along its lifecycle
// (domain/src/inspection/lifecycle.ts). Every move writes an audit event on the inspection in the same
// transaction: the inspection's timeline (measure 12) is the audit chain filtered to it.

export type { InspectionRow };

export const loadInspection = async (
  db: Db | Tx,
  actor: Actor,
  id: string,
  action: Action,
  lock = false,
): Promise<InspectionRow> => {
  if (!isUuid(id)) throw notFound('检查');
  const row = await findInspectionById(db, id, lock);
  return assertCan(actor, 'inspection', action, row, '检查');
};

export const auditInspection = <A extends AuditAction>(
  tx: Tx,
  actor: { id: string | null; displayName: string },
  row: Pick<InspectionRow, 'id' | 'territory'>,
  action: A,
  payload: AuditPayload<A>,
  at: Date,
) =>
  appendAuditEvent(tx, {
    actor,
    action,
    entityType: 'inspection',
    entityId: row.id,
    territory: row.territory,
    payload,
    at,
  });

// An inspection is completed once its result is on record (documents issued, or a remote check that found
// nothing): the day is kept; the coarse status is read from the stage (domain/src/inspection/status.ts).
const completedOnFor = (stage: InspectionStage, at: Date): Partial<typeof inspections.$inferInsert> =>
  stage === 'concluded' || stage === 'closed_without_visit' ? { completedOn: shanghaiDate(at) } : {};

// Moves the inspection by one lifecycle event, or throws the domain's refusal (422 with measure and basis).
export const advanceStage = async (
  tx: Tx,
  actor: { id: string | null; displayName: string },
  row: InspectionRow,
  event: InspectionEvent,
  action: AuditAction,
  payload: Record<string, unknown>,
  at: Date,
  extra: Partial<typeof inspections.$inferInsert> = {},
): Promise<InspectionStage> => {
  const next = transition(row.stage, event);
  if (!next.ok) throw refused(next);
  await updateInspection(tx, row.id, { ...extra, ...completedOnFor(next.to, at), stage: next.to });
  await auditInspection(tx, actor, row, action, { ...payload, from: row.stage, to: next.to, event }, at);
  return next.to;
};
