import { describe, expect, it } from 'vitest';
import {
  actions,
  actsForOwnEnterprise,
  can,
  mayReadFileOnlyDocuments,
  mayReadGradingOverview,
  mayReadOwnEnterpriseNotices,
  mayReadOwnRectificationOrders,
  mayCloseOrderWithoutRectification,
  mayDecideOnsitePlan,
  mayDelegatePlanApproval,
  mayApproveOtherTrigger,
  mayUse,
  permissionsOf,
  type PlanApprovalDelegation,
  resources,
  roles,
  scopeOf,
  seesOnlyCompletedInspections,
  seesOrdersAsEnterprise,
  type Actor,
  type Permission,
  type Role,
} from './policy.ts';

// The expected answer of every grant, role by role: written out, not derived, so a change to the grant
// table shows here as a change a reviewer reads.
const expected: Record<Role, Permission[]> = {
  admin: [
    'enterprise:read',
    'enterprise:create',
    'enterprise:update',
    'organisation:read',
    'organisation:create',
    'organisation:update',
    'officer:read',
    'officer:create',
    'officer:update',
    'audit:read',
    'catalog:read',
    'grading_run:read',
    'grading_run:create',
    'guide_list:read',
    'annual_plan:read',
    'monthly_plan:read',
    'draw:read',
    'inspection:read',
    'onsite_plan:read',
    'rectification:read',
    'case_referral:read',
    'penalty_case:read',
    'penalty_decision:read',
    'holiday_table:read',
    'user:update',
    'monitoring_source:read',
    'monitoring_source:create',
    'monitoring_source:update',
    'monitoring_incident:read',
    'drone_mission:read',
    'open_day:read',
    'annual_report:read',
    'report:read',
    'report_reward:read',
    'internal_reporting:read',
    'complaint:read',
    'case_review:read',
    'supervision_statistics:read',
    'expert:read',
    'expert:create',
    'expert:update',
    'expert_dispatch:read',
    'team:read',
    'team:create',
    'team:update',
  ],
  legal_reviewer: [
    'enterprise:read',
    'organisation:read',
    'officer:read',
    'audit:read',
    'catalog:read',
    'catalog:update',
    'grading_run:read',
    'guide_list:read',
    'guide_list:create',
    'guide_list:update',
    'guide_list:approve',
    'guide_list:publish',
    'annual_plan:read',
    'annual_plan:create',
    'annual_plan:update',
    'annual_plan:approve',
    'annual_plan:publish',
    'monthly_plan:read',
    'monthly_plan:approve',
    'draw:read',
    'draw:create',
    'draw:update',
    'draw:publish',
    'inspection:read',
    'onsite_plan:read',
    'rectification:read',
    'case_referral:read',
    'case_referral:approve',
    'penalty_case:read',
    'penalty_case:create',
    'penalty_case:approve',
    'penalty_decision:read',
    'holiday_table:read',
    'holiday_table:update',
    'monitoring_source:read',
    'monitoring_incident:read',
    'drone_mission:read',
    'open_day:read',
    'open_day:create',
    'open_day:update',
    'open_day:approve',
    'annual_report:read',
    'annual_report:create',
    'report:read',
    'report_reward:read',
    'internal_reporting:read',
    'complaint:read',
    'complaint:create',
    'complaint:update',
    'case_review:read',
    'case_review:create',
    'case_review:update',
    'case_review:approve',
    'supervision_statistics:read',
    'accountability_record:read',
    'accountability_record:create',
    'accountability_record:update',
    'expert:read',
    'expert_dispatch:read',
    'team:read',
  ],
  bureau_head: [
    'enterprise:read',
    'enterprise:create',
    'enterprise:update',
    'organisation:read',
    'officer:read',
    'catalog:read',
    'grading_run:read',
    'guide_list:read',
    'guide_list:approve',
    'guide_list:publish',
    'annual_plan:read',
    'monthly_plan:read',
    'draw:read',
    'draw:approve',
    'inspection:read',
    'inspection:create',
    'inspection:update',
    'inspection:approve',
    'onsite_plan:read',
    'onsite_plan:approve',
    'rectification:read',
    'rectification:approve',
    'case_referral:read',
    'penalty_case:read',
    'penalty_decision:read',
    'penalty_decision:approve',
    'holiday_table:read',
    'monitoring_source:read',
    'monitoring_incident:read',
    'monitoring_incident:update',
    'drone_mission:read',
    'drone_mission:create',
    'drone_mission:update',
    'open_day:read',
    'open_day:create',
    'open_day:update',
    'open_day:approve',
    'annual_report:read',
    'annual_report:publish',
    'report:read',
    'report:update',
    'report:approve',
    'report_reward:read',
    'report_reward:approve',
    'internal_reporting:read',
    'internal_reporting:create',
    'internal_reporting:update',
    'complaint:read',
    'complaint:create',
    'complaint:update',
    'case_review:read',
    'case_review:update',
    'supervision_statistics:read',
    'accountability_record:read',
    'accountability_record:create',
    'accountability_record:update',
    'accountability_record:approve',
    'expert:read',
    'expert:create',
    'expert:update',
    'expert_dispatch:read',
    'expert_dispatch:create',
    'team:read',
    'team:create',
    'team:update',
    'team:approve',
  ],
  unit_head: [
    // measure 11: 部门负责人 only; a unit head approves under a recorded delegation (duties below)
    'enterprise:read',
    'enterprise:create',
    'enterprise:update',
    'organisation:read',
    'officer:read',
    'catalog:read',
    'guide_list:read',
    'annual_plan:read',
    'monthly_plan:read',
    'monthly_plan:create',
    'monthly_plan:update',
    'draw:read',
    'inspection:read',
    'inspection:create',
    'inspection:update',
    'inspection:approve',
    'onsite_plan:read',
    'onsite_plan:create',
    'onsite_plan:update',
    'rectification:read',
    'rectification:create',
    'rectification:update',
    'rectification:approve',
    'case_referral:read',
    'penalty_case:read',
    'penalty_case:create',
    'penalty_case:update',
    'penalty_decision:read',
    'holiday_table:read',
    'monitoring_source:read',
    'monitoring_source:update',
    'monitoring_incident:read',
    'monitoring_incident:update',
    'drone_mission:read',
    'drone_mission:create',
    'drone_mission:update',
    'open_day:read',
    'open_day:create',
    'open_day:update',
    'annual_report:read',
    'report:read',
    'report:update',
    'report_reward:read',
    'report_reward:create',
    'report_reward:update',
    'report_reward:approve',
    'internal_reporting:read',
    'internal_reporting:create',
    'internal_reporting:update',
    'complaint:read',
    'complaint:create',
    'complaint:update',
    'case_review:read',
    'case_review:update',
    'supervision_statistics:read',
    'expert:read',
    'expert:create',
    'expert:update',
    'expert_dispatch:read',
    'expert_dispatch:create',
    'team:read',
    'team:create',
    'team:update',
  ],
  inspector: [
    'enterprise:read',
    'enterprise:create',
    'enterprise:update',
    'organisation:read',
    'officer:read',
    'catalog:read',
    'guide_list:read',
    'annual_plan:read',
    'monthly_plan:read',
    'draw:read',
    'inspection:read',
    'inspection:create',
    'inspection:update',
    'onsite_plan:read',
    'onsite_plan:create',
    'onsite_plan:update',
    'rectification:read',
    'rectification:create',
    'rectification:update',
    'case_referral:read',
    'penalty_case:read',
    'penalty_case:update',
    'penalty_decision:read',
    'holiday_table:read',
    'monitoring_source:read',
    'monitoring_incident:read',
    'monitoring_incident:update',
    'drone_mission:read',
    'drone_mission:create',
    'drone_mission:update',
    'open_day:read',
    'annual_report:read',
    'report:read',
    'report:update',
    'report_reward:read',
    'internal_reporting:read',
    'internal_reporting:create',
    'internal_reporting:update',
    'complaint:read',
    'complaint:create',
    'case_review:read',
    'expert:read',
    'expert_dispatch:read',
    'team:read',
  ],
  // its own enterprise only (scope own_enterprise); its notices, orders and documents through the predicates
  enterprise: ['enterprise:read'],
  expert: ['expert_dispatch:read', 'expert_dispatch:update'],
  social_supervisor: ['observation:read', 'observation:create'],
  // measure 27: handles reports, reads the reporter's identity (audited), proposes rewards
  report_officer: [
    'report:read',
    'report:update',
    'report_identity:read',
    'report_reward:read',
    'report_reward:create',
    'report_reward:update',
    'internal_reporting:read',
  ],
};

