import { sampleTrace } from './rivest-sampler.ts';
import { eligibleInspectors } from './eligible-inspectors.ts';
import type { DrawRecord, DrawSelection } from './draw-record.ts';

// Items 6 and 7 of inspecta-draw-v1, shared by performDraw, verifyDraw and replaceRecusedInspector so the
// three can never disagree (measure 5). Inputs are assumed checked; k is clamped so a tampered record
// cannot make the sampler loop forever.

export type DrawParameters = Pick<
  DrawRecord,
  'strata' | 'inspectors' | 'exclusions' | 'teamSize' | 'maxAssignmentsPerInspector' | 'seed'
>;

export type TeamShortage = {
  stratum: string;
  enterprise: string;
  roster: number;
  excluded: number;
  atCap: number;
  eligible: number;
  teamSize: number;
};

// The team sampler's state for one enterprise, for a later replacement (item 9).
export type TeamTrace = { index: number; eligible: string[]; lastI: number };

export type SelectionOutcome = { selected: DrawSelection[]; shortage?: TeamShortage; trace?: TeamTrace };

export const enterpriseSeed = (seed: string, stratumKey: string) => `${seed}:${stratumKey}`;
export const inspectorSeed = (seed: string, enterprise: string) => `${seed}:inspectors:${enterprise}`;

// Item 6: each stratum in record order, the sampler over its codes with s = seed + ":" + key, taking k.
export const selectEnterprises = (seed: string, strata: DrawParameters['strata']) =>
  strata.flatMap((stratum) => {
    const k = Math.max(0, Math.min(Math.trunc(stratum.k), stratum.codes.length));
    return sampleTrace(enterpriseSeed(seed, stratum.key), stratum.codes.length, k).positions.map(
      (position) => ({
        stratum: stratum.key,
        enterprise: stratum.codes[position - 1] as string,
      }),
    );
  });

const positionsByInspector = (inspectors: readonly string[]) => {
  const positions = new Map<string, number[]>();
  inspectors.forEach((inspector, position) =>
    positions.set(inspector, [...(positions.get(inspector) ?? []), position]),
  );
  return positions;
};

// Item 7: for each selected enterprise in selection order, eligible = inspectors minus its exclusions minus
// officers already assigned maxAssignmentsPerInspector times, in sorted order; the sampler with
// s = seed + ":inspectors:" + code takes teamSize. Stops at the first enterprise that cannot be staffed.
export const computeSelection = (
  parameters: DrawParameters,
  options: { traceEnterprise?: string } = {},
): SelectionOutcome => {
  const { inspectors, seed, maxAssignmentsPerInspector } = parameters;
  const teamSize = Math.max(0, Math.trunc(parameters.teamSize));
  const positions = positionsByInspector(inspectors);
  const excludedFor = new Map<string, Set<string>>();
  for (const { enterprise, inspector } of parameters.exclusions) {
    excludedFor.set(enterprise, (excludedFor.get(enterprise) ?? new Set()).add(inspector));
  }
  const open = eligibleInspectors(inspectors.length);
  if (maxAssignmentsPerInspector < 1) inspectors.forEach((_, position) => open.close(position));
  const assignments = new Map<string, number>();
  const selected: DrawSelection[] = [];
  let trace: TeamTrace | undefined;

  for (const { stratum, enterprise } of selectEnterprises(seed, parameters.strata)) {
    // this enterprise's exclusions close their positions for this team only
    const excludedPositions = [...(excludedFor.get(enterprise) ?? [])].flatMap(
      (inspector) => positions.get(inspector) ?? [],
    );
    const closedHere = excludedPositions.filter((position) => open.isOpen(position));
    const roster = inspectors.length;
    const excluded = excludedPositions.length;
    closedHere.forEach(open.close);
    const eligible = open.count();
    if (eligible < teamSize) {
      closedHere.forEach(open.open);
      return {
        selected,
        shortage: {
          stratum,
          enterprise,
          roster,
          excluded,
          atCap: roster - excluded - eligible,
          eligible,
          teamSize,
        },
      };
    }
    const team = sampleTrace(inspectorSeed(seed, enterprise), eligible, teamSize);
    const members = team.positions.map((rank) => inspectors[open.at(rank)] as string);
    if (enterprise === options.traceEnterprise && trace === undefined) {
      trace = {
        index: selected.length,
        eligible: inspectors.filter((_, position) => open.isOpen(position)),
        lastI: team.lastI,
      };
    }
    closedHere.forEach(open.open);
    for (const member of members) {
      const assigned = (assignments.get(member) ?? 0) + 1;
      assignments.set(member, assigned);
      if (assigned >= maxAssignmentsPerInspector) (positions.get(member) ?? []).forEach(open.close);
    }
    selected.push({ stratum, enterprise, inspectors: members });
  }
  return trace ? { selected, trace } : { selected };
};
