import { eq, like, type Column, type SQL } from 'drizzle-orm';
import { readScope, type Actor, type Resource } from '../policy/policy.ts';

// The WHERE condition that restricts a list query to what the policy lets the actor read.
export const scopeCondition = (
  actor: Actor,
  resource: Resource,
  columns: { territory: Column; id?: Column },
): SQL | undefined => {
  const scope = readScope(actor, resource, columns.id !== undefined);
  return scope.kind === 'enterprise'
    ? eq(columns.id!, scope.enterpriseId)
    : territoryCondition(scope.territory, columns.territory);
};

// Province XX0000 → XX%, city XXYY00 → XXYY%, county → exact (mirrors isWithinTerritory).
export const territoryCondition = (scope: string, column: Column): SQL => {
  if (scope.endsWith('0000')) return like(column, `${scope.slice(0, 2)}%`);
  if (scope.endsWith('00')) return like(column, `${scope.slice(0, 4)}%`);
  return eq(column, scope);
};
