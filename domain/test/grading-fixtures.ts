import fc from 'fast-check';
import { industryCatalog } from '../src/catalog/industries.ts';
import { factsWithNoRecords, type EnterpriseFacts } from '../src/grading/enterprise-facts.ts';
import type { AccidentLevel } from '../src/grading/grading-codes.ts';
import type { IsoDate } from '../src/shared/iso-date.ts';

// Shared by the grading tests: a plain enterprise that meets no criterion, and fast-check arbitraries.

export const plainFacts: EnterpriseFacts = factsWithNoRecords({
  industry: 'machinery',
  dustWorkers: 0,
  usesLiquidAmmonia: false,
  hasDeepWellCasting: false,
});

const DAY_MS = 86_400_000;
const FIRST = Date.UTC(2021, 0, 1);
const DAYS = 365 * 7;

export const isoDay = (offset: number): IsoDate =>
  new Date(FIRST + offset * DAY_MS).toISOString().slice(0, 10);

export const anyDate = fc.integer({ min: 0, max: DAYS }).map(isoDay);

const levels: AccidentLevel[] = ['general', 'major', 'serious', 'especially_serious'];

export const anyAccident = fc.record({
  date: anyDate,
  level: fc.constantFrom(...levels),
  deaths: fc.nat(12),
});

const sanction = fc.record({ date: anyDate, kind: fc.constantFrom('警告', '罚款', '责令停产停业') });

const ordered = (a: IsoDate, b: IsoDate): [IsoDate, IsoDate] => (a <= b ? [a, b] : [b, a]);

const rarely = fc.constantFrom(false, false, false, true);

// mostly no records at all, as for most enterprises
const sometimes = <T>(records: fc.Arbitrary<T[]>): fc.Arbitrary<T[]> =>
  fc.oneof({ weight: 2, arbitrary: fc.constant<T[]>([]) }, { weight: 1, arbitrary: records });

export const anyFacts: fc.Arbitrary<EnterpriseFacts> = fc.record({
  industry: fc.oneof(
    { weight: 9, arbitrary: fc.constantFrom(...industryCatalog.entries.map((entry) => entry.code)) },
    { weight: 1, arbitrary: fc.constant('unknown_industry') },
  ),
  dustWorkers: fc.oneof(fc.constant(0), fc.nat(80)),
  usesLiquidAmmonia: rarely,
  hasDeepWellCasting: rarely,
  designatedNewSector: rarely,
  standardisation: sometimes(
    fc.array(fc.record({ grade: fc.constantFrom(1 as const, 2 as const, 3 as const), validUntil: anyDate }), {
      maxLength: 2,
    }),
  ),
  safetyCreditGrades: sometimes(
    fc.array(
      fc.record({
        grade: fc.constantFrom('credit_a', 'credit_b', 'credit_c', 'credit_d', 'credit_x'),
        since: anyDate,
      }),
      { maxLength: 2 },
    ),
  ),
  accidents: sometimes(fc.array(anyAccident, { maxLength: 3 })),
  penalties: sometimes(fc.array(sanction, { maxLength: 6 })),
  violations: sometimes(fc.array(sanction, { maxLength: 6 })),
  overdueMajorHiddenDangers: sometimes(
    fc.array(
      fc.tuple(anyDate, anyDate, fc.boolean()).map(([a, b, rectified]) => ({
        overdueSince: ordered(a, b)[0],
        rectifiedOn: rectified ? ordered(a, b)[1] : null,
      })),
      { maxLength: 2 },
    ),
  ),
  jointCreditPunishments: sometimes(
    fc.array(
      fc.tuple(anyDate, anyDate, fc.boolean()).map(([a, b, open]) => ({
        from: ordered(a, b)[0],
        to: open ? null : ordered(a, b)[1],
      })),
      { maxLength: 1 },
    ),
  ),
  specialProcesses: fc.record({
    hazardousProcesses: fc.oneof(fc.constant(0), fc.nat(6)),
    majorHazardSourceLevel: fc.constantFrom(null, null, null, 1 as const, 2 as const, 3 as const, 4 as const),
  }),
});
