import { z } from 'zod';
import { territories, validateCreditCode } from '@inspecta/domain';
import { industries } from '../catalog/index.ts';
import { scales } from './schema.ts';

export { scales };
export const scaleNames: Record<(typeof scales)[number], string> = {
  large: '大型',
  medium: '中型',
  small: '小型',
  micro: '微型',
};

const industryCodes = () => new Set(industries().map((entry) => entry.code));
const territoryCodes = () => new Set(territories.map((entry) => entry.code));

const ZCreditCodeSchema = z
  .string()
  .trim()
  .transform((value) => value.toUpperCase())
  .superRefine((value, issue) => {
    const verdict = validateCreditCode(value);
    if (!verdict.ok) issue.addIssue({ code: 'custom', message: verdict.message });
  });

const fields = {
  name: z.string().trim().min(1, '企业名称不能为空').max(200, '企业名称不超过 200 字'),
  address: z.string().trim().min(1, '地址不能为空').max(300, '地址不超过 300 字'),
  territory: z.string().refine((code) => territoryCodes().has(code), '属地不是已知的行政区划代码'),
  industry: z.string().refine((code) => industryCodes().has(code), '行业不在行业目录中'),
  scale: z.enum(scales, { message: '规模应为 large、medium、small 或 micro' }),
  workforce: z.number().int('从业人数应为整数').min(0).max(1_000_000),
  dustWorkers: z.number().int('涉粉作业人数应为整数').min(0).max(1_000_000),
  usesLiquidAmmonia: z.boolean(),
  hasDeepWellCasting: z.boolean(),
  legalRepresentative: z.string().trim().max(50),
  contactPhone: z
    .string()
    .trim()
    .max(30)
    .regex(/^[0-9+\-() ]*$/, '联系电话只能包含数字、空格和 + - ( )'),
  // where it is (WGS 84), to place it on the territory's map (issue 16 item 7)
  latitude: z.number().min(-90, '纬度应在 -90 至 90 之间').max(90, '纬度应在 -90 至 90 之间').nullable(),
  longitude: z
    .number()
    .min(-180, '经度应在 -180 至 180 之间')
    .max(180, '经度应在 -180 至 180 之间')
    .nullable(),
};

// a place is both its latitude and its longitude, or neither
const bothOrNeither = {
  check: (value: { latitude?: number | null; longitude?: number | null }) =>
    (value.latitude === undefined) === (value.longitude === undefined) &&
    (value.latitude === null) === (value.longitude === null),
  message: { message: '纬度和经度须同时填写或同时清空', path: ['longitude'] },
};

export const ZEnterpriseCreateSchema = z
  .strictObject({
    creditCode: ZCreditCodeSchema,
    ...fields,
    dustWorkers: fields.dustWorkers.default(0),
    usesLiquidAmmonia: fields.usesLiquidAmmonia.default(false),
    hasDeepWellCasting: fields.hasDeepWellCasting.default(false),
    legalRepresentative: fields.legalRepresentative.default(''),
    contactPhone: fields.contactPhone.default(''),
    latitude: fields.latitude.optional(),
    longitude: fields.longitude.optional(),
  })
  .refine((value) => value.dustWorkers <= value.workforce, {
    message: '涉粉作业人数不能超过从业人数',
    path: ['dustWorkers'],
  })
  .refine(bothOrNeither.check, bothOrNeither.message);
export type TEnterpriseCreate = z.infer<typeof ZEnterpriseCreateSchema>;

export const ZEnterpriseUpdateSchema = z
  .strictObject({
    name: fields.name.optional(),
    address: fields.address.optional(),
    territory: fields.territory.optional(),
    industry: fields.industry.optional(),
    scale: fields.scale.optional(),
    workforce: fields.workforce.optional(),
    dustWorkers: fields.dustWorkers.optional(),
    usesLiquidAmmonia: fields.usesLiquidAmmonia.optional(),
    hasDeepWellCasting: fields.hasDeepWellCasting.optional(),
    legalRepresentative: fields.legalRepresentative.optional(),
    contactPhone: fields.contactPhone.optional(),
    latitude: fields.latitude.optional(),
    longitude: fields.longitude.optional(),
  })
  .refine((value) => Object.keys(value).length > 0, '没有要修改的字段')
  .refine(bothOrNeither.check, bothOrNeither.message);
export type TEnterpriseUpdate = z.infer<typeof ZEnterpriseUpdateSchema>;

export const ZEnterpriseSchema = z.object({
  id: z.uuid(),
  creditCode: z.string(),
  name: z.string(),
  address: z.string(),
  territory: z.string(),
  territoryName: z.string(),
  industry: z.string(),
  industryName: z.string(),
  scale: z.enum(scales),
  workforce: z.number().int(),
  dustWorkers: z.number().int(),
  usesLiquidAmmonia: z.boolean(),
  hasDeepWellCasting: z.boolean(),
  isKey: z.boolean(),
  keyReasons: z.array(z.object({ code: z.string(), name: z.string() })),
  legalRepresentative: z.string(),
  contactPhone: z.string(),
  latitude: z.number().nullable(),
  longitude: z.number().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type TEnterprise = z.infer<typeof ZEnterpriseSchema>;
