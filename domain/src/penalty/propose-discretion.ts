import type { IsoDate } from '../shared/iso-date.ts';
import { isBefore } from '../shared/iso-date.ts';
import { AGGRAVATING_CIRCUMSTANCES, ARTICLE_32_GROUNDS, CIRCUMSTANCE_NAMES } from './circumstances.ts';
import type { Circumstance, Finder } from './circumstances.ts';
import { discretionCatalog, TIER_NAMES } from './discretion-catalog.ts';
import type { DiscretionCatalog, Tier } from './discretion-catalog.ts';
import { PLACEHOLDER_TIER_CONDITIONS, overlayScheme, tierEditsInForce } from './discretion-tier-edits.ts';
import type { TierEdit } from './discretion-tier-edits.ts';
import { noPenaltyCatalog } from './no-penalty-lists.ts';
import type { NoPenaltyCatalog, NoPenaltyCondition, NoPenaltyGround } from './no-penalty-lists.ts';
import { statutoryRange } from './violation-catalog.ts';
import type { Party, PenaltyStage, Violation } from './violation-catalog.ts';

// issue 15 item 4: from the violation and the recorded circumstances, the tier, the amount and the reasons with
// their basis. Pure and deterministic: the same facts give the same proposal, whatever order they come in.

export const BASIS_MEASURE_15 =
  '《江门市应急管理系统严格规范涉企行政检查若干措施》第十五项（执法检查发现的重大事故隐患、拒不整改、屡查屡犯的，依法严格处罚，不得以责令限期改正等代替行政处罚）';
export const BASIS_ARTICLE_32 = '《中华人民共和国行政处罚法》第三十二条（应当从轻或者减轻行政处罚的情形）';

const AGGRAVATING_BASIS = '从重情节（裁量阶次待法制审核）';
const MILD_BASIS = '从轻情节（裁量阶次待法制审核）';

export type ProposalReason = { code: string; text: string; basis: string };

// The tier rule a proposal used (issue 15 item 2): a legal reviewer's edit (editId) or the catalogue's placeholder
// scheme (editId null), so a decision keeps the version it rests on.
export type TierRule = {
  tier: Tier;
  editId: string | null;
  scheme: string | null;
  effective: IsoDate;
  conditions: string;
  source: string;
  verified: boolean;
};

export type DiscretionProposal = {
  tier: Tier;
  tierName: string;
  // whether the law sets a fine for this party at this stage (第一百零八条: only 责令改正 until a refusal)
  fineProvided: boolean;
  statutoryRangeFen: { minFen: number; maxFen: number } | null;
  bandFen: { fromFen: number; toFen: number } | null;
  amountFen: number | null;
  reasons: ProposalReason[];
  // measure 15: why 不予处罚 is not open
  noPenaltyForbiddenBy: ProposalReason[];
  noPenalty: {
    ground: string;
    kind: 'must' | 'may';
    basis: string;
    listItem: { list: string; document: string; code: string; name: string; verified: boolean } | null;
  } | null;
  // every placeholder rule the proposal rests on, shown as 待法制审核
  unverified: string[];
  catalogVersions: { discretion: string; noPenalty: string };
  // absent on proposals drafted before the tiers could be edited
  tierRule?: TierRule | null;
};

export type ProposeDiscretionOptions = {
  violation: Violation;
  party?: Party;
  stage?: PenaltyStage;
  circumstances: readonly Circumstance[];
  foundBy: Finder;
  // sectors of the enterprise (catalog codes), for the lists' exclusions
  sectors?: readonly string[];
  onDate: IsoDate;
  // the day whose discretion tiers apply (the day the violation was committed); onDate when absent
  tiersOn?: IsoDate;
};

// tierEdits: the legal reviewer's edits of the tiers (any violations; the engine picks the violation's in force)
type Context = {
  discretion?: DiscretionCatalog;
  noPenalty?: NoPenaltyCatalog;
  tierEdits?: readonly TierEdit[];
};

export const UNVERIFIED_EDIT_PREFIX = '待法制审核：法制审核人员修改的裁量阶次尚未核实';

const roundYuan = (fen: number): number => Math.round(fen / 100) * 100;

const holds = (condition: NoPenaltyCondition, facts: Set<Circumstance>, foundBy: Finder): boolean => {
  switch (condition) {
    case 'slight_harm':
      return facts.has('slight_harm') || facts.has('no_harm');
    case 'found_by_enterprise_or_expert':
      return foundBy !== 'inspection';
    default:
      return facts.has(condition);
  }
};

const forbiddenBy = (facts: Set<Circumstance>, foundBy: Finder): ProposalReason[] => {
  const reasons: ProposalReason[] = [];
  if (facts.has('major_hidden_danger') && foundBy === 'inspection')
    reasons.push({
      code: 'major_hidden_danger_found_by_inspection',
      text: '执法检查发现的重大事故隐患',
      basis: BASIS_MEASURE_15,
    });
  if (facts.has('refused_to_correct'))
    reasons.push({ code: 'refused_to_correct', text: '拒不整改', basis: BASIS_MEASURE_15 });
  if (facts.has('repeat_offence'))
    reasons.push({ code: 'repeat_offence', text: '屡查屡犯（再次违法）', basis: BASIS_MEASURE_15 });
  return reasons;
};

