import { describe, expect, it } from 'vitest';
import {
  checkExtension,
  checkReporter,
  computeReward,
  lacksInternalReporting,
  moveReport,
  periodEnd,
  reportDeadlines,
  reportOverdue,
  reportsCatalog,
} from './index.ts';

describe('reward (安监总财〔2018〕19号)', () => {
  it('pays 15% of the fine, at least 3,000 and at most 300,000', () => {
    const at = (fineYuan: number) => {
      const answer = computeReward({ kind: 'major_hidden_danger', fineYuan, employeeOfEnterprise: false });
      if (!answer.ok) throw new Error(answer.message);
      return answer;
    };
    expect(at(100_000).amountYuan).toBe(15_000);
    expect(at(10_000).amountYuan).toBe(3_000);
    expect(at(5_000_000).amountYuan).toBe(300_000);
    expect(at(100_000).verified).toBe(true);
  });
  it('pays per concealed death by grade, capped', () => {
    const answer = computeReward({
      kind: 'concealed_accident',
      accidentGrade: 'larger',
      concealedDeaths: 3,
      employeeOfEnterprise: false,
    });
    expect(answer.ok && answer.amountYuan).toBe(120_000);
    const capped = computeReward({
      kind: 'concealed_accident',
      accidentGrade: 'especially_major',
      concealedDeaths: 10,
      employeeOfEnterprise: false,
    });
    expect(capped.ok && capped.amountYuan).toBe(300_000);
    expect(computeReward({ kind: 'concealed_accident', employeeOfEnterprise: false }).ok).toBe(false);
  });
  it('marks the employee uplift unverified', () => {
    const answer = computeReward({
      kind: 'illegal_production',
      fineYuan: 100_000,
      employeeOfEnterprise: true,
    });
    expect(answer.ok && answer.amountYuan).toBe(18_000);
    expect(answer.ok && answer.verified).toBe(false);
    expect(answer.ok && answer.warnings.length).toBe(1);
  });
  it('the catalogue marks the verified amounts only', () => {
    expect(reportsCatalog.rewards.fineShare.verified).toBe(true);
    expect(reportsCatalog.rewards.employeeUplift.verified).toBe(false);
    expect(reportsCatalog.deadlines.verify.verified).toBe(false);
  });
});

describe('handling', () => {
  it('moves through its states and refuses the rest', () => {
    expect(moveReport('received', 'accept')).toEqual({ ok: true, next: 'accepted' });
    expect(moveReport('answered', 'verify').ok).toBe(false);
  });
  it('asks an employee reporting the own employer for a real name and contact (应急〔2020〕69号)', () => {
    expect(checkReporter({ anonymous: true, employeeOfEnterprise: true }).ok).toBe(false);
    expect(checkReporter({ anonymous: false, employeeOfEnterprise: true, name: '张三', phone: '' }).ok).toBe(
      false,
    );
    expect(
      checkReporter({ anonymous: false, employeeOfEnterprise: true, name: '张三', phone: '13800000000' }).ok,
    ).toBe(true);
    expect(checkReporter({ anonymous: true, employeeOfEnterprise: false }).ok).toBe(true);
  });
  it('counts 60 days, the extension and 10 days, a last day on a holiday moving to the next workday', () => {
    // 2025-08-01 + 60 = 2025-09-30 (Tuesday)
    expect(reportDeadlines({ acceptedOn: '2025-08-01', extensionDays: 0, verifiedOn: null }).verifyBy).toBe(
      '2025-09-30',
    );
    // 2025-08-02 + 60 = 2025-10-01, the National Day holiday: the first workday after is 2025-10-09
    expect(periodEnd('2025-08-02', 60)).toBe('2025-10-09');
    const d = reportDeadlines({ acceptedOn: '2025-08-01', extensionDays: 30, verifiedOn: '2025-10-20' });
    expect(d.answerBy).toBe('2025-10-30');
    expect(reportOverdue('accepted', d, '2025-11-30')).toBe('verify');
    expect(reportOverdue('verified', d, '2025-10-31')).toBe('answer');
    expect(reportOverdue('answered', d, '2026-01-01')).toBe(null);
  });
  it('extends once, by at most 30 days', () => {
    expect(checkExtension({ days: 30, alreadyExtended: false }).ok).toBe(true);
    expect(checkExtension({ days: 31, alreadyExtended: false }).ok).toBe(false);
    expect(checkExtension({ days: 10, alreadyExtended: true }).ok).toBe(false);
  });
  it('flags a key-industry enterprise without an internal reporting mechanism after June 2025', () => {
    expect(lacksInternalReporting({ industry: 'machinery', hasMechanism: false }, '2026-01-01')).toBe(true);
    expect(lacksInternalReporting({ industry: 'machinery', hasMechanism: true }, '2026-01-01')).toBe(false);
    expect(lacksInternalReporting({ industry: 'machinery', hasMechanism: false }, '2025-06-01')).toBe(false);
    expect(lacksInternalReporting({ industry: 'other', hasMechanism: false }, '2026-01-01')).toBe(false);
  });
});
