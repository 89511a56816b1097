import { z } from 'zod';
import { isBefore, ZIsoDateSchema } from '../shared/iso-date.ts';
import type { IsoDate } from '../shared/iso-date.ts';
import { ok, refuse } from '../shared/result.ts';
import type { Ok, Refusal } from '../shared/result.ts';
import { certificateStatusOn } from './certificate-status.ts';
import type { CertificateStatusOnDate } from './certificate-status.ts';
import { acceptedIssuer, acceptedIssuerNames, certificateIssuerCatalog } from './certificate-issuers.ts';
import type { CertificateIssuerCatalog } from './certificate-issuers.ts';
import { ZOfficerSchema } from './officer.ts';
import type { Certificate, Officer } from './officer.ts';

export type MayInspectRefusalCode =
  | 'OFFICER_NOT_ON_ROSTER'
  | 'OFFICER_NO_CERTIFICATE'
  | 'CERTIFICATE_NOT_YET_VALID'
  | 'CERTIFICATE_EXPIRED'
  | 'CERTIFICATE_SUSPENDED'
  | 'CERTIFICATE_REVOKED'
  | 'CERTIFICATE_ISSUER_NOT_ACCEPTED';

export type MayInspectRefusal = Refusal<MayInspectRefusalCode>;

export const ZMayInspectInputSchema = z.object({ officer: ZOfficerSchema, date: ZIsoDateSchema });

export type MayInspectInput = z.infer<typeof ZMayInspectInputSchema>;

const MEASURE = 10;
const BASIS =
  '《江门市应急管理系统严格规范涉企行政检查若干措施》第十项；' +
  '《中华人民共和国行政处罚法》第四十二条第一款、第五十五条；《中华人民共和国安全生产法》第六十七条第二款';
const NOT_ALONE = '不得独立从事安全生产行政执法工作';

const refuseOfficer = (code: MayInspectRefusalCode, message: string): MayInspectRefusal =>
  refuse({ code, measure: MEASURE, basis: BASIS, message });

// removedOn, when recorded, dates the removal, so a past date before it is still judged as on the roster;
// without it, the current onRoster flag decides.
const onRosterOn = (officer: Officer, date: IsoDate): boolean =>
  officer.removedOn == null ? officer.onRoster : isBefore(date, officer.removedOn);

// The newest certificate (latest end, then latest start) speaks for the officer when none is valid:
// an old expired card says less than the renewed one that is suspended or starts next month.
const newestFirst = (a: Certificate, b: Certificate): number =>
  b.validTo.localeCompare(a.validTo) || b.validFrom.localeCompare(a.validFrom);

const refusalFor = (
  officer: Officer,
  certificate: Certificate,
  status: Exclude<CertificateStatusOnDate, 'valid'>,
): MayInspectRefusal => {
  const card = `${officer.name}的行政执法证（${certificate.number}）`;
  switch (status) {
    case 'not_yet_valid':
      return refuseOfficer(
        'CERTIFICATE_NOT_YET_VALID',
        `${card}自 ${certificate.validFrom} 起生效，生效前${NOT_ALONE}`,
      );
    case 'expired':
      return refuseOfficer('CERTIFICATE_EXPIRED', `${card}已于 ${certificate.validTo} 过期，${NOT_ALONE}`);
    case 'suspended':
      return refuseOfficer('CERTIFICATE_SUSPENDED', `${card}已被暂扣，暂扣期间${NOT_ALONE}`);
    case 'revoked':
      return refuseOfficer('CERTIFICATE_REVOKED', `${card}已被注销或吊销，${NOT_ALONE}`);
  }
};

// measure 10: only officers on the enforcement roster holding an enforcement certificate valid on the
// date and issued by an accepted Guangdong issuer (catalog/certificate-issuers.json) may inspect; any one such
// certificate suffices. A valid certificate from another issuer is refused, naming the issuer found. Someone without one may accompany certified
// officers but does not count as an inspector (measure 12 counts certified officers).
export const mayInspect = (
  { officer, date }: MayInspectInput,
  context: { issuers: CertificateIssuerCatalog } = { issuers: certificateIssuerCatalog },
): Ok<{ certificate: Certificate }> | MayInspectRefusal => {
  if (!onRosterOn(officer, date)) {
    return refuseOfficer(
      'OFFICER_NOT_ON_ROSTER',
      `${officer.name}不在执法人员名单内（已调离执法岗位），${NOT_ALONE}`,
    );
  }
  const newest = [...officer.certificates].sort(newestFirst);
  const valid = newest.filter((certificate) => certificateStatusOn(certificate, date) === 'valid');
  const guangdong = valid.find((certificate) =>
    acceptedIssuer(certificate.issuingAuthority, context.issuers),
  );
  if (guangdong !== undefined) return ok({ certificate: guangdong });
  const [foreign] = valid;
  if (foreign !== undefined) {
    return refuseOfficer(
      'CERTIFICATE_ISSUER_NOT_ACCEPTED',
      `${officer.name}的行政执法证（${foreign.number}）的发证机关为“${foreign.issuingAuthority}”，` +
        `不是广东省行政执法证的发证机关（${acceptedIssuerNames(context.issuers)}），${NOT_ALONE}`,
    );
  }
  const [explaining] = newest;
  if (explaining === undefined) {
    return refuseOfficer('OFFICER_NO_CERTIFICATE', `${officer.name}未取得行政执法证，${NOT_ALONE}`);
  }
  const status = certificateStatusOn(explaining, date);
  // no certificate is valid here, so the newest one explains why
  return refusalFor(officer, explaining, status as Exclude<CertificateStatusOnDate, 'valid'>);
};
