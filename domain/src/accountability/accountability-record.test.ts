import { describe, expect, it } from 'vitest';
import {
  certificateEffectsOf,
  checkAccountabilityDraft,
  mayApproveAccountability,
  mayCompleteCorrection,
} from './accountability-record.ts';
import { ACCOUNTABILITY_KIND_NAMES, accountabilityCatalog } from './accountability-catalog.ts';

const today = '2026-12-03';
const draft = {
  correction: null,
  penaltyCaseId: null,
  inspectionId: null,
  persons: [{ officerName: '李明', sanction: 'certificate_suspended' }],
  referral: null,
};

describe('accountability records (measure 30)', () => {
  it('names the kinds in the seed’s words, and every sanction of 公示办法 第二十六条 is verified', () => {
    expect(Object.values(ACCOUNTABILITY_KIND_NAMES)).toEqual(['不履行', '违法履行', '不当履行']);
    const gd = accountabilityCatalog.sanctions.filter((s) =>
      s.source.startsWith('《广东省行政执法公示办法》'),
    );
    expect(gd.map((s) => s.name)).toEqual([
      '书面检查',
      '批评教育',
      '通报批评',
      '离岗培训',
      '暂扣行政执法证',
      '撤销行政执法证',
    ]);
    expect(gd.every((s) => s.verified)).toBe(true);
  });

  it('needs a person, a known sanction, a deadline for 责令限期改正 and a case for 撤销 or 变更', () => {
    expect(checkAccountabilityDraft({ ...draft, persons: [] }, today)).toMatchObject({
      code: 'ACCOUNTABILITY_NO_PERSON',
    });
    expect(
      checkAccountabilityDraft({ ...draft, persons: [{ officerName: '李明', sanction: 'fine' }] }, today),
    ).toMatchObject({ code: 'ACCOUNTABILITY_UNKNOWN_SANCTION' });
    expect(
      checkAccountabilityDraft({ ...draft, correction: { kind: 'order_correction', deadline: null } }, today),
    ).toMatchObject({ code: 'ACCOUNTABILITY_DEADLINE_NEEDED', measure: 30 });
    expect(
      checkAccountabilityDraft(
        { ...draft, correction: { kind: 'order_correction', deadline: '2026-12-01' } },
        today,
      ),
    ).toMatchObject({ code: 'ACCOUNTABILITY_DEADLINE_PAST' });
    expect(
      checkAccountabilityDraft({ ...draft, correction: { kind: 'revoke', deadline: null } }, today),
    ).toMatchObject({ code: 'ACCOUNTABILITY_DECISION_NEEDS_CASE' });
    expect(
      checkAccountabilityDraft(
        { ...draft, penaltyCaseId: 'c', correction: { kind: 'vary', deadline: null } },
        today,
      ),
    ).toEqual({ ok: true, warnings: [] });
    // an inspection's on-site decision may be revoked too
    expect(
      checkAccountabilityDraft(
        { ...draft, inspectionId: 'i', correction: { kind: 'revoke', deadline: null } },
        today,
      ).ok,
    ).toBe(true);
    expect(
      checkAccountabilityDraft({ ...draft, referral: { referredOn: '2026-12-04' } }, today),
    ).toMatchObject({ code: 'ACCOUNTABILITY_REFERRAL_DATE' });
  });

  it('warns of an unverified sanction without refusing it', () => {
    const answer = checkAccountabilityDraft(
      { ...draft, persons: [{ officerName: '李明', sanction: 'duty_rules_accountability' }] },
      today,
    );
    expect(answer.ok).toBe(true);
    expect(answer.ok && answer.warnings[0]).toContain('待法制审核');
  });

  it('lets nobody approve his own draft, and only a submitted one', () => {
    expect(mayApproveAccountability({ status: 'submitted', draftedById: 'a' }, 'a')).toMatchObject({
      code: 'ACCOUNTABILITY_OWN_DRAFT',
    });
    expect(mayApproveAccountability({ status: 'draft', draftedById: 'a' }, 'b')).toMatchObject({
      code: 'ACCOUNTABILITY_NOT_SUBMITTED',
    });
    expect(mayApproveAccountability({ status: 'submitted', draftedById: 'a' }, 'b')).toEqual({ ok: true });
  });

  it('suspends or revokes a certificate per person, revocation winning', () => {
    const effects = certificateEffectsOf([
      { officerId: 'x', sanction: 'certificate_suspended' },
      { officerId: 'x', sanction: 'certificate_revoked' },
      { officerId: 'y', sanction: 'certificate_suspended' },
      { officerId: 'z', sanction: 'public_criticism' },
    ]);
    expect([...effects]).toEqual([
      ['x', 'revoked'],
      ['y', 'suspended'],
    ]);
  });

  it('records a correction’s completion only after approval and not in the future', () => {
    expect(mayCompleteCorrection({ status: 'submitted', hasCorrection: true }, today, today).ok).toBe(false);
    expect(
      mayCompleteCorrection({ status: 'approved', hasCorrection: true }, '2026-12-04', today),
    ).toMatchObject({
      code: 'ACCOUNTABILITY_COMPLETION_DATE',
    });
    expect(mayCompleteCorrection({ status: 'approved', hasCorrection: true }, today, today).ok).toBe(true);
  });
});
