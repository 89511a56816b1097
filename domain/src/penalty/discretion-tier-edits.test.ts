import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { discretionCatalog } from './discretion-catalog.ts';
import {
  overlayScheme,
  schemeKindsOf,
  tierEditsInForce,
  validateTierEdit,
  type TierEdit,
  type TierEditInput,
} from './discretion-tier-edits.ts';
import { proposeDiscretion } from './propose-discretion.ts';
import { CIRCUMSTANCES, FINDERS } from './circumstances.ts';
import { PARTIES, PENALTY_STAGES, violationByCode, violationCatalog } from './violation-catalog.ts';
import type { Violation } from './violation-catalog.ts';

const violation = (code: string): Violation => {
  const found = violationByCode(code);
  if (!found) throw new Error(code);
  return found;
};

// three bands that join end to end: cuts a ≤ b inside 0–100, each point inside its band
const arbitrarySplit: fc.Arbitrary<TierEditInput[]> = fc
  .tuple(fc.integer({ min: 0, max: 100 }), fc.integer({ min: 0, max: 100 }))
  .map(([x, y]) => [Math.min(x, y), Math.max(x, y)] as const)
  .chain(([a, b]) =>
    fc
      .tuple(fc.integer({ min: 0, max: a }), fc.integer({ min: a, max: b }), fc.integer({ min: b, max: 100 }))
      .map(([p1, p2, p3]) => [
        {
          tier: 'lighter' as const,
          conditions: '初次违法且及时改正',
          band: { fromPercent: 0, toPercent: a, pointPercent: p1 },
          mitigatedPercentOfMinimum: null,
        },
        {
          tier: 'ordinary' as const,
          conditions: '无从轻从重情节',
          band: { fromPercent: a, toPercent: b, pointPercent: p2 },
          mitigatedPercentOfMinimum: null,
        },
        {
          tier: 'heavier' as const,
          conditions: '拒不改正',
          band: { fromPercent: b, toPercent: 100, pointPercent: p3 },
          mitigatedPercentOfMinimum: null,
        },
      ]),
  );

const arbitraryDay = fc.constantFrom('2025-06-01', '2026-01-01', '2026-03-01', '2026-07-15', '2027-01-01');

const record = (
  existing: TierEdit[],
  code: string,
  tiers: TierEditInput[],
  effective: string,
  verified = false,
): TierEdit[] =>
  tiers.map((input, index) => ({
    ...input,
    id: `edit_${existing.length + index}`,
    violationCode: code,
    source: verified ? '江门市应急管理安全生产行政处罚自由裁量适用规则(暂行) 第X条' : '',
    verified,
    effective,
    editorName: '法制审核人员',
    reason: '按基准修改',
    createdAt: '2026-01-01T00:00:00.000Z',
    sequence: existing.length + 1,
  }));

const contiguous = (tierViolation: Violation, edits: TierEdit[], day: string): boolean =>
  schemeKindsOf(tierViolation).every((kind) => {
    const scheme = discretionCatalog.schemes.find((candidate) => candidate.appliesTo === kind)!;
    const { bands } = overlayScheme(scheme, tierEditsInForce(edits, tierViolation.code, day));
    return (
      bands.lighter.fromPercent === 0 &&
      bands.lighter.toPercent === bands.ordinary.fromPercent &&
      bands.ordinary.toPercent === bands.heavier.fromPercent &&
      bands.heavier.toPercent === 100
    );
  });

