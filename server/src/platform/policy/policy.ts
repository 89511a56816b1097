import { isWithinTerritory, territoryLevel } from '@inspecta/domain';
import { forbidden, notFound } from '../problems/problem.ts';
import { mayUse, type Action, type Actor, type Resource } from './grants.ts';
import { actsForOwnEnterprise } from './predicates.ts';

// The one place that answers "may this user do this to this record". Routes never build their own
// check: they ask `can`, `assertCan` or `scopeCondition`, or a named predicate (predicates.ts) for the
// rules the grant table (grants.ts) cannot say.

export * from './grants.ts';
export * from './predicates.ts';
export * from './duties.ts';

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

// Every id a request body names passes the same check as an id in the path (issue 12 item 2): a record that
// does not exist, or that the actor may not read (another bureau's), answers 404 as it would in the path.
export const assertReferenced = <T extends ScopedRecord>(
  actor: Actor,
  resource: Resource,
  record: T | undefined,
  what?: string,
): T => assertCan(actor, resource, 'read', record, what);

// A partner department of a joint inspection (measure 6), or an officer on a visit's team, is one of the actor's
// territory or of a level above it (a city department or the city's officers join a district's inspection);
// another district's or city's is out of reach and answers 404.
export const assertJoinable = <T extends ScopedRecord>(
  actor: Actor,
  resource: Resource,
  record: T | undefined,
  what?: string,
): T => {
  if (
    !record ||
    !mayUse(actor, resource, 'read') ||
    !(
      isWithinTerritory(actor.territory, record.territory) ||
      isWithinTerritory(record.territory, actor.territory)
    )
  )
    throw notFound(what);
  return record;
};

export const assertMayUse = (actor: Actor, resource: Resource, action: Action): void => {
  if (!mayUse(actor, resource, action)) throw forbidden();
};

// A writer may only place a record inside its own territory.
export const assertTerritoryWritable = (actor: Actor, territory: string): void => {
  if (!isWithinTerritory(actor.territory, territory)) throw forbidden();
};

// What a list query may show this actor: its territory (属地管理) or, for an enterprise user, its own
// enterprise. platform/db/scope.ts turns it into the WHERE clause.
export type ReadScope =
  { kind: 'territory'; territory: string } | { kind: 'enterprise'; enterpriseId: string };

export const readScope = (actor: Actor, resource: Resource, byEnterpriseId = false): ReadScope => {
  if (!mayUse(actor, resource, 'read')) throw forbidden();
  if (actsForOwnEnterprise(actor)) {
    if (resource !== 'enterprise' || !byEnterpriseId || !actor.enterpriseId) throw forbidden();
    return { kind: 'enterprise', enterpriseId: actor.enterpriseId };
  }
  return { kind: 'territory', territory: actor.territory };
};

// issue 11 item 12: the holiday tables are one national calendar every bureau counts by, so a county's
// reviewer does not change them for the city: only a legal reviewer of a city (or the province) enters them.
export const mayEnterHolidayTables = (actor: Actor): boolean =>
  mayUse(actor, 'holiday_table', 'update') && territoryLevel(actor.territory) !== 'county';

export const assertMayEnterHolidayTables = (actor: Actor): void => {
  if (!mayEnterHolidayTables(actor)) throw forbidden();
};

// issue 15 item 2 (measure 17): the discretion tiers are the city's 适用规则, read by every district of the city;
// only a city's legal reviewer edits them (a district's reviewer reads them, as every staff role does).
export const mayEditDiscretionTiers = (actor: Actor): boolean =>
  mayUse(actor, 'catalog', 'update') && territoryLevel(actor.territory) === 'city';

export const assertMayEditDiscretionTiers = (actor: Actor): void => {
  if (!mayEditDiscretionTiers(actor)) throw forbidden();
};