const findNoPenalty = (
  options: ProposeDiscretionOptions,
  facts: Set<Circumstance>,
  catalog: NoPenaltyCatalog,
): DiscretionProposal['noPenalty'] => {
  const groundHolds = (ground: NoPenaltyGround): boolean =>
    !isBefore(options.onDate, ground.effective) &&
    ground.conditions.every((condition) => holds(condition, facts, options.foundBy));
  const listItem = (ground: NoPenaltyGround): NonNullable<DiscretionProposal['noPenalty']>['listItem'] => {
    for (const list of catalog.lists) {
      if (isBefore(options.onDate, list.effective)) continue;
      if (list.excludedSectors.some((sector) => options.sectors?.includes(sector))) continue;
      const item = list.items.find(
        (candidate) =>
          !candidate.placeholder &&
          candidate.ground === ground.code &&
          candidate.violationCodes.includes(options.violation.lineage) &&
          candidate.conditions.every((condition) => holds(condition, facts, options.foundBy)),
      );
      if (item)
        return {
          list: list.name,
          document: list.document,
          code: item.code,
          name: item.name,
          verified: item.verified && list.verified,
        };
    }
    return null;
  };
  // the grounds that oblige (不予) first, then the one that permits (可以不予), in catalogue order
  const ordered = [
    ...catalog.grounds.filter((g) => g.kind === 'must'),
    ...catalog.grounds.filter((g) => g.kind === 'may'),
  ];
  for (const ground of ordered) {
    if (!groundHolds(ground)) continue;
    return {
      ground: ground.code,
      kind: ground.kind,
      basis: `${ground.source}：${ground.name}`,
      listItem: listItem(ground),
    };
  }
  return null;
};

const chooseTier = (facts: Set<Circumstance>, reasons: ProposalReason[]): Tier => {
  const article32 = ARTICLE_32_GROUNDS.filter((ground) => facts.has(ground));
  const aggravating = AGGRAVATING_CIRCUMSTANCES.filter((circumstance) => facts.has(circumstance));
  const mild = (
    ['first_violation', 'corrected_in_time', 'cooperated', 'slight_harm', 'no_harm', 'minor'] as const
  ).filter((circumstance) => facts.has(circumstance));
  for (const ground of article32)
    reasons.push({ code: ground, text: CIRCUMSTANCE_NAMES[ground], basis: BASIS_ARTICLE_32 });
  for (const circumstance of aggravating)
    reasons.push({
      code: circumstance,
      text: CIRCUMSTANCE_NAMES[circumstance],
      basis: AGGRAVATING_BASIS,
    });
  for (const circumstance of mild)
    reasons.push({
      code: circumstance,
      text: CIRCUMSTANCE_NAMES[circumstance],
      basis: MILD_BASIS,
    });
  if (article32.length > 0) return aggravating.length === 0 ? 'mitigated' : 'lighter';
  if (aggravating.length > 0) return mild.length === 0 ? 'heavier' : 'ordinary';
  return mild.length > 0 ? 'lighter' : 'ordinary';
};

// The rule of one tier in force: the reviewer's edit, else the placeholder scheme (or the catalogue's own row).
const ruleOf = (
  tier: Tier,
  edit: TierEdit | undefined,
  fallback: { scheme: string | null; effective: IsoDate; source: string; verified: boolean },
): TierRule =>
  edit
    ? {
        tier,
        editId: edit.id,
        scheme: null,
        effective: edit.effective,
        conditions: edit.conditions,
        source: edit.source,
        verified: edit.verified,
      }
    : { tier, editId: null, ...fallback, conditions: PLACEHOLDER_TIER_CONDITIONS[tier] };

const unverifiedOf = (rule: TierRule): string =>
  rule.editId === null
    ? rule.source
    : `${UNVERIFIED_EDIT_PREFIX}（${TIER_NAMES[rule.tier]}）${rule.source ? `：${rule.source}` : ''}`;

// A tier the reviewer verified gives its own source as the basis of the circumstances that chose it.
const withVerifiedBasis = (reasons: ProposalReason[], rule: TierRule | null): ProposalReason[] =>
  rule?.verified
    ? reasons.map((reason) =>
        reason.basis === AGGRAVATING_BASIS
          ? { ...reason, basis: `从重情节（${rule.source}）` }
          : reason.basis === MILD_BASIS
            ? { ...reason, basis: `从轻情节（${rule.source}）` }
            : reason,
      )
    : reasons;

