import { describe, expect, it } from 'vitest';
import { formatDocumentNumber } from './document-number.ts';
import {
  isOverdue,
  orderSettled,
  RECTIFICATION_STATUS_NAMES,
  rectificationDeadline,
  rectificationTransition,
} from './rectification.ts';

describe('rectification orders (measure 13)', () => {
  it('goes issued → proof → rectified, or failed and back to proof', () => {
    expect(rectificationTransition('issued', 'submit_proof')).toMatchObject({
      ok: true,
      to: 'proof_submitted',
    });
    expect(rectificationTransition('proof_submitted', 'pass')).toMatchObject({ ok: true, to: 'rectified' });
    expect(rectificationTransition('proof_submitted', 'fail', '消防通道仍堆放货物')).toMatchObject({
      ok: true,
      to: 'failed',
    });
    expect(rectificationTransition('failed', 'submit_proof')).toMatchObject({
      ok: true,
      to: 'proof_submitted',
    });
  });

  it('needs a reason to fail, escalate or close without rectification', () => {
    expect(rectificationTransition('proof_submitted', 'fail')).toMatchObject({
      ok: false,
      code: 'RECTIFICATION_REASON_REQUIRED',
      measure: 13,
    });
    expect(rectificationTransition('issued', 'close_without_rectification', ' ')).toMatchObject({
      ok: false,
    });
  });

  it('never shows rectified and closed-without-rectification alike', () => {
    expect(RECTIFICATION_STATUS_NAMES.rectified).not.toBe(
      RECTIFICATION_STATUS_NAMES.closed_without_rectification,
    );
    expect(RECTIFICATION_STATUS_NAMES.closed_without_rectification).toContain('未经整改');
    expect(orderSettled('rectified') && orderSettled('closed_without_rectification')).toBe(true);
    expect(orderSettled('failed')).toBe(false);
  });

  it('counts the deadline in statutory workdays (National Day holiday skipped)', () => {
    // 2026-09-30 + 5 workdays: October 1–7 are the National Day holiday
    const answer = rectificationDeadline('2026-09-30', { workdays: 5 });
    expect(answer).toMatchObject({ ok: true, workdays: 5 });
    if (answer.ok) expect(answer.deadline > '2026-10-08').toBe(true);
  });

  it('counts 30 workdays into a year whose holidays are not published weekends only, marked pending', () => {
    // issue 11 item 12: in December 2026 an order of 30 workdays must be issued, not refused.
    // 2026-12-03: 20 workdays remain in December; 10 in January 2027 counted weekends only (1 January too)
    expect(rectificationDeadline('2026-12-03', { workdays: 30 })).toEqual({
      ok: true,
      deadline: '2027-01-14',
      workdays: 30,
      pendingYears: [2027],
    });
    expect(rectificationDeadline('2026-12-03', { workdays: 5 })).toMatchObject({ pendingYears: [] });
  });

  it('accepts a date the officer sets instead of a number of workdays', () => {
    expect(rectificationDeadline('2026-12-20', { date: '2027-01-30' })).toMatchObject({
      ok: true,
      deadline: '2027-01-30',
      workdays: null,
    });
    expect(rectificationDeadline('2026-12-20', { date: '2026-12-20' }).ok).toBe(false);
  });

  it('finds overdue orders for escalation', () => {
    expect(isOverdue({ status: 'issued', deadline: '2026-11-20' }, '2026-11-26')).toBe(true);
    expect(isOverdue({ status: 'proof_submitted', deadline: '2026-11-20' }, '2026-11-26')).toBe(false);
    expect(isOverdue({ status: 'issued', deadline: '2026-11-26' }, '2026-11-26')).toBe(false);
  });
});

describe('document numbers (issue 5 item 8, issue 11 item 10)', () => {
  it('follows the national pattern （江）应急责改〔2026〕N号, region in parentheses before 应急', () => {
    expect(
      formatDocumentNumber({ territory: '440700', type: 'rectification_order', year: 2026, sequence: 7 }),
    ).toBe('（江）应急责改〔2026〕7号');
    expect(
      formatDocumentNumber({ territory: '440703', type: 'rectification_review', year: 2026, sequence: 12 }),
    ).toBe('（蓬江）应急复查〔2026〕12号');
    expect(
      formatDocumentNumber({
        territory: '440781',
        type: 'onsite_measures_decision',
        year: 2027,
        sequence: 1,
      }),
    ).toBe('（台山）应急现决〔2027〕1号');
  });
});
