import { ok, refuse } from '../shared/result.ts';
import type { Ok, Refusal } from '../shared/result.ts';
import type { IsoDate } from '../shared/iso-date.ts';
import { caseProcedureCatalog, type CaseProcedureCatalog } from './case-procedure.ts';
import type { Tier } from './discretion-catalog.ts';

// Issue 15 item 10 (measure 22): each penalty decision is checked against the listing cases of the serious-
// dishonesty list (应急管理部令第11号) the catalogue holds; a match proposes a listing with its basis for the
// bureau that decided (谁处罚、谁决定、谁负责), never lists by itself: 第三条 also asks that the violation be
// "性质恶劣、情节严重", which only the bureau can judge. A decision without penalty proposes nothing.

export type SeriousDishonestyProposal = {
  criterion: string;
  code: string;
  note: string | null;
  scope: string;
  source: string;
  verified: boolean;
};

export const seriousDishonestyProposal = (
  decision: { violationCode: string | null; tier: Tier | null },
  catalog: CaseProcedureCatalog = caseProcedureCatalog,
): SeriousDishonestyProposal | null => {
  if (!decision.violationCode || !decision.tier || decision.tier === 'no_penalty') return null;
  const rules = catalog.seriousDishonesty;
  const criterion = rules.criteria.find((entry) => entry.violationCodes.includes(decision.violationCode!));
  return criterion
    ? {
        criterion: criterion.text,
        code: criterion.code,
        note: criterion.note ?? null,
        scope: rules.scope,
        source: rules.source,
        verified: rules.verified,
      }
    : null;
};

// The bureau's answer to a proposal (令第11号 第三条、第四条): the officer or legal reviewer recommends listing or not
// listing, writing whether the violation is "性质恶劣、情节严重"; the head who did not draft it decides, with a
// reason where he departs from the recommendation. Not listing
// is a decision too, and its reason is kept (measure 18 watches leniency as well as excess). A listing lasts the
// catalogue's years; the catalogue's months before early removal may be asked are a placeholder, so removal
// before them is warned about, never refused on that ground alone.
export const LISTING_RECOMMENDATIONS = ['list', 'not_list'] as const;
export type ListingRecommendation = (typeof LISTING_RECOMMENDATIONS)[number];
export const LISTING_RECOMMENDATION_NAMES: Record<ListingRecommendation, string> = {
  list: '建议列入严重失信主体名单',
  not_list: '建议不予列入',
};

export const LISTING_STATUSES = ['recommended', 'listed', 'not_listed', 'removed'] as const;
export type ListingStatus = (typeof LISTING_STATUSES)[number];
export const LISTING_STATUS_NAMES: Record<ListingStatus, string> = {
  recommended: '待负责人决定',
  listed: '已列入严重失信主体名单',
  not_listed: '不予列入',
  removed: '已移出名单',
};

const LISTING_BASIS = '《安全生产严重失信主体名单管理办法》（应急管理部令第11号）第三条、第四条';

type ListingRefusalCode =
  | 'LISTING_NO_CRITERION'
  | 'LISTING_NOT_DECIDED'
  | 'LISTING_EXISTS'
  | 'LISTING_SELF_APPROVAL'
  | 'LISTING_NOT_RECOMMENDED'
  | 'LISTING_DEPARTURE_NEEDS_REASON'
  | 'LISTING_NOT_LISTED';

const listingRefusal = (code: ListingRefusalCode, message: string): Refusal<ListingRefusalCode> =>
  refuse({ code, measure: 22, basis: LISTING_BASIS, message });

// A recommendation follows a penalty decision whose violation matches a listing case, once per case.
// (Before the decision there is no penalty to match, so that is said first.)
export const mayRecommendListing = (input: {
  proposal: SeriousDishonestyProposal | null;
  decided: boolean;
  existing: ListingStatus | null;
}): Ok | Refusal<ListingRefusalCode> => {
  if (!input.decided)
    return listingRefusal('LISTING_NOT_DECIDED', '作出行政处罚决定后，才能提出是否列入的意见');
  if (!input.proposal)
    return listingRefusal('LISTING_NO_CRITERION', '本案的违法行为不属于严重失信主体名单的列入情形');
  if (input.existing) return listingRefusal('LISTING_EXISTS', '本案已提出是否列入严重失信主体名单的意见');
  return ok();
};

// The head decides to list or not; departing from the recommendation needs a written reason.
export const mayDecideListing = (
  listing: { status: ListingStatus; recommendedBy: string; recommendation: ListingRecommendation },
  decision: { list: boolean; note: string },
  approver: string,
): Ok | Refusal<ListingRefusalCode> => {
  if (listing.status !== 'recommended')
    return listingRefusal('LISTING_NOT_RECOMMENDED', '没有待决定的列入意见');
  if (listing.recommendedBy === approver)
    return listingRefusal('LISTING_SELF_APPROVAL', '不能决定本人提出的列入意见');
  if (decision.list !== (listing.recommendation === 'list') && decision.note.trim() === '')
    return listingRefusal('LISTING_DEPARTURE_NEEDS_REASON', '决定与列入意见不一致的，须写明理由');
  return ok();
};

const plusMonths = (date: IsoDate, months: number): IsoDate => {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  const total = year * 12 + (month - 1) + months;
  const y = Math.floor(total / 12);
  const m = (total % 12) + 1;
  const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(Math.min(day, last)).padStart(2, '0')}`;
};

export type ListingPeriod = { endsOn: IsoDate; earlyRemovalFrom: IsoDate; source: string; verified: boolean };

// the listing ends on the same day of the month the catalogue's years later (the 29th of February on the 28th)
export const listingPeriod = (
  listedOn: IsoDate,
  catalog: CaseProcedureCatalog = caseProcedureCatalog,
): ListingPeriod => {
  const rules = catalog.seriousDishonesty;
  return {
    endsOn: plusMonths(listedOn, rules.listingYears * 12),
    earlyRemovalFrom: plusMonths(listedOn, rules.earlyRemovalMonths),
    source: rules.source,
    verified: rules.verified,
  };
};

// Removal: only of a listing; before the catalogue's months it is warned about (the months are unverified).
export const mayRemoveListing = (
  listing: { status: ListingStatus; listedOn: IsoDate | null },
  today: IsoDate,
  catalog: CaseProcedureCatalog = caseProcedureCatalog,
): Ok<{ warning: string | null }> | Refusal<ListingRefusalCode> => {
  if (listing.status !== 'listed' || !listing.listedOn)
    return listingRefusal('LISTING_NOT_LISTED', '该主体不在严重失信主体名单上');
  const { earlyRemovalFrom, verified } = listingPeriod(listing.listedOn, catalog);
  const early = today < earlyRemovalFrom;
  return ok({
    warning: early
      ? `列入未满 ${catalog.seriousDishonesty.earlyRemovalMonths} 个月（${earlyRemovalFrom} 起可申请提前移出）${verified ? '' : '；该期限待法制审核'}`
      : null,
  });
};

// on the public list while listed and not past its end
export const isListed = (
  listing: { status: ListingStatus; endsOn: IsoDate | null },
  today: IsoDate,
): boolean => listing.status === 'listed' && listing.endsOn !== null && today < listing.endsOn;
