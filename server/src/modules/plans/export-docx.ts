import {
  AlignmentType,
  BorderStyle,
  Document,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
} from 'docx';
import { territoryName } from '@inspecta/domain';
import type { AnnualPlanRow } from './annual-plan-store.ts';
import { annualPlanTitle } from './export-xlsx.ts';

// The annual plan as an official document (公文): title, 文号 line, body, tables. Sizes follow the usual
// layout of GB/T 9704 (title 二号小标宋 ≈ 22 pt, body 三号仿宋 ≈ 16 pt); fonts fall back to what the
// reader's machine has.

const title = (text: string) =>
  new Paragraph({
    alignment: AlignmentType.CENTER,
    spacing: { after: 300 },
    children: [new TextRun({ text, bold: true, size: 44, font: 'SimSun' })],
  });
const centred = (text: string) =>
  new Paragraph({
    alignment: AlignmentType.CENTER,
    spacing: { after: 300 },
    children: [new TextRun({ text, size: 32, font: 'FangSong' })],
  });
const heading = (text: string) =>
  new Paragraph({
    spacing: { before: 240, after: 120 },
    children: [new TextRun({ text, bold: true, size: 32, font: 'SimHei' })],
  });
const body = (text: string) =>
  new Paragraph({
    indent: { firstLine: 640 },
    spacing: { line: 560 },
    children: [new TextRun({ text, size: 32, font: 'FangSong' })],
  });

const cell = (text: string, bold = false) =>
  new TableCell({
    children: [new Paragraph({ children: [new TextRun({ text, bold, size: 24, font: 'FangSong' })] })],
  });
const table = (header: string[], rows: string[][]) =>
  new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    borders: {
      top: { style: BorderStyle.SINGLE, size: 4, color: '000000' },
      bottom: { style: BorderStyle.SINGLE, size: 4, color: '000000' },
      left: { style: BorderStyle.SINGLE, size: 4, color: '000000' },
      right: { style: BorderStyle.SINGLE, size: 4, color: '000000' },
      insideHorizontal: { style: BorderStyle.SINGLE, size: 4, color: '000000' },
      insideVertical: { style: BorderStyle.SINGLE, size: 4, color: '000000' },
    },
    rows: [
      new TableRow({ tableHeader: true, children: header.map((h) => cell(h, true)) }),
      ...rows.map((r) => new TableRow({ children: r.map((c) => cell(c)) })),
    ],
  });

export const annualPlanDocx = async (row: AnnualPlanRow): Promise<Buffer> => {
  const { document } = row;
  const approval = row.record.approval;
  const unverified = document.formula.lines.filter((line) => !line.result.verified).length;
  const doc = new Document({
    sections: [
      {
        properties: { page: { margin: { top: 2098, bottom: 1984, left: 1588, right: 1474 } } },
        children: [
          title(annualPlanTitle(row)),
          centred(
            approval
              ? approval.documentNumber
              : `（${row.status === 'draft' ? '草稿' : '待批准'}，尚无批准文号）`,
          ),
          body(
            `根据《安全生产年度监督检查计划编制办法》和《江门市应急管理系统严格规范涉企行政检查若干措施》第一项、第五项，结合本部门执法力量和辖区企业分级分类情况，制定本计划。`,
          ),
          heading('一、执法工作日测算'),
          ...document.formula.text.map(body),
          ...(unverified > 0
            ? [body(`注：计算式中 ${unverified} 项取值尚待法制审核核实（标注“待核实”）。`)]
            : []),
          heading('二、重点企业全覆盖检查'),
          body(
            `共 ${document.keyInspections.length} 家重点企业，每家每年至少一次市级组织的全覆盖检查（措施五）。`,
          ),
          table(
            ['序号', '企业名称', '属地', '检查月份', '工作日'],
            document.keyInspections.map((entry, index) => [
              String(index + 1),
              entry.name,
              territoryName(entry.territory) ?? entry.territory,
              entry.months.map((m) => `${m}月`).join('、'),
              String(entry.workdays),
            ]),
          ),
          heading('三、一般企业“双随机”抽查'),
          body(`按年度抽查比例，确保每家一般企业至少每三年检查一次（粤应急规〔2021〕4号）。`),
          table(
            ['批次', '月份', '抽查户数', '年度抽查比例', '工作日'],
            document.batches.map((batch) => [
              batch.code,
              `${batch.month}月`,
              String(batch.size),
              `${batch.ratio.numerator}/${batch.ratio.denominator}`,
              String(batch.workdays),
            ]),
          ),
          ...(document.warnings.length > 0
            ? [
                heading('四、需要说明的情况'),
                ...document.warnings.map((warning) =>
                  body(`${warning.message}（措施第${warning.measure}项）`),
                ),
              ]
            : []),
          new Paragraph({
            spacing: { before: 600 },
            alignment: AlignmentType.RIGHT,
            children: [new TextRun({ text: document.bureau.name, size: 32, font: 'FangSong' })],
          }),
          new Paragraph({
            alignment: AlignmentType.RIGHT,
            children: [
              new TextRun({
                text: approval?.approvedOn ?? row.computedAt.toISOString().slice(0, 10),
                size: 32,
                font: 'FangSong',
              }),
            ],
          }),
        ],
      },
    ],
  });
  return Packer.toBuffer(doc);
};
