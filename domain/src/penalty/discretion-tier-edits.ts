import type { IsoDate } from '../shared/iso-date.ts';
import { isAfter } from '../shared/iso-date.ts';
import { ok, refuse } from '../shared/result.ts';
import type { Ok, Refusal } from '../shared/result.ts';
import { discretionCatalog, TIER_NAMES } from './discretion-catalog.ts';
import type { DiscretionCatalog, DiscretionScheme, Tier } from './discretion-catalog.ts';
import { statutoryRange } from './violation-catalog.ts';
import type { Violation } from './violation-catalog.ts';

// issue 15 item 2 (measure 17): the legal reviewer's edits of a violation's discretion tiers. The edits are
// append-only rows; the tiers in force on a day are the catalogue's placeholder scheme overlaid, tier by tier, by
// the latest edit in force that day (the greatest effective date not after it; the later recorded on a tie).

export const BAND_TIERS = ['lighter', 'ordinary', 'heavier'] as const;
export type BandTier = (typeof BAND_TIERS)[number];
export type SchemeKind = DiscretionScheme['appliesTo'];

// percents of (maximum − minimum), counted from the minimum, as the catalogue's schemes are
export type TierBand = { fromPercent: number; toPercent: number; pointPercent: number };

// One tier as the reviewer enters it. A band tier's band null keeps the placeholder scheme's split; the
// mitigated tier's percent null keeps the scheme's (减轻: a share of the statutory minimum); 不予处罚 has no amount.
export type TierEditInput = {
  tier: Tier;
  conditions: string;
  band: TierBand | null;
  mitigatedPercentOfMinimum: number | null;
};

export type TierEdit = TierEditInput & {
  id: string;
  violationCode: string;
  source: string;
  verified: boolean;
  effective: IsoDate;
  editorName: string;
  reason: string;
  createdAt: string;
  // the order the edits were recorded in (per city and violation): of two edits with one effective date, the
  // later recorded wins
  sequence: number;
};

export const BASIS_TIER_BANDS =
  '国办发〔2022〕27号：“罚款数额的从轻、一般、从重档次情形要明确具体,严格限定在法定幅度内……罚款数额有一定幅度的,要在最高额与最低额之间划分阶次”';
export const BASIS_MEASURE_17 =
  '《江门市应急管理系统严格规范涉企行政检查若干措施》第十七项：“严格执行《应急管理行政裁量权基准暂行规定》、《江门市应急管理安全生产行政处罚自由裁量适用规则(暂行)》等规定，统一规范裁量规则和裁量基准”';

// What the engine applies when no reviewer has written the tier's conditions (propose-discretion.ts: chooseTier).
export const PLACEHOLDER_TIER_CONDITIONS: Record<Tier, string> = {
  no_penalty:
    '行政处罚法第三十三条（违法行为轻微并及时改正、没有造成危害后果的，不予处罚；初次违法且危害后果轻微并及时改正的，可以不予处罚）及不予处罚清单；执法检查发现的重大事故隐患、拒不整改、屡查屡犯的除外',
  mitigated: '有行政处罚法第三十二条规定的情形且无从重情节的，在法定罚款下限以下处罚',
  lighter: '有从轻情节（初次违法、违法行为轻微、没有或者轻微危害后果、及时改正、积极配合调查）且无从重情节',
  ordinary: '无从轻、从重情节，或者从轻与从重情节并存',
  heavier: '有从重情节（拒不改正、再次违法、重大事故隐患、拒绝阻碍执法检查、伪造篡改记录）且无从轻情节',
};

const later = (a: TierEdit, b: TierEdit): boolean =>
  a.effective !== b.effective ? isAfter(a.effective, b.effective) : a.sequence > b.sequence;

