import type { PassThrough } from 'node:stream';
import { streamWorkbook } from '../../platform/http/downloads.ts';
import { calendarDay, writeListSheet, type XlsxRow } from '../../platform/documents/xlsx-layout.ts';
import { PLAN_STATUS_NAMES, readerBasis, territoryName } from '@inspecta/domain';
import type { AnnualPlanRow } from './annual-plan-store.ts';

// The annual plan as a workbook: the formula with its numbers, the key enterprises with their months, the
// double-random batches (issue 4, item 7); laid out for filtering and printing (issue 14 item 4).

export const annualPlanTitle = (row: AnnualPlanRow): string =>
  `${row.document.bureau.name}${row.year}年度安全生产监督检查计划（第${row.version}版）`;

const dayOrNothing = (text: string | null | undefined) => (text ? calendarDay(text) : null);

export const annualPlanWorkbook = (row: AnnualPlanRow): PassThrough =>
  streamWorkbook((workbook) => {
    const { document, record } = row;
    const title = annualPlanTitle(row);

    // the record's days as date cells; each term's basis in plain words (the catalogue's working notes are
    // for the legal reviewer's screens, not for a printed plan), an unverified one marked 待核实
    const facts: XlsxRow[] = [
      { label: '计划名称', value: title },
      { label: '状态', value: PLAN_STATUS_NAMES[row.status] },
      { label: '领导集体讨论日期', value: dayOrNothing(record.discussedOn) },
      { label: '报送日期', value: dayOrNothing(record.submittedOn) },
      { label: '批准文号', value: record.approval?.documentNumber },
      { label: '批准日期', value: dayOrNothing(record.approval?.approvedOn) },
      { label: '备案日期', value: dayOrNothing(record.filedOn) },
      { label: '公布日期', value: dayOrNothing(record.publishedOn) },
      { label: '调整理由', value: record.adjustment?.reason },
    ].filter((fact) => fact.value);
    writeListSheet(workbook, {
      name: '计算式',
      title,
      columns: [
        { header: '项目', key: 'label', width: 24 },
        { header: '数值', key: 'value', width: 20 },
        { header: '说明', key: 'note', width: 60 },
        { header: '核实情况', key: 'verified' },
      ],
      rows: [
        ...facts,
        ...document.formula.lines.map(({ result: term }) => ({
          label: term.label,
          value: term.value,
          note: readerBasis(term.source),
          verified: term.verified ? '已核实' : '待核实',
        })),
        ...document.formula.text.map((text) => ({ label: '计算过程', note: text })),
        ...document.warnings.map((warning) => ({
          label: `提示（措施第${warning.measure}项）`,
          note: warning.message,
        })),
      ],
    });

    writeListSheet(workbook, {
      name: '重点企业',
      title,
      columns: [
        { header: '企业名称', key: 'name' },
        { header: '属地', key: 'territoryName' },
        { header: '执法层级', key: 'level' },
        { header: '检查月份', key: 'months' },
        { header: '检查次数', key: 'inspections', format: 'integer' },
        { header: '工作日', key: 'workdays', format: 'integer' },
      ],
      rows: document.keyInspections.map((entry) => ({
        name: entry.name,
        territoryName: territoryName(entry.territory) ?? entry.territory,
        level: entry.enforcementLevel === 'city_organised' ? '市级组织' : '县级',
        months: entry.months.map((m) => `${m}月`).join('、'),
        inspections: entry.inspections,
        workdays: entry.workdays,
      })),
    });

    writeListSheet(workbook, {
      name: '双随机批次',
      title,
      columns: [
        { header: '批次', key: 'code' },
        { header: '月份', key: 'month', format: 'integer' },
        { header: '抽查户数', key: 'size', format: 'integer' },
        { header: '年度抽查比例', key: 'ratio' },
        { header: '工作日', key: 'workdays', format: 'integer' },
      ],
      rows: document.batches.map((batch) => ({
        code: batch.code,
        month: batch.month,
        size: batch.size,
        ratio: `${batch.ratio.numerator}/${batch.ratio.denominator}`,
        workdays: batch.workdays,
      })),
    });
  });

