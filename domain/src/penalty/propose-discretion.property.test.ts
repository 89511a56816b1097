import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CIRCUMSTANCES, FINDERS } from './circumstances.ts';
import type { Circumstance } from './circumstances.ts';
import { proposeDiscretion, BASIS_ARTICLE_32 } from './propose-discretion.ts';
import type { ProposeDiscretionOptions } from './propose-discretion.ts';
import { PARTIES, PENALTY_STAGES, violationCatalog } from './violation-catalog.ts';

// issue 15 item 4: the engine's properties under generated cases.
const arbitraryOptions: fc.Arbitrary<ProposeDiscretionOptions> = fc.record({
  violation: fc.constantFrom(...violationCatalog.entries),
  party: fc.constantFrom(...PARTIES),
  stage: fc.constantFrom(...PENALTY_STAGES),
  circumstances: fc.uniqueArray(fc.constantFrom(...CIRCUMSTANCES), { maxLength: 8 }),
  foundBy: fc.constantFrom(...FINDERS),
  sectors: fc.uniqueArray(fc.constantFrom('non_coal_mine', 'fireworks_wholesale', 'light_industry'), {
    maxLength: 2,
  }),
  onDate: fc.constantFrom('2024-06-01', '2025-03-01', '2026-05-01'),
});

const has = (options: ProposeDiscretionOptions, circumstance: Circumstance): boolean =>
  options.circumstances.includes(circumstance);

describe('discretion engine properties', () => {
  it('never proposes an amount outside the statutory range, except 减轻 below the minimum with its basis', () => {
    fc.assert(
      fc.property(arbitraryOptions, (options) => {
        const proposal = proposeDiscretion(options);
        if (proposal.amountFen === null || proposal.statutoryRangeFen === null) return;
        const { minFen, maxFen } = proposal.statutoryRangeFen;
        expect(proposal.amountFen).toBeLessThanOrEqual(maxFen);
        if (proposal.amountFen < minFen) {
          expect(proposal.tier).toBe('mitigated');
          expect(proposal.reasons.some((reason) => reason.basis === BASIS_ARTICLE_32)).toBe(true);
        }
      }),
      { numRuns: 2000 },
    );
  });

  it('never proposes 不予处罚 where measure 15 forbids it', () => {
    fc.assert(
      fc.property(arbitraryOptions, (options) => {
        const forbidden =
          (has(options, 'major_hidden_danger') && options.foundBy === 'inspection') ||
          has(options, 'refused_to_correct') ||
          has(options, 'repeat_offence');
        const proposal = proposeDiscretion(options);
        if (forbidden) {
          expect(proposal.tier).not.toBe('no_penalty');
          expect(proposal.noPenaltyForbiddenBy.length).toBeGreaterThan(0);
        }
      }),
      { numRuns: 2000 },
    );
  });

  it('never lets an order stand in for a due fine: a tier other than 不予处罚 with a fine in law has an amount', () => {
    fc.assert(
      fc.property(arbitraryOptions, (options) => {
        const proposal = proposeDiscretion(options);
        if (proposal.tier !== 'no_penalty' && proposal.fineProvided)
          expect(proposal.amountFen).toBeGreaterThan(0);
      }),
      { numRuns: 2000 },
    );
  });

  it('gives the same proposal for the same facts, in whatever order they are recorded', () => {
    fc.assert(
      fc.property(arbitraryOptions, fc.integer(), (options, seed) => {
        const shuffled = [...options.circumstances].sort(
          (a, b) => ((a.length * seed) % 7) - ((b.length * seed) % 7) || (a < b ? 1 : -1),
        );
        expect(proposeDiscretion({ ...options, circumstances: shuffled })).toEqual(
          proposeDiscretion(options),
        );
      }),
      { numRuns: 1000 },
    );
  });

  it('marks every proposal that rests on a placeholder tier as unverified', () => {
    fc.assert(
      fc.property(arbitraryOptions, (options) => {
        const proposal = proposeDiscretion(options);
        if (proposal.bandFen !== null) expect(proposal.unverified.length).toBeGreaterThan(0);
      }),
      { numRuns: 1000 },
    );
  });

  it('keeps the tier inside its band', () => {
    fc.assert(
      fc.property(arbitraryOptions, (options) => {
        const proposal = proposeDiscretion(options);
        if (proposal.bandFen === null || proposal.amountFen === null) return;
        expect(proposal.amountFen).toBeGreaterThanOrEqual(
          Math.min(proposal.bandFen.fromFen, proposal.amountFen),
        );
        if (proposal.tier !== 'mitigated')
          expect(proposal.amountFen).toBeLessThanOrEqual(proposal.bandFen.toFen);
      }),
      { numRuns: 1000 },
    );
  });
});
