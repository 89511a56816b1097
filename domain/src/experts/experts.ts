import { z } from 'zod';
import expertsJson from '@inspecta/catalog/experts.json' with { type: 'json' };
import {
  ZCatalogCodeSchema,
  ZCatalogProvenanceSchema,
  ZCatalogVersionSchema,
} from '../catalog/catalog-entry.ts';
import { ok, refuse, type Ok, type Refusal } from '../shared/result.ts';
import { isBefore, ZIsoDateSchema, type IsoDate } from '../shared/iso-date.ts';

// Measures 23, 25 and 26: the expert database's catalogue lists, the rules of a dispatch (never to an enterprise
// the expert has a recorded conflict with; only with a qualification valid on the day), the measure 14 mark of a
// major hidden danger an expert found and the enterprise fixed in time, and the team's selections (one vote per
// voter, never for oneself).

const ZEntrySchema = ZCatalogProvenanceSchema.extend({ code: ZCatalogCodeSchema, name: z.string().min(1) });
export type ExpertCatalogEntry = z.infer<typeof ZEntrySchema>;

export const ZExpertCatalogSchema = z.object({
  version: ZCatalogVersionSchema,
  effective: ZIsoDateSchema,
  note: z.string().optional(),
  fields: z.array(ZEntrySchema).min(1),
  expertQualifications: z.array(ZEntrySchema).min(1),
  teamQualifications: z.array(ZEntrySchema).min(1),
  noPenaltyMark: ZCatalogProvenanceSchema.extend({ wording: z.string().min(1) }),
  selections: z.array(ZEntrySchema).min(1),
});
export type ExpertCatalog = z.infer<typeof ZExpertCatalogSchema>;

export const expertCatalog: ExpertCatalog = ZExpertCatalogSchema.parse(expertsJson);

export const TEAM_QUALIFICATION_KINDS = [
  'registered_safety_engineer',
  'legal_adviser',
  'public_lawyer',
  'technical_inspector',
  'social_supervisor',
] as const;
export type TeamQualificationKind = (typeof TEAM_QUALIFICATION_KINDS)[number];

export const SELECTION_KINDS = ['enforcement_expert', 'typical_case'] as const;
export type SelectionKind = (typeof SELECTION_KINDS)[number];

export const DISPATCH_ORIGINS = ['finding', 'request'] as const;
export type DispatchOrigin = (typeof DISPATCH_ORIGINS)[number];
export const DISPATCH_ORIGIN_NAMES: Record<DispatchOrigin, string> = {
  finding: '检查发现问题',
  request: '企业申请',
};

export const DISPATCH_STATES = ['requested', 'dispatched', 'visited', 'rated', 'declined'] as const;
export type DispatchState = (typeof DISPATCH_STATES)[number];
export const DISPATCH_STATE_NAMES: Record<DispatchState, string> = {
  requested: '待派遣',
  dispatched: '已派遣，待服务',
  visited: '已服务，待评价',
  rated: '企业已评价',
  declined: '不予派遣',
};

const nameOf = (entries: readonly ExpertCatalogEntry[], code: string): string =>
  entries.find((entry) => entry.code === code)?.name ?? code;
export const expertFieldName = (code: string) => nameOf(expertCatalog.fields, code);
export const expertQualificationName = (code: string) => nameOf(expertCatalog.expertQualifications, code);
export const teamQualificationName = (code: string) => nameOf(expertCatalog.teamQualifications, code);
export const selectionKindName = (code: string) => nameOf(expertCatalog.selections, code);

export const BASIS_MEASURE_23 =
  '《江门市应急管理系统严格规范涉企行政检查若干措施》第二十三项（建强用好江门市安全生产专家库，加强专家队伍管理）';

export type Qualification = { validFrom: IsoDate; validTo: IsoDate };
export const validOn = (q: Qualification, day: IsoDate): boolean =>
  !isBefore(day, q.validFrom) && !isBefore(q.validTo, day);

