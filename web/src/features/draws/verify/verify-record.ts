import {
  ZDrawRecordShapeSchema,
  verifyDraw,
  type DrawDifference,
  type DrawRecord,
} from '@inspecta/domain/sampling';

// measure 5: a published draw recomputed in the visitor's own browser, with the same algorithm as the server
// (docs/draw-algorithm.md) and without trusting the server's answer. The record as served carries, beside the
// verified fields, each partner department's record (measure 6, one per roster) and the recusal replacements.

export type RecomputedRecord = {
  // null: the bureau's own record; a partner department's name otherwise
  partner: string | null;
  poolHash: string;
  inspectorPoolHash: string;
  seed: string;
  selections: number;
  strata: number;
  inspectors: number;
  differences: DrawDifference[];
};

export type VerifyOutcome =
  | { ok: true; consistent: boolean; records: RecomputedRecord[]; replacements: number; millis: number }
  | { ok: false; reason: 'json' | 'shape'; detail: string };

const recompute = (record: DrawRecord, partner: string | null): RecomputedRecord => {
  const verification = verifyDraw(record);
  return {
    partner,
    poolHash: record.poolHash,
    inspectorPoolHash: record.inspectorPoolHash,
    seed: record.seed,
    selections: record.selected.length,
    strata: record.strata.length,
    inspectors: record.inspectors.length,
    differences: verification.consistent ? [] : verification.differences,
  };
};

const shapeProblem = (issues: readonly { path: readonly PropertyKey[]; message: string }[]): string =>
  issues
    .slice(0, 5)
    .map((issue) => `${issue.path.map(String).join('.') || '(root)'}: ${issue.message}`)
    .join('；');

const asPartners = (value: unknown): { organisationName: string; record: unknown }[] => {
  if (typeof value !== 'object' || value === null || !('partners' in value) || !Array.isArray(value.partners))
    return [];
  return value.partners.filter(
    (entry): entry is { organisationName: string; record: unknown } =>
      typeof entry === 'object' &&
      entry !== null &&
      typeof entry.organisationName === 'string' &&
      'record' in entry,
  );
};

const countReplacements = (value: unknown): number =>
  typeof value === 'object' && value !== null && 'replacements' in value && Array.isArray(value.replacements)
    ? value.replacements.length
    : 0;

// `committed`: the resultHash published at the session, which the record must carry (issue 12 item 9).
export const verifyRecordValue = (
  value: unknown,
  clock: () => number = () => performance.now(),
  committed: string | null = null,
): VerifyOutcome => {
  const started = clock();
  const main = ZDrawRecordShapeSchema.safeParse(value);
  if (!main.success) return { ok: false, reason: 'shape', detail: shapeProblem(main.error.issues) };
  const own = recompute(main.data, null);
  if (committed !== null && main.data.resultHash !== committed) {
    own.differences.push({
      field: 'resultHash',
      expected: committed,
      actual: main.data.resultHash ?? null,
      message: '记录的结果哈希与抽取时公布的不符：这不是当时承诺的记录',
    });
  }
  const records = [own];
  for (const [index, partner] of asPartners(value).entries()) {
    const parsed = ZDrawRecordShapeSchema.safeParse(partner.record);
    if (!parsed.success) {
      return {
        ok: false,
        reason: 'shape',
        detail: shapeProblem(
          parsed.error.issues.map((issue) => ({
            ...issue,
            path: ['partners', index, 'record', ...issue.path],
          })),
        ),
      };
    }
    records.push(recompute(parsed.data, partner.organisationName));
  }
  return {
    ok: true,
    consistent: records.every((record) => record.differences.length === 0),
    records,
    replacements: countReplacements(value),
    millis: Math.round(clock() - started),
  };
};

export const verifyRecordText = (text: string, committed: string | null = null): VerifyOutcome => {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return { ok: false, reason: 'json', detail: error instanceof Error ? error.message : String(error) };
  }
  return verifyRecordValue(value, undefined, committed);
};
