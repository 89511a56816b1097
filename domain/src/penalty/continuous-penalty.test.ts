import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays } from '../calendar/iso-day.ts';
import { continuousPenalty, withContinuousPenalty } from './continuous-penalty.ts';
import type { ContinuousPenaltyFacts } from './continuous-penalty.ts';
import { firmnessCatalog } from './firmness-catalog.ts';
import { proposeDiscretion } from './propose-discretion.ts';
import { violationByCode } from './violation-catalog.ts';

const here = dirname(fileURLToPath(import.meta.url));
const lawText = readFileSync(join(here, '../../../catalog/laws/安全生产法(2021-06-10).md'), 'utf8');

const facts = (over: Partial<ContinuousPenaltyFacts> = {}): ContinuousPenaltyFacts => ({
  fineFen: 3_000_000,
  orderedToCorrectOn: '2026-03-10',
  refusedToCorrect: true,
  countedUntil: '2026-03-20',
  ...over,
});

describe('按日连续处罚 (安全生产法 第一百一十二条)', () => {
  it('quotes the article as the law file reads it', () => {
    const { provision, text, violationCode } = firmnessCatalog.continuousPenalty;
    expect(lawText).toContain(`${provision} ${text}`);
    expect(violationByCode(violationCode)?.penaltyText).toBe(text);
  });

  it('counts from the day after the order to correct, the end day included, at the original amount a day', () => {
    const result = continuousPenalty(facts());
    expect(result).toMatchObject({
      ok: true,
      fromOn: '2026-03-11',
      untilOn: '2026-03-20',
      days: 10,
      perDayFen: 3_000_000,
      amountFen: 30_000_000,
    });
  });

  it('marks the counting end rule as not yet verified by the legal reviewer', () => {
    const result = continuousPenalty(facts());
    expect(result.ok && result.countingEnd.verified).toBe(false);
    expect(result.ok && result.countingEnd.source).toContain('待法制审核');
  });

  it('refuses without an order to correct, without a fine, or without a recorded refusal: 且, not 或', () => {
    expect(continuousPenalty(facts({ orderedToCorrectOn: null }))).toMatchObject({
      code: 'CONTINUOUS_PENALTY_NO_ORDER',
      measure: 15,
    });
    expect(continuousPenalty(facts({ fineFen: null }))).toMatchObject({ code: 'CONTINUOUS_PENALTY_NO_FINE' });
    expect(continuousPenalty(facts({ fineFen: 0 }))).toMatchObject({ code: 'CONTINUOUS_PENALTY_NO_FINE' });
    expect(continuousPenalty(facts({ refusedToCorrect: false }))).toMatchObject({
      code: 'CONTINUOUS_PENALTY_NO_REFUSAL',
    });
  });

  it('refuses a refusal found on the day of the order or before it (no day yet counted)', () => {
    expect(continuousPenalty(facts({ countedUntil: '2026-03-10' }))).toMatchObject({
      code: 'CONTINUOUS_PENALTY_NO_DAYS',
    });
    expect(continuousPenalty(facts({ countedUntil: '2026-03-01' }))).toMatchObject({
      code: 'CONTINUOUS_PENALTY_NO_DAYS',
    });
    expect(continuousPenalty(facts({ countedUntil: '2026-03-11' }))).toMatchObject({ days: 1 });
  });

  it('counts calendar days across a month end and a leap day', () => {
    expect(
      continuousPenalty(facts({ orderedToCorrectOn: '2028-02-27', countedUntil: '2028-03-01' })),
    ).toMatchObject({
      days: 3,
      fromOn: '2028-02-28',
    });
  });

  it('gives the follow-up case a proposal with the computed amount and its reason', () => {
    const violation = violationByCode('wsl_112_1')!;
    const base = proposeDiscretion({
      violation,
      circumstances: ['refused_to_correct'],
      foundBy: 'inspection',
      onDate: '2026-04-01',
    });
    expect(base.amountFen).toBeNull();
    const result = continuousPenalty(facts());
    if (!result.ok) throw new Error('expected a computation');
    const proposal = withContinuousPenalty(base, result);
    expect(proposal.amountFen).toBe(30_000_000);
    expect(proposal.reasons.map((reason) => reason.code)).toContain('continuous_penalty');
    expect(proposal.reasons.map((reason) => reason.code)).not.toContain('no_fixed_range');
    expect(proposal.unverified).toContain(firmnessCatalog.continuousPenalty.countingEnd.name);
  });
});

const day = fc.integer({ min: 0, max: 3650 }).map((n) => addDays('2022-01-01', n));

describe('按日连续处罚: properties', () => {
  it('amount = original fine × days, days = the days after the order up to the end day', () => {
    fc.assert(
      fc.property(
        day,
        fc.integer({ min: 1, max: 2000 }),
        fc.integer({ min: 1, max: 20_000_000 }),
        (order, n, fine) => {
          const result = continuousPenalty(
            facts({ orderedToCorrectOn: order, countedUntil: addDays(order, n), fineFen: fine }),
          );
          expect(result.ok).toBe(true);
          if (!result.ok) return;
          expect(result.days).toBe(n);
          expect(result.days).toBeGreaterThanOrEqual(1);
          expect(result.amountFen).toBe(fine * n);
          expect(result.fromOn).toBe(addDays(order, 1));
        },
      ),
    );
  });

  it('never counts a day on or before the order', () => {
    fc.assert(
      fc.property(day, fc.integer({ min: 0, max: 2000 }), (order, back) => {
        const result = continuousPenalty(
          facts({ orderedToCorrectOn: order, countedUntil: addDays(order, -back) }),
        );
        expect(result.ok).toBe(false);
      }),
    );
  });

  it('never computes a penalty when the order, the fine or the refusal is missing', () => {
    fc.assert(
      fc.property(
        fc.boolean(),
        fc.boolean(),
        fc.boolean(),
        day,
        fc.integer({ min: 1, max: 400 }),
        (hasOrder, hasFine, refused, order, n) => {
          fc.pre(!(hasOrder && hasFine && refused));
          const result = continuousPenalty({
            orderedToCorrectOn: hasOrder ? order : null,
            fineFen: hasFine ? 100_000 : null,
            refusedToCorrect: refused,
            countedUntil: addDays(order, n),
          });
          expect(result.ok).toBe(false);
        },
      ),
    );
  });
});
