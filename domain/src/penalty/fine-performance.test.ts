import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays } from '../calendar/iso-day.ts';
import { caseProcedureCatalog, casePeriods } from './case-procedure.ts';
import {
  finePerformance,
  mayApplyForArrangement,
  mayApplyToCourt,
  mayDecideArrangement,
  mayRecordPayment,
  mayRecordReminder,
} from './fine-performance.ts';
import type { FinePerformanceInput } from './fine-performance.ts';

const laws = join(dirname(fileURLToPath(import.meta.url)), '../../../catalog/laws');
const readLaw = (file: string) => readFileSync(join(laws, file), 'utf8');

const input: FinePerformanceInput = {
  fineFen: 1_000_000,
  servedOn: '2026-03-02',
  payments: [],
  arrangement: null,
  reminderServedOn: null,
  courtAppliedOn: null,
  asOf: '2026-03-10',
};

describe('the performance of a fine (履行)', () => {
  it('falls due fifteen days after service, the same day as the case period payment_due (第六十七条第三款)', () => {
    const performance = finePerformance(input);
    const period = casePeriods({ served: input.servedOn }).find((p) => p.code === 'payment_due');
    expect(performance.standardDueOn).toBe('2026-03-17');
    expect(performance.standardDueOn).toBe(period?.due);
    expect(performance).toMatchObject({
      paidFen: 0,
      outstandingFen: 1_000_000,
      dueOn: '2026-03-17',
      overdue: false,
      surchargeFen: 0,
    });
  });

  it('adds 3% of the fine a day once overdue, never more than the fine (第七十二条第一款第（一）项)', () => {
    expect(finePerformance({ ...input, asOf: '2026-03-18' })).toMatchObject({
      overdue: true,
      surchargeDays: 1,
      surchargeFen: 30_000,
    });
    expect(finePerformance({ ...input, asOf: '2026-03-27' })).toMatchObject({
      surchargeDays: 10,
      surchargeFen: 300_000,
    });
    expect(finePerformance({ ...input, asOf: '2026-12-31' }).surchargeFen).toBe(1_000_000);
    // paid on day 5 of the delay: the surcharge stops counting there
    const paidLate = finePerformance({
      ...input,
      asOf: '2026-04-30',
      payments: [{ paidOn: '2026-03-22', amountFen: 1_000_000 }],
    });
    expect(paidLate).toMatchObject({
      outstandingFen: 0,
      paidInFullOn: '2026-03-22',
      dueOn: null,
      overdue: false,
      surchargeDays: 4,
    });
  });

  it('moves the due day with an approved deferral or instalments (第六十六条第二款)', () => {
    const deferred = finePerformance({
      ...input,
      asOf: '2026-04-20',
      arrangement: { kind: 'deferral', deferredUntil: '2026-05-31' },
    });
    expect(deferred).toMatchObject({ dueOn: '2026-05-31', overdue: false, surchargeFen: 0 });
    const instalments = finePerformance({
      ...input,
      asOf: '2026-05-05',
      arrangement: {
        kind: 'instalment',
        instalments: [
          { dueOn: '2026-04-01', amountFen: 500_000 },
          { dueOn: '2026-05-01', amountFen: 500_000 },
        ],
      },
      payments: [{ paidOn: '2026-03-30', amountFen: 500_000 }],
    });
    expect(instalments).toMatchObject({
      paidFen: 500_000,
      dueOn: '2026-05-01',
      finalDueOn: '2026-05-01',
      overdue: true,
      surchargeDays: 4,
      // 3% of the overdue instalment, not of the whole fine, for four days
      surchargeFen: 60_000,
      overdueFen: 500_000,
    });
  });

  it('adds nothing for a deferred amount or an instalment before its approved day (第六十六条第二款、第七十二条)', () => {
    const plan = {
      kind: 'instalment' as const,
      instalments: [
        { dueOn: '2026-04-01', amountFen: 300_000 },
        { dueOn: '2026-05-01', amountFen: 300_000 },
        { dueOn: '2026-06-01', amountFen: 400_000 },
      ],
    };
    // nothing paid: past the standard day (03-17) but before the first instalment's day, nothing accrues
    expect(finePerformance({ ...input, asOf: '2026-04-01', arrangement: plan })).toMatchObject({
      overdue: false,
      surchargeDays: 0,
      surchargeFen: 0,
      overdueFen: 0,
    });
    // the first instalment unpaid for 10 days (04-02..04-11): 3% of 3,000 元 a day, the later ones not yet due
    expect(finePerformance({ ...input, asOf: '2026-04-11', arrangement: plan })).toMatchObject({
      surchargeDays: 10,
      surchargeFen: 90_000,
      overdueFen: 300_000,
    });
    // both first instalments unpaid on 05-02: that day adds 3% of 6,000 元
    const may = finePerformance({ ...input, asOf: '2026-05-02', arrangement: plan });
    expect(may.surchargeFen).toBe(30 * 9_000 + 18_000);
    expect(may.overdueFen).toBe(600_000);
    // a deferral of the whole fine: nothing before the deferred day, the whole fine's 3% after it
    const deferral = { kind: 'deferral' as const, deferredUntil: '2026-05-31' };
    expect(finePerformance({ ...input, asOf: '2026-05-31', arrangement: deferral }).surchargeFen).toBe(0);
    expect(finePerformance({ ...input, asOf: '2026-06-02', arrangement: deferral })).toMatchObject({
      surchargeDays: 2,
      surchargeFen: 60_000,
    });
  });

  it('opens the court application three months from the end of the challenge periods or the arrangement', () => {
    const plain = finePerformance(input);
    // 复议 60 days and 诉讼 6 months are placeholders: the later end, unverified
    expect(plain.courtWindow).toEqual({
      from: '2026-09-02',
      until: '2026-12-02',
      challengeEndsOn: '2026-09-02',
      challengeVerified: false,
    });
    const deferred = finePerformance({
      ...input,
      arrangement: { kind: 'deferral', deferredUntil: '2026-10-31' },
    });
    expect(deferred.courtWindow).toMatchObject({ from: '2026-10-31', until: '2027-01-31' });
  });

  it('refuses a payment before service, in the future or above what is outstanding', () => {
    const performance = finePerformance({
      ...input,
      payments: [{ paidOn: '2026-03-05', amountFen: 400_000 }],
    });
    const at = { servedOn: input.servedOn, today: '2026-03-10' };
    expect(mayRecordPayment(performance, { ...at, paidOn: '2026-03-01', amountFen: 1 })).toMatchObject({
      code: 'FINE_PAYMENT_BEFORE_SERVICE',
    });
    expect(mayRecordPayment(performance, { ...at, paidOn: '2026-03-11', amountFen: 1 })).toMatchObject({
      code: 'FINE_PAYMENT_IN_FUTURE',
    });
    expect(mayRecordPayment(performance, { ...at, paidOn: '2026-03-09', amountFen: 600_001 })).toMatchObject({
      code: 'FINE_OVERPAID',
      measure: 15,
    });
    expect(mayRecordPayment(performance, { ...at, paidOn: '2026-03-09', amountFen: 600_000 }).ok).toBe(true);
  });

  it('takes instalments in date order summing to the fine, and a deferral past the due day', () => {
    const performance = finePerformance(input);
    const at = {
      servedOn: input.servedOn,
      today: '2026-03-10',
      appliedOn: '2026-03-05',
      openArrangement: false,
    };
    const instalments = [
      { dueOn: '2026-04-01', amountFen: 600_000 },
      { dueOn: '2026-05-01', amountFen: 400_000 },
    ];
    expect(mayApplyForArrangement(performance, { ...at, kind: 'instalment', instalments }).ok).toBe(true);
    expect(
      mayApplyForArrangement(performance, {
        ...at,
        kind: 'instalment',
        instalments: [instalments[0]!, { ...instalments[1]!, amountFen: 300_000 }],
      }),
    ).toMatchObject({ code: 'FINE_INSTALMENTS_NOT_FINE' });
    expect(
      mayApplyForArrangement(performance, {
        ...at,
        kind: 'instalment',
        instalments: [...instalments].reverse(),
      }),
    ).toMatchObject({ code: 'FINE_ARRANGEMENT_DATES' });
    expect(
      mayApplyForArrangement(performance, { ...at, kind: 'deferral', deferredUntil: '2026-03-17' }),
    ).toMatchObject({ code: 'FINE_ARRANGEMENT_DATES' });
    expect(
      mayApplyForArrangement(performance, { ...at, kind: 'deferral', deferredUntil: '2026-06-30' }).ok,
    ).toBe(true);
    expect(
      mayApplyForArrangement(performance, {
        ...at,
        openArrangement: true,
        kind: 'deferral',
        deferredUntil: '2026-06-30',
      }),
    ).toMatchObject({ code: 'FINE_ARRANGEMENT_OPEN' });
  });

  it('refuses the approval of an arrangement by the officer who recorded it', () => {
    expect(mayDecideArrangement('officer', 'officer')).toMatchObject({
      code: 'FINE_ARRANGEMENT_APPROVER_IS_RECORDER',
      measure: 17,
    });
    expect(mayDecideArrangement('officer', 'head').ok).toBe(true);
  });

  it('reminds again only when the amount overdue changed since the latest 催告, and counts ten days from the latest', () => {
    const base = { today: '2026-05-01', courtApplied: false, decisionServedOn: input.servedOn };
    const first = { servedOn: '2026-03-20', overdueFen: 1_000_000 };
    const unchanged = finePerformance({ ...input, asOf: '2026-04-10' });
    expect(mayRecordReminder(unchanged, { ...base, latest: first, servedOn: '2026-04-10' })).toMatchObject({
      code: 'FINE_REMINDER_RECORDED',
    });
    const partlyPaid = finePerformance({
      ...input,
      asOf: '2026-04-10',
      payments: [{ paidOn: '2026-03-25', amountFen: 400_000 }],
    });
    expect(partlyPaid.overdueFen).toBe(600_000);
    expect(mayRecordReminder(partlyPaid, { ...base, latest: first, servedOn: '2026-04-10' }).ok).toBe(true);
    expect(mayRecordReminder(partlyPaid, { ...base, latest: first, servedOn: '2026-03-20' })).toMatchObject({
      code: 'FINE_REMINDER_BEFORE_LATEST',
    });
    expect(
      mayRecordReminder(partlyPaid, { ...base, latest: first, courtApplied: true, servedOn: '2026-04-10' }),
    ).toMatchObject({ code: 'FINE_COURT_APPLICATION_RECORDED' });
    // the court application counts its ten days from the latest 催告 served
    const again = finePerformance({ ...input, asOf: '2026-04-15', reminderServedOn: '2026-04-10' });
    expect(again.courtMayApplyFrom).toBe('2026-04-21');
    expect(
      mayApplyToCourt(again, { appliedOn: '2026-04-20', today: '2026-04-25', recorded: false }),
    ).toMatchObject({ code: 'FINE_REMINDER_NOT_ELAPSED' });
  });

  it('reminds only after the due day, and applies to the court only ten days after the reminder was served', () => {
    const reminder = {
      today: '2026-03-20',
      latest: null,
      courtApplied: false,
      decisionServedOn: input.servedOn,
    };
    const on = (day: string) => finePerformance({ ...input, asOf: day });
    expect(mayRecordReminder(on('2026-03-17'), { ...reminder, servedOn: '2026-03-17' })).toMatchObject({
      code: 'FINE_NOT_OVERDUE',
    });
    expect(mayRecordReminder(on('2026-03-18'), { ...reminder, servedOn: '2026-03-18' }).ok).toBe(true);
    const withoutReminder = finePerformance({ ...input, asOf: '2026-09-10' });
    expect(
      mayApplyToCourt(withoutReminder, { appliedOn: '2026-09-10', today: '2026-09-10', recorded: false }),
    ).toMatchObject({ code: 'FINE_REMINDER_MISSING' });
    const reminded = finePerformance({ ...input, asOf: '2026-09-10', reminderServedOn: '2026-09-01' });
    expect(reminded.courtMayApplyFrom).toBe('2026-09-12');
    expect(
      mayApplyToCourt(reminded, { appliedOn: '2026-09-11', today: '2026-09-20', recorded: false }),
    ).toMatchObject({
      code: 'FINE_REMINDER_NOT_ELAPSED',
      basis: expect.stringContaining('第五十四条') as string,
    });
    expect(
      mayApplyToCourt(reminded, { appliedOn: '2026-09-12', today: '2026-09-20', recorded: false }),
    ).toEqual({
      ok: true,
      warnings: [],
    });
    expect(
      mayApplyToCourt(reminded, { appliedOn: '2026-09-21', today: '2026-09-20', recorded: false }),
    ).toMatchObject({ code: 'FINE_DATE_IN_FUTURE' });
    // outside the three months: warned, never refused
    const late = mayApplyToCourt(reminded, { appliedOn: '2027-01-05', today: '2027-01-05', recorded: false });
    expect(late.ok).toBe(true);
    expect(late.ok && late.warnings[0]).toContain('三个月');
  });

  it('quotes the law exactly as the law files read', () => {
    const rules = caseProcedureCatalog.finePerformance;
    const quoted = (source: string) => [...source.matchAll(/“([^”]+)”/g)].map((match) => match[1]!);
    const punishment = readLaw('行政处罚法(2021-01-22).md');
    const coercion = readLaw('行政强制法(2011-06-30).md');
    for (const text of [
      ...quoted(rules.surcharge.source),
      ...quoted(rules.deferral.source),
      ...quoted(rules.courtApplication.source),
      ...quoted(rules.reminder.source),
    ])
      expect(punishment.includes(text) || coercion.includes(text), text).toBe(true);
    expect(rules.challengePeriods.every((period) => !period.verified)).toBe(true);
  });
});

