import { z } from 'zod';
import accountabilityJson from '@inspecta/catalog/accountability.json' with { type: 'json' };
import {
  ZCatalogCodeSchema,
  ZCatalogProvenanceSchema,
  ZCatalogVersionSchema,
  uniqueCodesCheck,
} from '../catalog/catalog-entry.ts';

// measure 30: the kinds of wrongful act, the corrections and the sanctions on a person, each with its source
// (catalog/accountability.json). A sanction may suspend or revoke the officer's enforcement certificate
// (《广东省行政执法公示办法》第二十六条); an unverified entry warns (待法制审核) but is never refused.

export const ACCOUNTABILITY_KINDS = ['not_performed', 'unlawful', 'improper'] as const;
export type AccountabilityKind = (typeof ACCOUNTABILITY_KINDS)[number];
export const CORRECTION_KINDS = ['correct', 'order_correction', 'revoke', 'vary'] as const;
export type CorrectionKind = (typeof CORRECTION_KINDS)[number];
export const ACCOUNTABILITY_ORIGINS = ['complaint', 'case_review', 'supervision', 'other'] as const;
export type AccountabilityOrigin = (typeof ACCOUNTABILITY_ORIGINS)[number];
export const CERTIFICATE_EFFECTS = ['suspended', 'revoked'] as const;
export type CertificateEffect = (typeof CERTIFICATE_EFFECTS)[number];

const ZKindSchema = ZCatalogProvenanceSchema.extend({
  code: z.enum(ACCOUNTABILITY_KINDS),
  name: z.string().min(1),
  description: z.string().min(1),
});

const ZCorrectionSchema = ZCatalogProvenanceSchema.extend({
  code: z.enum(CORRECTION_KINDS),
  name: z.string().min(1),
  description: z.string().min(1),
  // a revoked or varied penalty decision is withdrawn from publication on this ground (行政处罚法 第四十八条第二款)
  withdrawsPublication: z.enum(['revoked', 'varied']).nullable(),
  needsDeadline: z.boolean(),
});

const ZSanctionSchema = ZCatalogProvenanceSchema.extend({
  code: ZCatalogCodeSchema,
  name: z.string().min(1),
  certificateEffect: z.enum(CERTIFICATE_EFFECTS).nullable(),
});

export const ZAccountabilityCatalogSchema = z.object({
  version: ZCatalogVersionSchema,
  note: z.string().min(1).optional(),
  kinds: z.array(ZKindSchema).length(ACCOUNTABILITY_KINDS.length),
  corrections: z.array(ZCorrectionSchema).length(CORRECTION_KINDS.length),
  origins: z
    .array(z.object({ code: z.enum(ACCOUNTABILITY_ORIGINS), name: z.string().min(1) }))
    .length(ACCOUNTABILITY_ORIGINS.length),
  sanctions: z.array(ZSanctionSchema).min(1).refine(uniqueCodesCheck.check, uniqueCodesCheck.message),
  referral: ZCatalogProvenanceSchema.extend({ code: ZCatalogCodeSchema, name: z.string().min(1) }),
});

export type AccountabilityCatalog = z.infer<typeof ZAccountabilityCatalogSchema>;
export type AccountabilitySanction = AccountabilityCatalog['sanctions'][number];

export const parseAccountabilityCatalog = (data: unknown): AccountabilityCatalog =>
  ZAccountabilityCatalogSchema.parse(data);

// catalog/accountability.json, checked when the module loads.
export const accountabilityCatalog: AccountabilityCatalog = parseAccountabilityCatalog(accountabilityJson);

const namesOf = <C extends string>(entries: readonly { code: C; name: string }[]) =>
  Object.fromEntries(entries.map((entry) => [entry.code, entry.name])) as Record<C, string>;

export const ACCOUNTABILITY_KIND_NAMES = namesOf(accountabilityCatalog.kinds);
export const CORRECTION_KIND_NAMES = namesOf(accountabilityCatalog.corrections);
export const ACCOUNTABILITY_ORIGIN_NAMES = namesOf(accountabilityCatalog.origins);

export const sanctionOf = (
  code: string,
  catalog: AccountabilityCatalog = accountabilityCatalog,
): AccountabilitySanction | undefined => catalog.sanctions.find((entry) => entry.code === code);

export const correctionOf = (code: CorrectionKind, catalog: AccountabilityCatalog = accountabilityCatalog) =>
  catalog.corrections.find((entry) => entry.code === code)!;
