import type { FileChild } from 'docx';
import {
  addressee,
  bureauLine,
  chineseDate,
  chineseDateTime,
  closingLine,
  COMPACT_LINE,
  enterpriseSignature,
  formTable,
  GAP,
  heading,
  labelled,
  numberLine,
  officerSignatures,
  paragraph,
  receiptLine,
  sealBlock,
  table,
  titleLine,
} from '../../../platform/documents/docx-layout.ts';
import { checklistName } from './snapshot-sources.ts';
import {
  EMERGENCY_MEASURE_NAMES,
  type InspectionNoticeSnapshot,
  type InspectionRecordSnapshot,
  type OnsitePlanSnapshot,
  type OfficerLine,
} from './snapshots.ts';

// The documents of the visit itself (measures 11, 12): 现场检查方案, 行政检查通知书, 现场检查记录.

const MODE_NAMES = { on_site: '现场检查', remote: '远程（非现场）检查', written: '书面检查' } as const;
const OUTCOME_NAMES = { conforming: '符合', finding: '发现问题', not_applicable: '不适用' } as const;

// A joint inspection (measure 6) lists the partner departments' officers after the bureau's own: each of them
// is named with the department they come from, so the enterprise knows who is entitled to inspect what.
const officerTexts = (officers: OfficerLine[]): string[] => {
  const lead = officers[0]?.organisationName;
  return officers.map((o) =>
    o.organisationName && o.organisationName !== lead
      ? `${o.name}（${o.organisationName}，执法证号：${o.certificate}）`
      : `${o.name}（执法证号：${o.certificate}）`,
  );
};
const officerList = (officers: OfficerLine[]) => officerTexts(officers).join('\n');
const numbered = (lines: string[]) => lines.map((line, i) => `${i + 1}．${line}`).join('\n');
const enterpriseHead = (legalRepresentative: string) => legalRepresentative || '—';

type RecordFinding = InspectionRecordSnapshot['findings'][number];

const FOUND_BY_NOTE = {
  inspection: '',
  enterprise_self_check: '\n（企业自查发现）',
  expert_guidance: '\n（专家指导服务发现）',
} as const;

// 安全生产法 第六十八条 "处理情况": on-the-spot fix or order, and every emergency measure with its decision number
const handlingOf = (finding: RecordFinding): string => {
  const lines = [
    finding.handling === 'fixed_on_spot'
      ? '当场整改完毕'
      : `责令限期整改${finding.orderNumber ? `\n（${finding.orderNumber}）` : ''}`,
    ...(finding.measures ?? []).map(
      (measure) =>
        `${EMERGENCY_MEASURE_NAMES[measure.kind]}${measure.decisionNumber ? `\n（${measure.decisionNumber}）` : ''}`,
    ),
  ];
  return lines.join('\n') + FOUND_BY_NOTE[finding.foundBy ?? 'inspection'];
};

export const onsitePlanBody = (number: string, s: OnsitePlanSnapshot, issuedAt: string): FileChild[] => [
  bureauLine(s.bureauName),
  titleLine('现场检查方案'),
  numberLine(number),
  formTable([
    ['被检查单位', s.enterprise.name],
    ['统一社会信用代码', s.enterprise.creditCode],
    ['地址', s.enterprise.address],
    ['检查时间', chineseDateTime(s.scheduledAt)],
    ['检查地点', s.site],
    ['检查方式', MODE_NAMES[s.mode] + (s.visitReason ? `\n到现场检查的理由：${s.visitReason}` : '')],
    ['检查事项', numbered(s.matters)],
    // issue 14 item 1: the checklists by their names, no internal codes
    ['检查表', s.checklists.map((c) => `${checklistName(c.code)}（${c.version}版）`).join('\n')],
    ['检查主体', s.subjectName],
    ['检查人员', officerList(s.officers)],
    [
      '通知方式',
      s.unannounced
        ? `不预先通知（“四不两直”）\n理由：${s.unannouncedReason ?? ''}`
        : '检查前送达《行政检查通知书》',
    ],
    ['拟定人', `${s.draftedByName}`],
    [
      '审批意见',
      s.approvedByName
        ? `${s.approvalOpinion?.trim() || '同意。'}\n审批人：${s.approvedByName}\n${s.approvedAt ? chineseDate(s.approvedAt) : ''}`
        : '\n\n审批人（签名）：　　　　　　年　　月　　日',
    ],
  ]),
  ...sealBlock(s.bureauName, issuedAt),
];

