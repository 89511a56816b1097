import { z } from 'zod';
import wordingsJson from '@inspecta/catalog/official-wordings.json' with { type: 'json' };
import { ZCatalogCodeSchema, ZCatalogVersionSchema } from '../catalog/catalog-entry.ts';

// Issue 11 item 1: the official wording of each major-hidden-danger criterion, copied letter for letter
// (catalog/official-wordings.json). A checklist item marked verified must ask exactly that wording, so a
// paraphrase that changes 且 into 或, drops an exception or an alarm point cannot come back unnoticed.

export const WORDING_CONFIDENCE = ['verified', 'partial', 'unverified'] as const;

export const ZOfficialWordingSchema = z.object({
  // the checklist item the wording belongs to
  item: ZCatalogCodeSchema,
  document: z.string().min(1),
  provision: z.string().min(1),
  // as published, with its item number and closing punctuation; “…” where the source left words out
  wording: z.string().min(1),
  // false when the source quoted only part of the provision
  complete: z.boolean(),
  // verified: equal to the official text (two independent reproductions at least); partial: part of it, or a
  // single source; unverified: a summary only
  confidence: z.enum(WORDING_CONFIDENCE),
  seenIn: z.string().min(1),
});

export type OfficialWording = z.infer<typeof ZOfficialWordingSchema>;

export const ZOfficialWordingCatalogSchema = z.object({
  version: ZCatalogVersionSchema,
  note: z.string().min(1).optional(),
  wordings: z.array(ZOfficialWordingSchema).min(1),
});

export type OfficialWordingCatalog = z.infer<typeof ZOfficialWordingCatalogSchema>;

export const officialWordingCatalog: OfficialWordingCatalog =
  ZOfficialWordingCatalogSchema.parse(wordingsJson);

// The question an officer answers: “是否存在：” and the situation as worded, without its item number
// (（四） or 1.), the words the source left out (…) and the closing “的；”. Every 且、或者、并且 stays.
export const checklistQuestion = (wording: string): string => {
  const situation = wording
    .replace(/^(（[一二三四五六七八九十]+）|\d+\.)/u, '')
    .replaceAll('…', '')
    .replace(/[；。]$/u, '')
    .replace(/的$/u, '');
  return `是否存在：${situation}`;
};

export const isOfficialWording = (wording: OfficialWording): boolean =>
  wording.confidence === 'verified' && wording.complete;

type WordedItem = { code: string; text: string; verified: boolean; majorHiddenDanger: boolean };

// Everything that makes a checklist disagree with the official wordings; empty when they agree.
export const wordingProblems = (
  items: readonly WordedItem[],
  catalog: OfficialWordingCatalog = officialWordingCatalog,
): string[] => {
  const byItem = new Map(catalog.wordings.map((wording) => [wording.item, wording]));
  const codes = new Set(items.map((item) => item.code));
  return [
    ...catalog.wordings
      .filter((wording) => !codes.has(wording.item))
      .map((wording) => `原文 ${wording.item} 没有对应的检查项`),
    ...items.flatMap((item) => {
      const wording = byItem.get(item.code);
      if (wording === undefined)
        return item.verified && item.majorHiddenDanger
          ? [`检查项 ${item.code} 标为已核实，但没有官方原文可以核对`]
          : [];
      return [
        ...(item.text === checklistQuestion(wording.wording)
          ? []
          : [`检查项 ${item.code} 的检查内容与原文不一致，应为“${checklistQuestion(wording.wording)}”`]),
        ...(item.verified && !isOfficialWording(wording)
          ? [`检查项 ${item.code} 的原文只见部分或单一来源，不得标为已核实`]
          : []),
      ];
    }),
  ];
};