export const proposeDiscretion = (
  options: ProposeDiscretionOptions,
  context: Context = {},
): DiscretionProposal => {
  const discretion = context.discretion ?? discretionCatalog;
  const lists = context.noPenalty ?? noPenaltyCatalog;
  const facts = new Set([...options.circumstances].sort());
  const party = options.party ?? 'entity';
  const stage = options.stage ?? 'initial';
  const range = statutoryRange(options.violation, party, stage);
  const catalogVersions = { discretion: discretion.version, noPenalty: lists.version };
  const noPenaltyForbiddenBy = forbiddenBy(facts, options.foundBy);
  const unverified: string[] = [];
  const inForce = tierEditsInForce(
    context.tierEdits ?? [],
    options.violation.code,
    options.tiersOn ?? options.onDate,
  );

  const noPenalty = noPenaltyForbiddenBy.length === 0 ? findNoPenalty(options, facts, lists) : null;
  if (noPenalty) {
    if (noPenalty.listItem && !noPenalty.listItem.verified)
      unverified.push(`${noPenalty.listItem.document} ${noPenalty.listItem.name}`);
    const edit = inForce.no_penalty;
    return {
      tier: 'no_penalty',
      tierName: TIER_NAMES.no_penalty,
      fineProvided: range !== null,
      statutoryRangeFen: range,
      bandFen: null,
      amountFen: null,
      reasons: [
        {
          code: noPenalty.ground,
          text: noPenalty.kind === 'must' ? '依法不予行政处罚' : '依法可以不予行政处罚',
          basis: noPenalty.basis,
        },
      ],
      noPenaltyForbiddenBy,
      noPenalty,
      unverified,
      catalogVersions,
      tierRule: edit ? ruleOf('no_penalty', edit, { scheme: null, ...edit }) : null,
    };
  }

  const reasons: ProposalReason[] = [...noPenaltyForbiddenBy];
  let tier = chooseTier(facts, reasons);
  if (!range) {
    return {
      tier,
      tierName: TIER_NAMES[tier],
      fineProvided: false,
      statutoryRangeFen: null,
      bandFen: null,
      amountFen: null,
      reasons: [
        ...reasons,
        {
          code: 'no_fixed_range',
          text: '该当事人在此阶段的法定处罚没有以元计的罚款幅度（责令改正、按收入比例或违法所得倍数处罚），由执法人员依法确定',
          basis: options.violation.source,
        },
      ],
      noPenaltyForbiddenBy,
      noPenalty: null,
      unverified,
      catalogVersions,
      tierRule: null,
    };
  }

  const kind = range.minFen > 0 ? 'range' : 'up_to';
  const scheme = discretion.schemes.find((candidate) => candidate.appliesTo === kind);
  if (!scheme) throw new Error(`裁量阶次目录缺少 ${kind} 规则`);
  const effective = overlayScheme(scheme, inForce);
  if (tier === 'mitigated' && (range.minFen === 0 || effective.mitigatedPercentOfMinimum === 0))
    tier = 'lighter';

  let bandFen: { fromFen: number; toFen: number };
  let amountFen: number;
  const placeholder = {
    scheme: scheme.code,
    effective: scheme.effective,
    source: scheme.source,
    verified: scheme.verified,
  };
  let rule = ruleOf(tier, inForce[tier], placeholder);
  const reviewed = inForce[tier]
    ? undefined
    : discretion.violations.find(
        (row) => row.violationCode === options.violation.lineage && row.tier === tier,
      );
  if (tier === 'mitigated') {
    bandFen = { fromFen: 0, toFen: range.minFen };
    amountFen = Math.max(100, roundYuan((range.minFen * effective.mitigatedPercentOfMinimum) / 100));
  } else if (reviewed) {
    bandFen = {
      fromFen: Math.max(range.minFen, reviewed.fromFen),
      toFen: Math.min(range.maxFen, reviewed.toFen),
    };
    amountFen = roundYuan((bandFen.fromFen + bandFen.toFen) / 2);
    rule = {
      ...rule,
      scheme: null,
      effective: reviewed.effective,
      conditions: reviewed.conditions,
      source: reviewed.source,
      verified: reviewed.verified,
    };
  } else {
    const band = effective.bands[tier === 'lighter' || tier === 'heavier' ? tier : 'ordinary'];
    const at = (percent: number): number => range.minFen + ((range.maxFen - range.minFen) * percent) / 100;
    bandFen = { fromFen: roundYuan(at(band.fromPercent)), toFen: roundYuan(at(band.toPercent)) };
    amountFen = roundYuan(at(band.pointPercent));
  }
  if (!rule.verified) unverified.push(unverifiedOf(rule));
  if (tier !== 'mitigated') amountFen = Math.min(range.maxFen, Math.max(range.minFen, amountFen, 100));
  if (tier === 'mitigated')
    reasons.push({
      code: 'mitigated_below_minimum',
      text: '在法定罚款下限以下减轻处罚',
      basis: BASIS_ARTICLE_32,
    });
  return {
    tier,
    tierName: TIER_NAMES[tier],
    fineProvided: true,
    statutoryRangeFen: range,
    bandFen,
    amountFen,
    reasons: withVerifiedBasis(reasons, rule),
    noPenaltyForbiddenBy,
    noPenalty: null,
    unverified,
    catalogVersions,
    tierRule: rule,
  };
};
