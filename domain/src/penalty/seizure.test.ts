import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { caseProcedureCatalog } from './case-procedure.ts';
import {
  RELEASE_GROUND_NAMES,
  SEIZURE_APPROVAL_LAW,
  SEIZURE_BASIS_LAW,
  SEIZURE_PERIOD_LAW,
  SEIZURE_SCOPE_LAW,
  SEIZURE_TESTING_LAW,
  mayApproveExtension,
  mayApproveSeizure,
  mayProposeSeizure,
  mayRecordTestingPeriod,
  mayRequestExtension,
  seizurePeriod,
  seizureWarning,
  testingDays,
  type TestingPeriod,
} from './seizure.ts';
import fc from 'fast-check';
import { addDays } from '../calendar/iso-day.ts';

const d = (date: string) => date;
const laws = join(dirname(fileURLToPath(import.meta.url)), '../../../catalog/laws');
const law = (file: string) => readFileSync(join(laws, file), 'utf8').replace(/\s+/g, '');
const quoted = (text: string) => /“(.*)”/.exec(text)?.[1] ?? '';

describe('查封、扣押 (measure 16)', () => {
  it('quotes the laws word for word', () => {
    const coercion = law('行政强制法(2011-06-30).md');
    const safety = law('安全生产法(2021-06-10).md');
    expect(safety).toContain(quoted(SEIZURE_BASIS_LAW));
    for (const text of [SEIZURE_SCOPE_LAW, SEIZURE_APPROVAL_LAW, SEIZURE_PERIOD_LAW, SEIZURE_TESTING_LAW])
      expect(coercion).toContain(quoted(text));
    expect(coercion).toContain(quoted(caseProcedureCatalog.seizure.source));
    for (const ground of Object.values(RELEASE_GROUND_NAMES)) expect(coercion).toContain(ground);
    expect(caseProcedureCatalog.seizure).toMatchObject({
      limitDays: 30,
      extensionMaxDays: 30,
      verified: true,
    });
  });

  it('runs 30 days from the day after, across the new year, and an extension adds to the last day', () => {
    expect(seizurePeriod(d('2026-12-10'), 0).dueOn).toBe('2027-01-09');
    expect(seizurePeriod(d('2026-12-10'), 30).dueOn).toBe('2027-02-08');
  });

  it('needs the violation first, and a head who did not draft it', () => {
    expect(mayProposeSeizure(null)).toMatchObject({ ok: false, code: 'SEIZURE_NO_VIOLATION', measure: 16 });
    expect(mayProposeSeizure('sl_93_1').ok).toBe(true);
    expect(mayApproveSeizure('officer-1', 'officer-1')).toMatchObject({ code: 'SEIZURE_SELF_APPROVAL' });
    expect(mayApproveSeizure('officer-1', 'head-1').ok).toBe(true);
  });

  it('extends once, by at most 30 days, only before the period runs out', () => {
    const inForce = {
      status: 'in_force' as const,
      dueOn: d('2027-01-09'),
      extensionDays: 0,
      extensionRequested: false,
    };
    expect(mayRequestExtension(inForce, 30, d('2027-01-09')).ok).toBe(true);
    expect(mayRequestExtension(inForce, 31, d('2027-01-01'))).toMatchObject({
      code: 'SEIZURE_EXTENSION_TOO_LONG',
    });
    expect(mayRequestExtension(inForce, 10, d('2027-01-10'))).toMatchObject({ code: 'SEIZURE_EXPIRED' });
    expect(mayRequestExtension({ ...inForce, extensionDays: 20 }, 5, d('2027-01-01'))).toMatchObject({
      code: 'SEIZURE_ALREADY_EXTENDED',
    });
    expect(mayRequestExtension({ ...inForce, extensionRequested: true }, 5, d('2027-01-01'))).toMatchObject({
      code: 'SEIZURE_ALREADY_EXTENDED',
    });
    expect(mayRequestExtension({ ...inForce, status: 'released' }, 5, d('2027-01-01'))).toMatchObject({
      code: 'SEIZURE_NOT_IN_FORCE',
    });
    const asked = { status: 'in_force' as const, dueOn: d('2027-01-09'), extensionRequestedBy: 'officer-1' };
    expect(mayApproveExtension(asked, 'officer-1', d('2027-01-02'))).toMatchObject({
      code: 'SEIZURE_SELF_APPROVAL',
    });
    expect(mayApproveExtension(asked, 'head-1', d('2027-01-10'))).toMatchObject({ code: 'SEIZURE_EXPIRED' });
    expect(
      mayApproveExtension({ ...asked, extensionRequestedBy: null }, 'head-1', d('2027-01-02')),
    ).toMatchObject({
      code: 'SEIZURE_NO_EXTENSION_REQUESTED',
    });
    expect(mayApproveExtension(asked, 'head-1', d('2027-01-09')).ok).toBe(true);
  });

  it('reminds three days before the last day and calls a seizure past it overdue', () => {
    const seizure = { status: 'in_force' as const, dueOn: d('2027-01-09') };
    expect(seizureWarning(seizure, d('2027-01-05'))).toBeNull();
    expect(seizureWarning(seizure, d('2027-01-06'))).toBe('due_soon');
    expect(seizureWarning(seizure, d('2027-01-09'))).toBe('due_soon');
    expect(seizureWarning(seizure, d('2027-01-10'))).toBe('overdue');
    expect(seizureWarning({ status: 'released', dueOn: d('2027-01-09') }, d('2027-01-10'))).toBeNull();
  });

  // 行政强制法 第二十五条第三款: the period of 检测、检验、检疫或者技术鉴定 is not part of the seizure's period
  describe('examination periods', () => {
    const period = (startsOn: string, endsOn: string, notifiedOn = startsOn): TestingPeriod => ({
      kind: 'testing',
      startsOn,
      endsOn,
      notifiedOn,
      note: '',
    });
    const inForce = (testing: TestingPeriod[] = []) => ({
      status: 'in_force' as const,
      startedOn: d('2026-12-10'),
      dueOn: seizurePeriod(d('2026-12-10'), 0, testing).dueOn,
      testing,
    });

    it('moves the last day by the days of examination, first and last counted, across the new year', () => {
      expect(seizurePeriod(d('2026-12-10'), 0, [period('2026-12-20', '2026-12-29')]).dueOn).toBe(
        '2027-01-19',
      );
      expect(seizurePeriod(d('2026-12-10'), 0, [period('2026-12-20', '2026-12-29')]).testingDays).toBe(10);
      // with the extension and a second examination
      expect(
        seizurePeriod(d('2026-12-10'), 30, [
          period('2026-12-20', '2026-12-29'),
          period('2027-01-05', '2027-01-05'),
        ]).dueOn,
      ).toBe('2027-02-19');
      // the seizure's own day is not in its period, so an examination begun that day does not count it
      expect(testingDays(d('2026-12-10'), [period('2026-12-10', '2026-12-11')])).toBe(1);
    });

    it('is recorded only on a seizure in force, within it, not overlapping, with the written notice given', () => {
      expect(mayRecordTestingPeriod(inForce(), period('2026-12-20', '2026-12-29'), d('2026-12-20')).ok).toBe(
        true,
      );
      expect(
        mayRecordTestingPeriod(
          { ...inForce(), status: 'released' },
          period('2026-12-20', '2026-12-29'),
          d('2026-12-20'),
        ),
      ).toMatchObject({ code: 'SEIZURE_NOT_IN_FORCE' });
      expect(
        mayRecordTestingPeriod(inForce(), period('2026-12-29', '2026-12-20'), d('2026-12-20')),
      ).toMatchObject({
        code: 'SEIZURE_TESTING_PERIOD_INVALID',
        measure: 16,
        basis: SEIZURE_TESTING_LAW,
      });
      expect(
        mayRecordTestingPeriod(inForce(), period('2026-12-09', '2026-12-12'), d('2026-12-12')),
      ).toMatchObject({
        code: 'SEIZURE_TESTING_PERIOD_INVALID',
      });
      // after the last day the seizure must be released, not kept by a late record
      expect(
        mayRecordTestingPeriod(inForce(), period('2027-01-09', '2027-01-12'), d('2027-01-10')),
      ).toMatchObject({
        code: 'SEIZURE_EXPIRED',
      });
      const one = inForce([period('2026-12-20', '2026-12-29')]);
      expect(mayRecordTestingPeriod(one, period('2026-12-29', '2027-01-02'), d('2026-12-29'))).toMatchObject({
        code: 'SEIZURE_TESTING_PERIOD_INVALID',
      });
      expect(
        mayRecordTestingPeriod(one, period('2026-12-30', '2027-01-02', '2026-12-29'), d('2026-12-29')).ok,
      ).toBe(true);
      // the written notice is a fact already done
      expect(
        mayRecordTestingPeriod(inForce(), period('2026-12-20', '2026-12-29', '2026-12-21'), d('2026-12-20')),
      ).toMatchObject({ code: 'SEIZURE_TESTING_PERIOD_INVALID' });
    });

    it('never shortens the period and adds exactly the days examined after the seizure', () => {
      const day = fc.integer({ min: 0, max: 120 });
      fc.assert(
        fc.property(fc.array(fc.tuple(day, fc.integer({ min: 0, max: 40 })), { maxLength: 4 }), (spans) => {
          const start = d('2026-12-10');
          // laid end to end, as the guard keeps them from overlapping
          let cursor = 0;
          const periods = spans.map(([gap, length]) => {
            const from = cursor + gap;
            cursor = from + length + 1;
            return period(addDays(start, from), addDays(start, from + length));
          });
          const plain = seizurePeriod(start, 0);
          const examined = seizurePeriod(start, 0, periods);
          const expected = spans.reduce(
            (sum, [gap, length], i) => sum + length + 1 - (i === 0 && gap === 0 ? 1 : 0),
            0,
          );
          expect(examined.testingDays).toBe(expected);
          expect(examined.dueOn >= plain.dueOn).toBe(true);
          expect(examined.dueOn).toBe(addDays(plain.dueOn, expected));
        }),
      );
    });
  });
});
