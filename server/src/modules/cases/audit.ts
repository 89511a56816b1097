import type { Tx } from '../../platform/db/client.ts';
import { appendAuditEvents, type AuditAction, type AuditPayload } from '../../platform/audit/service.ts';
import type { Actor } from '../../platform/policy/policy.ts';
import type { CaseRow } from './repository.ts';

// Every state change of a case, its documents, seizures and publication is an audit event of the case, written
// in the transaction that makes the change.
export const audit = <A extends AuditAction>(
  tx: Tx,
  actor: Actor,
  row: Pick<CaseRow, 'id' | 'territory'>,
  action: A,
  payload: AuditPayload<A>,
  at: Date,
) =>
  appendAuditEvents(tx, [
    {
      actor: { id: actor.id, displayName: actor.displayName },
      action,
      entityType: 'penalty_case',
      entityId: row.id,
      territory: row.territory,
      payload,
      at,
    },
  ]);
