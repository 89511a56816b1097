import type { Ok, Refusal } from '../shared/result.ts';
import { ok, refuse } from '../shared/result.ts';
import type { ReviewSheet } from './supervision-catalog.ts';

// measure 29, 案卷评查: a file is scored against the sheet of the catalogue. The veto items come first: any one
// failed makes the file 不合格卷 with 0 points, whatever its points; otherwise the points of each item (0 to its
// maximum) are summed and graded against the sheet's pass and good marks. The pattern (基本标准一票否决, 卷面,
// 内容) is the generic one of FACTS-4 §7.2, unverified for emergency management.

export const REVIEW_GRADES = ['veto_failed', 'failed', 'passed', 'good'] as const;
export type ReviewGrade = (typeof REVIEW_GRADES)[number];
export const REVIEW_GRADE_NAMES: Record<ReviewGrade, string> = {
  veto_failed: '不合格卷（否决项）',
  failed: '不合格',
  passed: '合格',
  good: '优秀',
};

export type ReviewScoreInput = { vetoFailed: readonly string[]; points: Readonly<Record<string, number>> };
export type ReviewScore = Ok<{
  grade: ReviewGrade;
  total: number;
  maximum: number;
  vetoFailed: string[];
  points: Record<string, number>;
}>;
export type ReviewScoreRefusal = Refusal<'REVIEW_SCORE_INVALID'>;

const BASIS = '案卷评查评分表（catalog/supervision.json reviewSheet，待法制审核）';
const invalid = (message: string): ReviewScoreRefusal =>
  refuse({ code: 'REVIEW_SCORE_INVALID', measure: 29, basis: BASIS, message });

export const scoreReviewFile = (
  sheet: ReviewSheet,
  input: ReviewScoreInput,
): ReviewScore | ReviewScoreRefusal => {
  const vetoCodes = new Set(sheet.vetoItems.map((item) => item.code));
  for (const code of input.vetoFailed)
    if (!vetoCodes.has(code)) return invalid(`评分表中没有否决项“${code}”`);
  const maximum = sheet.pointItems.reduce((sum, item) => sum + item.points, 0);
  const known = new Set(sheet.pointItems.map((item) => item.code));
  for (const code of Object.keys(input.points))
    if (!known.has(code)) return invalid(`评分表中没有评分项“${code}”`);
  const vetoFailed = sheet.vetoItems
    .filter((item) => input.vetoFailed.includes(item.code))
    .map((item) => item.code);
  const points: Record<string, number> = {};
  for (const item of sheet.pointItems) {
    const given = input.points[item.code];
    if (given === undefined) {
      if (vetoFailed.length > 0) continue;
      return invalid(`请为“${item.name}”评分`);
    }
    if (!Number.isFinite(given) || given < 0 || given > item.points || Math.round(given * 2) !== given * 2)
      return invalid(`“${item.name}”的得分应在 0 至 ${item.points} 分之间（可到半分）`);
    points[item.code] = given;
  }
  if (vetoFailed.length > 0)
    return ok({ grade: 'veto_failed' as const, total: 0, maximum, vetoFailed, points });
  const total = Object.values(points).reduce((sum, value) => sum + value, 0);
  const grade: ReviewGrade =
    total >= sheet.goodPoints ? 'good' : total >= sheet.passPoints ? 'passed' : 'failed';
  return ok({ grade, total, maximum, vetoFailed, points });
};

// A reviewer never reviews a file he handled himself (his name among the file's handlers, or his account drafted it).
export const reviewerHandledFile = (
  reviewer: { id: string; displayName: string },
  handlers: { userIds: readonly string[]; names: readonly string[] },
): boolean =>
  handlers.userIds.includes(reviewer.id) ||
  handlers.names.some(
    (name) =>
      name.trim().length > 0 &&
      (reviewer.displayName === name ||
        reviewer.displayName.endsWith(` ${name}`) ||
        name.endsWith(` ${reviewer.displayName}`)),
  );
