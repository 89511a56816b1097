import { describe, expect, it } from 'vitest';
import type { Officer } from '../people/officer.ts';
import type { Organisation } from '../organisation/organisation.ts';
import {
  mayBeginInspection,
  mayCheckRemotely,
  type MayBeginInspectionInput,
} from './may-begin-inspection.ts';

const officer = (name: string, validTo = '2028-12-31'): Officer => ({
  id: name,
  name,
  onRoster: true,
  removedOn: null,
  qualifications: [],
  certificates: [
    {
      number: `C-${name}`,
      issuingAuthority: '广东省人民政府',
      validFrom: '2024-01-01',
      validTo,
      status: 'valid',
    },
  ],
});

const bureau: Organisation = {
  id: 'b',
  name: '江门市应急管理局',
  kind: 'bureau',
  territory: '440700',
  hasLegalStanding: true,
  active: true,
} as Organisation;

const base: MayBeginInspectionInput = {
  date: '2026-12-10',
  step: 'check_in',
  enterpriseId: 'e1',
  matters: ['work_safety_general'],
  subject: bureau,
  officers: [officer('陈强'), officer('李敏')],
  onsitePlanApproved: true,
  drawId: 'draw-1',
  monthlyPlans: [],
  trigger: null,
  triggerReference: null,
  frequency: { existingThisYear: 0, cap: 2, capVerified: false, pendingMerge: false },
  remoteFoundNothing: false,
  visitReason: null,
};

describe('guards before an inspection begins (issue 5 item 2)', () => {
  it('passes a lawful inspection and lists every check', () => {
    const answer = mayBeginInspection(base);
    expect(answer.ok).toBe(true);
    expect(answer.checks.map((check) => check.measure)).toEqual([9, 12, 10, 11, 5, 5, 8, 7]);
  });

  it('cites 行政处罚法 第四十二条第一款 for two officers and the inspection power for the subject (issue 11 item 7)', () => {
    const answer = mayBeginInspection(base);
    const basisOf = (measure: number) => answer.checks.find((check) => check.measure === measure)!.basis;
    expect(basisOf(12)).toContain('《中华人民共和国行政处罚法》第四十二条第一款');
    expect(basisOf(12)).not.toContain('第六十八条');
    expect(basisOf(9)).toContain('《中华人民共和国安全生产法》第十条、第六十五条');
    expect(basisOf(9)).toContain('《中华人民共和国行政处罚法》第十七条、第二十条');
  });

  it('refuses one certified officer citing measure 12', () => {
    const answer = mayBeginInspection({
      ...base,
      officers: [officer('陈强'), officer('李敏', '2025-12-31')],
    });
    expect(answer).toMatchObject({ ok: false, code: 'INSPECTION_TOO_FEW_OFFICERS', measure: 12 });
    if (!answer.ok) expect(answer.message).toContain('李敏');
  });

  it('refuses an uncertified officer listed as an inspector beside two certified ones (measure 10)', () => {
    const answer = mayBeginInspection({
      ...base,
      officers: [officer('陈强'), officer('李敏'), officer('王五', '2025-01-01')],
    });
    expect(answer).toMatchObject({ ok: false, code: 'INSPECTION_OFFICER_NOT_CERTIFIED', measure: 10 });
  });

  it('refuses an internal unit as the subject (measure 9)', () => {
    const unit = { ...bureau, kind: 'internal_unit', name: '执法支队' } as Organisation;
    expect(mayBeginInspection({ ...base, subject: unit })).toMatchObject({ ok: false, measure: 9 });
  });

  it('refuses check-in without an approved plan (measure 11), but not the approval itself', () => {
    expect(mayBeginInspection({ ...base, onsitePlanApproved: false })).toMatchObject({
      ok: false,
      code: 'INSPECTION_PLAN_NOT_APPROVED',
      measure: 11,
    });
    expect(mayBeginInspection({ ...base, onsitePlanApproved: false, step: 'approve_plan' }).ok).toBe(true);
  });

  it('refuses outside any plan without a trigger, and accepts a recorded trigger (measure 5)', () => {
    expect(mayBeginInspection({ ...base, drawId: null })).toMatchObject({
      ok: false,
      code: 'INSPECTION_NOT_IN_APPROVED_PLAN',
      measure: 5,
    });
    expect(
      mayBeginInspection({
        ...base,
        drawId: null,
        trigger: 'complaint_or_report',
        triggerReference: '12345-2026-001',
      }).ok,
    ).toBe(true);
  });

  it('refuses beyond the cap unless targeted, and an undecided merge (measures 5, 8)', () => {
    expect(
      mayBeginInspection({
        ...base,
        frequency: { ...base.frequency, existingThisYear: 2, capVerified: true },
      }),
    ).toMatchObject({ code: 'INSPECTION_OVER_CAP', measure: 5 });
    // an unverified cap asks for the reason, and passes with the reason recorded at planning (issue 11 item 4)
    expect(
      mayBeginInspection({ ...base, frequency: { ...base.frequency, existingThisYear: 2 } }),
    ).toMatchObject({ code: 'INSPECTION_OVER_CAP_REASON_REQUIRED', measure: 5 });
    const withReason = mayBeginInspection({
      ...base,
      frequency: { ...base.frequency, existingThisYear: 2, overCapReason: '复查上次发现的问题' },
    });
    expect(withReason.ok).toBe(true);
    expect(withReason.checks.find((check) => check.name === '年度检查频次')?.message).toContain(
      '复查上次发现的问题',
    );
    expect(
      mayBeginInspection({
        ...base,
        trigger: 'emergency',
        triggerReference: '台风后复查',
        frequency: { ...base.frequency, existingThisYear: 2 },
      }).ok,
    ).toBe(true);
    expect(
      mayBeginInspection({ ...base, frequency: { ...base.frequency, pendingMerge: true } }),
    ).toMatchObject({ code: 'INSPECTION_MERGE_PENDING', measure: 8 });
  });

  it('asks why a visit is needed when a remote check found nothing (measure 7)', () => {
    expect(mayBeginInspection({ ...base, remoteFoundNothing: true })).toMatchObject({
      code: 'INSPECTION_VISIT_REASON_REQUIRED',
      measure: 7,
    });
    expect(
      mayBeginInspection({ ...base, remoteFoundNothing: true, visitReason: '群众举报现场仍在违规动火' }).ok,
    ).toBe(true);
  });
});

