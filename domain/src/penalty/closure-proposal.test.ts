import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays } from '../calendar/iso-day.ts';
import { closureProposal, mayRecordClosureProposal, windowEnd } from './closure-proposal.ts';
import type { PenaltyOnRecord } from './closure-proposal.ts';
import { firmnessCatalog } from './firmness-catalog.ts';

const here = dirname(fileURLToPath(import.meta.url));
const lawText = readFileSync(join(here, '../../../catalog/laws/安全生产法(2021-06-10).md'), 'utf8');

let serial = 0;
const penalty = (decidedOn: string, over: Partial<PenaltyOnRecord> = {}): PenaltyOnRecord => ({
  caseId: `case-${decidedOn}-${(serial += 1)}`,
  decidedOn,
  underWorkSafetyLaw: true,
  penalised: true,
  majorHiddenDanger: true,
  ...over,
});

describe('提请关闭 (安全生产法 第一百一十三条第一款)', () => {
  it('quotes the paragraph and its four items as the law file reads them', () => {
    expect(lawText).toContain(`第一百一十三条 ${firmnessCatalog.closure.text}`);
    for (const item of firmnessCatalog.closure.items) expect(lawText).toContain(item.text);
  });

  it('proposes closure on the third penalty for a major hidden danger within 180 days, citing item (一)', () => {
    const penalties = [penalty('2026-01-10'), penalty('2026-03-01'), penalty('2026-07-09')];
    const proposal = closureProposal({ penalties, asOf: '2026-07-09' });
    expect(proposal).toMatchObject({
      item: 1,
      provision: '第一百一十三条第一款第（一）项',
      window: { count: 3, from: '2026-01-10', to: '2026-07-09' },
      verified: false,
    });
    expect(proposal?.caseIds).toHaveLength(3);
    expect(proposal?.basis).toContain('应当提请地方人民政府予以关闭');
  });

  it('counts the 180th day after the first decision and not the 181st', () => {
    // 2026-01-10 + 180 days = 2026-07-09
    expect(windowEnd('2026-01-10', { count: 3, days: 180, words: '' })).toBe('2026-07-09');
    const late = [penalty('2026-01-10'), penalty('2026-03-01'), penalty('2026-07-10')];
    expect(closureProposal({ penalties: late, asOf: '2026-07-10' })).toBeNull();
  });

  it('proposes closure on the fourth penalty within one year, up to the same day of the next year', () => {
    const dates = ['2026-01-10', '2026-05-01', '2026-09-01', '2027-01-10'];
    expect(closureProposal({ penalties: dates.map((d) => penalty(d)), asOf: '2027-01-10' })).toMatchObject({
      window: { count: 4, words: '一年内四次', from: '2026-01-10' },
    });
    const late = ['2026-01-10', '2026-05-01', '2026-09-01', '2027-01-11'];
    expect(closureProposal({ penalties: late.map((d) => penalty(d)), asOf: '2027-01-11' })).toBeNull();
    // a leap day's year ends on the last day of February
    expect(windowEnd('2028-02-29', { count: 4, years: 1, words: '' })).toBe('2029-02-28');
  });

  it('counts neither decisions without penalty, nor penalties without a major hidden danger, nor other laws', () => {
    const dates = ['2026-01-10', '2026-02-10'];
    for (const over of [{ penalised: false }, { majorHiddenDanger: false }, { underWorkSafetyLaw: false }]) {
      const penalties = [...dates.map((d) => penalty(d)), penalty('2026-03-10', over)];
      expect(closureProposal({ penalties, asOf: '2026-03-10' })).toBeNull();
    }
  });

  it('ignores decisions after the day evaluated and counts two decisions on one day twice', () => {
    const penalties = [penalty('2026-01-10'), penalty('2026-01-10'), penalty('2026-02-10')];
    expect(closureProposal({ penalties, asOf: '2026-01-10' })).toBeNull();
    expect(closureProposal({ penalties, asOf: '2026-02-10' })?.caseIds).toHaveLength(3);
  });

  it('lets the head record the proposal only where the criteria are met and not before the decision', () => {
    expect(mayRecordClosureProposal(null, '2026-07-10')).toMatchObject({ code: 'CLOSURE_CRITERIA_NOT_MET' });
    const proposal = closureProposal({
      penalties: [penalty('2026-01-10'), penalty('2026-03-01'), penalty('2026-07-09')],
      asOf: '2026-07-09',
    });
    expect(mayRecordClosureProposal(proposal, '2026-07-08')).toMatchObject({
      code: 'CLOSURE_DATE_BEFORE_DECISION',
    });
    expect(mayRecordClosureProposal(proposal, '2026-07-09').ok).toBe(true);
  });
});

const record = fc.record({
  offset: fc.integer({ min: 0, max: 800 }),
  underWorkSafetyLaw: fc.boolean(),
  penalised: fc.boolean(),
  majorHiddenDanger: fc.boolean(),
});

// mostly counted penalties close together, so that proposals are common
const dense = fc.record({
  offset: fc.integer({ min: 0, max: 300 }),
  underWorkSafetyLaw: fc.constant(true),
  penalised: fc.constant(true),
  majorHiddenDanger: fc.boolean(),
});

describe('提请关闭: properties', () => {
  it('a proposal rests only on counted penalties inside its window, at least as many as the window asks', () => {
    fc.assert(
      fc.property(fc.array(record, { maxLength: 12 }), fc.integer({ min: 0, max: 800 }), (rows, at) => {
        const penalties = rows.map((row, i) => ({
          ...row,
          caseId: `c${i}`,
          decidedOn: addDays('2026-01-01', row.offset),
        }));
        const asOf = addDays('2026-01-01', at);
        const proposal = closureProposal({ penalties, asOf });
        if (!proposal) return;
        expect(proposal.caseIds.length).toBeGreaterThanOrEqual(proposal.window.count);
        for (const id of proposal.caseIds) {
          const p = penalties.find((candidate) => candidate.caseId === id)!;
          expect(p.underWorkSafetyLaw && p.penalised && p.majorHiddenDanger).toBe(true);
          expect(p.decidedOn <= asOf && p.decidedOn >= proposal.window.from).toBe(true);
        }
      }),
    );
  });

  it('one more counted penalty on the day evaluated never withdraws a proposal', () => {
    fc.assert(
      fc.property(fc.array(dense, { maxLength: 12 }), fc.integer({ min: 0, max: 300 }), (rows, at) => {
        const penalties = rows.map((row, i) => ({
          ...row,
          caseId: `c${i}`,
          decidedOn: addDays('2026-01-01', row.offset),
        }));
        const asOf = addDays('2026-01-01', at);
        if (closureProposal({ penalties, asOf }) === null) return;
        expect(closureProposal({ penalties: [...penalties, penalty(asOf)], asOf })).not.toBeNull();
      }),
    );
  });

  it('fewer than three counted penalties never meet item (一)', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 400 }), { maxLength: 2 }), (offsets) => {
        const penalties = offsets.map((o) => penalty(addDays('2026-01-01', o)));
        expect(closureProposal({ penalties, asOf: '2027-06-01' })).toBeNull();
      }),
    );
  });
});
