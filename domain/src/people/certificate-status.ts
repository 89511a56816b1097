import { isAfter, isBefore } from '../shared/iso-date.ts';
import type { IsoDate } from '../shared/iso-date.ts';
import type { Certificate } from './officer.ts';

export type CertificateStatusOnDate = 'valid' | 'expired' | 'not_yet_valid' | 'suspended' | 'revoked';

// What a certificate amounts to on a date. Revocation is final and says the most, so it wins; then the
// validity period (a suspended certificate that has also expired needs renewing, not un-suspending);
// then suspension.
export const certificateStatusOn = (certificate: Certificate, date: IsoDate): CertificateStatusOnDate => {
  if (certificate.status === 'revoked') return 'revoked';
  if (isBefore(date, certificate.validFrom)) return 'not_yet_valid';
  if (isAfter(date, certificate.validTo)) return 'expired';
  if (certificate.status === 'suspended') return 'suspended';
  return 'valid';
};
