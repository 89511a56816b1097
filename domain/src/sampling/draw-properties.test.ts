import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { sortByCodePoint } from './code-point-order.ts';
import { computeSelection } from './compute-selection.ts';
import { drawInputArbitrary, naiveDraw } from './draw-arbitrary.ts';
import { performDraw } from './perform-draw.ts';
import { verifyDraw } from './verify-draw.ts';

const runs = { numRuns: 200 };

describe('draw properties (measures 5 and 12)', () => {
  it('agrees with a naive third-party implementation, staffing every team or refusing exactly when it cannot', () => {
    fc.assert(
      fc.property(drawInputArbitrary(), (input) => {
        const result = performDraw(input);
        const reference = naiveDraw(input);
        if (reference === undefined)
          expect(result).toMatchObject({ ok: false, code: 'DRAW_NOT_ENOUGH_INSPECTORS' });
        else
          expect(result).toMatchObject({
            ok: true,
            record: { seed: reference.seed, selected: reference.selected },
          });
      }),
      runs,
    );
  });

  it('never gives an enterprise an excluded or over-cap inspector', () => {
    fc.assert(
      fc.property(drawInputArbitrary(), (input) => {
        const result = performDraw(input);
        if (!result.ok) return;
        const assignments = new Map<string, number>();
        for (const { enterprise, inspectors } of result.record.selected) {
          for (const inspector of inspectors) {
            expect(input.exclusions).not.toContainEqual(expect.objectContaining({ enterprise, inspector }));
            assignments.set(inspector, (assignments.get(inspector) ?? 0) + 1);
          }
        }
        for (const count of assignments.values())
          expect(count).toBeLessThanOrEqual(input.maxAssignmentsPerInspector);
      }),
      runs,
    );
  });

  it('gives every team teamSize distinct officers from the roster', () => {
    fc.assert(
      fc.property(drawInputArbitrary(), (input) => {
        const result = performDraw(input);
        if (!result.ok) return;
        for (const { inspectors } of result.record.selected) {
          expect(new Set(inspectors).size).toBe(input.teamSize);
          inspectors.forEach((inspector) => expect(input.inspectors).toContain(inspector));
        }
      }),
      runs,
    );
  });

  it('draws each stratum independently: with the seed held, changing one stratum’s codes and k leaves the others’ selections alone', () => {
    fc.assert(
      fc.property(
        drawInputArbitrary(),
        fc.nat(),
        fc.array(fc.integer({ min: 100, max: 999 }), { maxLength: 6 }),
        fc.string({ minLength: 1 }),
        (input, pick, extra, seed) => {
          if (input.strata.length < 2) return;
          const changed = pick % input.strata.length;
          const parameters = { ...input, exclusions: [], maxAssignmentsPerInspector: 1_000_000, seed };
          const altered = parameters.strata.map((stratum, index) => {
            if (index !== changed) return stratum;
            const codes = sortByCodePoint([
              ...new Set([...stratum.codes, ...extra.map((code) => `8${code}`)]),
            ]);
            return { ...stratum, codes, k: Math.floor(codes.length / 2) };
          });
          const key = input.strata[changed]?.key;
          const others = (strata: typeof altered) =>
            computeSelection({ ...parameters, strata }).selected.filter((entry) => entry.stratum !== key);
          expect(others(altered)).toEqual(others(parameters.strata));
        },
      ),
      runs,
    );
  });

  it('says 一致 for every draw it makes', () => {
    fc.assert(
      fc.property(drawInputArbitrary(), (input) => {
        const result = performDraw(input);
        if (result.ok) expect(verifyDraw(result.record)).toEqual({ consistent: true });
      }),
      runs,
    );
  });
});