// The edit of each tier in force on a day, for one violation.
export const tierEditsInForce = (
  edits: readonly TierEdit[],
  violationCode: string,
  onDate: IsoDate,
): Partial<Record<Tier, TierEdit>> => {
  const inForce: Partial<Record<Tier, TierEdit>> = {};
  for (const edit of edits) {
    if (edit.violationCode !== violationCode || isAfter(edit.effective, onDate)) continue;
    const current = inForce[edit.tier];
    if (!current || later(edit, current)) inForce[edit.tier] = edit;
  }
  return inForce;
};

export type EffectiveBands = {
  bands: Record<BandTier, TierBand>;
  mitigatedPercentOfMinimum: number;
};

// One scheme (range or up-to) with the edits in force laid over it.
export const overlayScheme = (
  scheme: DiscretionScheme,
  inForce: Partial<Record<Tier, TierEdit>>,
): EffectiveBands => {
  const bandOf = (tier: BandTier): TierBand => {
    const edited = inForce[tier]?.band;
    if (edited) return edited;
    const band = scheme.bands.find((candidate) => candidate.tier === tier);
    if (!band) throw new Error(`裁量阶次目录缺少 ${tier} 档`);
    return { fromPercent: band.fromPercent, toPercent: band.toPercent, pointPercent: band.pointPercent };
  };
  return {
    bands: { lighter: bandOf('lighter'), ordinary: bandOf('ordinary'), heavier: bandOf('heavier') },
    mitigatedPercentOfMinimum:
      inForce.mitigated?.mitigatedPercentOfMinimum ?? scheme.mitigatedPercentOfMinimum,
  };
};

// The kinds of fine range the violation has (a range from a minimum, or up to a maximum only), over its parties
// and stages: each kind's placeholder scheme must stay whole under the edits.
export const schemeKindsOf = (violation: Violation): SchemeKind[] => {
  const kinds = new Set<SchemeKind>();
  for (const row of violation.penalties) {
    const range = statutoryRange(violation, row.party, row.stage);
    if (range) kinds.add(range.minFen > 0 ? 'range' : 'up_to');
  }
  return [...kinds].sort();
};

export type TierEditRefusalCode =
  | 'DISCRETION_TIER_EDIT_EMPTY'
  | 'DISCRETION_TIER_REPEATED'
  | 'DISCRETION_TIER_AMOUNT_MISPLACED'
  | 'DISCRETION_BAND_OUT_OF_RANGE'
  | 'DISCRETION_BANDS_NOT_CONTIGUOUS'
  | 'DISCRETION_VERIFIED_NEEDS_SOURCE';

const refusal = (code: TierEditRefusalCode, message: string, basis = BASIS_TIER_BANDS) =>
  refuse({ code, measure: 17, basis, message });

const percentOk = (value: number): boolean => Number.isFinite(value) && value >= 0 && value <= 100;

const checkBands = (
  effective: EffectiveBands,
  kind: SchemeKind,
  onDate: IsoDate,
): Refusal<TierEditRefusalCode> | null => {
  const { lighter, ordinary, heavier } = effective.bands;
  const where = `${kind === 'range' ? '有下限的罚款幅度' : '只规定上限的罚款'}，${onDate}起`;
  const joins: [string, number, number][] = [
    [`${TIER_NAMES.lighter}档须从法定幅度的0%起`, lighter.fromPercent, 0],
    [
      `${TIER_NAMES.lighter}档的上限须等于${TIER_NAMES.ordinary}档的下限`,
      lighter.toPercent,
      ordinary.fromPercent,
    ],
    [
      `${TIER_NAMES.ordinary}档的上限须等于${TIER_NAMES.heavier}档的下限`,
      ordinary.toPercent,
      heavier.fromPercent,
    ],
    [`${TIER_NAMES.heavier}档须止于法定幅度的100%`, heavier.toPercent, 100],
  ];
  for (const [message, value, expected] of joins)
    if (value !== expected)
      return refusal(
        'DISCRETION_BANDS_NOT_CONTIGUOUS',
        `从轻、一般、从重三档须首尾相接、不重叠不留空：${message}（${where}为${value}%，应为${expected}%）`,
      );
  return null;
};

