import { z } from 'zod';
import { ZQualificationSchema } from '@inspecta/domain';
import { ZDateSchema } from '../../platform/http/dates.ts';
import { ZRuleAnswerSchema } from '../organisations/index.ts';

export const qualificationNames: Record<z.infer<typeof ZQualificationSchema>, string> = {
  registered_safety_engineer: '注册安全工程师',
  legal_adviser: '法律顾问',
  technical_inspector: '技术检查员',
};

export const ZCertificateInputSchema = z
  .strictObject({
    number: z.string().trim().min(1, '证件编号不能为空').max(64),
    issuingAuthority: z.string().trim().min(1, '发证机关不能为空').max(100),
    validFrom: ZDateSchema,
    validTo: ZDateSchema,
  })
  .refine((value) => value.validFrom <= value.validTo, {
    message: '有效期起始日期不得晚于截止日期',
    path: ['validTo'],
  });

export const ZCertificateStatusChangeSchema = z.strictObject({
  status: z.enum(['valid', 'suspended', 'revoked']),
  reason: z.string().trim().min(1, '请填写原因').max(500),
});

export const ZOfficerCreateSchema = z.strictObject({
  name: z.string().trim().min(1, '姓名不能为空').max(50),
  organisationId: z.uuid('所属机构无效'),
  position: z.string().trim().max(50).default(''),
  qualifications: z.array(ZQualificationSchema).max(3).default([]),
  certificate: ZCertificateInputSchema.optional(),
});
export type TOfficerCreate = z.infer<typeof ZOfficerCreateSchema>;

export const ZOfficerUpdateSchema = z
  .strictObject({
    name: z.string().trim().min(1).max(50).optional(),
    position: z.string().trim().max(50).optional(),
    qualifications: z.array(ZQualificationSchema).max(3).optional(),
  })
  .refine((value) => Object.keys(value).length > 0, '没有要修改的字段');
export type TOfficerUpdate = z.infer<typeof ZOfficerUpdateSchema>;

export const ZRemovalSchema = z.strictObject({
  date: ZDateSchema,
  reason: z.string().trim().min(1, '请填写调离执法岗位的原因').max(500),
});

export const ZCertificateViewSchema = z.object({
  id: z.uuid(),
  number: z.string(),
  issuingAuthority: z.string(),
  validFrom: z.string(),
  validTo: z.string(),
  status: z.enum(['valid', 'suspended', 'revoked']),
  statusReason: z.string().nullable(),
  statusToday: z.enum(['valid', 'expired', 'not_yet_valid', 'suspended', 'revoked']),
});

export const ZOfficerViewSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  organisationId: z.uuid(),
  organisationName: z.string(),
  territory: z.string(),
  territoryName: z.string(),
  position: z.string(),
  qualifications: z.array(ZQualificationSchema),
  onRoster: z.boolean(),
  removedOn: z.string().nullable(),
  removalReason: z.string().nullable(),
  certificates: z.array(ZCertificateViewSchema),
  mayInspectToday: ZRuleAnswerSchema,
});
export type TOfficerView = z.infer<typeof ZOfficerViewSchema>;
