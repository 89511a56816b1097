import type { z } from 'zod';
import type { AppContext } from '../../platform/http/context.ts';
import { shanghaiDate } from '../../platform/http/dates.ts';
import { assertCan, assertMayUse, type Actor } from '../../platform/policy/policy.ts';
import { appendAuditEvent } from '../../platform/audit/service.ts';
import type { ZConflictSchema } from './model.ts';
import { findEnterpriseTerritory, findOfficerTerritory, insertConflictDeclaration } from './repository.ts';

// A declared conflict of interest: the officer is kept out of the enterprise's draws (回避).
export const declareConflict = async (ctx: AppContext, actor: Actor, body: z.infer<typeof ZConflictSchema>) =>
  ctx.db.transaction(async (tx) => {
    assertMayUse(actor, 'draw', 'update');
    const officer = await findOfficerTerritory(tx, body.officerId);
    assertCan(actor, 'officer', 'read', officer, '执法人员');
    const enterprise = await findEnterpriseTerritory(tx, body.enterpriseId);
    assertCan(actor, 'enterprise', 'read', enterprise, '企业');
    const now = ctx.clock.now();
    const row = await insertConflictDeclaration(tx, {
      officerId: body.officerId,
      enterpriseId: body.enterpriseId,
      territory: enterprise!.territory,
      reason: body.reason,
      declaredOn: shanghaiDate(now),
      createdAt: now,
      createdByName: actor.displayName,
    });
    await appendAuditEvent(tx, {
      actor,
      action: 'officer.conflict.declared',
      entityType: 'officer',
      entityId: body.officerId,
      territory: enterprise!.territory,
      payload: { enterpriseId: body.enterpriseId, reason: body.reason },
      at: now,
    });
    return {
      id: row.id,
      officerId: row.officerId,
      enterpriseId: row.enterpriseId,
      reason: row.reason,
      declaredOn: row.declaredOn,
    };
  });
