import { describe, expect, it } from 'vitest';
import { governanceCatalog } from '../governance/governance-catalog.ts';
import { postApprovalState, startUrgently } from './urgent-visit.ts';

// issue 11 item 5: measure 11's "原则上" — an urgent visit starts first, approved afterwards (事后补批).
describe('an urgent visit approved afterwards (measure 11)', () => {
  const now = new Date('2026-12-03T02:00:00Z');

  it('records the reason and the time the approval falls due, from the catalogue period', () => {
    const started = startUrgently(
      { ground: 'imminent_danger', reason: '群众报告厂房内有燃气泄漏气味', startedByName: '黄嘉欣' },
      { now },
    );
    expect(started).toMatchObject({ ok: true });
    if (!started.ok) return;
    const hours = governanceCatalog.urgentVisit.hours;
    expect(Date.parse(started.urgent.approvalDueBy) - now.getTime()).toBe(hours * 3_600_000);
    expect(started.urgent.reason).toBe('群众报告厂房内有燃气泄漏气味');
  });

  it('refuses an urgent start without a reason', () => {
    expect(
      startUrgently({ ground: 'report_verification', reason: ' 急 ', startedByName: '黄嘉欣' }, { now }),
    ).toMatchObject({ ok: false, code: 'URGENT_VISIT_REASON_REQUIRED', measure: 11 });
  });

  it('shows 事后补批 until approved, overdue once the period passed', () => {
    const started = startUrgently(
      { ground: 'imminent_danger', reason: '现场有人员被困风险', startedByName: '黄嘉欣' },
      { now },
    );
    if (!started.ok) throw new Error('expected a start');
    const urgent = started.urgent;
    expect(postApprovalState({ urgent, status: 'submitted' }, now)).toBe('pending');
    expect(
      postApprovalState({ urgent, status: 'submitted' }, new Date(Date.parse(urgent.approvalDueBy) + 1)),
    ).toBe('overdue');
    expect(postApprovalState({ urgent, status: 'approved' }, now)).toBe('approved');
    expect(postApprovalState({ urgent, status: 'rejected' }, now)).toBe('rejected');
    expect(postApprovalState({ urgent: null, status: 'approved' }, now)).toBe('not_urgent');
  });

  it('keeps the period a placeholder for the legal reviewer', () => {
    expect(governanceCatalog.urgentVisit.verified).toBe(false);
    expect(governanceCatalog.urgentVisit.source).toContain('行政强制法》第十九条');
  });
});
