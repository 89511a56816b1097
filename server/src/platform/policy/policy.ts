import { isWithinTerritory } from '@inspecta/domain';
import { eq, like, type SQL, type Column } from 'drizzle-orm';
import { forbidden, notFound } from '../http/problem.ts';

// The one place that answers "may this user do this to this record". Routes never build their own
// check: they ask `can`, `assertCan` or `scopeCondition`.

export const roles = [
  'inspector',
  'unit_head',
  'bureau_head',
  'legal_reviewer',
  'enterprise',
  'expert',
  'social_supervisor',
  'admin',
] as const;
export type Role = (typeof roles)[number];

export type Actor = {
  id: string;
  username: string;
  displayName: string;
  role: Role;
  territory: string;
  organisationId: string | null;
  enterpriseId: string | null;
};

export type Resource =
  | 'enterprise'
  | 'organisation'
  | 'officer'
  | 'audit'
  | 'catalog'
  | 'grading_run'
  | 'guide_list'
  | 'annual_plan'
  | 'monthly_plan'
  | 'draw'
  | 'inspection'
  | 'onsite_plan'
  | 'rectification';
export type Action = 'read' | 'create' | 'update' | 'approve' | 'publish';

const staff: Role[] = ['inspector', 'unit_head', 'bureau_head', 'legal_reviewer', 'admin'];

const grants: Record<Resource, Partial<Record<Action, Role[]>>> = {
  enterprise: {
    read: [...staff, 'enterprise'],
    create: ['inspector', 'unit_head', 'bureau_head', 'admin'],
    update: ['inspector', 'unit_head', 'bureau_head', 'admin'],
  },
  organisation: {
    read: ['unit_head', 'bureau_head', 'legal_reviewer', 'admin', 'inspector'],
    create: ['admin'],
    update: ['admin'],
  },
  officer: {
    read: ['unit_head', 'bureau_head', 'legal_reviewer', 'admin', 'inspector'],
    create: ['admin'],
    update: ['admin'],
  },
  audit: { read: ['legal_reviewer', 'admin'] },
  // legal catalogues are not secret: every staff role reads them (fact forms need the credit grades)
  catalog: { read: staff },
  grading_run: { read: ['legal_reviewer', 'bureau_head', 'admin'], create: ['admin'] },
  // measure 4: generated and reviewed by legal reviewers, approved and published by them or the bureau head
  guide_list: {
    read: staff,
    create: ['legal_reviewer'],
    update: ['legal_reviewer'],
    approve: ['legal_reviewer', 'bureau_head'],
    publish: ['legal_reviewer', 'bureau_head'],
  },
  // measure 1: the legal reviewer (法制审核) computes and submits the plan, records the government's
  // approval and the upper-level filing, and publishes it
  annual_plan: {
    read: staff,
    create: ['legal_reviewer'],
    update: ['legal_reviewer'],
    approve: ['legal_reviewer'],
    publish: ['legal_reviewer'],
  },
  // measure 2: unit heads draft and submit next month's plan; the legal reviewer, as the supervision
  // unit (执法监督机构), files it
  monthly_plan: {
    read: staff,
    create: ['unit_head'],
    update: ['unit_head'],
    approve: ['legal_reviewer'],
  },
  // measures 5, 12: the legal reviewer (法制审核) freezes pools and runs the draw session; only the bureau
  // head approves a cancellation (item 9)
  draw: {
    read: staff,
    create: ['legal_reviewer'],
    update: ['legal_reviewer'],
    approve: ['bureau_head'],
    publish: ['legal_reviewer'],
  },
  inspection: {
    read: staff,
    create: ['inspector', 'unit_head', 'bureau_head'],
    update: ['inspector', 'unit_head', 'bureau_head'],
    approve: ['unit_head', 'bureau_head'],
  },
  // measure 11: the officers draft the on-site plan; the department head approves it
  onsite_plan: {
    read: staff,
    create: ['inspector', 'unit_head'],
    update: ['inspector', 'unit_head'],
    approve: ['unit_head', 'bureau_head'],
  },
  // measure 13: officers issue and review orders; the enterprise's own proofs are checked in the service
  rectification: {
    read: staff,
    create: ['inspector', 'unit_head'],
    update: ['inspector', 'unit_head'],
    approve: ['unit_head', 'bureau_head'],
  },
};

export const mayUse = (actor: Actor, resource: Resource, action: Action): boolean =>
  grants[resource][action]?.includes(actor.role) ?? false;

type ScopedRecord = { territory: string; id?: string };

// Whether the actor may act on this particular record: role, then territory (属地管理), then, for an
// enterprise user, only its own enterprise.
export const can = (actor: Actor, resource: Resource, action: Action, record: ScopedRecord): boolean => {
  if (!mayUse(actor, resource, action)) return false;
  if (actor.role === 'enterprise') return resource === 'enterprise' && record.id === actor.enterpriseId;
  return isWithinTerritory(actor.territory, record.territory);
};

// Out-of-scope records answer 404, not 403, so their existence does not leak.
export const assertCan = <T extends ScopedRecord>(
  actor: Actor,
  resource: Resource,
  action: Action,
  record: T | undefined,
  what?: string,
): T => {
  if (
    !mayUse(actor, resource, action) &&
    action !== 'read' &&
    record &&
    can(actor, resource, 'read', record)
  ) {
    throw forbidden();
  }
  if (!record || !can(actor, resource, action, record)) throw notFound(what);
  return record;
};

export const assertMayUse = (actor: Actor, resource: Resource, action: Action): void => {
  if (!mayUse(actor, resource, action)) throw forbidden();
};

// A writer may only place a record inside its own territory.
export const assertTerritoryWritable = (actor: Actor, territory: string): void => {
  if (!isWithinTerritory(actor.territory, territory)) throw forbidden();
};

// The WHERE condition that restricts a list query to what the actor may read.
export const scopeCondition = (
  actor: Actor,
  resource: Resource,
  columns: { territory: Column; id?: Column },
): SQL | undefined => {
  if (!mayUse(actor, resource, 'read')) throw forbidden();
  if (actor.role === 'enterprise') {
    if (resource !== 'enterprise' || !columns.id || !actor.enterpriseId) throw forbidden();
    return eq(columns.id, actor.enterpriseId);
  }
  return territoryCondition(actor.territory, columns.territory);
};

// Province XX0000 → XX%, city XXYY00 → XXYY%, county → exact (mirrors isWithinTerritory).
export const territoryCondition = (scope: string, column: Column): SQL => {
  if (scope.endsWith('0000')) return like(column, `${scope.slice(0, 2)}%`);
  if (scope.endsWith('00')) return like(column, `${scope.slice(0, 4)}%`);
  return eq(column, scope);
};
