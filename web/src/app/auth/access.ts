import type { User } from '../../api/types';

// What the menu, the routes and the buttons offer, read from the permissions the server sends with the
// user (GET /api/v1/auth/me): the same grant table the server enforces, so the two cannot drift. The
// server still decides every request.
export type Permission = User['permissions'][number];
export type Scope = User['scope'];

// A need: a grant (`officer:read`), or a grant within one reach: the registry is staff's (their territory),
// "my enterprise" an enterprise user's (its own enterprise only), though both read enterprises.
export type Need = Permission | { permission: Permission; scope: Scope };

export const ENTERPRISE_REGISTRY: Need = { permission: 'enterprise:read', scope: 'territory' };
export const OWN_ENTERPRISE: Need = { permission: 'enterprise:read', scope: 'own_enterprise' };
// The legal reviewer (法制审核) is the one role that settles 移交立案审查 items; the catalogue's sources and working
// notes are theirs to read, every other reader sees the legal basis in plain words (issue 13 item 4).
export const LEGAL_REVIEW: Need = 'case_referral:approve';

export type Holder = Pick<User, 'permissions' | 'scope'>;

export const can = (user: Holder | null | undefined, need: Need): boolean => {
  // a user kept on the phone by an older version carries no permissions: it is offered nothing
  const granted = user?.permissions ?? [];
  if (typeof need === 'string') return granted.includes(need);
  return user?.scope === need.scope && granted.includes(need.permission);
};

// The city bureau (and a province above it) oversees every county: its code ends in 00 (440700).
export const isCityLevel = (territory: string): boolean => territory.endsWith('00');