type Predicates = {
  scope: 'territory' | 'own_enterprise';
  actsForOwnEnterprise: boolean;
  mayReadOwnEnterpriseNotices: boolean;
  mayReadOwnRectificationOrders: boolean;
  seesOnlyCompletedInspections: boolean;
  seesOrdersAsEnterprise: boolean;
  mayReadFileOnlyDocuments: boolean;
  mayReadGradingOverview: boolean;
};

const staffAnswers: Predicates = {
  scope: 'territory',
  actsForOwnEnterprise: false,
  mayReadOwnEnterpriseNotices: false,
  mayReadOwnRectificationOrders: false,
  seesOnlyCompletedInspections: false,
  seesOrdersAsEnterprise: false,
  mayReadFileOnlyDocuments: true,
  mayReadGradingOverview: true,
};

// Every predicate's answer per role, for an actor linked to an enterprise where the role has one.
const expectedPredicates: Record<Role, Predicates> = {
  admin: staffAnswers,
  legal_reviewer: staffAnswers,
  bureau_head: staffAnswers,
  unit_head: staffAnswers,
  inspector: staffAnswers,
  enterprise: {
    scope: 'own_enterprise',
    actsForOwnEnterprise: true,
    mayReadOwnEnterpriseNotices: true,
    mayReadOwnRectificationOrders: true,
    seesOnlyCompletedInspections: true,
    seesOrdersAsEnterprise: true,
    mayReadFileOnlyDocuments: false,
    mayReadGradingOverview: false,
  },
  // the outside roles hold no grant; the predicates that widen an enterprise's view do not apply to them
  expert: staffAnswers,
  social_supervisor: staffAnswers,
  report_officer: staffAnswers,
};

