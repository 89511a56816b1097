import { isWithinTerritory } from '@inspecta/domain';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireActor } from '../../../platform/http/actor.ts';
import { appendAuditEvent } from '../../../platform/audit/service.ts';
import type { Db, Tx } from '../../../platform/db/client.ts';
import type { AppContext } from '../../../platform/http/context.ts';
import { isUuid, pageOf } from '../../../platform/http/paging.ts';
import { forbidden, notFound, problem } from '../../../platform/problems/problem.ts';
import {
  assertMayUse,
  mayDelegatePlanApproval,
  mayReceivePlanApproval,
  type Actor,
  type PlanApprovalDelegation,
} from '../../../platform/policy/policy.ts';
import { ZDelegationInputSchema, ZDelegationSchema } from './model.ts';
import {
  findActiveUsersOfRole,
  findAllDelegations,
  findDelegation,
  findDelegationsOf,
  findUserForDelegation,
  insertDelegation,
  revokeDelegationRow,
  type DelegationRow,
} from './repository.ts';

// measure 11: "经部门负责人审批". A unit head (科室负责人) approves on-site plans only under a delegation the bureau
// head records: to whom, for which kinds of inspection within the bureau's territory, from when to when. A
// delegation is revoked, never deleted; both are on the audit chain.

const view = (row: DelegationRow) => ({
  id: row.id,
  territory: row.territory,
  delegateId: row.delegateId,
  delegateName: row.delegateName,
  kinds: row.kinds,
  scopeNote: row.scopeNote,
  validFrom: row.validFrom,
  validTo: row.validTo,
  grantedByName: row.grantedByName,
  grantedAt: row.grantedAt.toISOString(),
  revokedAt: row.revokedAt?.toISOString() ?? null,
});

// The actor's own delegations, as the policy reads them when it decides a plan.
export const delegationsForDecision = async (db: Db | Tx, actor: Actor): Promise<PlanApprovalDelegation[]> =>
  (await findDelegationsOf(db, actor.id)).map((row) => ({
    delegateId: row.delegateId,
    territory: row.territory,
    kinds: row.kinds,
    validFrom: row.validFrom,
    validTo: row.validTo,
    revoked: row.revokedAt !== null,
  }));

export const delegatePlanApproval = async (
  ctx: AppContext,
  actor: Actor,
  body: z.infer<typeof ZDelegationInputSchema>,
) =>
  ctx.db.transaction(async (tx) => {
    if (!mayDelegatePlanApproval(actor)) throw forbidden();
    const delegate = await findUserForDelegation(tx, body.delegateId);
    // an account outside the bureau's territory is answered as one that does not exist (issue 12 item 2)
    if (!delegate || !isWithinTerritory(actor.territory, delegate.territory)) throw notFound();
    if (!delegate.active || !mayReceivePlanApproval(delegate))
      throw problem('DELEGATION_DELEGATE_NOT_UNIT_HEAD', { measure: 11 });
    const now = ctx.clock.now();
    const row = await insertDelegation(tx, {
      territory: actor.territory,
      delegateId: delegate.id,
      delegateName: delegate.displayName,
      kinds: body.kinds,
      scopeNote: body.scopeNote,
      validFrom: body.validFrom,
      validTo: body.validTo,
      grantedById: actor.id,
      grantedByName: actor.displayName,
      grantedAt: now,
    });
    await appendAuditEvent(tx, {
      actor,
      action: 'user.plan_approval.delegated',
      entityType: 'user',
      entityId: delegate.id,
      territory: actor.territory,
      payload: {
        delegationId: row.id,
        kinds: body.kinds,
        scopeNote: body.scopeNote,
        validFrom: body.validFrom,
        validTo: body.validTo,
      },
      at: now,
    });
    return view(row);
  });

export const revokeDelegation = async (ctx: AppContext, actor: Actor, id: string) =>
  ctx.db.transaction(async (tx) => {
    if (!mayDelegatePlanApproval(actor)) throw forbidden();
    const row = isUuid(id) ? await findDelegation(tx, id) : undefined;
    if (!row || !isWithinTerritory(actor.territory, row.territory)) throw problem('DELEGATION_NOT_FOUND');
    if (row.revokedAt) throw problem('DELEGATION_ALREADY_REVOKED');
    const now = ctx.clock.now();
    const revoked = await revokeDelegationRow(tx, row.id, now);
    await appendAuditEvent(tx, {
      actor,
      action: 'user.plan_approval.revoked',
      entityType: 'user',
      entityId: row.delegateId,
      territory: row.territory,
      payload: { delegationId: row.id },
      at: now,
    });
    return view(revoked);
  });

// The delegations of the actor's territory (a unit head sees the ones it holds).
export const listDelegations = async (ctx: AppContext, actor: Actor) => {
  assertMayUse(actor, 'onsite_plan', 'read');
  const rows = (await findAllDelegations(ctx.db)).filter(
    (row) =>
      isWithinTerritory(actor.territory, row.territory) &&
      (mayDelegatePlanApproval(actor) || row.delegateId === actor.id),
  );
  return {
    items: rows.map(view),
    total: rows.length,
    page: 1,
    pageSize: Math.max(rows.length, 1),
    totalIsLowerBound: false,
  };
};

// Whom the bureau head may delegate to: the active unit heads of its territory.
export const delegateCandidates = async (ctx: AppContext, actor: Actor) => {
  if (!mayDelegatePlanApproval(actor)) throw forbidden();
  return { items: await findActiveUsersOfRole(ctx.db, 'unit_head', actor.territory) };
};

export const delegationRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    const tags = ['onsite'];
    app.get(
      '/plan-approval-delegations',
      {
        schema: {
          tags,
          summary: '现场检查方案审批委托：部门负责人委托科室负责人审批的范围与期限（措施第十一项）',
          response: { 200: pageOf(ZDelegationSchema) },
        },
      },
      async (request) => listDelegations(ctx, requireActor(request)),
    );
    app.get(
      '/plan-approval-delegations/candidates',
      {
        schema: {
          tags,
          summary: '可受委托审批现场检查方案的科室负责人（本辖区，部门负责人）',
          response: {
            200: z.object({
              items: z.array(z.object({ id: z.uuid(), displayName: z.string(), territory: z.string() })),
            }),
          },
        },
      },
      async (request) => delegateCandidates(ctx, requireActor(request)),
    );
    app.post(
      '/plan-approval-delegations',
      {
        schema: {
          tags,
          summary: '部门负责人委托科室负责人审批现场检查方案（写明范围与期限）',
          body: ZDelegationInputSchema,
          response: { 201: ZDelegationSchema },
        },
      },
      async (request, reply) =>
        reply.status(201).send(await delegatePlanApproval(ctx, requireActor(request), request.body)),
    );
    app.post(
      '/plan-approval-delegations/:id/revoke',
      {
        schema: {
          tags,
          summary: '收回现场检查方案审批委托',
          params: z.object({ id: z.string().max(64) }),
          response: { 200: ZDelegationSchema },
        },
      },
      async (request) => revokeDelegation(ctx, requireActor(request), request.params.id),
    );
  };
