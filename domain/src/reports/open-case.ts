import { ok, refuse, type Ok, type Refusal } from '../shared/result.ts';
import type { ReportKind, ReportOutcome, ReportState } from './handling.ts';

// Issue 17 item 1 (measure 27; 安全生产法 第七十三条, the report verified by the bureau that accepted it): a report verified as (partly) true, whose matter is a safety violation, may open a penalty case
// (立案). A general hidden danger or another matter is not by itself a violation to open a case on: it goes to
// a targeted inspection, whose findings open a case as before.
export const CASE_REPORT_KINDS: readonly ReportKind[] = [
  'major_hidden_danger',
  'illegal_production',
  'concealed_accident',
];

export type ReportCaseRefusal = Refusal<
  | 'REPORT_CASE_NOT_VERIFIED'
  | 'REPORT_CASE_NOT_A_VIOLATION'
  | 'REPORT_CASE_EXISTS'
  | 'REPORT_CASE_NO_ENTERPRISE'
>;

const BASIS = '《中华人民共和国安全生产法》第七十三条';

export const mayOpenCaseFromReport = (report: {
  state: ReportState;
  outcome: ReportOutcome | null;
  kind: ReportKind;
  enterpriseId: string | null;
  penaltyCaseId: string | null;
}): Ok | ReportCaseRefusal => {
  if (report.penaltyCaseId)
    return refuse({
      code: 'REPORT_CASE_EXISTS',
      measure: 27,
      basis: BASIS,
      message: '该举报已立案，不能重复立案',
    });
  if (
    !['verified', 'answered'].includes(report.state) ||
    !report.outcome ||
    report.outcome === 'unsubstantiated'
  )
    return refuse({
      code: 'REPORT_CASE_NOT_VERIFIED',
      measure: 27,
      basis: BASIS,
      message: '只有核查属实（或部分属实）且未并案的举报可以立案',
    });
  if (!CASE_REPORT_KINDS.includes(report.kind))
    return refuse({
      code: 'REPORT_CASE_NOT_A_VIOLATION',
      measure: 27,
      basis: BASIS,
      message:
        '举报事项不属于安全生产违法行为（重大事故隐患、非法违法生产经营建设、瞒报谎报事故），请安排针对性检查',
    });
  if (!report.enterpriseId)
    return refuse({
      code: 'REPORT_CASE_NO_ENTERPRISE',
      measure: 27,
      basis: BASIS,
      message: '该举报未关联企业名录中的企业，不能立案；请先关联企业',
    });
  return ok();
};
