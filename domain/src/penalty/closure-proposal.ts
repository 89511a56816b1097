import { addDays, isoDate, lastDayOfMonth } from '../calendar/iso-day.ts';
import { ok, refuse } from '../shared/result.ts';
import type { Ok, Refusal } from '../shared/result.ts';
import type { IsoDate } from '../shared/iso-date.ts';
import { firmnessCatalog, type ClosureWindow, type FirmnessCatalog } from './firmness-catalog.ts';

// Issue 15 item 6 (measure 15): 安全生产法 第一百一十三条第一款第（一）项, "存在重大事故隐患，一百八十日内三次或者
// 一年内四次受到本法规定的行政处罚的": the bureau 应当提请地方人民政府予以关闭. Our reading (catalogue
// `closure.repeatedPenalties`, unverified): a penalty counts on the day it was decided, when it was imposed under
// 安全生产法 (not a decision without penalty) in a case concerning a major hidden danger; a window starts the day
// after the earliest counted decision (民法典 第二百零一条) and ends on its 180th day, or on the same day of the next
// year (第二百零二条; the month's last day when there is none); two decisions on one day count twice. The window
// ends at the decision being evaluated, so the proposal appears on the case that completes the count.

export const CLOSURE_LAW = (catalog: FirmnessCatalog = firmnessCatalog) =>
  `《中华人民共和国安全生产法》${catalog.closure.provision}：“${catalog.closure.text}”`;

export type PenaltyOnRecord = {
  caseId: string;
  decidedOn: IsoDate;
  // the violation is one of 安全生产法 (catalogue lawCode work_safety_law)
  underWorkSafetyLaw: boolean;
  // a penalty was imposed (not 不予处罚)
  penalised: boolean;
  majorHiddenDanger: boolean;
};

export type ClosureProposal = {
  item: number;
  provision: string;
  text: string;
  window: { count: number; words: string; from: IsoDate; to: IsoDate };
  caseIds: string[];
  basis: string;
  reading: string;
  source: string;
  verified: boolean;
};

// the last day of a window opened by a decision on `from`
export const windowEnd = (from: IsoDate, window: ClosureWindow): IsoDate => {
  if ('days' in window) return addDays(from, window.days);
  const year = Number(from.slice(0, 4)) + window.years;
  const month = Number(from.slice(5, 7));
  const day = Number(from.slice(8, 10));
  const last = lastDayOfMonth(year, month);
  return Number(last.slice(8, 10)) < day ? last : isoDate(year, month, day);
};

export const closureProposal = (
  input: { penalties: readonly PenaltyOnRecord[]; asOf: IsoDate },
  catalog: FirmnessCatalog = firmnessCatalog,
): ClosureProposal | null => {
  const rule = catalog.closure.repeatedPenalties;
  const item = catalog.closure.items.find((entry) => entry.item === rule.item)!;
  const counted = input.penalties
    .filter((p) => p.underWorkSafetyLaw && p.penalised && p.majorHiddenDanger && p.decidedOn <= input.asOf)
    .sort((a, b) => (a.decidedOn < b.decidedOn ? -1 : a.decidedOn > b.decidedOn ? 1 : 0));
  for (const window of rule.windows) {
    const inside = counted.filter((p) => input.asOf <= windowEnd(p.decidedOn, window));
    if (inside.length >= window.count)
      return {
        item: item.item,
        provision: item.provision,
        text: item.text,
        window: { count: window.count, words: window.words, from: inside[0]!.decidedOn, to: input.asOf },
        caseIds: inside.map((p) => p.caseId),
        basis: CLOSURE_LAW(catalog),
        reading: rule.reading,
        source: rule.source,
        verified: rule.verified,
      };
  }
  return null;
};

export type ClosureRefusalCode = 'CLOSURE_CRITERIA_NOT_MET' | 'CLOSURE_DATE_BEFORE_DECISION';

// The head records that the proposal went to the local government: only where the criteria are met, and not
// dated before the decision that met them.
export const mayRecordClosureProposal = (
  proposal: ClosureProposal | null,
  sentOn: IsoDate,
  catalog: FirmnessCatalog = firmnessCatalog,
): Ok | Refusal<ClosureRefusalCode> => {
  const basis = CLOSURE_LAW(catalog);
  if (!proposal)
    return refuse({
      code: 'CLOSURE_CRITERIA_NOT_MET',
      measure: 15,
      basis,
      message: '该企业不符合第一百一十三条第一款规定的提请关闭情形',
    });
  if (sentOn < proposal.window.to)
    return refuse({
      code: 'CLOSURE_DATE_BEFORE_DECISION',
      measure: 15,
      basis,
      message: '提请关闭的日期不能早于构成该情形的行政处罚决定之日',
    });
  return ok();
};
