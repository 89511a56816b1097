import { isWithinTerritory } from '@inspecta/domain';
import { mayUse, type Actor } from './grants.ts';

// Separation of duties (issue 12 item 7; measure 11): nobody approves what they drafted, and nobody closes
// without rectification an order they issued. And who approves an on-site plan at all: the 部门负责人
// (bureau head), or a unit head under a delegation the bureau head recorded, within its scope and term.

// Who wrote a record: its user id, or only the name on records older than the id.
export type Author = { id: string | null; name: string };

export const isAuthor = (actor: Pick<Actor, 'id' | 'displayName'>, author: Author): boolean =>
  author.id !== null ? author.id === actor.id : author.name === actor.displayName;

// A delegation as the bureau head recorded it.
export type PlanApprovalDelegation = {
  delegateId: string;
  territory: string;
  kinds: readonly string[];
  validFrom: string;
  validTo: string;
  revoked: boolean;
};

export type PlanDecisionAnswer =
  { ok: true; under: 'grant' | 'delegation' } | { ok: false; reason: 'own_draft' | 'not_bureau_head' };

// Whether the actor may approve or return this on-site plan on this day.
export const mayDecideOnsitePlan = (
  actor: Actor,
  plan: { draftedBy: Author; inspection: { territory: string; kind: string } },
  options: { date: string; delegations: readonly PlanApprovalDelegation[] },
): PlanDecisionAnswer => {
  if (isAuthor(actor, plan.draftedBy)) return { ok: false, reason: 'own_draft' };
  if (mayUse(actor, 'onsite_plan', 'approve')) return { ok: true, under: 'grant' };
  const delegated =
    mayReceivePlanApproval(actor) &&
    options.delegations.some(
      (delegation) =>
        delegation.delegateId === actor.id &&
        !delegation.revoked &&
        delegation.validFrom <= options.date &&
        options.date <= delegation.validTo &&
        delegation.kinds.includes(plan.inspection.kind) &&
        isWithinTerritory(delegation.territory, plan.inspection.territory),
    );
  return delegated ? { ok: true, under: 'delegation' } : { ok: false, reason: 'not_bureau_head' };
};

// Only who holds the approval itself (the bureau head) records a delegation of it, and only to a unit head
// of its own territory.
export const mayDelegatePlanApproval = (actor: Pick<Actor, 'role'>): boolean =>
  mayUse(actor, 'onsite_plan', 'approve');
export const mayReceivePlanApproval = (delegate: Pick<Actor, 'role'>): boolean =>
  delegate.role === 'unit_head';

// measure 5 "等渠道": an inspection on an "other" trigger goes ahead once the bureau head approves the trigger.
export const mayApproveOtherTrigger = (actor: Pick<Actor, 'role'>): boolean =>
  mayUse(actor, 'onsite_plan', 'approve');

// measure 13: closing an order without rectification is for a head (the grant), never the order's issuer.
export const mayCloseOrderWithoutRectification = (actor: Actor, order: { issuedBy: Author }): boolean =>
  mayUse(actor, 'rectification', 'approve') && !isAuthor(actor, order.issuedBy);
