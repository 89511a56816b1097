import { z } from 'zod';
import violationsJson from '@inspecta/catalog/violations.json' with { type: 'json' };
import {
  ZCatalogCodeSchema,
  ZCatalogProvenanceSchema,
  ZCatalogVersionSchema,
  uniqueCodesCheck,
} from '../catalog/catalog-entry.ts';
import { ZIsoDateSchema } from '../shared/iso-date.ts';

// issue 15 item 1: the violation catalogue (catalog/violations.json). Each entry quotes the violation and the
// penalty clause in the law's words; fines are integer fen, per party and per stage (before a missed correction
// deadline, after it, on an accident, where the circumstances are serious).

export const PARTIES = ['entity', 'principal', 'manager', 'directly_responsible'] as const;
export type Party = (typeof PARTIES)[number];
export const PARTY_NAMES: Record<Party, string> = {
  entity: '生产经营单位',
  principal: '主要负责人（个人经营的投资人）',
  manager: '其他负责人和安全生产管理人员',
  directly_responsible: '直接负责的主管人员和其他直接责任人员',
};

export const PENALTY_STAGES = ['initial', 'after_missed_deadline', 'accident', 'serious'] as const;
export type PenaltyStage = (typeof PENALTY_STAGES)[number];
export const PENALTY_STAGE_NAMES: Record<PenaltyStage, string> = {
  initial: '发现时',
  after_missed_deadline: '逾期未改正（拒不改正）',
  accident: '导致发生生产安全事故',
  serious: '情节严重',
};

export const SANCTIONS = [
  'order_correction',
  'order_stop',
  'suspend',
  'revoke',
  'confiscate',
  'close',
  'detention',
  'criminal_referral',
  'daily_continuing_penalty',
  'barred_from_office',
] as const;
export type Sanction = (typeof SANCTIONS)[number];
export const SANCTION_NAMES: Record<Sanction, string> = {
  order_correction: '责令（限期）改正',
  order_stop: '责令停止违法行为',
  suspend: '责令停产停业整顿',
  revoke: '吊销有关证照',
  confiscate: '没收违法所得或者非法物品',
  close: '提请关闭',
  detention: '拘留（公安机关决定）',
  criminal_referral: '构成犯罪的，移送司法机关',
  daily_continuing_penalty: '按日连续处罚',
  barred_from_office: '不得担任主要负责人',
};

const ZFenSchema = z.number().int().nonnegative();

export const ZFineSchema = z.discriminatedUnion('kind', [
  z
    .object({
      kind: z.literal('range'),
      minFen: ZFenSchema,
      maxFen: ZFenSchema,
      condition: z.string().optional(),
    })
    .refine((fine) => fine.minFen <= fine.maxFen, '罚款下限不得高于上限'),
  z.object({ kind: z.literal('up_to'), maxFen: ZFenSchema.positive() }),
  // a share of the person's income of the previous year (安全生产法 第九十五条、第九十六条、第一百一十条)
  z.object({
    kind: z.literal('income_share'),
    minPercent: z.number().int().positive(),
    maxPercent: z.number().int().positive(),
  }),
  // a multiple of the illegal gain, from a gain of appliesFromGainFen (安全生产法 第一百零三条)
  z.object({
    kind: z.literal('illegal_gain_multiple'),
    minMultiple: z.number().int().positive(),
    maxMultiple: z.number().int().positive(),
    appliesFromGainFen: ZFenSchema,
  }),
]);
export type Fine = z.infer<typeof ZFineSchema>;

export const ZPenaltyRowSchema = z.object({
  stage: z.enum(PENALTY_STAGES),
  party: z.enum(PARTIES),
  fines: z.array(ZFineSchema),
  sanctions: z.array(z.enum(SANCTIONS)),
});
export type PenaltyRow = z.infer<typeof ZPenaltyRowSchema>;

export const ZViolationSchema = ZCatalogProvenanceSchema.extend({
  code: ZCatalogCodeSchema,
  // the same violation across versions of the law (行政处罚法 第三十七条 compares them)
  lineage: ZCatalogCodeSchema,
  lawCode: ZCatalogCodeSchema,
  article: z.number().int().positive(),
  paragraph: z.number().int().positive(),
  item: z.number().int().positive().optional(),
  provision: z.string().min(1),
  violation: z.string().min(1),
  circumstance: z.string().min(1).optional(),
  penaltyText: z.string().min(1),
  references: z.array(z.object({ article: z.number().int(), paragraph: z.number().int() })).optional(),
  dutyProvision: z.string().min(1).nullable(),
  authority: z.string().min(1),
  penalties: z.array(ZPenaltyRowSchema).min(1),
  // the day this version stops applying (the day the next version takes effect); absent while in force
  until: ZIsoDateSchema.optional(),
});
export type Violation = z.infer<typeof ZViolationSchema>;

export const ZLawSchema = ZCatalogProvenanceSchema.extend({
  code: ZCatalogCodeSchema,
  title: z.string().min(1),
  edition: z.string().min(1),
  file: z.string().min(1),
});
export type Law = z.infer<typeof ZLawSchema>;

export const ZViolationCatalogSchema = z
  .object({
    version: ZCatalogVersionSchema,
    effective: ZIsoDateSchema,
    note: z.string().optional(),
    laws: z.array(ZLawSchema).min(1),
    entries: z.array(ZViolationSchema).min(1).refine(uniqueCodesCheck.check, uniqueCodesCheck.message),
  })
  .superRefine((catalog, context) => {
    const laws = new Set(catalog.laws.map((law) => law.code));
    catalog.entries.forEach((entry, index) => {
      if (!laws.has(entry.lawCode))
        context.addIssue({
          code: 'custom',
          message: `未知的法律：${entry.lawCode}`,
          path: ['entries', index],
        });
    });
  });
export type ViolationCatalog = z.infer<typeof ZViolationCatalogSchema>;

export const parseViolationCatalog = (data: unknown): ViolationCatalog => ZViolationCatalogSchema.parse(data);

// catalog/violations.json, checked when the module loads.
export const violationCatalog: ViolationCatalog = parseViolationCatalog(violationsJson);

export const violationByCode = (
  code: string,
  catalog: ViolationCatalog = violationCatalog,
): Violation | undefined => catalog.entries.find((entry) => entry.code === code);

export const lawOf = (violation: Violation, catalog: ViolationCatalog = violationCatalog): Law | undefined =>
  catalog.laws.find((law) => law.code === violation.lawCode);

// The fine range (fen) for one party at one stage, when the law sets it in yuan; null when it sets none or sets
// it as a share of income or a multiple of the gain (the engine then leaves the amount to the officer).
export const statutoryRange = (
  violation: Violation,
  party: Party,
  stage: PenaltyStage,
): { minFen: number; maxFen: number } | null => {
  const row = violation.penalties.find((candidate) => candidate.party === party && candidate.stage === stage);
  const fine = row?.fines.find((candidate) => candidate.kind === 'range' || candidate.kind === 'up_to');
  if (!fine) return null;
  return fine.kind === 'range'
    ? { minFen: fine.minFen, maxFen: fine.maxFen }
    : { minFen: 0, maxFen: fine.maxFen };
};