const enterpriseId = '00000000-0000-4000-8000-000000000001';
const actorOf = (role: Role, territory = '440703'): Actor => ({
  id: '00000000-0000-4000-8000-000000000002',
  username: role,
  displayName: role,
  role,
  territory,
  organisationId: null,
  enterpriseId: role === 'enterprise' ? enterpriseId : null,
});

const predicatesOf = (actor: Actor): Predicates => ({
  scope: scopeOf(actor),
  actsForOwnEnterprise: actsForOwnEnterprise(actor),
  mayReadOwnEnterpriseNotices: mayReadOwnEnterpriseNotices(actor),
  mayReadOwnRectificationOrders: mayReadOwnRectificationOrders(actor),
  seesOnlyCompletedInspections: seesOnlyCompletedInspections(actor),
  seesOrdersAsEnterprise: seesOrdersAsEnterprise(actor),
  mayReadFileOnlyDocuments: mayReadFileOnlyDocuments(actor),
  mayReadGradingOverview: mayReadGradingOverview(actor),
});

describe('the grant table, role by role', () => {
  it('covers every role', () => {
    expect(Object.keys(expected).sort()).toEqual([...roles].sort());
  });

  describe.each(roles)('%s', (role) => {
    it('holds exactly its expected permissions', () => {
      expect(permissionsOf({ role })).toEqual(expected[role]);
    });

    it('is answered the same by mayUse for every resource and action', () => {
      for (const resource of resources) {
        for (const action of actions) {
          expect(mayUse(actorOf(role), resource, action), `${role} ${resource}:${action}`).toBe(
            expected[role].includes(`${resource}:${action}`),
          );
        }
      }
    });

    it('answers every named predicate as expected', () => {
      expect(predicatesOf(actorOf(role))).toEqual(expectedPredicates[role]);
    });
  });

  it('lets an inspector read officers and organisations (the web once said no)', () => {
    expect(permissionsOf({ role: 'inspector' })).toEqual(
      expect.arrayContaining(['officer:read', 'organisation:read']),
    );
  });

  it('gives an enterprise user without a linked enterprise neither notices nor orders', () => {
    const unlinked = { ...actorOf('enterprise'), enterpriseId: null };
    expect(mayReadOwnEnterpriseNotices(unlinked)).toBe(false);
    expect(mayReadOwnRectificationOrders(unlinked)).toBe(false);
  });
});

describe('a record within reach', () => {
  const record = { id: enterpriseId, territory: '440703' };

  it('lets staff act within their territory and below, not beside it', () => {
    expect(can(actorOf('inspector'), 'enterprise', 'update', record)).toBe(true);
    expect(can(actorOf('inspector', '440700'), 'enterprise', 'update', record)).toBe(true);
    expect(can(actorOf('inspector', '440705'), 'enterprise', 'read', record)).toBe(false);
  });

  it('lets an enterprise user read its own enterprise and nothing else', () => {
    const enterprise = actorOf('enterprise', '440703');
    expect(can(enterprise, 'enterprise', 'read', record)).toBe(true);
    expect(can(enterprise, 'enterprise', 'read', { ...record, id: 'another' })).toBe(false);
    expect(can(enterprise, 'enterprise', 'update', record)).toBe(false);
    expect(can(enterprise, 'inspection', 'read', record)).toBe(false);
  });

  it('refuses a role without the grant whatever the territory', () => {
    expect(can(actorOf('expert'), 'enterprise', 'read', record)).toBe(false);
    expect(can(actorOf('admin', '440000'), 'inspection', 'create', record)).toBe(false);
  });
});

