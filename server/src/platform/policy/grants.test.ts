import { describe, expect, it } from 'vitest';
import {
  actions,
  actsForOwnEnterprise,
  can,
  mayReadFileOnlyDocuments,
  mayReadGradingOverview,
  mayReadOwnEnterpriseNotices,
  mayReadOwnRectificationOrders,
  mayUse,
  permissionsOf,
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
    'holiday_table:read',
  ],
  legal_reviewer: [
    'enterprise:read',
    'organisation:read',
    'officer:read',
    'audit:read',
    'catalog:read',
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
    'holiday_table:read',
    'holiday_table:update',
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
    'holiday_table:read',
  ],
  unit_head: [
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
    'onsite_plan:approve',
    'rectification:read',
    'rectification:create',
    'rectification:update',
    'rectification:approve',
    'holiday_table:read',
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
    'holiday_table:read',
  ],
  // its own enterprise only (scope own_enterprise); its notices, orders and documents through the predicates
  enterprise: ['enterprise:read'],
  expert: [],
  social_supervisor: [],
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
