import { describe, expect, it } from 'vitest';
import { rivestSample } from '../sampling/rivest-sampler.ts';
import {
  assessUnits,
  complaintChannel,
  complaintDueOn,
  complaintOverdue,
  complaintQueuesReview,
  reviewerHandledFile,
  reviewFileKey,
  sampleReviewFiles,
  scoreReviewFile,
  supervisionCatalog,
  verifyReviewSample,
  type UnitCounts,
} from './index.ts';

const sheet = supervisionCatalog.reviewSheet;
const fullPoints = Object.fromEntries(sheet.pointItems.map((item) => [item.code, item.points]));

describe('complaints about enforcement (measure 29)', () => {
  it('counts a channel in workdays on the statutory calendar, the letters-and-visits channel in days', () => {
    // the National Day holiday is not counted: 15 workdays from 30 September end on 27 October
    const hotline = complaintDueOn(complaintChannel('hotline_12345')!, '2026-09-30');
    expect(hotline.dueOn).toBe('2026-10-27');
    expect(hotline.verified).toBe(false);
    expect(complaintDueOn(complaintChannel('letters_visits')!, '2026-12-01').dueOn).toBe('2027-01-30');
  });
  it('is overdue only unanswered after its day', () => {
    expect(complaintOverdue({ dueOn: '2026-12-01', answeredOn: null }, '2026-12-02')).toBe(true);
    expect(complaintOverdue({ dueOn: '2026-12-01', answeredOn: null }, '2026-12-01')).toBe(false);
    expect(complaintOverdue({ dueOn: '2026-12-01', answeredOn: '2026-12-03' }, '2026-12-05')).toBe(false);
  });
  it('queues a complaint naming an officer or a decision for case-file review', () => {
    expect(complaintQueuesReview({ officerId: null, inspectionId: null, penaltyCaseId: null })).toBe(false);
    expect(complaintQueuesReview({ officerId: 'o', inspectionId: null, penaltyCaseId: null })).toBe(true);
    expect(complaintQueuesReview({ officerId: null, inspectionId: null, penaltyCaseId: 'c' })).toBe(true);
  });
  it('lists every channel unverified', () => {
    expect(supervisionCatalog.complaintChannels.map((channel) => channel.code)).toEqual([
      'hotline_12345',
      'bureau_hotline',
      'director_mailbox',
      'letters_visits',
      'online',
    ]);
    expect(supervisionCatalog.complaintChannels.every((channel) => !channel.verified)).toBe(true);
  });
});

describe('case-file review sample (the draws’ sampler)', () => {
  const pool = Array.from({ length: 12 }, (_, i) =>
    reviewFileKey(i % 2 ? 'inspection' : 'penalty_case', `id-${i}`),
  );
  it('takes the positions of Rivest’s sampler over the pool in code-point order', () => {
    const sample = sampleReviewFiles({ pool, sampleSize: 3, publicEntropy: '2026-12-06 上证收盘 3321.45' });
    const sorted = [...pool].sort();
    const positions: number[] = [];
    let i = 0;
    // the first three distinct positions of the published sampler
    while (positions.length < 3) {
      i += 1;
      const [position] = rivestSample(sample.seed, sorted.length, i).slice(-1);
      if (!positions.includes(position!)) positions.push(position!);
    }
    expect(sample.selected).toEqual(positions.map((p) => sorted[p - 1]));
    expect(new Set(sample.selected).size).toBe(3);
  });
  it('is recomputed from the published inputs, and a changed selection is named', () => {
    const input = { pool, sampleSize: 4, publicEntropy: 'abc' };
    const sample = sampleReviewFiles(input);
    expect(verifyReviewSample({ ...input, ...sample }).ok).toBe(true);
    const forged = verifyReviewSample({ ...input, ...sample, selected: [...sample.selected].reverse() });
    expect(forged.differences).toEqual(['抽中的案卷不一致']);
    expect(verifyReviewSample({ ...input, ...sample, publicEntropy: 'abd' }).differences).toContain(
      '随机种子不一致',
    );
  });
  it('takes the whole pool when it is smaller than the sample', () => {
    expect(
      sampleReviewFiles({ pool: pool.slice(0, 2), sampleSize: 5, publicEntropy: 'x' }).selected,
    ).toHaveLength(2);
  });
});

