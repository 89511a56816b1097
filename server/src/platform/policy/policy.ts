import { isWithinTerritory } from '@inspecta/domain';
import { eq, like, type SQL, type Column } from 'drizzle-orm';
import { forbidden, notFound } from '../http/problem.ts';
import { mayUse, type Action, type Actor, type Resource } from './grants.ts';
import { actsForOwnEnterprise } from './predicates.ts';

// The one place that answers "may this user do this to this record". Routes never build their own
// check: they ask `can`, `assertCan` or `scopeCondition`, or a named predicate (predicates.ts) for the
// rules the grant table (grants.ts) cannot say.

export * from './grants.ts';
export * from './predicates.ts';

type ScopedRecord = { territory: string; id?: string };

// Whether the actor may act on this particular record: role, then territory (属地管理), then, for an
// enterprise user, only its own enterprise.
export const can = (actor: Actor, resource: Resource, action: Action, record: ScopedRecord): boolean => {
  if (!mayUse(actor, resource, action)) return false;
  if (actsForOwnEnterprise(actor)) return resource === 'enterprise' && record.id === actor.enterpriseId;
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
  if (actsForOwnEnterprise(actor)) {
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
