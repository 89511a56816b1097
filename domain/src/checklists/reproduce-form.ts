import { ok, refuse } from '../shared/result.ts';
import type { Ok, Refusal } from '../shared/result.ts';
import { checklistCatalog } from './checklist-catalog.ts';
import type { ChecklistCatalog } from './checklist-catalog.ts';
import { mergedForm } from './merged-form.ts';
import type { ChecklistReference, MergedForm } from './merged-form.ts';

export type ReproduceFormRefusalCode = 'unknown_checklist' | 'checklist_version_changed';

export type ReproduceFormRefusal = Refusal<ReproduceFormRefusalCode>;

const MEASURE_8 = '《江门市应急管理系统严格规范涉企行政检查若干措施》(2025) 第八项（简单事项“一表通查”）';

// A stored form keeps only its checklist codes and versions; this rebuilds it from the catalogue, and refuses
// when the catalogue no longer holds those versions (the stored form then stays as it was printed).
export const reproduceForm = (
  references: readonly ChecklistReference[],
  catalog: ChecklistCatalog = checklistCatalog,
): Ok<{ form: MergedForm }> | ReproduceFormRefusal => {
  const checklists = [];
  for (const reference of references) {
    const checklist = catalog.checklists.find((candidate) => candidate.code === reference.code);
    if (!checklist)
      return refuse({
        code: 'unknown_checklist',
        measure: 8,
        basis: MEASURE_8,
        message: `检查表目录 ${catalog.version} 中没有检查表 ${reference.code}`,
      });
    if (checklist.version !== reference.version)
      return refuse({
        code: 'checklist_version_changed',
        measure: 8,
        basis: MEASURE_8,
        message: `检查表 ${reference.code} 已从版本 ${reference.version} 改为 ${checklist.version}，无法按原版本重建`,
      });
    checklists.push(checklist);
  }
  return ok({ form: mergedForm(checklists, catalog) });
};
