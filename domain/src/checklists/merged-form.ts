import { compareCodePoints } from '../sampling/code-point-order.ts';
import { checklistCatalog, formLegalBasis } from './checklist-catalog.ts';
import type { Checklist, ChecklistCatalog } from './checklist-catalog.ts';

// measure 8: an inspection with several matters uses ONE form (一表通查). A duty that several checklists
// carry (特种作业持证上岗 in the common matters, 工贸 第三条第（二）项 and 危化 第（二）项) is one item there,
// with every basis kept.

// What a stored form records (server onsite plans: `checklists: { code, version }[]`).
export type ChecklistReference = { code: string; version: string };

export type FormItemBasis = {
  checklistCode: string;
  checklistVersion: string;
  itemCode: string;
  basis: string;
  source: string;
  effective: string;
  verified: boolean;
  majorHiddenDanger: boolean;
  note?: string;
};

export type MergedFormItem = {
  // the code of the first catalogue item in form order; a finding may name any code in itemCodes
  code: string;
  itemCodes: string[];
  duty?: string;
  text: string;
  howToFix: string;
  // a major hidden danger when any of its bases says so
  majorHiddenDanger: boolean;
  // verified only when every basis is verified: merging never hides a 待核实
  verified: boolean;
  bases: FormItemBasis[];
  legalBasis: string[];
};

export type MergedFormSection = {
  checklistCode: string;
  checklistName: string;
  checklistVersion: string;
  items: MergedFormItem[];
};

export type MergedForm = {
  catalogVersion: string;
  checklists: ChecklistReference[];
  // catalogue order; a section whose items all merged into earlier ones is left out
  sections: MergedFormSection[];
};

// Catalogue order, whatever order the checklists come in; a checklist the catalogue lacks goes last, by code.
const formOrder = (checklists: readonly Checklist[], catalog: ChecklistCatalog): Checklist[] => {
  const position = new Map(catalog.checklists.map((checklist, index) => [checklist.code, index]));
  const unique = [...new Map(checklists.map((checklist) => [checklist.code, checklist])).values()];
  return unique.sort(
    (a, b) =>
      (position.get(a.code) ?? Number.MAX_SAFE_INTEGER) - (position.get(b.code) ?? Number.MAX_SAFE_INTEGER) ||
      compareCodePoints(a.code, b.code),
  );
};

export const mergedForm = (
  checklists: readonly Checklist[],
  catalog: ChecklistCatalog = checklistCatalog,
): MergedForm => {
  const ordered = formOrder(checklists, catalog);
  const byDuty = new Map<string, MergedFormItem>();
  const sections: MergedFormSection[] = [];
  for (const checklist of ordered) {
    const section: MergedFormSection = {
      checklistCode: checklist.code,
      checklistName: checklist.name,
      checklistVersion: checklist.version,
      items: [],
    };
    for (const item of checklist.items) {
      const basis: FormItemBasis = {
        checklistCode: checklist.code,
        checklistVersion: checklist.version,
        itemCode: item.code,
        basis: item.basis,
        source: item.source,
        effective: item.effective,
        verified: item.verified,
        majorHiddenDanger: item.majorHiddenDanger,
        ...(item.note === undefined ? {} : { note: item.note }),
      };
      const key = item.duty === undefined ? `item:${item.code}` : `duty:${item.duty}`;
      const merged = byDuty.get(key);
      if (merged) {
        if (merged.itemCodes.includes(item.code)) continue;
        merged.itemCodes.push(item.code);
        merged.bases.push(basis);
        merged.majorHiddenDanger ||= item.majorHiddenDanger;
        merged.verified &&= item.verified;
        for (const article of formLegalBasis(item))
          if (!merged.legalBasis.includes(article)) merged.legalBasis.push(article);
        continue;
      }
      const formItem: MergedFormItem = {
        code: item.code,
        itemCodes: [item.code],
        ...(item.duty === undefined ? {} : { duty: item.duty }),
        text: item.text,
        howToFix: item.howToFix,
        majorHiddenDanger: item.majorHiddenDanger,
        verified: item.verified,
        bases: [basis],
        legalBasis: formLegalBasis(item),
      };
      byDuty.set(key, formItem);
      section.items.push(formItem);
    }
    if (section.items.length > 0) sections.push(section);
  }
  return {
    catalogVersion: catalog.version,
    checklists: ordered.map(({ code, version }) => ({ code, version })),
    sections,
  };
};

export const mergedFormItems = (form: MergedForm): MergedFormItem[] =>
  form.sections.flatMap((section) => section.items);

// The form item a finding on itemCode belongs to (itemCode may be any of the merged item's codes).
export const mergedFormItemByCode = (form: MergedForm, itemCode: string): MergedFormItem | undefined =>
  mergedFormItems(form).find((item) => item.itemCodes.includes(itemCode));
