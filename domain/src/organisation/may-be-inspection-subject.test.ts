import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { mayBeInspectionSubject, ZMayBeInspectionSubjectInputSchema } from './may-be-inspection-subject.ts';
import type { Organisation, OrganisationKind } from './organisation.ts';

const cityBureau: Organisation = {
  id: 'org-city',
  name: '江门市应急管理局',
  kind: 'bureau',
  territory: '440700',
  hasLegalStanding: true,
  active: true,
};

const entrusted: Organisation = {
  id: 'org-entrusted',
  name: '江门市某综合行政执法队',
  kind: 'entrusted',
  territory: '440703',
  hasLegalStanding: false,
  active: true,
  entrustment: {
    scope: ['hazardous_chemicals', 'fireworks'],
    validFrom: '2025-01-01',
    validTo: '2025-12-31',
    entrustingOrganisationId: 'org-city',
  },
};

const subject = (organisation: Organisation, date = '2025-06-01', matter = 'hazardous_chemicals') =>
  mayBeInspectionSubject({ organisation, matter, date });

describe('who may be the subject of an inspection (measure 9)', () => {
  it('accepts an active emergency-management bureau with legal standing', () => {
    expect(subject(cityBureau)).toEqual({ ok: true });
  });

  it('refuses an internal unit as inspection subject', () => {
    const result = subject({ ...cityBureau, id: 'u1', name: '执法监督科', kind: 'internal_unit' });
    expect(result).toMatchObject({ ok: false, code: 'SUBJECT_INTERNAL_UNIT', measure: 9 });
    expect(result.ok ? '' : result.basis).toContain(
      '《江门市应急管理系统严格规范涉企行政检查若干措施》第九项',
    );
    expect(result.ok ? '' : result.message).toContain('执法监督科');
    // issue 11 item 7: the inspection power (安全生产法) beside the penalty law's subject rule
    expect(result.ok ? '' : result.basis).toContain(
      '《中华人民共和国安全生产法》第十条、第六十五条；《中华人民共和国行政处罚法》第十七条',
    );
  });

  it('refuses a coordination body as inspection subject', () => {
    expect(subject({ ...cityBureau, name: '市安委会办公室', kind: 'coordination_body' })).toMatchObject({
      ok: false,
      code: 'SUBJECT_COORDINATION_BODY',
      measure: 9,
    });
  });

  it('refuses an intermediary even when it holds an entrustment for the matter', () => {
    const result = subject({
      ...entrusted,
      name: '某安全评价有限公司',
      kind: 'intermediary',
      hasLegalStanding: true,
    });
    expect(result).toMatchObject({ ok: false, code: 'SUBJECT_INTERMEDIARY', measure: 9 });
    expect(result.ok ? '' : result.basis).toContain('第二十条第一款');
  });

  it('refuses internal units, coordination bodies and intermediaries whatever their flags say', () => {
    const neverKinds: OrganisationKind[] = ['internal_unit', 'coordination_body', 'intermediary'];
    fc.assert(
      fc.property(
        fc.constantFrom(...neverKinds),
        fc.boolean(),
        fc.boolean(),
        fc.boolean(),
        (kind, standing, active, withEntrustment) => {
          const organisation: Organisation = {
            ...entrusted,
            kind,
            hasLegalStanding: standing,
            active,
            entrustment: withEntrustment ? entrusted.entrustment : undefined,
          };
          expect(subject(organisation).ok).toBe(false);
        },
      ),
    );
  });

  it('lets another department join but never be the subject of an emergency-management matter', () => {
    const result = subject({ ...cityBureau, name: '江门市市场监督管理局', kind: 'department' });
    expect(result).toMatchObject({ ok: false, code: 'SUBJECT_OTHER_DEPARTMENT', measure: 9 });
    expect(result.ok ? '' : result.message).toContain('联合检查的参与部门');
  });

  it('refuses a bureau without legal standing', () => {
    expect(subject({ ...cityBureau, hasLegalStanding: false })).toMatchObject({
      ok: false,
      code: 'SUBJECT_NO_LEGAL_STANDING',
    });
  });

  it('refuses a bureau that is no longer active', () => {
    expect(subject({ ...cityBureau, active: false })).toMatchObject({ ok: false, code: 'SUBJECT_INACTIVE' });
  });

  it('accepts an entrusted organisation within its scope and term, first and last day included', () => {
    expect(subject(entrusted, '2025-01-01')).toEqual({ ok: true });
    expect(subject(entrusted, '2025-12-31', 'fireworks')).toEqual({ ok: true });
  });

  it('refuses an entrusted organisation for a matter outside its entrustment', () => {
    const result = subject(entrusted, '2025-06-01', 'non_coal_mine');
    expect(result).toMatchObject({ ok: false, code: 'SUBJECT_OUTSIDE_ENTRUSTMENT_SCOPE', measure: 9 });
    expect(result.ok ? '' : result.basis).toContain('《中华人民共和国行政处罚法》第二十条第四款');
  });

  it('refuses an entrusted organisation before its entrustment starts', () => {
    const result = subject(entrusted, '2024-12-31');
    expect(result).toMatchObject({ ok: false, code: 'SUBJECT_ENTRUSTMENT_NOT_YET_VALID' });
    expect(result.ok ? '' : result.message).toContain('2025-01-01');
  });

  it('refuses an entrusted organisation after its entrustment has ended', () => {
    expect(subject(entrusted, '2026-01-01')).toMatchObject({
      ok: false,
      code: 'SUBJECT_ENTRUSTMENT_EXPIRED',
    });
  });

  it('refuses an entrusted organisation with no entrustment recorded', () => {
    expect(subject({ ...entrusted, entrustment: undefined })).toMatchObject({
      ok: false,
      code: 'SUBJECT_NO_ENTRUSTMENT',
    });
  });

  it('refuses an entrusted organisation that is no longer active', () => {
    expect(subject({ ...entrusted, active: false })).toMatchObject({ ok: false, code: 'SUBJECT_INACTIVE' });
  });

  it('refuses an entrustment given by an organisation that may not entrust', () => {
    const input = { organisation: entrusted, matter: 'fireworks', date: '2025-06-01' };
    expect(mayBeInspectionSubject({ ...input, entrustingOrganisation: cityBureau })).toEqual({ ok: true });
    expect(
      mayBeInspectionSubject({
        ...input,
        entrustingOrganisation: { ...cityBureau, kind: 'coordination_body' },
      }),
    ).toMatchObject({ ok: false, code: 'SUBJECT_ENTRUSTING_ORGANISATION_NOT_QUALIFIED' });
    expect(
      mayBeInspectionSubject({ ...input, entrustingOrganisation: { ...cityBureau, id: 'someone-else' } }),
    ).toMatchObject({ ok: false, code: 'SUBJECT_ENTRUSTING_ORGANISATION_NOT_QUALIFIED' });
  });

  it('refuses to read an entrustment whose term ends before it starts', () => {
    const parsed = ZMayBeInspectionSubjectInputSchema.safeParse({
      organisation: { ...entrusted, entrustment: { ...entrusted.entrustment, validTo: '2024-01-01' } },
      matter: 'fireworks',
      date: '2025-06-01',
    });
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues[0]?.message).toBe('委托期限的起始日期不得晚于截止日期');
  });
});
