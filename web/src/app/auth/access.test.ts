import { describe, expect, it } from 'vitest';
import { navItemsFor, navKeyOf } from '../layout/menu-items';
import { can, ENTERPRISE_REGISTRY, OWN_ENTERPRISE, type Holder } from './access';

// What GET /api/v1/auth/me answers for these roles (the server's grant table, server/src/platform/policy).
const inspector: Holder = {
  scope: 'territory',
  permissions: [
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
  ],
};
const enterprise: Holder = { scope: 'own_enterprise', permissions: ['enterprise:read'] };
const expert: Holder = { scope: 'territory', permissions: [] };

const menuOf = (user: Holder) => navItemsFor(user).map((item) => item.key);

describe('the permissions the server sends', () => {
  it('open 执法人员 and 执法主体与机构 to an inspector, as the server lets it read them', () => {
    expect(can(inspector, 'officer:read')).toBe(true);
    expect(menuOf(inspector)).toEqual(expect.arrayContaining(['officers', 'organisations']));
  });

  it('keep what an inspector may not do out of its menu and buttons', () => {
    expect(menuOf(inspector)).not.toContain('audit');
    expect(menuOf(inspector)).not.toContain('ratings');
    expect(can(inspector, 'officer:create')).toBe(false);
    expect(can(inspector, 'onsite_plan:approve')).toBe(false);
  });

  it('give an enterprise user its own enterprise, not the registry', () => {
    expect(can(enterprise, OWN_ENTERPRISE)).toBe(true);
    expect(can(enterprise, ENTERPRISE_REGISTRY)).toBe(false);
    expect(can(inspector, OWN_ENTERPRISE)).toBe(false);
    expect(menuOf(enterprise)).toEqual([
      'home',
      'my-enterprise',
      'my-credit',
      'my-monitoring-questions',
      'my-rectifications',
      'expert-help',
    ]);
    // each of the enterprise's own pages lights its own entry, not 我的企业's
    expect(navKeyOf('/my-enterprise/credit')).toBe('my-credit');
    expect(navKeyOf('/my-enterprise/rectifications')).toBe('my-rectifications');
    expect(navKeyOf('/my-enterprise')).toBe('my-enterprise');
  });

  it('offer a role without grants only the home page', () => {
    expect(menuOf(expert)).toEqual(['home']);
  });

  it('offer nothing to a user kept offline by an older version, which carries no permissions', () => {
    const old = { scope: 'territory' } as Holder;
    expect(can(old, 'inspection:update')).toBe(false);
    expect(can(null, 'inspection:read')).toBe(false);
  });
});
