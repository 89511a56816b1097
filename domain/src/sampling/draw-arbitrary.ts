import { createHash } from 'node:crypto';
import fc from 'fast-check';
import type { DrawSelection, PerformDrawInput } from './draw-record.ts';

// Test support: random draw inputs, and the algorithm written the naive way (node:crypto, a filtered list per
// enterprise) as an independent reference for performDraw.

const pad = (value: number) => String(value).padStart(3, '0');

export const drawInputArbitrary = (): fc.Arbitrary<PerformDrawInput> =>
  fc
    .record({
      stratumSizes: fc.array(fc.integer({ min: 0, max: 12 }), { minLength: 1, maxLength: 4 }),
      percents: fc.array(fc.integer({ min: 0, max: 100 }), { minLength: 4, maxLength: 4 }),
      inspectorCount: fc.integer({ min: 2, max: 12 }),
      teamSize: fc.integer({ min: 2, max: 3 }),
      maxAssignmentsPerInspector: fc.integer({ min: 1, max: 6 }),
      exclusionPairs: fc.array(fc.tuple(fc.nat(60), fc.nat(12)), { maxLength: 15 }),
      publicEntropy: fc.string({ minLength: 1, maxLength: 12 }).filter((entropy) => entropy.trim() !== ''),
    })
    .map(
      ({
        stratumSizes,
        percents,
        inspectorCount,
        teamSize,
        maxAssignmentsPerInspector,
        exclusionPairs,
        publicEntropy,
      }) => {
        let next = 0;
        const strata = stratumSizes.map((size, index) => {
          const codes = Array.from({ length: size }, () => `9144070${pad(next++)}`);
          return { key: `S${index}`, codes, k: Math.floor(((percents[index] ?? 0) * size) / 100) };
        });
        const inspectors = Array.from({ length: inspectorCount }, (_, index) => `44070${pad(index)}`);
        const exclusions = exclusionPairs
          .filter(([enterprise, inspector]) => enterprise < next && inspector < inspectorCount)
          .map(([enterprise, inspector]) => ({
            enterprise: `9144070${pad(enterprise)}`,
            inspector: `44070${pad(inspector)}`,
            reason: '回避',
          }));
        return {
          strata,
          inspectors,
          exclusions,
          teamSize,
          maxAssignmentsPerInspector,
          inspectionDate: '2025-06-16',
          publicEntropy,
          witnesses: ['张三', '李四'],
        };
      },
    );

const sha = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

const naiveSample = (items: readonly string[], seed: string, k: number) => {
  const taken: string[] = [];
  for (let i = 1; taken.length < k; i++) {
    const item = items[Number(BigInt(`0x${sha(`${seed},${i}`)}`) % BigInt(items.length))] as string;
    if (!taken.includes(item)) taken.push(item);
  }
  return taken;
};

// The whole of items 2, 4, 6 and 7, as a third party would write it; undefined when a team cannot be staffed.
export const naiveDraw = (
  input: PerformDrawInput,
): { seed: string; selected: DrawSelection[] } | undefined => {
  const pool = sha(
    input.strata.flatMap((stratum) => stratum.codes.map((code) => `${stratum.key}\t${code}`)).join('\n'),
  );
  const seed = sha(`${pool}\n${sha(input.inspectors.join('\n'))}\n${input.publicEntropy}`);
  const used = new Map<string, number>();
  const selected: DrawSelection[] = [];
  for (const stratum of input.strata) {
    for (const enterprise of naiveSample(stratum.codes, `${seed}:${stratum.key}`, stratum.k)) {
      const eligible = input.inspectors.filter(
        (inspector) =>
          !input.exclusions.some(
            (exclusion) => exclusion.enterprise === enterprise && exclusion.inspector === inspector,
          ) && (used.get(inspector) ?? 0) < input.maxAssignmentsPerInspector,
      );
      if (eligible.length < input.teamSize) return undefined;
      const team = naiveSample(eligible, `${seed}:inspectors:${enterprise}`, input.teamSize);
      team.forEach((inspector) => used.set(inspector, (used.get(inspector) ?? 0) + 1));
      selected.push({ stratum: stratum.key, enterprise, inspectors: team });
    }
  }
  return { seed, selected };
};