// Issue 12 item 7 and issue 11 item 5: separation of duties, role by role. Written out, not derived.
describe('separation of duties, role by role', () => {
  type Duties = {
    // approves an on-site plan someone else drafted, with no delegation
    decidesOthersPlan: boolean;
    // approves a plan it drafted itself
    decidesOwnPlan: boolean;
    // approves someone else's plan under a delegation to it, in scope and term
    decidesUnderDelegation: boolean;
    // closes without rectification an order someone else issued
    closesOthersOrder: boolean;
    // closes without rectification an order it issued itself
    closesOwnOrder: boolean;
    delegatesPlanApproval: boolean;
    approvesOtherTrigger: boolean;
  };
  const none: Duties = {
    decidesOthersPlan: false,
    decidesOwnPlan: false,
    decidesUnderDelegation: false,
    closesOthersOrder: false,
    closesOwnOrder: false,
    delegatesPlanApproval: false,
    approvesOtherTrigger: false,
  };
  const expectedDuties: Record<Role, Duties> = {
    bureau_head: {
      ...none,
      decidesOthersPlan: true,
      decidesUnderDelegation: true,
      closesOthersOrder: true,
      delegatesPlanApproval: true,
      approvesOtherTrigger: true,
    },
    unit_head: { ...none, decidesUnderDelegation: true, closesOthersOrder: true },
    inspector: none,
    legal_reviewer: none,
    admin: none,
    enterprise: none,
    expert: none,
    social_supervisor: none,
    report_officer: none,
  };
  const me = actorOf('inspector');
  const inspection = { territory: '440703', kind: 'targeted' };
  const someoneElse = { id: '00000000-0000-4000-8000-0000000000ff', name: '另一名执法人员' };
  const delegationTo = (actor: Actor): PlanApprovalDelegation => ({
    delegateId: actor.id,
    territory: '440703',
    kinds: ['targeted'],
    validFrom: '2026-12-01',
    validTo: '2026-12-31',
    revoked: false,
  });
  const decide = (
    actor: Actor,
    draftedBy: { id: string | null; name: string },
    delegations: PlanApprovalDelegation[],
  ) => mayDecideOnsitePlan(actor, { draftedBy, inspection }, { date: '2026-12-03', delegations }).ok;
  const dutiesOf = (actor: Actor): Duties => ({
    decidesOthersPlan: decide(actor, someoneElse, []),
    decidesOwnPlan: decide(actor, { id: actor.id, name: actor.displayName }, [delegationTo(actor)]),
    decidesUnderDelegation: decide(actor, someoneElse, [delegationTo(actor)]),
    closesOthersOrder: mayCloseOrderWithoutRectification(actor, { issuedBy: someoneElse }),
    closesOwnOrder: mayCloseOrderWithoutRectification(actor, {
      issuedBy: { id: actor.id, name: me.displayName },
    }),
    delegatesPlanApproval: mayDelegatePlanApproval(actor),
    approvesOtherTrigger: mayApproveOtherTrigger(actor),
  });

  it.each(roles)('%s', (role) => {
    expect(dutiesOf(actorOf(role))).toEqual(expectedDuties[role]);
  });

  it('tells an author of an older record by name when no id was kept', () => {
    const head = actorOf('bureau_head');
    expect(decide(head, { id: null, name: head.displayName }, [])).toBe(false);
    expect(mayCloseOrderWithoutRectification(head, { issuedBy: { id: null, name: head.displayName } })).toBe(
      false,
    );
  });

  it('holds a delegation only within its term, kinds and territory, and not once revoked', () => {
    const unitHead = actorOf('unit_head');
    const ok = delegationTo(unitHead);
    expect(decide(unitHead, someoneElse, [ok])).toBe(true);
    expect(decide(unitHead, someoneElse, [{ ...ok, validTo: '2026-12-02' }])).toBe(false);
    expect(decide(unitHead, someoneElse, [{ ...ok, validFrom: '2026-12-04' }])).toBe(false);
    expect(decide(unitHead, someoneElse, [{ ...ok, kinds: ['double_random'] }])).toBe(false);
    expect(decide(unitHead, someoneElse, [{ ...ok, territory: '440705' }])).toBe(false);
    expect(decide(unitHead, someoneElse, [{ ...ok, revoked: true }])).toBe(false);
    expect(decide(unitHead, someoneElse, [{ ...ok, delegateId: someoneElse.id }])).toBe(false);
  });
});
