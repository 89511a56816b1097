import { firstUnsortedIndex, sortByCodePoint } from './code-point-order.ts';
import { compareSelections } from './compare-selections.ts';
import { computeSelection } from './compute-selection.ts';
import { difference, type DrawDifference, type DrawVerification } from './draw-difference.ts';
import { drawSeed, inspectorPoolHash, poolHash } from './draw-hashes.ts';
import { DRAW_ALGORITHM, type DrawRecord } from './draw-record.ts';
import { shortageMessage } from './draw-refusals.ts';
import { drawResultHash } from './draw-publication.ts';

// measure 5: anyone holding the record recomputes the hashes, the seed and every selection and gets
// 一致, or exactly which fields differ. Each field is checked against the recorded fields it derives
// from, so one tampered value is reported once, where it is.

const sortedDifference = (field: string, values: readonly string[], what: string): DrawDifference[] => {
  const unsorted = firstUnsortedIndex(values);
  if (unsorted < 0) return [];
  if (values[unsorted] === values[unsorted - 1]) {
    return [
      difference(`${field}[${unsorted}]`, null, values[unsorted] ?? null, `${what}重复：${values[unsorted]}`),
    ];
  }
  const sorted = sortByCodePoint(values);
  const at = values.findIndex((value, index) => value !== sorted[index]);
  return [
    difference(
      `${field}[${at}]`,
      sorted[at] ?? null,
      values[at] ?? null,
      `${what}未按 Unicode 码点升序排列：第 ${at + 1} 个应为 ${sorted[at]}，记录为 ${values[at]}`,
    ),
  ];
};

const ruleDifferences = (record: DrawRecord): DrawDifference[] => {
  const differences: DrawDifference[] = [];
  if (record.algorithm !== DRAW_ALGORITHM) {
    differences.push(difference('algorithm', DRAW_ALGORITHM, record.algorithm, `算法应为 ${DRAW_ALGORITHM}`));
  }
  // measure 12: at least two officers per team
  if (!(record.teamSize >= 2)) {
    differences.push(difference('teamSize', 2, record.teamSize, '每组执法人员不得少于两名（第十二项）'));
  }
  if (!(record.maxAssignmentsPerInspector >= 1)) {
    differences.push(
      difference(
        'maxAssignmentsPerInspector',
        1,
        record.maxAssignmentsPerInspector,
        '每名执法人员抽取上限至少为 1',
      ),
    );
  }
  const keys = new Set<string>();
  record.strata.forEach((stratum, index) => {
    if (keys.has(stratum.key))
      differences.push(difference(`strata[${index}].key`, null, stratum.key, `层名 ${stratum.key} 重复`));
    keys.add(stratum.key);
    const drawn = record.selected.filter((entry) => entry.stratum === stratum.key).length;
    if (stratum.k > stratum.codes.length) {
      differences.push(
        difference(
          `strata[${index}].k`,
          stratum.codes.length,
          stratum.k,
          `层 ${stratum.key} 抽取 ${stratum.k} 家，超过该层企业数 ${stratum.codes.length}`,
        ),
      );
    } else if (stratum.k !== drawn) {
      differences.push(
        difference(
          `strata[${index}].k`,
          drawn,
          stratum.k,
          `层 ${stratum.key} 的 k 为 ${stratum.k}，但记录中该层抽中 ${drawn} 家`,
        ),
      );
    }
    differences.push(
      ...sortedDifference(`strata[${index}].codes`, stratum.codes, `层 ${stratum.key} 的企业代码`),
    );
  });
  differences.push(...sortedDifference('inspectors', record.inspectors, '执法证号'));
  return differences;
};

const hashDifferences = (record: DrawRecord): DrawDifference[] => {
  const differences: DrawDifference[] = [];
  const pool = poolHash(record.strata);
  if (pool !== record.poolHash)
    differences.push(difference('poolHash', pool, record.poolHash, '企业名单哈希与 strata 不符'));
  const inspectorPool = inspectorPoolHash(record.inspectors);
  if (inspectorPool !== record.inspectorPoolHash) {
    differences.push(
      difference(
        'inspectorPoolHash',
        inspectorPool,
        record.inspectorPoolHash,
        '执法人员库哈希与 inspectors 不符',
      ),
    );
  }
  const seed = drawSeed(record.poolHash, record.inspectorPoolHash, record.publicEntropy);
  if (seed !== record.seed) {
    differences.push(
      difference(
        'seed',
        seed,
        record.seed,
        '种子与名单哈希、执法人员库哈希和公开随机数（publicEntropy）不符',
      ),
    );
  }
  return differences;
};

// Issue 12 item 9: the record published after the visits must be the one committed to at the session.
const resultHashDifferences = (record: DrawRecord): DrawDifference[] => {
  if (record.resultHash === undefined) return [];
  const expected = drawResultHash(record);
  return expected === record.resultHash
    ? []
    : [
        difference(
          'resultHash',
          expected,
          record.resultHash,
          '记录内容与抽取时公布的结果哈希（resultHash）不符：公布后的记录被改动过',
        ),
      ];
};

export const verifyDraw = (record: DrawRecord): DrawVerification => {
  const outcome = computeSelection(record);
  const differences = [
    ...ruleDifferences(record),
    ...hashDifferences(record),
    ...resultHashDifferences(record),
    ...(outcome.shortage
      ? [difference('selected', null, null, `无法重算：${shortageMessage(outcome.shortage)}`)]
      : []),
    ...compareSelections(outcome.selected, record.selected, [
      ...new Set(record.strata.map((stratum) => stratum.key)),
    ]),
  ];
  return differences.length === 0 ? { consistent: true } : { consistent: false, differences };
};
