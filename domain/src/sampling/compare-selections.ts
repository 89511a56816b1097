import { difference, type DrawDifference } from './draw-difference.ts';
import type { DrawSelection } from './draw-record.ts';

// Recomputed against recorded selections, aligned stratum by stratum, so a changed k or a changed officer
// is reported where it is and does not shift every later entry into a difference.

type Indexed = { entry: DrawSelection; index: number };

const inStratum = (list: readonly DrawSelection[], key: string): Indexed[] =>
  list.flatMap((entry, index) => (entry.stratum === key ? [{ entry, index }] : []));

const compareEntry = (expected: DrawSelection, actual: Indexed): DrawDifference[] => {
  const field = `selected[${actual.index}]`;
  const differences: DrawDifference[] = [];
  if (expected.enterprise !== actual.entry.enterprise) {
    differences.push(
      difference(
        `${field}.enterprise`,
        expected.enterprise,
        actual.entry.enterprise,
        `第 ${actual.index + 1} 个抽中企业应为 ${expected.enterprise}，记录为 ${actual.entry.enterprise}`,
      ),
    );
  }
  const size = Math.max(expected.inspectors.length, actual.entry.inspectors.length);
  for (let member = 0; member < size; member++) {
    const want = expected.inspectors[member] ?? null;
    const got = actual.entry.inspectors[member] ?? null;
    if (want === got) continue;
    differences.push(
      difference(
        `${field}.inspectors[${member}]`,
        want,
        got,
        `企业 ${expected.enterprise} 的第 ${member + 1} 名执法人员应为 ${want ?? '（无）'}，记录为 ${got ?? '（无）'}`,
      ),
    );
  }
  return differences;
};

export const compareSelections = (
  expected: readonly DrawSelection[],
  actual: readonly DrawSelection[],
  strataKeys: readonly string[],
): DrawDifference[] => {
  const differences: DrawDifference[] = [];
  for (const key of strataKeys) {
    const want = inStratum(expected, key);
    const got = inStratum(actual, key);
    for (let position = 0; position < Math.max(want.length, got.length); position++) {
      const wanted = want[position];
      const recorded = got[position];
      if (wanted && recorded) differences.push(...compareEntry(wanted.entry, recorded));
      else if (wanted) {
        differences.push(
          difference(
            `selected[${wanted.index}]`,
            wanted.entry.enterprise,
            null,
            `层 ${key} 缺少第 ${position + 1} 家抽中企业 ${wanted.entry.enterprise}`,
          ),
        );
      } else if (recorded) {
        differences.push(
          difference(
            `selected[${recorded.index}]`,
            null,
            recorded.entry.enterprise,
            `层 ${key} 多出第 ${position + 1} 家抽中企业 ${recorded.entry.enterprise}`,
          ),
        );
      }
    }
  }
  const known = new Set(strataKeys);
  actual.forEach((entry, index) => {
    if (!known.has(entry.stratum)) {
      differences.push(
        difference(
          `selected[${index}].stratum`,
          null,
          entry.stratum,
          `抽取结果中的层 ${entry.stratum} 不在 strata 中`,
        ),
      );
    }
  });
  if (differences.length > 0) return differences;
  // same entries per stratum, but the selection order must be the strata's order too
  return actual.flatMap((entry, index) =>
    entry.enterprise === expected[index]?.enterprise
      ? []
      : [
          difference(
            `selected[${index}].enterprise`,
            expected[index]?.enterprise ?? null,
            entry.enterprise,
            `抽取结果的顺序与抽取顺序不符（第 ${index + 1} 个）`,
          ),
        ],
  );
};
