import { and, eq, inArray, sql, type SQL } from 'drizzle-orm';
import { officers } from './schema.ts';

// A bureau's own roster: officers of the territory's emergency-management bodies (the bureau, its units and
// the organisations it entrusts). Partner departments' officers (measure 6) are registered too, for joint
// inspections, but never count as the bureau's inspectors (measure 9).
export const bureauRosterCondition = (territory: string): SQL =>
  and(
    eq(officers.territory, territory),
    inArray(officers.organisationId, sql`(select id from organisations where kind in ('bureau', 'internal_unit', 'entrusted'))`),
  )!;
