import type { GradingReason, GradingResult } from './grading-result.ts';

// measure 3 (动态管理): what a regrading changed, for the enterprise's grading history.

export type GradingChangeField =
  | 'class'
  | 'riskGrade'
  | 'enforcementLevel'
  | 'allowanceMinimum'
  | 'allowanceCap'
  | 'score'
  | 'catalogVersion';

export type GradingFieldChange = {
  field: GradingChangeField;
  from: string | number | null;
  to: string | number | null;
  text: string;
};

export type GradingChange = {
  // anything differs, the score included
  changed: boolean;
  // class, risk grade, enforcement level or allowance differ: what an officer or the enterprise acts on
  material: boolean;
  fields: GradingFieldChange[];
  reasonsAdded: GradingReason[];
  reasonsRemoved: GradingReason[];
};

const CLASS_NAMES: Record<string, string> = { key: '重点', general: '一般' };
const GRADE_NAMES: Record<string, string> = { red: '红色', orange: '橙色', yellow: '黄色', blue: '蓝色' };
const LEVEL_NAMES: Record<string, string> = { city_organised: '市级组织', county: '县级' };

const MATERIAL: readonly GradingChangeField[] = [
  'class',
  'riskGrade',
  'enforcementLevel',
  'allowanceMinimum',
  'allowanceCap',
];

const minimumText = (minimum: GradingResult['allowance']['minimum']): string =>
  minimum.perYears === 1
    ? `每年至少 ${minimum.count} 次`
    : `每 ${minimum.perYears} 年至少 ${minimum.count} 次`;

const capText = (cap: number | null): string => (cap === null ? '不设上限' : `每年不超过 ${cap} 次`);

const reasonKey = (reason: GradingReason): string =>
  `${reason.effect}|${reason.factor}|${reason.rule}|${reason.points ?? ''}|${reason.text}`;

// previous is null for an enterprise's first grading.
export const gradeChanged = (previous: GradingResult | null, next: GradingResult): GradingChange => {
  const fields: GradingFieldChange[] = [];
  const compare = (
    field: GradingChangeField,
    from: string | number | null,
    to: string | number | null,
    label: string,
    name: (value: string | number | null) => string,
  ) => {
    if (from === to) return;
    fields.push({
      field,
      from,
      to,
      text: from === null ? `${label}定为${name(to)}` : `${label}由${name(from)}调整为${name(to)}`,
    });
  };
  const named = (names: Record<string, string>) => (value: string | number | null) =>
    value === null ? '' : (names[String(value)] ?? String(value));

  compare('class', previous?.class ?? null, next.class, '分类', named(CLASS_NAMES));
  compare('riskGrade', previous?.riskGrade ?? null, next.riskGrade, '风险等级', named(GRADE_NAMES));
  compare(
    'enforcementLevel',
    previous?.enforcementLevel ?? null,
    next.enforcementLevel,
    '执法层级',
    named(LEVEL_NAMES),
  );
  const previousMinimum = previous ? minimumText(previous.allowance.minimum) : null;
  compare('allowanceMinimum', previousMinimum, minimumText(next.allowance.minimum), '最低检查频次', String);
  const previousCap = previous ? capText(previous.allowance.cap) : null;
  compare('allowanceCap', previousCap, capText(next.allowance.cap), '年度检查上限', String);
  compare('score', previous?.score ?? null, next.score, '风险分值', (value) => ` ${value ?? ''} 分`);
  compare('catalogVersion', previous?.catalogVersion ?? null, next.catalogVersion, '分级目录版本', String);

  const before = new Set((previous?.reasons ?? []).map(reasonKey));
  const after = new Set(next.reasons.map(reasonKey));
  return {
    changed: fields.length > 0,
    material: fields.some((change) => MATERIAL.includes(change.field)),
    fields,
    reasonsAdded: next.reasons.filter((reason) => !before.has(reasonKey(reason))),
    reasonsRemoved: (previous?.reasons ?? []).filter((reason) => !after.has(reasonKey(reason))),
  };
};
