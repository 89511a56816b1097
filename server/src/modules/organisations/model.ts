import { z } from 'zod';
import { ZOrganisationKindSchema } from '@inspecta/domain';
import { ZDateSchema } from '../../platform/http/dates.ts';

export const organisationKindNames: Record<z.infer<typeof ZOrganisationKindSchema>, string> = {
  bureau: '应急管理部门',
  internal_unit: '内设机构',
  entrusted: '受委托组织',
  department: '其他部门（联合检查）',
  coordination_body: '议事协调机构',
  intermediary: '中介机构',
};

export const departmentTypes = {
  public_security: '公安',
  housing: '住建',
  transport: '交通运输',
  market_regulation: '市场监管',
  meteorology: '气象',
  fire_rescue: '消防救援',
} as const;
const departmentTypeCodes = Object.keys(departmentTypes) as [
  keyof typeof departmentTypes,
  ...(keyof typeof departmentTypes)[],
];

const ZEntrustmentInputSchema = z
  .strictObject({
    scope: z.array(z.string().min(1).max(64)).min(1, '委托范围至少包含一个检查事项').max(50),
    validFrom: ZDateSchema,
    validTo: ZDateSchema,
    entrustingOrganisationId: z.uuid('委托机关无效'),
  })
  .refine((value) => value.validFrom <= value.validTo, {
    message: '委托期限起始日期不得晚于截止日期',
    path: ['validTo'],
  });

const base = {
  name: z.string().trim().min(1, '名称不能为空').max(100),
  territory: z.string().regex(/^\d{6}$/, '属地应为六位行政区划代码'),
  parentId: z.uuid().nullable().optional(),
  active: z.boolean().optional(),
  departmentType: z.enum(departmentTypeCodes).nullable().optional(),
  entrustment: ZEntrustmentInputSchema.nullable().optional(),
};

// Legal standing is not typed in by hand: only a bureau has it (measure 9).
export const ZOrganisationCreateSchema = z
  .strictObject({ kind: ZOrganisationKindSchema, ...base })
  .refine((value) => value.kind !== 'entrusted' || value.entrustment, {
    message: '受委托组织必须登记委托范围和期限',
    path: ['entrustment'],
  })
  .refine((value) => value.kind !== 'department' || value.departmentType, {
    message: '其他部门须选择部门类别',
    path: ['departmentType'],
  });
export type TOrganisationCreate = z.infer<typeof ZOrganisationCreateSchema>;

export const ZOrganisationUpdateSchema = z
  .strictObject({
    name: base.name.optional(),
    parentId: base.parentId,
    active: base.active,
    departmentType: base.departmentType,
    entrustment: base.entrustment,
  })
  .refine((value) => Object.keys(value).length > 0, '没有要修改的字段');
export type TOrganisationUpdate = z.infer<typeof ZOrganisationUpdateSchema>;

export const ZOrganisationViewSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  kind: ZOrganisationKindSchema,
  kindName: z.string(),
  territory: z.string(),
  territoryName: z.string(),
  parentId: z.uuid().nullable(),
  hasLegalStanding: z.boolean(),
  active: z.boolean(),
  departmentType: z.string().nullable(),
  departmentTypeName: z.string().nullable(),
  entrustment: z
    .object({
      scope: z.array(z.string()),
      validFrom: z.string(),
      validTo: z.string(),
      entrustingOrganisationId: z.uuid(),
    })
    .nullable(),
});
export type TOrganisationView = z.infer<typeof ZOrganisationViewSchema>;

export const ZRuleAnswerSchema = z.object({
  ok: z.boolean(),
  code: z.string().optional(),
  measure: z.number().optional(),
  basis: z.string().optional(),
  message: z.string().optional(),
});
