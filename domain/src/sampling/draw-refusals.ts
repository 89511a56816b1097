import { refuse, type Refusal } from '../shared/result.ts';
import type { TeamShortage } from './compute-selection.ts';

const MEASURES = '《江门市应急管理系统严格规范涉企行政检查若干措施》';
export const BASIS_DOUBLE_RANDOM = `${MEASURES}第五项（对其它企业按照“双随机”制度规定比例开展抽查）`;
export const BASIS_TWO_OFFICERS = `${MEASURES}第十二项（现场检查应当由两名以上行政执法人员共同实施）`;

export type DrawRefusalCode =
  | 'DRAW_TEAM_TOO_SMALL'
  | 'DRAW_BAD_ASSIGNMENT_CAP'
  | 'DRAW_SAMPLE_TOO_LARGE'
  | 'DRAW_DUPLICATE_STRATUM'
  | 'DRAW_CODES_NOT_SORTED'
  | 'DRAW_DUPLICATE_ENTERPRISE'
  | 'DRAW_INSPECTORS_NOT_SORTED'
  | 'DRAW_BAD_CHARACTER'
  | 'DRAW_NO_ENTROPY'
  | 'DRAW_NO_WITNESSES'
  | 'DRAW_POOL_CHANGED'
  | 'DRAW_NOT_ENOUGH_INSPECTORS'
  | 'DRAW_RECORD_INCONSISTENT'
  | 'DRAW_ENTERPRISE_NOT_SELECTED'
  | 'DRAW_INSPECTOR_NOT_IN_TEAM'
  | 'DRAW_NO_REPLACEMENT';

// measure 12 for a team that would have fewer than two officers; measure 5 for everything about the draw.
const TEAM_CODES: readonly DrawRefusalCode[] = ['DRAW_TEAM_TOO_SMALL', 'DRAW_NO_REPLACEMENT'];

export type DrawRefusal = Refusal<DrawRefusalCode>;

export const drawRefusal = (code: DrawRefusalCode, message: string): DrawRefusal =>
  TEAM_CODES.includes(code)
    ? refuse({ code, measure: 12, basis: BASIS_TWO_OFFICERS, message })
    : refuse({ code, measure: 5, basis: BASIS_DOUBLE_RANDOM, message });

// Item 7: the draw fails before anything is published and says which enterprise and why.
export const shortageMessage = (shortage: TeamShortage): string => {
  const { enterprise, stratum, roster, excluded, atCap, eligible, teamSize } = shortage;
  return (
    `企业 ${enterprise}（${stratum}）可抽执法人员不足：执法人员库 ${roster} 名，回避 ${excluded} 名，` +
    `已达每人抽取上限 ${atCap} 名，仅余 ${eligible} 名，少于每组 ${teamSize} 名`
  );
};