type MonthlyEnterprise = { name: string; territory: string };
type MonthlyPlanForExport = {
  year: number;
  month: number;
  territoryName: string;
  unitName: string;
  statusName: string;
  submittedOn: string | null;
  filedOn: string | null;
  enterpriseCount: number;
  timeliness: { deadline: string; status: string; daysLate: number } | null;
  keyInspections: MonthlyEnterprise[];
  batches: {
    code: string;
    size: number;
    listed: MonthlyEnterprise[];
    toDraw: { key: string; k: number; candidates: number }[];
  }[];
};

const timelinessNames: Record<string, string> = {
  on_time: '按时报送',
  late: '逾期报送',
  pending: '待报送',
  overdue: '已逾期未报送',
};

// the annual plan's rotation tiers (domain RotationTier), as the plan pages name them
const tierNames: Record<string, string> = {
  rotation_due: '三年轮转应查',
  not_recently_inspected: '近年未检查',
  open: '其余企业',
};

// A unit's name already carries its territory's (江门市应急管理局); a unit without one is named by its territory.
export const monthlyPlanTitle = (plan: MonthlyPlanForExport): string => {
  const unit = plan.unitName.startsWith(plan.territoryName)
    ? plan.unitName
    : `${plan.territoryName}${plan.unitName}`;
  return `${unit}${plan.year}年${plan.month}月工作计划`;
};

// measure 2: the next month's plan of one unit, as the sheet it is filed with: the enterprises to inspect, then
// the plan's submission on a sheet of its own.
export const monthlyPlanWorkbook = (plan: MonthlyPlanForExport): PassThrough =>
  streamWorkbook((workbook) => {
    const title = monthlyPlanTitle(plan);
    const enterprise = (kind: string, batch: string, entry: MonthlyEnterprise) => ({
      kind,
      batch,
      name: entry.name,
      territory: territoryName(entry.territory) ?? entry.territory,
    });
    const listed = [
      ...plan.keyInspections.map((entry) => enterprise('重点企业检查', '', entry)),
      ...plan.batches.flatMap((batch) =>
        batch.listed.map((entry) => enterprise('双随机抽查', batch.code, entry)),
      ),
    ].map((row, index) => ({ number: index + 1, ...row }));
    const toDraw = plan.batches.flatMap((batch) =>
      batch.toDraw.map((stratum) => ({
        kind: '双随机抽查',
        batch: batch.code,
        note: `${tierNames[stratum.key] ?? stratum.key}：待抽取 ${stratum.k} 户（候选 ${stratum.candidates} 户）`,
      })),
    );
    writeListSheet(workbook, {
      name: `${plan.year}年${plan.month}月工作计划`,
      title,
      columns: [
        { header: '序号', key: 'number', format: 'integer' },
        { header: '类别', key: 'kind' },
        { header: '批次', key: 'batch' },
        { header: '企业名称', key: 'name' },
        { header: '属地', key: 'territory' },
        { header: '说明', key: 'note' },
      ],
      rows: [...listed, ...toDraw],
    });

    const timeliness = plan.timeliness;
    writeListSheet(workbook, {
      name: '报送情况',
      title,
      columns: [
        { header: '项目', key: 'label' },
        { header: '内容', key: 'value' },
      ],
      rows: [
        { label: '计划名称', value: title },
        { label: '状态', value: plan.statusName },
        { label: '列入企业数', value: plan.enterpriseCount },
        { label: '报送截止日期', value: dayOrNothing(timeliness?.deadline) },
        { label: '报送日期', value: dayOrNothing(plan.submittedOn) },
        { label: '备案日期', value: dayOrNothing(plan.filedOn) },
        {
          label: '报送情况',
          value: timeliness
            ? `${timelinessNames[timeliness.status] ?? timeliness.status}${timeliness.daysLate ? `，逾期 ${timeliness.daysLate} 天` : ''}`
            : null,
        },
      ].filter((fact) => fact.value !== null && fact.value !== undefined),
    });
  });
