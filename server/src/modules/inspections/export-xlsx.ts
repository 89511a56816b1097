import type ExcelJS from 'exceljs';
import { inspectionMatterName, type InspectionKind } from '@inspecta/domain';
import { writeListSheet } from '../../platform/documents/xlsx-layout.ts';

const KIND_NAMES: Record<InspectionKind, string> = {
  key: '重点',
  double_random: '双随机',
  targeted: '重点执法',
  other: '其他',
};

type ExportRow = {
  enterpriseName: string;
  creditCode: string;
  territoryName: string;
  kind: InspectionKind;
  organisationName: string;
  plannedOn: string;
  stageName: string;
  nextStep?: string | null | undefined;
  overdue?: boolean | undefined;
  team: { name: string }[];
  matters: string[];
  burden: { count: number };
};

// issue 13 item 3: the inspection list as filtered, one row per inspection (the list's own columns); issue 14
// item 4: the planned day as a date cell, the count as a number.
export const writeInspectionSheet = (workbook: ExcelJS.stream.xlsx.WorkbookWriter, rows: ExportRow[]) =>
  writeListSheet(workbook, {
    name: '行政检查',
    title: '行政检查列表',
    columns: [
      { header: '企业名称', key: 'enterpriseName' },
      { header: '统一社会信用代码', key: 'creditCode', format: 'text' },
      { header: '属地', key: 'territoryName' },
      { header: '检查方式', key: 'kind' },
      { header: '检查事项', key: 'matters', width: 30 },
      { header: '检查部门', key: 'organisationName' },
      { header: '计划日期', key: 'plannedOn', format: 'date' },
      { header: '计划日期已过', key: 'overdue' },
      { header: '当前环节', key: 'stageName' },
      { header: '下一步', key: 'nextStep', width: 24 },
      { header: '执法人员', key: 'team', width: 20 },
      { header: '本年受检次数', key: 'burden', format: 'integer' },
    ],
    rows: rows.map((row) => ({
      enterpriseName: row.enterpriseName,
      creditCode: row.creditCode,
      territoryName: row.territoryName,
      kind: KIND_NAMES[row.kind] ?? row.kind,
      matters: row.matters.map((code) => inspectionMatterName(code)).join('、'),
      organisationName: row.organisationName,
      plannedOn: row.plannedOn,
      overdue: row.overdue ? '是' : '',
      stageName: row.stageName,
      nextStep: row.nextStep ?? '',
      team: row.team.map((member) => member.name).join('、'),
      burden: row.burden.count,
    })),
  });