// The notice is one sheet, delivered before the visit: its body at the compact line height
export const inspectionNoticeBody = (
  number: string,
  s: InspectionNoticeSnapshot,
  issuedAt: string,
): FileChild[] => {
  const line = COMPACT_LINE;
  return [
    bureauLine(s.bureauName),
    titleLine('行政检查通知书'),
    numberLine(number),
    addressee(s.enterprise.name, { line }),
    paragraph(
      `根据《中华人民共和国安全生产法》第六十五条的规定，${s.subjectName}定于${chineseDateTime(s.scheduledAt)}对你单位进行行政检查。`,
      { line },
    ),
    labelled('检查地点', s.site, { line }),
    labelled('检查事项', s.matters.join('；'), { line }),
    labelled('检查人员', officerTexts(s.officers).join('、'), { line }),
    ...(s.preparation ? [labelled('请准备', s.preparation, { line })] : []),
    paragraph(
      '检查人员将出示行政执法证件。你单位认为检查人员与你单位有直接利害关系或者有其他关系可能影响公正检查的，有权申请其回避。',
      { line },
    ),
    paragraph('请你单位依照《中华人民共和国安全生产法》第六十六条的规定予以配合，不得拒绝、阻挠。', { line }),
    // issue 14 item 2: a contact the enterprise can call; the phone is written in by hand when none is recorded
    labelled('联系人', s.contact ?? `${s.officers[0]?.name ?? '　　　　'}${GAP}联系电话：＿＿＿＿＿＿＿＿`, {
      keepNext: true,
      line,
    }),
    ...sealBlock(s.bureauName, issuedAt, { keepNext: true }),
    receiptLine('被检查单位签收'),
  ];
};

export const inspectionRecordBody = (
  number: string,
  s: InspectionRecordSnapshot,
  issuedAt: string,
  signature: Buffer | null,
): FileChild[] => {
  const conforming = s.checklist.filter((entry) => entry.outcome === 'conforming').length;
  const notApplicable = s.checklist.filter((entry) => entry.outcome === 'not_applicable').length;
  return [
    bureauLine(s.bureauName),
    titleLine('现场检查记录'),
    numberLine(number),
    ...(s.identification ? [paragraph(s.identification)] : []),
    formTable([
      ['被检查单位', s.enterprise.name],
      ['统一社会信用代码', s.enterprise.creditCode],
      ['地址', s.enterprise.address],
      ['法定代表人（负责人）', enterpriseHead(s.enterprise.legalRepresentative)],
      ...(s.siteHead !== undefined
        ? [
            [
              '现场负责人及职务',
              s.siteHead
                ? `${s.siteHead.name}${GAP}职务：${s.siteHead.position ?? '　　　　'}`
                : `${GAP}${GAP}${GAP}${GAP}职务：`,
            ] as [string, string],
          ]
        : []),
      ['检查场所', s.place],
      [
        '检查时间',
        `${s.startedAt ? `自${chineseDateTime(s.startedAt)}` : ''}至${chineseDateTime(s.endedAt)}`,
      ],
      ['检查人员', officerList(s.officers)],
      ['检查事项', numbered(s.matters)],
    ]),
    heading('一、检查内容'),
    paragraph(
      `按检查表逐项检查共 ${s.checklist.length} 项：符合 ${conforming} 项，发现问题 ${s.checklist.length - conforming - notApplicable} 项，不适用 ${notApplicable} 项。`,
    ),
    ...(s.checklist.length > 0
      ? [
          table(
            ['序号', '检查项目', '结果', '说明'],
            s.checklist.map((entry, i) => [
              String(i + 1),
              // the item's name only (an internal code helps nobody who reads the paper)
              entry.itemName ?? '检查项',
              OUTCOME_NAMES[entry.outcome],
              entry.note ?? '',
            ]),
            [8, 56, 14, 22],
          ),
        ]
      : []),
    heading('二、发现的问题及处理情况'),
    ...(s.findings.length === 0
      ? [paragraph('本次检查未发现问题。')]
      : [
          // issue 14 item 1: the basis under the problem, so 整改指引 gets a column wide enough to read
          table(
            ['序号', '发现的问题及依据', '整改指引', '处理情况'],
            s.findings.map((finding, i) => [
              String(i + 1),
              `${finding.major ? '【重大事故隐患】' : ''}${finding.description}\n依据：${finding.basis}`,
              finding.howToFix,
              handlingOf(finding),
            ]),
            [7, 37, 36, 20],
          ),
        ]),
    closingLine('以上检查情况已当场向被检查单位负责人反馈。'),
    ...officerSignatures(s.officers, '检查人员'),
    ...enterpriseSignature(s.acknowledgement, signature),
    ...sealBlock(s.bureauName, issuedAt),
  ];
};
