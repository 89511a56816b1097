import { z } from 'zod';
import { ZIsoDateSchema } from '../shared/iso-date.ts';

// 行政执法证: in Guangdong the 广东省行政执法证 (measure 10). The issuing authority is recorded as written on
// the certificate; mayInspect counts it only when catalog/certificate-issuers.json accepts that issuer.
export const ZCertificateSchema = z
  .object({
    number: z.string().min(1),
    issuingAuthority: z.string().min(1),
    validFrom: ZIsoDateSchema,
    validTo: ZIsoDateSchema,
    status: z.enum(['valid', 'suspended', 'revoked']),
  })
  .refine((certificate) => certificate.validFrom <= certificate.validTo, {
    error: '执法证有效期的起始日期不得晚于截止日期',
    path: ['validTo'],
  });

export type Certificate = z.infer<typeof ZCertificateSchema>;

// measure 25: the team's professional strength (注册安全工程师, 法律顾问, 技术检查员)
export const ZQualificationSchema = z.enum([
  'registered_safety_engineer',
  'legal_adviser',
  'technical_inspector',
]);

export type Qualification = z.infer<typeof ZQualificationSchema>;

export const ZOfficerSchema = z.object({
  id: z.string().min(1),
  name: z.string().min(1),
  onRoster: z.boolean(),
  // the day the officer left the enforcement roster (调离执法岗位); from that day on the officer may not inspect
  removedOn: ZIsoDateSchema.nullish(),
  certificates: z.array(ZCertificateSchema),
  qualifications: z.array(ZQualificationSchema),
});

export type Officer = z.infer<typeof ZOfficerSchema>;
