import { describe, expect, it } from 'vitest';
import { certificateStatusOn } from './certificate-status.ts';
import type { Certificate } from './officer.ts';

const certificate: Certificate = {
  number: '44070020250001',
  issuingAuthority: '广东省人民政府',
  validFrom: '2025-01-01',
  validTo: '2027-12-31',
  status: 'valid',
};

describe('certificate status shown on a date', () => {
  it('shows a certificate as valid from its first to its last day', () => {
    expect(certificateStatusOn(certificate, '2025-01-01')).toBe('valid');
    expect(certificateStatusOn(certificate, '2027-12-31')).toBe('valid');
  });

  it('shows a certificate as not yet valid before it starts and expired after it ends', () => {
    expect(certificateStatusOn(certificate, '2024-12-31')).toBe('not_yet_valid');
    expect(certificateStatusOn(certificate, '2028-01-01')).toBe('expired');
  });

  it('shows a suspended certificate as suspended within its period', () => {
    expect(certificateStatusOn({ ...certificate, status: 'suspended' }, '2026-01-01')).toBe('suspended');
  });

  it('shows a suspended certificate that has run out as expired, since it needs renewing', () => {
    expect(certificateStatusOn({ ...certificate, status: 'suspended' }, '2028-06-01')).toBe('expired');
  });

  it('shows a revoked certificate as revoked on any date', () => {
    for (const date of ['2024-01-01', '2026-01-01', '2030-01-01']) {
      expect(certificateStatusOn({ ...certificate, status: 'revoked' }, date)).toBe('revoked');
    }
  });
});
