import { isWithinTerritory, territoryName } from '@inspecta/domain';
import { monitoringCatalog, visitsSaved, type SourceFigures } from '@inspecta/domain/monitoring';
import { scopeCondition } from '../../platform/db/scope.ts';
import type { AppContext } from '../../platform/http/context.ts';
import { assertMayUse, type Actor } from '../../platform/policy/policy.ts';
import { notFound } from '../../platform/problems/problem.ts';
import { findIncidentsOpenedBetween } from './repository.ts';
import { monitoringIncidents } from './schema.ts';

// Issue 16 item 8 (measures 7, 19–21): per month and territory of the actor's scope (or one territory inside
// it), the remote checks, the visits they avoided, the targeted visits, the time from alarm to handling and the
// false-alarm rate of each source. Months run in Beijing time; `from` and `to` are months, both included.

const monthStart = (month: string) => new Date(`${month}-01T00:00:00+08:00`);
const nextMonth = (month: string) => {
  const [year, m] = month.split('-').map(Number) as [number, number];
  return m === 12 ? `${year + 1}-01` : `${year}-${String(m + 1).padStart(2, '0')}`;
};

const sourceName = (kind: string) =>
  monitoringCatalog.sources.find((source) => source.code === kind)?.name ?? kind;

export const visitsSavedReport = async (
  ctx: AppContext,
  actor: Actor,
  query: { from: string; to: string; territory?: string },
) => {
  assertMayUse(actor, 'monitoring_incident', 'read');
  if (query.territory && !isWithinTerritory(actor.territory, query.territory)) throw notFound('辖区');
  const incidents = await findIncidentsOpenedBetween(
    ctx.db,
    scopeCondition(actor, 'monitoring_incident', { territory: monitoringIncidents.territory }),
    query.territory ?? null,
    monthStart(query.from),
    monthStart(nextMonth(query.to)),
  );
  const figures = visitsSaved(
    incidents.map((row) => ({
      territory: row.territory,
      sourceKind: row.sourceKind,
      state: row.state,
      openedAt: row.openedAt.toISOString(),
      acknowledgedAt: row.acknowledgedAt ? row.acknowledgedAt.toISOString() : null,
      closedAt: row.closedAt ? row.closedAt.toISOString() : null,
    })),
  );
  const named = <T extends { sources: SourceFigures[] }>(row: T) => ({
    ...row,
    sources: row.sources.map((source) => ({ ...source, sourceName: sourceName(source.sourceKind) })),
  });
  return {
    from: query.from,
    to: query.to,
    rows: figures.rows.map((row) => ({
      ...named(row),
      territoryName: territoryName(row.territory) ?? row.territory,
    })),
    total: named(figures.total),
  };
};
