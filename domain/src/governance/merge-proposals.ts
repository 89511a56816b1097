import { monthOf, yearOf } from '../calendar/iso-day.ts';
import type { IsoDate } from '../shared/iso-date.ts';
import type { MergePeriod } from './governance-catalog.ts';

// measure 8: "合理统筹同一时期同一企业检查事项，合并一次检查". Open inspections of one enterprise falling in the
// same period, whichever department planned them, are proposed as one visit with every matter and department;
// a proposal the user declined (with a reason) for exactly those inspections is not proposed again.

export type MergeCandidate = {
  id: string;
  enterpriseId: string;
  plannedOn: IsoDate;
  status: string;
  matters: readonly string[];
  organisationId: string | null;
  organisationName: string;
  partners?: readonly { organisationId: string | null; organisationName: string }[];
};

export type MergeDepartment = { organisationId: string | null; organisationName: string };

export type MergeProposal = {
  enterpriseId: string;
  period: string;
  inspectionIds: string[];
  matters: string[];
  departments: MergeDepartment[];
  // the earliest planned, as the visit the others join
  suggestedIntoId: string;
  firstPlannedOn: IsoDate;
  lastPlannedOn: IsoDate;
};

export type MergeDecided = { inspectionIds: readonly string[] };

// '2026-05', '2026-Q2' or '2026'.
export const periodKey = (date: IsoDate, period: MergePeriod): string => {
  const year = String(yearOf(date));
  if (period === 'year') return year;
  if (period === 'quarter') return `${year}-Q${Math.ceil(monthOf(date) / 3)}`;
  return `${year}-${String(monthOf(date)).padStart(2, '0')}`;
};

const setKey = (ids: readonly string[]): string => [...ids].sort().join(',');

const byPlannedOn = (a: MergeCandidate, b: MergeCandidate) =>
  a.plannedOn < b.plannedOn ? -1 : a.plannedOn > b.plannedOn ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0;

const departmentsOf = (group: readonly MergeCandidate[]): MergeDepartment[] => {
  const seen = new Map<string, MergeDepartment>();
  for (const inspection of group) {
    const all = [
      { organisationId: inspection.organisationId, organisationName: inspection.organisationName },
      ...(inspection.partners ?? []),
    ];
    for (const department of all) {
      const key = department.organisationId ?? `name:${department.organisationName}`;
      if (!seen.has(key))
        seen.set(key, {
          organisationId: department.organisationId,
          organisationName: department.organisationName,
        });
    }
  }
  return [...seen.values()];
};

export const mergeProposals = (
  inspections: readonly MergeCandidate[],
  options: { period: MergePeriod; declined?: readonly MergeDecided[] },
): MergeProposal[] => {
  const declined = new Set((options.declined ?? []).map((decision) => setKey(decision.inspectionIds)));
  const groups = new Map<string, MergeCandidate[]>();
  for (const inspection of inspections) {
    if (inspection.status !== 'planned') continue;
    const key = `${inspection.enterpriseId}|${periodKey(inspection.plannedOn, options.period)}`;
    const group = groups.get(key);
    if (group) group.push(inspection);
    else groups.set(key, [inspection]);
  }
  const proposals: MergeProposal[] = [];
  for (const group of groups.values()) {
    if (group.length < 2) continue;
    const sorted = [...group].sort(byPlannedOn);
    const ids = sorted.map((inspection) => inspection.id);
    if (declined.has(setKey(ids))) continue;
    const first = sorted[0]!;
    proposals.push({
      enterpriseId: first.enterpriseId,
      period: periodKey(first.plannedOn, options.period),
      inspectionIds: ids,
      matters: [...new Set(sorted.flatMap((inspection) => inspection.matters))].sort(),
      departments: departmentsOf(sorted),
      suggestedIntoId: first.id,
      firstPlannedOn: first.plannedOn,
      lastPlannedOn: sorted[sorted.length - 1]!.plannedOn,
    });
  }
  return proposals.sort((a, b) =>
    a.firstPlannedOn < b.firstPlannedOn
      ? -1
      : a.firstPlannedOn > b.firstPlannedOn
        ? 1
        : a.enterpriseId < b.enterpriseId
          ? -1
          : 1,
  );
};
