import type { z } from 'zod';
import {
  mayApproveSupplySuspension,
  mayLiftSupplySuspension,
  mayProposeSupplySuspension,
} from '@inspecta/domain';
import type { Tx } from '../../platform/db/client.ts';
import type { AppContext } from '../../platform/http/context.ts';
import type { Actor } from '../../platform/policy/policy.ts';
import { problem, refused } from '../../platform/problems/problem.ts';
import { stopDecisionsInForce } from '../inspections/index.ts';
import { lockCase, lockCaseMeasure } from './access.ts';
import { audit } from './audit.ts';
import type {
  ZSupplySuspensionDecisionSchema,
  ZSupplySuspensionInputSchema,
  ZSupplySuspensionLiftSchema,
} from './model.ts';
import { findSupplySuspensionOfCase, insertSupplySuspension, updateSupplySuspension } from './repository.ts';
import { toDetail } from './service.ts';

// Issue 15 item 7 (安全生产法 第七十条): an officer of the case's territory proposes stopping the power supply or
// the supply of civil explosives, recording each fact the law requires; the bureau head approves (never one he
// proposed); the officer lifts it once the enterprise complies. A case does not close while one is proposed or in
// force. Every step is audited in its transaction.

const lockSuspension = async (tx: Tx, actor: Actor, caseId: string, suspensionId: string, head: boolean) => {
  const { row, measure } = await lockCaseMeasure(
    tx,
    actor,
    { caseId, measureId: suspensionId },
    { head, what: '停止供电、供应措施', find: findSupplySuspensionOfCase },
  );
  return { row, suspension: measure };
};

export const proposeSupplySuspension = async (
  ctx: AppContext,
  actor: Actor,
  caseId: string,
  body: z.infer<typeof ZSupplySuspensionInputSchema>,
) => {
  const now = ctx.clock.now();
  return ctx.db.transaction(async (tx) => {
    const row = await lockCase(tx, actor, caseId, 'update');
    if (row.status === 'closed') throw problem('CASE_CLOSED');
    const stops = row.inspectionId ? await stopDecisionsInForce(tx, row.inspectionId) : [];
    const enterpriseNotifiedAt = new Date(body.enterpriseNotifiedAt);
    const effectiveAt = new Date(body.effectiveAt);
    const verdict = mayProposeSupplySuspension({
      ...body,
      stopDecisionInForce: stops.length > 0,
      enterpriseNotifiedAt,
      effectiveAt,
    });
    if (!verdict.ok) throw refused(verdict);
    const suspension = await insertSupplySuspension(tx, {
      caseId: row.id,
      territory: row.territory,
      kinds: [...new Set(body.kinds)],
      suppliers: body.suppliers,
      reason: body.reason,
      enterpriseNotifiedAt,
      effectiveAt,
      urgent: body.urgent,
      urgentReason: body.urgent ? body.urgentReason?.trim() || null : null,
      status: 'proposed',
      proposedBy: actor.id,
      proposedByName: actor.displayName,
      createdAt: now,
      updatedAt: now,
    });
    await audit(
      tx,
      actor,
      row,
      'penalty_case.supply_suspension.proposed',
      {
        suspensionId: suspension.id,
        kinds: suspension.kinds,
        suppliers: body.suppliers,
        urgent: body.urgent,
      },
      now,
    );
    return toDetail(ctx, tx, row);
  });
};

export const decideSupplySuspension = async (
  ctx: AppContext,
  actor: Actor,
  caseId: string,
  suspensionId: string,
  body: z.infer<typeof ZSupplySuspensionDecisionSchema>,
) => {
  const now = ctx.clock.now();
  return ctx.db.transaction(async (tx) => {
    const { row, suspension } = await lockSuspension(tx, actor, caseId, suspensionId, true);
    if (suspension.status !== 'proposed') throw problem('SUPPLY_SUSPENSION_DECIDED');
    const self = mayApproveSupplySuspension(suspension.proposedBy, actor.id);
    if (!self.ok) throw refused(self);
    await updateSupplySuspension(tx, suspension.id, {
      status: body.approve ? 'in_force' : 'withdrawn',
      decidedByName: actor.displayName,
      decisionNote: body.note?.trim() || null,
      decidedAt: now,
      updatedAt: now,
    });
    await audit(
      tx,
      actor,
      row,
      'penalty_case.supply_suspension.decided',
      { suspensionId: suspension.id, approve: body.approve, note: body.note?.trim() || null },
      now,
    );
    return toDetail(ctx, tx, row);
  });
};

export const liftSupplySuspension = async (
  ctx: AppContext,
  actor: Actor,
  caseId: string,
  suspensionId: string,
  body: z.infer<typeof ZSupplySuspensionLiftSchema>,
) => {
  const now = ctx.clock.now();
  return ctx.db.transaction(async (tx) => {
    const { row, suspension } = await lockSuspension(tx, actor, caseId, suspensionId, false);
    const verdict = mayLiftSupplySuspension(suspension.status);
    if (!verdict.ok) throw refused(verdict);
    await updateSupplySuspension(tx, suspension.id, {
      status: 'lifted',
      liftedAt: now,
      liftNote: body.note,
      liftedByName: actor.displayName,
      updatedAt: now,
    });
    await audit(
      tx,
      actor,
      row,
      'penalty_case.supply_suspension.lifted',
      { suspensionId: suspension.id, note: body.note },
      now,
    );
    return toDetail(ctx, tx, row);
  });
};