export type ValidateTierEditOptions = {
  violation: Violation;
  tiers: readonly TierEditInput[];
  source: string;
  verified: boolean;
  effective: IsoDate;
  // the violation's edits already recorded
  existing: readonly TierEdit[];
};

// Whether an edit may be recorded: amounts where the tier has one, inside 0–100%, and the three bands of every
// kind of range the violation has joining end to end on the edit's effective date and on every later date an
// edit already recorded takes effect. A tier may be marked verified only with its source.
export const validateTierEdit = (
  options: ValidateTierEditOptions,
  context: { discretion?: DiscretionCatalog } = {},
): Ok | Refusal<TierEditRefusalCode> => {
  const discretion = context.discretion ?? discretionCatalog;
  if (options.tiers.length === 0) return refusal('DISCRETION_TIER_EDIT_EMPTY', '请至少修改一个裁量阶次');
  const seen = new Set<Tier>();
  for (const input of options.tiers) {
    const name = TIER_NAMES[input.tier];
    if (seen.has(input.tier)) return refusal('DISCRETION_TIER_REPEATED', `同一次修改中“${name}”只能出现一次`);
    seen.add(input.tier);
    const isBand = (BAND_TIERS as readonly Tier[]).includes(input.tier);
    if ((input.band && !isBand) || (input.mitigatedPercentOfMinimum !== null && input.tier !== 'mitigated'))
      return refusal(
        'DISCRETION_TIER_AMOUNT_MISPLACED',
        `“${name}”不设此项罚款规则：从轻、一般、从重按法定幅度的百分比分档，减轻处罚按法定下限的百分比，不予处罚不设金额`,
      );
    if (input.band) {
      const { fromPercent, toPercent, pointPercent } = input.band;
      if (![fromPercent, toPercent, pointPercent].every(percentOk))
        return refusal('DISCRETION_BAND_OUT_OF_RANGE', `“${name}”档须在法定罚款幅度的0%至100%之内`);
      if (!(fromPercent <= pointPercent && pointPercent <= toPercent))
        return refusal('DISCRETION_BAND_OUT_OF_RANGE', `“${name}”档的下限不得高于建议值，建议值不得高于上限`);
    }
    if (input.mitigatedPercentOfMinimum !== null && !percentOk(input.mitigatedPercentOfMinimum))
      return refusal('DISCRETION_BAND_OUT_OF_RANGE', '减轻处罚的建议值须在法定罚款下限的0%至100%之内');
  }
  if (options.verified && options.source.trim().length === 0)
    return refusal(
      'DISCRETION_VERIFIED_NEEDS_SOURCE',
      '标记为已核实须写明依据（裁量基准的文件名称和条目）',
      BASIS_MEASURE_17,
    );

  // the edit as it will be stored, recorded after every existing one
  const code = options.violation.code;
  const existing = options.existing.filter((edit) => edit.violationCode === code);
  const next = existing.reduce((max, edit) => Math.max(max, edit.sequence), 0) + 1;
  const proposed: TierEdit[] = options.tiers.map((input, index) => ({
    ...input,
    id: `proposed_${index}`,
    violationCode: code,
    source: options.source,
    verified: options.verified,
    effective: options.effective,
    editorName: '',
    reason: '',
    createdAt: '',
    sequence: next,
  }));
  const all = [...existing, ...proposed];
  const checkpoints = [
    options.effective,
    ...existing.map((edit) => edit.effective).filter((day) => isAfter(day, options.effective)),
  ];
  for (const kind of schemeKindsOf(options.violation)) {
    const scheme = discretion.schemes.find((candidate) => candidate.appliesTo === kind);
    if (!scheme) continue;
    for (const day of [...new Set(checkpoints)].sort()) {
      const failed = checkBands(overlayScheme(scheme, tierEditsInForce(all, code, day)), kind, day);
      if (failed) return failed;
    }
  }
  return ok();
};