// May this expert be dispatched to this enterprise on this day?
export const mayDispatchExpert = (input: {
  active: boolean;
  qualifications: readonly Qualification[];
  conflictEnterpriseIds: readonly string[];
  enterpriseId: string;
  onDate: IsoDate;
}): Ok<{ qualified: true }> | Refusal => {
  if (!input.active)
    return refuse({
      code: 'EXPERT_INACTIVE',
      measure: 23,
      basis: BASIS_MEASURE_23,
      message: '该专家已不在专家库中，不能派遣',
    });
  if (input.conflictEnterpriseIds.includes(input.enterpriseId))
    return refuse({
      code: 'EXPERT_CONFLICT_OF_INTEREST',
      measure: 23,
      basis: BASIS_MEASURE_23,
      message: '该专家与该企业存在登记在案的利益冲突（回避），不能派往该企业，请另选专家',
    });
  if (!input.qualifications.some((q) => validOn(q, input.onDate)))
    return refuse({
      code: 'EXPERT_NOT_QUALIFIED',
      measure: 23,
      basis: BASIS_MEASURE_23,
      message: '该专家没有在有效期内的资格，不能派遣',
    });
  return ok({ qualified: true });
};

// Measure 14: a major hidden danger an expert found while helping and the enterprise fixed by the day the
// expert set is marked for the no-penalty ground, with the measure's words as its basis.
export type ExpertHazard = { major: boolean; dueOn: IsoDate | null; fixedOn: IsoDate | null };
export const noPenaltyMarkOf = (
  hazard: ExpertHazard,
  catalog: ExpertCatalog = expertCatalog,
): { marked: boolean; basis: string | null; verified: boolean } => {
  const marked =
    hazard.major &&
    hazard.fixedOn !== null &&
    hazard.dueOn !== null &&
    !isBefore(hazard.dueOn, hazard.fixedOn);
  return {
    marked,
    basis: marked ? `${catalog.noPenaltyMark.source}：“${catalog.noPenaltyMark.wording}”` : null,
    verified: catalog.noPenaltyMark.verified,
  };
};

export const RATING_MIN = 1;
export const RATING_MAX = 5;

export const BASIS_MEASURE_26 =
  '《江门市应急管理系统严格规范涉企行政检查若干措施》第二十六项（开展应急管理“执法能手”“典型案例”等评选活动）';

// One vote per voter in a selection, and never for oneself (the nominee's own account, or the case's handler).
export const mayVote = (input: {
  open: boolean;
  voterId: string;
  nomineeUserId: string | null;
  alreadyVoted: boolean;
}): Ok<{ vote: true }> | Refusal => {
  if (!input.open)
    return refuse({
      code: 'SELECTION_CLOSED',
      measure: 26,
      basis: BASIS_MEASURE_26,
      message: '评选已结束，不能再投票',
    });
  if (input.nomineeUserId !== null && input.nomineeUserId === input.voterId)
    return refuse({
      code: 'SELECTION_SELF_VOTE',
      measure: 26,
      basis: BASIS_MEASURE_26,
      message: '被提名人不能为自己（或本人承办的案件）投票',
    });
  if (input.alreadyVoted)
    return refuse({
      code: 'SELECTION_ALREADY_VOTED',
      measure: 26,
      basis: BASIS_MEASURE_26,
      message: '每人在一次评选中只能投一票',
    });
  return ok({ vote: true });
};

// The result: nominations by votes, ties share a rank; the winners are the first `places` ranks with a vote.
export const selectionResult = <T extends { id: string; votes: number }>(
  nominations: readonly T[],
  places: number,
): (T & { rank: number; winner: boolean })[] => {
  const sorted = [...nominations].sort((a, b) => b.votes - a.votes || a.id.localeCompare(b.id));
  let rank = 0;
  let previous = Number.NaN;
  return sorted.map((nomination, index) => {
    if (nomination.votes !== previous) rank = index + 1;
    previous = nomination.votes;
    return { ...nomination, rank, winner: nomination.votes > 0 && rank <= places };
  });
};

// Training hours of each officer in one year: the sum of the hours of the courses attended that year.
export const trainingHoursByOfficer = (
  attendances: readonly { officerId: string; heldOn: IsoDate; hours: number }[],
  year: number,
): Map<string, number> => {
  const hours = new Map<string, number>();
  for (const attendance of attendances)
    if (Number(attendance.heldOn.slice(0, 4)) === year)
      hours.set(attendance.officerId, (hours.get(attendance.officerId) ?? 0) + attendance.hours);
  return hours;
};