// issue 15 item 3: the figures hold under generated payments and dates
describe('fine performance properties', () => {
  const day = fc.integer({ min: 0, max: 400 }).map((offset) => addDays('2026-01-05', offset));
  const arbitraryInput = fc
    .record({
      fineFen: fc.integer({ min: 1, max: 50_000_000 }),
      servedOn: day,
      payments: fc.array(fc.record({ paidOn: day, amountFen: fc.integer({ min: 1, max: 60_000_000 }) }), {
        maxLength: 6,
      }),
      deferral: fc.option(day, { nil: null }),
      // instalment days and shares of the fine (the last one takes what is left)
      instalments: fc.option(
        fc.array(fc.tuple(day, fc.integer({ min: 1, max: 100 })), { minLength: 2, maxLength: 4 }),
        { nil: null },
      ),
      asOf: day,
    })
    .map(({ deferral, instalments, ...rest }): FinePerformanceInput => ({
      ...rest,
      arrangement: instalments
        ? {
            kind: 'instalment',
            instalments: instalments.map(([dueOn, share], index) => {
              const part = (each: number) => Math.floor((rest.fineFen * each) / 400);
              const earlier = instalments.slice(0, -1).reduce((total, [, each]) => total + part(each), 0);
              return {
                dueOn,
                amountFen: index === instalments.length - 1 ? rest.fineFen - earlier : part(share),
              };
            }),
          }
        : deferral
          ? { kind: 'deferral', deferredUntil: deferral }
          : null,
      reminderServedOn: null,
      courtAppliedOn: null,
    }));

  it('paid plus outstanding is the fine; the surcharge is never negative nor above the fine', () => {
    fc.assert(
      fc.property(arbitraryInput, (generated) => {
        const performance = finePerformance(generated);
        expect(performance.paidFen + performance.outstandingFen).toBe(generated.fineFen);
        expect(performance.paidFen).toBeGreaterThanOrEqual(0);
        expect(performance.outstandingFen).toBeGreaterThanOrEqual(0);
        expect(performance.surchargeFen).toBeGreaterThanOrEqual(0);
        expect(performance.surchargeFen).toBeLessThanOrEqual(generated.fineFen);
        expect(performance.overdue && performance.outstandingFen === 0).toBe(false);
      }),
    );
  });

  it('an approved arrangement adds nothing before its first approved day, and never more than the whole fine’s reading', () => {
    fc.assert(
      fc.property(arbitraryInput, (generated) => {
        if (!generated.arrangement) return;
        const performance = finePerformance(generated);
        const first = performance.schedule[0]!.dueOn;
        if (generated.asOf <= first) expect(performance.surchargeFen).toBe(0);
        // each overdue day adds 3% of what is overdue, at most 3% of the whole fine
        expect(performance.surchargeFen).toBeLessThanOrEqual(
          Math.min(generated.fineFen, Math.floor((generated.fineFen * 3 * performance.surchargeDays) / 100)),
        );
        expect(performance.overdueFen).toBeLessThanOrEqual(performance.outstandingFen);
      }),
    );
  });
});
