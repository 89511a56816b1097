import { AlignmentType, Paragraph, type FileChild } from 'docx';
import { territoryName } from '@inspecta/domain';
import {
  chineseDate,
  heading,
  officialDocument,
  paragraph,
  run,
  table,
  titleLine,
  widthsByContent,
} from '../../platform/documents/docx-layout.ts';
import type { AnnualPlanRow } from './annual-plan-store.ts';

// The annual plan as an official document (公文), in the shared layout of GB/T 9704: title, 文号 line, body,
// tables, the bureau and the date (issue 14 item 3). The document is what the government approved and the
// bureau prints: no version in its title (the file name and the workbook keep it), no reviewer's working notes,
// no catalogue codes; a section with nothing in it says so in a sentence.

// 江门市应急管理局2026年度安全生产监督检查计划
export const annualPlanDocumentTitle = (row: AnnualPlanRow): string =>
  `${row.document.bureau.name}${row.year}年度安全生产监督检查计划`;

const centred = (text: string) =>
  new Paragraph({ alignment: AlignmentType.CENTER, spacing: { after: 240 }, children: [run(text)] });

// A line flush right, kept with what follows it (the bureau with its date); one run, so a date is never
// broken into pieces by a reader's editor.
const flushRight = (text: string, options: { before?: number; keepNext?: boolean } = {}) =>
  new Paragraph({
    alignment: AlignmentType.RIGHT,
    spacing: options.before ? { before: options.before } : undefined,
    keepNext: options.keepNext,
    children: [run(text)],
  });

// A list of the plan as a table whose columns are as wide as what they hold and whose rows stay whole on a
// page, or the sentence that says the list is empty.
const listOrSentence = (header: string[], rows: string[][], empty: string): FileChild[] =>
  rows.length > 0
    ? [table(header, rows, widthsByContent(header, rows), { keepRows: true })]
    : [paragraph(empty)];

export const annualPlanDocx = async (row: AnnualPlanRow): Promise<Buffer> => {
  const { document } = row;
  const approval = row.record.approval;
  // one count of the values awaiting legal review, the domain's (the warning lists every catalogue value the
  // plan used that a legal reviewer has not yet verified); said once, under the formula that uses them
  const unverified = document.warnings.find((warning) => warning.code === 'UNVERIFIED_CATALOG_VALUES');
  const otherWarnings = document.warnings.filter((warning) => warning !== unverified);
  const title = annualPlanDocumentTitle(row);

  const keyRows = document.keyInspections.map((entry, index) => [
    String(index + 1),
    entry.name,
    territoryName(entry.territory) ?? entry.territory,
    entry.months.map((month) => `${month}月`).join('、'),
    String(entry.workdays),
  ]);
  const batchRows = document.batches.map((batch, index) => [
    `第${index + 1}批`,
    `${batch.month}月`,
    String(batch.size),
    `${batch.ratio.numerator}/${batch.ratio.denominator}`,
    String(batch.workdays),
  ]);

  return officialDocument(title, [
    titleLine(title),
    centred(
      approval ? approval.documentNumber : `（${row.status === 'draft' ? '草稿' : '待批准'}，尚无批准文号）`,
    ),
    paragraph(
      '根据《安全生产年度监督检查计划编制办法》和《江门市应急管理系统严格规范涉企行政检查若干措施》第一项、第五项，结合本部门执法力量和辖区企业分级分类情况，制定本计划。',
    ),
    heading('一、执法工作日测算'),
    ...document.formula.text.map((text) => paragraph(text)),
    ...(unverified
      ? [
          paragraph(
            `注：本计划测算所用的 ${unverified.catalogCodes.length} 项标准为暂定标准，尚待法制审核确认。`,
          ),
        ]
      : []),
    heading('二、重点企业全覆盖检查'),
    ...(keyRows.length > 0
      ? [
          paragraph(`共 ${keyRows.length} 家重点企业，每家每年至少一次市级组织的全覆盖检查（措施五）。`, {
            keepNext: true,
          }),
        ]
      : []),
    ...listOrSentence(
      ['序号', '企业名称', '属地', '检查月份', '工作日'],
      keyRows,
      '本年度无由本部门组织全覆盖检查的重点企业。',
    ),
    heading('三、一般企业“双随机”抽查'),
    ...(batchRows.length > 0
      ? [
          paragraph('按年度抽查比例，确保每家一般企业至少每三年检查一次（粤应急规〔2021〕4号）。', {
            keepNext: true,
          }),
        ]
      : []),
    ...listOrSentence(
      ['批次', '月份', '抽查户数', '年度抽查比例', '工作日'],
      batchRows,
      '本年度无一般企业“双随机”抽查批次。',
    ),
    ...(otherWarnings.length > 0
      ? [
          heading('四、需要说明的情况'),
          ...otherWarnings.map((warning) => paragraph(`${warning.message}（措施第${warning.measure}项）。`)),
        ]
      : []),
    flushRight(document.bureau.name, { before: 600, keepNext: true }),
    flushRight(chineseDate(approval?.approvedOn ?? row.computedAt.toISOString())),
  ]);
};
