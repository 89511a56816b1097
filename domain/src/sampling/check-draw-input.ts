import { firstUnsortedIndex } from './code-point-order.ts';
import type { PerformDrawInput } from './draw-record.ts';
import { drawRefusal, type DrawRefusal } from './draw-refusals.ts';

// The rules a draw's pools and parameters must keep before any seed is computed (measures 5 and 12).
// Pools must arrive sorted: a draw never reorders what was frozen and hashed (item 3).

const hasLineBreakOrTab = (value: string) => /[\t\n\r]/.test(value);

// `codes: false` leaves out the checks of every code (line breaks, order, duplicates): for pools that passed
// them when they were frozen and whose recomputed hash the caller compares with the published one (see
// performDraw's `poolsCheckedWhenFrozen`). Everything else is checked in the same order either way.
export const checkDrawInput = (
  input: PerformDrawInput,
  { codes = true }: { codes?: boolean } = {},
): DrawRefusal | undefined => {
  // measure 12: an on-site inspection needs at least two officers
  if (!Number.isInteger(input.teamSize) || input.teamSize < 2) {
    return drawRefusal(
      'DRAW_TEAM_TOO_SMALL',
      `每组执法人员为 ${input.teamSize} 名；现场检查应当由两名以上行政执法人员共同实施`,
    );
  }
  if (!Number.isInteger(input.maxAssignmentsPerInspector) || input.maxAssignmentsPerInspector < 1) {
    return drawRefusal(
      'DRAW_BAD_ASSIGNMENT_CAP',
      `每名执法人员抽取上限应为正整数，现为 ${input.maxAssignmentsPerInspector}`,
    );
  }
  const keys = new Set<string>();
  const enterprises = new Set<string>();
  for (const [index, stratum] of input.strata.entries()) {
    const name = `第 ${index + 1} 层（${stratum.key}）`;
    if (keys.has(stratum.key)) return drawRefusal('DRAW_DUPLICATE_STRATUM', `${name}的层名与前面的层重复`);
    keys.add(stratum.key);
    if (hasLineBreakOrTab(stratum.key) || (codes && stratum.codes.some(hasLineBreakOrTab))) {
      return drawRefusal('DRAW_BAD_CHARACTER', `${name}的层名或企业代码含制表符或换行，无法唯一计算名单哈希`);
    }
    if (!Number.isInteger(stratum.k) || stratum.k < 0 || stratum.k > stratum.codes.length) {
      return drawRefusal(
        'DRAW_SAMPLE_TOO_LARGE',
        `${name}抽取 ${stratum.k} 家，但该层只有 ${stratum.codes.length} 家企业`,
      );
    }
    if (!codes) continue;
    const unsorted = firstUnsortedIndex(stratum.codes);
    if (unsorted >= 0) {
      return drawRefusal(
        'DRAW_CODES_NOT_SORTED',
        `${name}的企业代码须按 Unicode 码点升序排列且不重复：第 ${unsorted + 1} 个 ${stratum.codes[unsorted]} 不在 ${stratum.codes[unsorted - 1]} 之后`,
      );
    }
    // one Set operation per code: a million-enterprise pool is checked in a fraction of a second
    for (const code of stratum.codes) {
      const before = enterprises.size;
      if (enterprises.add(code).size === before)
        return drawRefusal('DRAW_DUPLICATE_ENTERPRISE', `企业 ${code} 同时在两个层中`);
    }
  }
  if (input.inspectors.some(hasLineBreakOrTab)) {
    return drawRefusal('DRAW_BAD_CHARACTER', '执法证号含制表符或换行，无法唯一计算执法人员库哈希');
  }
  const unsortedInspector = firstUnsortedIndex(input.inspectors);
  if (unsortedInspector >= 0) {
    return drawRefusal(
      'DRAW_INSPECTORS_NOT_SORTED',
      `执法证号须按 Unicode 码点升序排列且不重复：第 ${unsortedInspector + 1} 个 ${input.inspectors[unsortedInspector]} 不在 ${input.inspectors[unsortedInspector - 1]} 之后`,
    );
  }
  if (input.publicEntropy.trim() === '')
    return drawRefusal('DRAW_NO_ENTROPY', '抽取现场须录入公开随机数（如当场掷骰结果）');
  if (input.witnesses.filter((witness) => witness.trim() !== '').length === 0) {
    return drawRefusal('DRAW_NO_WITNESSES', '抽取现场须记录见证人姓名');
  }
  return undefined;
};