// issue 11 item 2: a remote or written check is an inspection too (measures 5, 9), without the visit's guards.
describe('guards before a remote or written check', () => {
  const {
    step: _step,
    officers: _o,
    onsitePlanApproved: _a,
    remoteFoundNothing: _r,
    visitReason: _v,
    ...remote
  } = base;

  it('refuses an enterprise in no plan and with no trigger (measure 5)', () => {
    expect(mayCheckRemotely({ ...remote, drawId: null })).toMatchObject({
      ok: false,
      code: 'INSPECTION_NOT_IN_APPROVED_PLAN',
      measure: 5,
    });
  });

  it('refuses an unlawful subject (measure 9)', () => {
    const unit = { ...bureau, kind: 'internal_unit', hasLegalStanding: false } as Organisation;
    expect(mayCheckRemotely({ ...remote, subject: unit })).toMatchObject({
      ok: false,
      code: 'INSPECTION_SUBJECT_NOT_LAWFUL',
    });
  });

  it('needs no team on site and no approved on-site plan', () => {
    const answer = mayCheckRemotely({
      ...remote,
      drawId: null,
      trigger: 'hotline_12345',
      triggerReference: 'A1',
    });
    expect(answer.ok).toBe(true);
    expect(answer.checks.map((check) => check.measure).sort()).toEqual([5, 5, 9]);
  });

  it('refuses an "other" trigger the bureau head has not approved', () => {
    expect(
      mayCheckRemotely({
        ...remote,
        drawId: null,
        trigger: 'other',
        triggerDescription: '媒体报道反映的问题',
      }),
    ).toMatchObject({ ok: false, code: 'INSPECTION_TRIGGER_NOT_APPROVED' });
  });
});
