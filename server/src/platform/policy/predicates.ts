import { mayUse, type Actor } from './grants.ts';

// The rules the grant table cannot say, each named for the question it answers. Modules ask these; none
// of them looks at `actor.role` itself.

// Where the actor's reach ends: staff act within their territory (属地管理); an enterprise user speaks
// for one enterprise and sees only that enterprise's own records.
export type Scope = 'territory' | 'own_enterprise';
export const scopes = ['territory', 'own_enterprise'] as const satisfies readonly Scope[];

export const actsForOwnEnterprise = (actor: Pick<Actor, 'role'>): boolean => actor.role === 'enterprise';

export const scopeOf = (actor: Pick<Actor, 'role'>): Scope =>
  actsForOwnEnterprise(actor) ? 'own_enterprise' : 'territory';

// An enterprise user linked to its enterprise reads what concerns that enterprise: the announced
// inspections' notices with their self-check lists, and its rectification orders.
const linkedToOwnEnterprise = (actor: Pick<Actor, 'role' | 'enterpriseId'>): boolean =>
  actsForOwnEnterprise(actor) && Boolean(actor.enterpriseId);

export const mayReadOwnEnterpriseNotices = linkedToOwnEnterprise;
export const mayReadOwnRectificationOrders = linkedToOwnEnterprise;

// An enterprise's own inspection burden shows completed inspections only, not what is being planned.
export const seesOnlyCompletedInspections = actsForOwnEnterprise;

// An enterprise reads its orders in the enterprise's view (no escalation: that is the officers' business).
export const seesOrdersAsEnterprise = actsForOwnEnterprise;

// Documents kept for the file (the on-site plan) are not shown to the enterprise.
export const mayReadFileOnlyDocuments = (actor: Pick<Actor, 'role'>): boolean => !actsForOwnEnterprise(actor);

// The grading overview counts every enterprise of a territory: staff only, never one enterprise's user.
export const mayReadGradingOverview = (actor: Pick<Actor, 'role'>): boolean => !actsForOwnEnterprise(actor);

// 亮码入企 (issue 12 item 3): only the inspected enterprise's own account registers the officers' arrival
// and rates the visit; an officer's session, or none, never does.
export const speaksForEnterprise = (
  actor: Pick<Actor, 'role' | 'enterpriseId'> | null,
  enterpriseId: string,
): boolean => actor !== null && linkedToOwnEnterprise(actor) && actor.enterpriseId === enterpriseId;

// issue 16: an officer asks the enterprise online to explain an alarm; its own account answers, nobody else's.
export const mayAnswerIncident = (
  actor: Pick<Actor, 'role' | 'enterpriseId'>,
  incident: { enterpriseId: string },
): boolean => linkedToOwnEnterprise(actor) && actor.enterpriseId === incident.enterpriseId;

// issue 15 item 10 (measure 22): an enterprise's own account applies to repair its credit, and reads its own
// published penalties; nobody else's account does.
export const mayApplyForCreditRepair = speaksForEnterprise;

// measure 21: the officer assigned as a drone patrol's pilot reports what the flight found and completes it.
export const mayFlyDroneMission = (actor: Pick<Actor, 'id'>, mission: { pilotId: string }): boolean =>
  actor.id === mission.pilotId;

// measure 28: a social supervisor reads an open day's inspections only as one of its participants (the account
// recorded on the participant), never the territory's other inspections.
export const observesAsParticipant = (
  actor: Pick<Actor, 'id' | 'role'>,
  participants: readonly { userId: string | null }[],
): boolean => mayUse(actor, 'observation', 'read') && participants.some((p) => p.userId === actor.id);
// measure 23: an expert's account reads and records only the dispatches that name it, and the enterprises of those.
export const actsAsExpert = (actor: Pick<Actor, 'role'>): boolean => actor.role === 'expert';
export const isDispatchedExpert = (
  actor: Pick<Actor, 'id' | 'role'>,
  dispatch: { expertUserId: string | null },
): boolean => actsAsExpert(actor) && dispatch.expertUserId !== null && dispatch.expertUserId === actor.id;
