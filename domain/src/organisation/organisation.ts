import { z } from 'zod';
import { ZIsoDateSchema } from '../shared/iso-date.ts';
import { ZTerritoryCodeSchema } from '../territory/territory-code.ts';

// bureau             应急管理部门 (city or county bureau)
// internal_unit      内设机构 (a section of a bureau, e.g. 执法支队的科室)
// entrusted          受委托组织 (acts in the entrusting bureau's name, within the entrustment)
// department         other government departments joining joint inspections (measure 6):
//                    公安, 住建, 交通运输, 市场监管, 气象, 消防救援
// coordination_body  议事协调机构 (e.g. 安全生产委员会办公室)
// intermediary       中介机构 (safety-assessment and consulting firms)
export const ZOrganisationKindSchema = z.enum([
  'bureau',
  'internal_unit',
  'entrusted',
  'department',
  'coordination_body',
  'intermediary',
]);

export type OrganisationKind = z.infer<typeof ZOrganisationKindSchema>;

// 委托书 must state the matters, powers and term (《中华人民共和国行政处罚法》第二十条第二款).
export const ZEntrustmentSchema = z
  .object({
    scope: z.array(z.string().min(1)).min(1, { error: '委托范围至少包含一个检查事项' }),
    validFrom: ZIsoDateSchema,
    validTo: ZIsoDateSchema,
    entrustingOrganisationId: z.string().min(1),
  })
  .refine((entrustment) => entrustment.validFrom <= entrustment.validTo, {
    error: '委托期限的起始日期不得晚于截止日期',
    path: ['validTo'],
  });

export type Entrustment = z.infer<typeof ZEntrustmentSchema>;

export const ZOrganisationSchema = z.object({
  id: z.string().min(1),
  name: z.string().min(1),
  kind: ZOrganisationKindSchema,
  territory: ZTerritoryCodeSchema,
  hasLegalStanding: z.boolean(),
  active: z.boolean(),
  entrustment: ZEntrustmentSchema.optional(),
});

export type Organisation = z.infer<typeof ZOrganisationSchema>;
