import type { PassThrough } from 'node:stream';
import { streamWorkbook } from '../../platform/http/downloads.ts';
import { PLAN_STATUS_NAMES, territoryName } from '@inspecta/domain';
import type { AnnualPlanRow } from './annual-plan-store.ts';

// The annual plan as a workbook: the formula with its numbers, the key enterprises with their months, the
// double-random batches (issue 4, item 7).

export const annualPlanTitle = (row: AnnualPlanRow): string =>
  `${row.document.bureau.name}${row.year}年度安全生产监督检查计划（第${row.version}版）`;

export const annualPlanWorkbook = (row: AnnualPlanRow): PassThrough =>
  streamWorkbook((workbook) => {
    const { document } = row;

    const summary = workbook.addWorksheet('计算式');
    summary.columns = [
      { header: '项目', key: 'label', width: 36 },
      { header: '数值', key: 'value', width: 14 },
      { header: '依据', key: 'source', width: 80 },
      { header: '已核实', key: 'verified', width: 8 },
    ];
    summary.getRow(1).font = { bold: true };
    summary.addRow({ label: annualPlanTitle(row), value: PLAN_STATUS_NAMES[row.status] }).commit();
    if (row.record.approval)
      summary
        .addRow({
          label: '批准文号',
          value: row.record.approval.documentNumber,
          source: row.record.approval.approvedOn,
        })
        .commit();
    for (const line of document.formula.lines) {
      const term = line.result;
      summary
        .addRow({
          label: term.label,
          value: term.value,
          source: term.source,
          verified: term.verified ? '是' : '否（待核实）',
        })
        .commit();
    }
    for (const text of document.formula.text) summary.addRow({ label: text }).commit();
    for (const warning of document.warnings)
      summary.addRow({ label: `提示（措施第${warning.measure}项）`, source: warning.message }).commit();
    summary.commit();

    const key = workbook.addWorksheet('重点企业');
    key.columns = [
      { header: '企业名称', key: 'name', width: 36 },
      { header: '属地', key: 'territoryName', width: 10 },
      { header: '执法层级', key: 'level', width: 10 },
      { header: '检查月份', key: 'months', width: 14 },
      { header: '检查次数', key: 'inspections', width: 10 },
      { header: '工作日', key: 'workdays', width: 10 },
    ];
    key.getRow(1).font = { bold: true };
    for (const entry of document.keyInspections) {
      key
        .addRow({
          name: entry.name,
          territoryName: territoryName(entry.territory) ?? entry.territory,
          level: entry.enforcementLevel === 'city_organised' ? '市级组织' : '县级',
          months: entry.months.map((m) => `${m}月`).join('、'),
          inspections: entry.inspections,
          workdays: entry.workdays,
        })
        .commit();
    }
    key.commit();

    const batches = workbook.addWorksheet('双随机批次');
    batches.columns = [
      { header: '批次', key: 'code', width: 16 },
      { header: '月份', key: 'month', width: 8 },
      { header: '抽查户数', key: 'size', width: 10 },
      { header: '年度抽查比例', key: 'ratio', width: 14 },
      { header: '工作日', key: 'workdays', width: 10 },
    ];
    batches.getRow(1).font = { bold: true };
    for (const batch of document.batches) {
      batches
        .addRow({
          code: batch.code,
          month: batch.month,
          size: batch.size,
          ratio: `${batch.ratio.numerator}/${batch.ratio.denominator}`,
          workdays: batch.workdays,
        })
        .commit();
    }
    batches.commit();
  });

type MonthlyPlanForExport = {
  year: number;
  month: number;
  territoryName: string;
  unitName: string;
  statusName: string;
  timeliness: { deadline: string; status: string; daysLate: number } | null;
  keyInspections: { name: string; territory: string }[];
  batches: {
    code: string;
    size: number;
    listed: { name: string; territory: string }[];
    toDraw: { key: string; k: number; candidates: number }[];
  }[];
};

const timelinessNames: Record<string, string> = {
  on_time: '按时报送',
  late: '逾期报送',
  pending: '待报送',
  overdue: '已逾期未报送',
};

// measure 2: the next month's plan of one unit, as the sheet it is filed with.
export const monthlyPlanWorkbook = (plan: MonthlyPlanForExport): PassThrough =>
  streamWorkbook((workbook) => {
    const sheet = workbook.addWorksheet(`${plan.year}年${plan.month}月工作计划`);
    sheet.columns = [
      { header: '类别', key: 'kind', width: 16 },
      { header: '企业名称 / 批次', key: 'name', width: 40 },
      { header: '属地', key: 'territory', width: 10 },
      { header: '说明', key: 'note', width: 40 },
    ];
    sheet.getRow(1).font = { bold: true };
    const timeliness = plan.timeliness
      ? `${timelinessNames[plan.timeliness.status] ?? plan.timeliness.status}，截止 ${plan.timeliness.deadline}${plan.timeliness.daysLate ? `，逾期 ${plan.timeliness.daysLate} 天` : ''}`
      : '';
    sheet
      .addRow({
        kind: '计划',
        name: `${plan.territoryName}${plan.unitName} ${plan.year}年${plan.month}月工作计划`,
        note: `${plan.statusName}；${timeliness}`,
      })
      .commit();
    for (const entry of plan.keyInspections) {
      sheet
        .addRow({
          kind: '重点企业检查',
          name: entry.name,
          territory: territoryName(entry.territory) ?? entry.territory,
        })
        .commit();
    }
    for (const batch of plan.batches) {
      for (const entry of batch.listed) {
        sheet
          .addRow({
            kind: `双随机 ${batch.code}`,
            name: entry.name,
            territory: territoryName(entry.territory) ?? entry.territory,
          })
          .commit();
      }
      for (const stratum of batch.toDraw) {
        sheet
          .addRow({
            kind: `双随机 ${batch.code}`,
            name: stratum.key,
            note: `待抽取 ${stratum.k} 户（候选 ${stratum.candidates} 户）`,
          })
          .commit();
      }
    }
    sheet.commit();
  });