describe('the legal reviewer’s edits of the discretion tiers (issue 15 item 2)', () => {
  it('keeps the three bands end to end on every day, whatever sequence of edits is accepted', () => {
    const subject = violation('wsl_97_1_1');
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            split: arbitrarySplit,
            subset: fc.subarray([0, 1, 2], { minLength: 1 }),
            effective: arbitraryDay,
          }),
          { maxLength: 6 },
        ),
        arbitraryDay,
        (steps, day) => {
          let edits: TierEdit[] = [];
          for (const step of steps) {
            const tiers = step.subset.map((index) => step.split[index]!);
            const checked = validateTierEdit({
              violation: subject,
              tiers,
              source: '',
              verified: false,
              effective: step.effective,
              existing: edits,
            });
            if (checked.ok) edits = [...edits, ...record(edits, subject.code, tiers, step.effective)];
            else expect(checked.code).toBe('DISCRETION_BANDS_NOT_CONTIGUOUS');
          }
          expect(contiguous(subject, edits, day)).toBe(true);
        },
      ),
      { numRuns: 400 },
    );
  });

  it('accepts any whole split of the three bands', () => {
    fc.assert(
      fc.property(fc.constantFrom(...violationCatalog.entries), arbitrarySplit, (subject, tiers) => {
        const checked = validateTierEdit({
          violation: subject,
          tiers,
          source: '',
          verified: false,
          effective: '2026-03-01',
          existing: [],
        });
        expect(checked.ok).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it('refuses a band that leaves a gap or overlaps its neighbour', () => {
    fc.assert(
      fc.property(
        arbitrarySplit,
        fc.constantFrom(0, 1, 2),
        fc.integer({ min: -30, max: 30 }).filter((delta) => delta !== 0),
        (tiers, index, delta) => {
          const moved = tiers.map((input, i) =>
            i === index && input.band
              ? {
                  ...input,
                  band: {
                    ...input.band,
                    // move the inner edge of the band: the lighter band's top, the others' bottom
                    ...(index === 0
                      ? { toPercent: input.band.toPercent + delta }
                      : { fromPercent: input.band.fromPercent + delta }),
                  },
                }
              : input,
          );
          const band = moved[index]!.band!;
          const checked = validateTierEdit({
            violation: violation('wsl_97_1_1'),
            tiers: moved,
            source: '',
            verified: false,
            effective: '2026-03-01',
            existing: [],
          });
          expect(checked.ok).toBe(false);
          const outOfRange =
            band.fromPercent < 0 ||
            band.toPercent > 100 ||
            band.fromPercent > band.pointPercent ||
            band.pointPercent > band.toPercent;
          if (!checked.ok)
            expect(checked.code).toBe(
              outOfRange ? 'DISCRETION_BAND_OUT_OF_RANGE' : 'DISCRETION_BANDS_NOT_CONTIGUOUS',
            );
        },
      ),
      { numRuns: 500 },
    );
  });

  it('refuses a band outside 0–100% of the statutory range', () => {
    fc.assert(
      fc.property(
        fc.oneof(fc.double({ min: -1e6, max: -0.001, noNaN: true }), fc.double({ min: 100.001, max: 1e6 })),
        (percent) => {
          const checked = validateTierEdit({
            violation: violation('wsl_97_1_1'),
            tiers: [
              {
                tier: 'heavier',
                conditions: '拒不改正',
                band: { fromPercent: 60, toPercent: percent, pointPercent: 80 },
                mitigatedPercentOfMinimum: null,
              },
            ],
            source: '',
            verified: false,
            effective: '2026-03-01',
            existing: [],
          });
          expect(checked).toMatchObject({ ok: false, code: 'DISCRETION_BAND_OUT_OF_RANGE', measure: 17 });
        },
      ),
    );
  });

  it('marks a tier verified only with its source', () => {
    const tiers: TierEditInput[] = [
      { tier: 'ordinary', conditions: '一般情形', band: null, mitigatedPercentOfMinimum: null },
    ];
    const options = { violation: violation('wsl_97_1_1'), tiers, effective: '2026-03-01', existing: [] };
    expect(validateTierEdit({ ...options, source: '  ', verified: true })).toMatchObject({
      ok: false,
      code: 'DISCRETION_VERIFIED_NEEDS_SOURCE',
    });
    expect(validateTierEdit({ ...options, source: '应急〔2024〕90号 第12项', verified: true }).ok).toBe(true);
    expect(validateTierEdit({ ...options, source: '', verified: false }).ok).toBe(true);
  });

  it('refuses an amount rule on a tier that has none, and a tier named twice', () => {
    const base = {
      violation: violation('wsl_97_1_1'),
      source: '',
      verified: false,
      effective: '2026-03-01',
      existing: [],
    };
    expect(
      validateTierEdit({
        ...base,
        tiers: [
          {
            tier: 'no_penalty',
            conditions: '轻微',
            band: { fromPercent: 0, toPercent: 10, pointPercent: 5 },
            mitigatedPercentOfMinimum: null,
          },
        ],
      }),
    ).toMatchObject({ code: 'DISCRETION_TIER_AMOUNT_MISPLACED' });
    const twice = {
      tier: 'mitigated' as const,
      conditions: '第三十二条',
      band: null,
      mitigatedPercentOfMinimum: 40,
    };
    expect(validateTierEdit({ ...base, tiers: [twice, twice] })).toMatchObject({
      code: 'DISCRETION_TIER_REPEATED',
    });
    expect(validateTierEdit({ ...base, tiers: [] })).toMatchObject({ code: 'DISCRETION_TIER_EDIT_EMPTY' });
  });

  it('applies the latest edit in force on the day, an earlier one to earlier days', () => {
    const code = 'wsl_97_1_1';
    const first = record(
      [],
      code,
      [{ tier: 'ordinary', conditions: 'A', band: null, mitigatedPercentOfMinimum: null }],
      '2026-01-01',
    );
    const second = record(
      first,
      code,
      [{ tier: 'ordinary', conditions: 'B', band: null, mitigatedPercentOfMinimum: null }],
      '2026-06-01',
    );
    const edits = [...first, ...second];
    expect(tierEditsInForce(edits, code, '2025-12-31').ordinary).toBeUndefined();
    expect(tierEditsInForce(edits, code, '2026-03-01').ordinary?.conditions).toBe('A');
    expect(tierEditsInForce(edits, code, '2026-06-01').ordinary?.conditions).toBe('B');
    // a correction recorded later with the same effective date wins
    const correction = record(
      edits,
      code,
      [{ tier: 'ordinary', conditions: 'C', band: null, mitigatedPercentOfMinimum: null }],
      '2026-06-01',
    );
    expect(tierEditsInForce([...edits, ...correction], code, '2026-07-01').ordinary?.conditions).toBe('C');
    expect(tierEditsInForce(edits, 'wsl_99_1_1', '2026-07-01').ordinary).toBeUndefined();
  });
});

describe('the engine with the reviewer’s edits', () => {
  const arbitraryCase = fc.record({
    violation: fc.constantFrom(...violationCatalog.entries),
    party: fc.constantFrom(...PARTIES),
    stage: fc.constantFrom(...PENALTY_STAGES),
    circumstances: fc.uniqueArray(fc.constantFrom(...CIRCUMSTANCES), { maxLength: 6 }),
    foundBy: fc.constantFrom(...FINDERS),
    onDate: fc.constantFrom('2026-05-01'),
    tiersOn: arbitraryDay,
  });

  it('stays inside the statutory range and says 待法制审核 exactly when the tier used is not verified', () => {
    fc.assert(
      fc.property(
        arbitraryCase,
        arbitrarySplit,
        fc.integer({ min: 0, max: 100 }),
        fc.boolean(),
        arbitraryDay,
        (options, split, mitigated, verified, effective) => {
          const tiers: TierEditInput[] = [
            ...split,
            { tier: 'mitigated', conditions: '第三十二条', band: null, mitigatedPercentOfMinimum: mitigated },
          ];
          const tierEdits = record([], options.violation.code, tiers, effective, verified);
          const proposal = proposeDiscretion(options, { tierEdits });
          if (proposal.amountFen !== null && proposal.statutoryRangeFen !== null) {
            expect(proposal.amountFen).toBeLessThanOrEqual(proposal.statutoryRangeFen.maxFen);
            if (proposal.tier !== 'mitigated')
              expect(proposal.amountFen).toBeGreaterThanOrEqual(proposal.statutoryRangeFen.minFen);
          }
          if (proposal.bandFen === null) return;
          const rule = proposal.tierRule!;
          const applies = effective <= options.tiersOn;
          expect(rule.editId !== null).toBe(applies);
          expect(rule.verified).toBe(applies && verified);
          expect(proposal.unverified.length > 0).toBe(!rule.verified);
          if (rule.verified)
            expect(proposal.reasons.every((reason) => !reason.basis.includes('待法制审核'))).toBe(true);
        },
      ),
      { numRuns: 1000 },
    );
  });
});
