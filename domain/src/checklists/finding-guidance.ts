import { checklistCatalog, checklistItemByCode } from './checklist-catalog.ts';
import type { ChecklistCatalog } from './checklist-catalog.ts';
import { mergedFormItemByCode } from './merged-form.ts';
import type { ChecklistReference, MergedForm, MergedFormItem } from './merged-form.ts';

// measure 13: what a finding carries so the enterprise knows 改哪里、如何改 — the item, every basis, the duty's
// articles and the catalogue's plain-language fix.
export type FindingGuidance = {
  itemCode: string;
  itemCodes: string[];
  text: string;
  basis: string[];
  legalBasis: string[];
  // basis and legal basis in one line, for a finding's basis column and the printed order
  citation: string;
  howToFix: string;
  majorHiddenDanger: boolean;
  // false when any basis is unverified: the finding shows 待核实 and a legal reviewer checks it first
  verified: boolean;
  checklists: ChecklistReference[];
};

export type FindingGuidanceOptions = {
  // the inspection's form: a finding on a merged item then carries the bases of every checklist it merged
  form?: MergedForm;
  catalog?: ChecklistCatalog;
};

const fromFormItem = (itemCode: string, item: MergedFormItem): FindingGuidance => {
  const basis = [...new Set(item.bases.map((entry) => entry.basis))];
  const checklists = [
    ...new Map(
      item.bases.map((entry) => [
        entry.checklistCode,
        { code: entry.checklistCode, version: entry.checklistVersion },
      ]),
    ).values(),
  ];
  return {
    itemCode,
    itemCodes: [...item.itemCodes],
    text: item.text,
    basis,
    legalBasis: [...item.legalBasis],
    citation: [...basis, ...item.legalBasis.filter((article) => !basis.includes(article))].join('；'),
    howToFix: item.howToFix,
    majorHiddenDanger: item.majorHiddenDanger,
    verified: item.verified,
    checklists,
  };
};

export const findingGuidance = (
  itemCode: string,
  { form, catalog = checklistCatalog }: FindingGuidanceOptions = {},
): FindingGuidance | undefined => {
  if (form) {
    const item = mergedFormItemByCode(form, itemCode);
    return item && fromFormItem(itemCode, item);
  }
  const found = checklistItemByCode(catalog, itemCode);
  if (!found) return undefined;
  const { checklist, item } = found;
  return fromFormItem(itemCode, {
    code: item.code,
    itemCodes: [item.code],
    text: item.text,
    howToFix: item.howToFix,
    majorHiddenDanger: item.majorHiddenDanger,
    verified: item.verified,
    legalBasis: item.legalBasis,
    bases: [
      {
        checklistCode: checklist.code,
        checklistVersion: checklist.version,
        itemCode: item.code,
        basis: item.basis,
        source: item.source,
        effective: item.effective,
        verified: item.verified,
        majorHiddenDanger: item.majorHiddenDanger,
      },
    ],
  });
};
