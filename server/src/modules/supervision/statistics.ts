import {
  METRIC_INFO,
  OUTLIER_SIDE_NAMES,
  SUPERVISION_METRICS,
  assessUnits,
  supervisionCatalog,
  type UnitCounts,
} from '@inspecta/domain';
import { scopeCondition } from '../../platform/db/scope.ts';
import type { AppContext } from '../../platform/http/context.ts';
import { assertMayUse, type Actor } from '../../platform/policy/policy.ts';
import { problem } from '../../platform/problems/problem.ts';
import { enforcementComplaints } from './schema.ts';
import { complaintCounts, inspectionFigures, type InspectionFigures } from './repository.ts';

// measures 18 and 29: supervision that watches leniency as closely as excess. Per bureau and per officer over a
// period: the problem-finding rate, orders per inspection, penalties per finding, fines against the discretion
// benchmark's proposal, repeat visits to the same enterprise and the complaint rate; the units beyond the
// catalogue's threshold on either side are listed with the inspections and cases behind them.

const CASES_SHOWN = 10;

type Unit = UnitCounts & { rows: InspectionFigures[]; seen: Set<string> };

const emptyUnit = (key: string, name: string): Unit => ({
  key,
  name,
  inspections: 0,
  inspectionsWithFindings: 0,
  findings: 0,
  orders: 0,
  penalties: 0,
  fineFen: 0,
  benchmarkFen: 0,
  repeatVisits: 0,
  complaints: 0,
  rows: [],
  seen: new Set(),
});

const add = (unit: Unit, row: InspectionFigures) => {
  unit.inspections += 1;
  if (row.findings > 0) unit.inspectionsWithFindings += 1;
  unit.findings += row.findings;
  unit.orders += row.orders;
  unit.penalties += row.penalties;
  unit.fineFen += row.fineFen;
  unit.benchmarkFen += row.benchmarkFen;
  if (unit.seen.has(row.enterpriseId)) unit.repeatVisits += 1;
  unit.seen.add(row.enterpriseId);
  unit.rows.push(row);
};

const severity = (row: InspectionFigures) => row.findings + row.orders + row.penalties * 2;

export const supervisionStatistics = async (
  ctx: AppContext,
  actor: Actor,
  query: { from: string; to: string },
) => {
  assertMayUse(actor, 'supervision_statistics', 'read');
  const days = (Date.parse(query.to) - Date.parse(query.from)) / 86_400_000;
  if (!(days >= 0) || days > 366 * 3) throw problem('STATISTICS_PERIOD_INVALID');
  const [rows, complaints] = await Promise.all([
    inspectionFigures(ctx.db, {
      scope: (columns) => scopeCondition(actor, 'inspection', columns),
      ...query,
    }),
    complaintCounts(ctx.db, {
      scope: scopeCondition(actor, 'complaint', { territory: enforcementComplaints.territory }),
      ...query,
    }),
  ]);
  const bureaus = new Map<string, Unit>();
  const officers = new Map<string, Unit>();
  for (const row of rows) {
    const bureau = bureaus.get(row.territory) ?? emptyUnit(row.territory, row.organisationName);
    bureaus.set(row.territory, bureau);
    add(bureau, row);
    for (const member of row.team) {
      const key = member.officerId ?? `certificate:${member.certificate}`;
      const officer = officers.get(key) ?? emptyUnit(key, member.name);
      officers.set(key, officer);
      add(officer, row);
    }
  }
  for (const count of complaints) {
    const bureau = bureaus.get(count.territory);
    if (bureau) bureau.complaints += count.n;
    if (count.officerId) {
      const officer = officers.get(count.officerId);
      if (officer) officer.complaints += count.n;
    }
  }
  const thresholds = supervisionCatalog.outliers;
  const present = (units: Map<string, Unit>) => {
    const list = [...units.values()].sort((a, b) =>
      a.name === b.name ? (a.key < b.key ? -1 : 1) : a.name < b.name ? -1 : 1,
    );
    return assessUnits(list, thresholds).map((assessed, index) => {
      const unit = list[index]!;
      const ordered = [...unit.rows].sort((a, b) => severity(a) - severity(b));
      const casesFor = (side: 'lenient' | 'severe') =>
        (side === 'lenient' ? ordered : [...ordered].reverse()).slice(0, CASES_SHOWN).map((row) => ({
          inspectionId: row.id,
          enterpriseName: row.enterpriseName,
          on: row.on,
          findings: row.findings,
          orders: row.orders,
          penalties: row.penalties,
          caseIds: row.caseIds,
        }));
      return {
        key: assessed.key,
        officerId: unit.key.includes(':') || unit.key.length !== 36 ? null : unit.key,
        name: assessed.name,
        inspections: assessed.inspections,
        inspectionsWithFindings: assessed.inspectionsWithFindings,
        findings: assessed.findings,
        orders: assessed.orders,
        penalties: assessed.penalties,
        fineFen: assessed.fineFen,
        benchmarkFen: assessed.benchmarkFen,
        repeatVisits: assessed.repeatVisits,
        complaints: assessed.complaints,
        metrics: assessed.metrics,
        assessed: assessed.assessed,
        flags: assessed.flags.map((flag) => ({
          ...flag,
          sideName: OUTLIER_SIDE_NAMES[flag.side],
          cases: casesFor(flag.side),
        })),
      };
    });
  };
  const officerUnits = present(officers);
  return {
    from: query.from,
    to: query.to,
    thresholds: {
      standardDeviations: thresholds.standardDeviations,
      minInspections: thresholds.minInspections,
      minPeers: thresholds.minPeers,
      source: thresholds.source,
      verified: thresholds.verified,
    },
    metrics: SUPERVISION_METRICS.map((metric) => ({ code: metric, name: METRIC_INFO[metric].name })),
    bureaus: present(bureaus).map(({ officerId: _officerId, ...unit }) => unit),
    officers: officerUnits,
  };
};