describe('case-file review score: veto items, then points (FACTS-4 §7.2, unverified)', () => {
  it('makes a file with a failed veto item 不合格卷 with no points', () => {
    const score = scoreReviewFile(sheet, { vetoFailed: ['veto_evidence'], points: fullPoints });
    expect(score).toMatchObject({ ok: true, grade: 'veto_failed', total: 0, vetoFailed: ['veto_evidence'] });
  });
  it('sums the points and grades them against the sheet', () => {
    expect(scoreReviewFile(sheet, { vetoFailed: [], points: fullPoints })).toMatchObject({
      grade: 'good',
      total: 100,
      maximum: 100,
    });
    const lower = { ...fullPoints, content_evidence: 5, content_discretion: 5, content_procedure: 10 };
    expect(scoreReviewFile(sheet, { vetoFailed: [], points: lower })).toMatchObject({
      grade: 'passed',
      total: 60,
    });
    expect(scoreReviewFile(sheet, { vetoFailed: [], points: { ...lower, form_pages: 4.5 } })).toMatchObject({
      grade: 'failed',
      total: 59.5,
    });
  });
  it('refuses a missing item, a point beyond the maximum and an unknown code', () => {
    const { form_pages: _omitted, ...missing } = fullPoints;
    expect(scoreReviewFile(sheet, { vetoFailed: [], points: missing })).toMatchObject({ ok: false });
    expect(
      scoreReviewFile(sheet, { vetoFailed: [], points: { ...fullPoints, form_pages: 6 } }),
    ).toMatchObject({
      ok: false,
      code: 'REVIEW_SCORE_INVALID',
    });
    expect(scoreReviewFile(sheet, { vetoFailed: ['nope'], points: fullPoints })).toMatchObject({ ok: false });
  });
  it('knows the reviewer who handled a file', () => {
    const reviewer = { id: 'u1', displayName: '市局法制审核 王敏' };
    expect(reviewerHandledFile(reviewer, { userIds: [], names: ['王敏'] })).toBe(true);
    expect(reviewerHandledFile(reviewer, { userIds: ['u1'], names: [] })).toBe(true);
    expect(reviewerHandledFile(reviewer, { userIds: ['u2'], names: ['李四', ''] })).toBe(false);
  });
});

describe('outliers on both sides (measures 18, 29)', () => {
  const unit = (key: string, counts: Partial<UnitCounts>): UnitCounts => ({
    key,
    name: key,
    inspections: 10,
    inspectionsWithFindings: 5,
    findings: 8,
    orders: 5,
    penalties: 2,
    fineFen: 100,
    benchmarkFen: 100,
    repeatVisits: 0,
    complaints: 0,
    ...counts,
  });
  const thresholds = {
    ...supervisionCatalog.outliers,
    standardDeviations: 1.5,
    minInspections: 3,
    minPeers: 3,
  };
  it('flags a unit that finds almost nothing as lenient and one that fines above the benchmark as severe', () => {
    const units = [
      unit('a', { inspectionsWithFindings: 5 }),
      unit('b', { inspectionsWithFindings: 6 }),
      unit('c', { inspectionsWithFindings: 4 }),
      unit('lenient', { inspectionsWithFindings: 0, orders: 0 }),
      unit('severe', { fineFen: 300, repeatVisits: 4 }),
    ];
    const assessed = assessUnits(units, thresholds);
    const flagsOf = (key: string) => assessed.find((item) => item.key === key)!.flags;
    expect(flagsOf('lenient').map((flag) => [flag.metric, flag.side])).toEqual([
      ['findingRate', 'lenient'],
      ['ordersPerInspection', 'lenient'],
    ]);
    expect(flagsOf('severe').map((flag) => [flag.metric, flag.side])).toEqual([
      ['fineToBenchmark', 'severe'],
      ['repeatVisitRate', 'severe'],
    ]);
    expect(flagsOf('a')).toEqual([]);
  });
  it('does not assess a unit with too few inspections, nor against too few peers', () => {
    const assessed = assessUnits(
      [unit('a', {}), unit('b', { inspections: 2, inspectionsWithFindings: 0 })],
      thresholds,
    );
    expect(assessed.every((item) => item.flags.length === 0)).toBe(true);
    expect(assessed[1]!.assessed).toBe(false);
  });
  it('never flags a low complaint rate', () => {
    const units = [
      unit('a', { complaints: 2 }),
      unit('b', { complaints: 2 }),
      unit('c', { complaints: 2 }),
      unit('d', {}),
    ];
    expect(assessUnits(units, thresholds).find((item) => item.key === 'd')!.flags).toEqual([]);
  });
});
