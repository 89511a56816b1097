import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { certificateIssuerCatalog, parseCertificateIssuerCatalog } from './certificate-issuers.ts';
import { mayInspect } from './may-inspect.ts';
import { ZOfficerSchema } from './officer.ts';
import type { Certificate, Officer } from './officer.ts';

const current: Certificate = {
  number: '44070020250001',
  issuingAuthority: '广东省人民政府',
  validFrom: '2025-01-01',
  validTo: '2027-12-31',
  status: 'valid',
};

const officer: Officer = {
  id: 'officer-1',
  name: '张三',
  onRoster: true,
  removedOn: null,
  certificates: [current],
  qualifications: ['registered_safety_engineer'],
};

const on = (date: string, changes: Partial<Officer> = {}) =>
  mayInspect({ officer: { ...officer, ...changes }, date });

describe('who may inspect (measure 10)', () => {
  it('lets an officer on the roster with a valid certificate inspect, naming the certificate', () => {
    expect(on('2025-06-01')).toEqual({ ok: true, certificate: current });
  });

  it('refuses a valid certificate from an issuer outside Guangdong, naming the issuer found (issue 11 item 6)', () => {
    const elsewhere: Certificate = { ...current, number: 'HN-2025-7', issuingAuthority: '湖南省人民政府' };
    const result = on('2025-06-01', { certificates: [elsewhere] });
    expect(result).toMatchObject({ ok: false, code: 'CERTIFICATE_ISSUER_NOT_ACCEPTED', measure: 10 });
    expect(result.ok ? '' : result.message).toContain('“湖南省人民政府”');
    expect(result.ok ? '' : result.message).toContain('广东省人民政府');
  });

  it('counts the Guangdong certificate when the officer also holds one from elsewhere', () => {
    const elsewhere: Certificate = { ...current, number: 'HN-2025-7', issuingAuthority: '湖南省人民政府' };
    expect(on('2025-06-01', { certificates: [elsewhere, current] })).toEqual({
      ok: true,
      certificate: current,
    });
  });

  it('takes the accepted issuers from the catalogue, ignoring spaces and bracket width', () => {
    const catalog = parseCertificateIssuerCatalog({
      version: 't',
      entries: [
        {
          code: 'x',
          name: '广东省人民政府（测试）',
          aliases: ['粤府'],
          source: 's',
          effective: '2025-01-01',
          verified: true,
        },
      ],
    });
    const withIssuer = (issuingAuthority: string) =>
      mayInspect(
        { officer: { ...officer, certificates: [{ ...current, issuingAuthority }] }, date: '2025-06-01' },
        { issuers: catalog },
      );
    expect(withIssuer('广东省人民政府 (测试)').ok).toBe(true);
    expect(withIssuer('粤府').ok).toBe(true);
    expect(withIssuer('广东省人民政府')).toMatchObject({
      ok: false,
      code: 'CERTIFICATE_ISSUER_NOT_ACCEPTED',
    });
  });

  it('lists every accepted issuer as unverified until a legal reviewer confirms it', () => {
    expect(certificateIssuerCatalog.entries.map((entry) => entry.name)).toEqual([
      '广东省人民政府',
      '广东省司法厅',
    ]);
    expect(certificateIssuerCatalog.entries.every((entry) => !entry.verified)).toBe(true);
  });

  it('refuses an officer without any enforcement certificate', () => {
    const result = on('2025-06-01', { certificates: [] });
    expect(result).toMatchObject({ ok: false, code: 'OFFICER_NO_CERTIFICATE', measure: 10 });
    expect(result.ok ? '' : result.basis).toContain('《中华人民共和国行政处罚法》第四十二条');
    expect(result.ok ? '' : result.basis).toContain('第十项');
  });

  it('refuses an officer taken off the enforcement roster, even with a valid certificate', () => {
    expect(on('2025-06-01', { onRoster: false })).toMatchObject({ ok: false, code: 'OFFICER_NOT_ON_ROSTER' });
  });

  it('refuses an officer from the day of removal, but not for days before it', () => {
    expect(on('2025-06-01', { onRoster: false, removedOn: '2025-06-01' })).toMatchObject({
      ok: false,
      code: 'OFFICER_NOT_ON_ROSTER',
    });
    expect(on('2025-05-31', { onRoster: false, removedOn: '2025-06-01' }).ok).toBe(true);
  });

  it('refuses an officer whose certificate has expired, saying when', () => {
    const result = on('2028-01-01');
    expect(result).toMatchObject({ ok: false, code: 'CERTIFICATE_EXPIRED', measure: 10 });
    expect(result.ok ? '' : result.message).toContain('2027-12-31');
  });

  it('refuses an officer whose certificate is not yet valid, saying from when', () => {
    const result = on('2024-12-31');
    expect(result).toMatchObject({ ok: false, code: 'CERTIFICATE_NOT_YET_VALID' });
    expect(result.ok ? '' : result.message).toContain('2025-01-01');
  });

  it('refuses an officer whose certificate is suspended', () => {
    expect(on('2025-06-01', { certificates: [{ ...current, status: 'suspended' }] })).toMatchObject({
      ok: false,
      code: 'CERTIFICATE_SUSPENDED',
    });
  });

  it('refuses an officer whose certificate is revoked', () => {
    expect(on('2025-06-01', { certificates: [{ ...current, status: 'revoked' }] })).toMatchObject({
      ok: false,
      code: 'CERTIFICATE_REVOKED',
    });
  });

  it('accepts an officer with an expired old certificate and a valid renewed one', () => {
    const old: Certificate = { ...current, number: 'OLD', validFrom: '2020-01-01', validTo: '2024-12-31' };
    expect(on('2025-06-01', { certificates: [old, current] })).toEqual({ ok: true, certificate: current });
  });

  it('explains a refusal by the newest certificate: a renewal starting next month, not the expired old card', () => {
    const old: Certificate = { ...current, number: 'OLD', validFrom: '2020-01-01', validTo: '2025-05-31' };
    const renewed: Certificate = {
      ...current,
      number: 'NEW',
      validFrom: '2025-07-01',
      validTo: '2030-06-30',
    };
    const result = on('2025-06-15', { certificates: [old, renewed] });
    expect(result).toMatchObject({ ok: false, code: 'CERTIFICATE_NOT_YET_VALID' });
    expect(result.ok ? '' : result.message).toContain('NEW');
  });

  it('explains a refusal by the suspension of the current card rather than the expiry of an old one', () => {
    const old: Certificate = { ...current, number: 'OLD', validFrom: '2020-01-01', validTo: '2024-12-31' };
    expect(on('2025-06-01', { certificates: [old, { ...current, status: 'suspended' }] })).toMatchObject({
      code: 'CERTIFICATE_SUSPENDED',
    });
  });

  it('lets an officer inspect whenever any one certificate is valid on the date', () => {
    const status = fc.constantFrom<Certificate['status']>('valid', 'suspended', 'revoked');
    const year = fc.integer({ min: 2018, max: 2032 });
    const certificate = fc.tuple(year, fc.nat(5), status).map(([from, years, state]): Certificate => ({
      ...current,
      validFrom: `${from}-01-01`,
      validTo: `${from + years}-12-31`,
      status: state,
    }));
    fc.assert(
      fc.property(fc.array(certificate, { maxLength: 4 }), year, (certificates, checkYear) => {
        const date = `${checkYear}-06-30`;
        const anyValid = certificates.some(
          (c) => c.status === 'valid' && c.validFrom <= date && date <= c.validTo,
        );
        expect(on(date, { certificates }).ok).toBe(anyValid);
      }),
    );
  });

  it('refuses to read a certificate whose period ends before it starts', () => {
    const parsed = ZOfficerSchema.safeParse({
      ...officer,
      certificates: [{ ...current, validTo: '2024-01-01' }],
    });
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues[0]?.message).toBe('执法证有效期的起始日期不得晚于截止日期');
  });
});
