import type { FileChild } from 'docx';
import {
  addressee,
  bureauLine,
  chineseDate,
  chineseDateTime,
  closingLine,
  heading,
  keptSpacer,
  numberLine,
  officerSignatures,
  paragraph,
  receiptLine,
  sealBlock,
  table,
  titleLine,
} from '../../../platform/documents/docx-layout.ts';
import { EMERGENCY_MEASURE_NAMES, type OnsiteMeasuresDecisionSnapshot } from './snapshots.ts';

// Issue 11 item 9 (安全生产法 第六十五条第一款第（三）项): the emergency measures an officer orders for a major hidden
// danger are decisions, served on the enterprise as a numbered 现场处理措施决定书 with the way to challenge them.

export const onsiteMeasuresDecisionBody = (
  number: string,
  s: OnsiteMeasuresDecisionSnapshot,
  issuedAt: string,
): FileChild[] => [
  bureauLine(s.bureauName),
  titleLine('现场处理措施决定书'),
  numberLine(number),
  addressee(s.enterprise.name),
  paragraph(
    `本机关执法人员于${chineseDate(s.decidedOn)}在对你单位进行现场检查时，发现你单位存在下列重大事故隐患，排除前或者排除过程中无法保证安全：`,
  ),
  table(
    ['序号', '重大事故隐患', '现场处理措施', '范围与理由', '决定时间'],
    s.measures.map((measure, i) => [
      String(i + 1),
      measure.finding,
      EMERGENCY_MEASURE_NAMES[measure.kind],
      measure.note,
      chineseDateTime(measure.decidedAt),
    ]),
    [7, 30, 20, 28, 15],
  ),
  paragraph(`依据${s.basis}的规定，本机关决定对你单位采取上述现场处理措施。`),
  heading('恢复生产经营和使用'),
  paragraph('重大事故隐患排除后，你单位应当向本机关提出恢复申请，经审查同意，方可恢复生产经营和使用。', {
    keepNext: true,
  }),
  ...(s.remedy ? [closingLine(s.remedy)] : []),
  keptSpacer(),
  ...officerSignatures(s.officers),
  receiptLine('被检查单位负责人（签收）', { keepNext: true }),
  ...sealBlock(s.bureauName, issuedAt),
];
