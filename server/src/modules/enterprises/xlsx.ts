import { setImmediate as yieldToEventLoop } from 'node:timers/promises';
import type ExcelJS from 'exceljs';
import { makeCreditCode, territories, territoryName } from '@inspecta/domain';
import { industries, industryName } from '../catalog/index.ts';
import {
  scaleNames,
  scales,
  ZEnterpriseCreateSchema,
  type TEnterprise,
  type TEnterpriseCreate,
} from './model.ts';
import type { SheetCells } from './xlsx-read.ts';
import { openListSheet, type XlsxColumn } from '../../platform/documents/xlsx-layout.ts';

// One column list for the template, the export and the import, so they never drift apart. The counts are
// number cells; the code and the telephone stay text when a user types digits into them (the import reads both).
type Column = {
  header: string;
  field: keyof TEnterpriseCreate;
  width: number;
  example: string | number;
  format?: XlsxColumn['format'];
};
export const importColumns: Column[] = [
  {
    header: '统一社会信用代码',
    field: 'creditCode',
    width: 22,
    example: makeCreditCode('91440703MA4W00001'),
    format: 'text',
  },
  { header: '企业名称', field: 'name', width: 30, example: '江门市示例五金制品有限公司' },
  { header: '地址', field: 'address', width: 36, example: '江门市蓬江区示例路1号' },
  { header: '属地', field: 'territory', width: 10, example: '蓬江区' },
  { header: '行业', field: 'industry', width: 16, example: '机械' },
  { header: '规模', field: 'scale', width: 8, example: '小型' },
  { header: '从业人数', field: 'workforce', width: 10, example: 45, format: 'integer' },
  { header: '涉粉作业人数', field: 'dustWorkers', width: 14, example: 0, format: 'integer' },
  { header: '液氨制冷', field: 'usesLiquidAmmonia', width: 10, example: '否' },
  { header: '深井铸造', field: 'hasDeepWellCasting', width: 10, example: '否' },
  { header: '法定代表人', field: 'legalRepresentative', width: 12, example: '张三' },
  { header: '联系电话', field: 'contactPhone', width: 16, example: '0750-1234567', format: 'text' },
];

const yes = new Set(['是', 'Y', 'YES', 'TRUE', '1']);
const no = new Set(['否', 'N', 'NO', 'FALSE', '0', '']);

// Users type names (蓬江区, 机械, 小型) or codes; both are accepted.
const byNameOrCode = (text: string, entries: { code: string; name: string }[]): string =>
  entries.find((entry) => entry.code === text || entry.name === text)?.code ?? text;

export type ImportRowError = { row: number; column: string; message: string };
export type ImportParse = { rows: { row: number; value: TEnterpriseCreate }[]; errors: ImportRowError[] };

export const maxImportRows = 20_000;

const requiredFields: (keyof TEnterpriseCreate)[] = [
  'creditCode',
  'name',
  'address',
  'territory',
  'industry',
  'scale',
  'workforce',
];

// Checks one sheet row against the columns found in the header, like the form does.
const rowChecker = (positions: Map<string, number>) => {
  const seen = new Map<string, number>();
  const territoryEntries = territories.map((t) => ({ code: t.code, name: t.name }));
  const industryEntries = industries().map((i) => ({ code: i.code, name: i.name }));
  const scaleEntries = scales.map((code) => ({ code, name: scaleNames[code] }));
  const columnOf = new Map(importColumns.map((c) => [c.field, positions.get(c.header)]));
  const headerOf = new Map(importColumns.map((c) => [c.field as string, c.header]));

  return (cells: string[], rowNumber: number, result: ImportParse) => {
    const texts = new Map<keyof TEnterpriseCreate, string>();
    const text = (field: keyof TEnterpriseCreate) => {
      let value = texts.get(field);
      if (value === undefined) {
        const position = columnOf.get(field);
        value = position ? (cells[position] ?? '') : '';
        texts.set(field, value);
      }
      return value;
    };
    if (importColumns.every((c) => text(c.field) === '')) return;
    const rowErrors: ImportRowError[] = [];
    const flag = (field: keyof TEnterpriseCreate) => {
      const value = text(field).toUpperCase();
      if (yes.has(value)) return true;
      if (no.has(value)) return false;
      rowErrors.push({
        row: rowNumber,
        column: headerOf.get(field)!,
        message: `“${text(field)}”应为“是”或“否”`,
      });
      return false;
    };
    const number = (field: keyof TEnterpriseCreate, fallback?: number) => {
      const raw = text(field);
      if (raw === '' && fallback !== undefined) return fallback;
      return /^\d+$/.test(raw) ? Number(raw) : Number.NaN;
    };
    const candidate = {
      creditCode: text('creditCode'),
      name: text('name'),
      address: text('address'),
      territory: byNameOrCode(text('territory'), territoryEntries),
      industry: byNameOrCode(text('industry'), industryEntries),
      scale: byNameOrCode(text('scale'), scaleEntries),
      workforce: number('workforce'),
      dustWorkers: number('dustWorkers', 0),
      usesLiquidAmmonia: flag('usesLiquidAmmonia'),
      hasDeepWellCasting: flag('hasDeepWellCasting'),
      legalRepresentative: text('legalRepresentative'),
      contactPhone: text('contactPhone'),
    };
    const parsed = ZEnterpriseCreateSchema.safeParse(candidate);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const field = String(issue.path[0] ?? '');
        const header = headerOf.get(field) ?? field;
        const message = Number.isNaN(candidate[field as 'workforce']) ? '应为非负整数' : issue.message;
        rowErrors.push({
          row: rowNumber,
          column: header,
          message: `${message}（“${text(field as keyof TEnterpriseCreate)}”）`,
        });
      }
    }
    if (parsed.success) {
      const earlier = seen.get(parsed.data.creditCode);
      if (earlier) {
        rowErrors.push({ row: rowNumber, column: '统一社会信用代码', message: `与第 ${earlier} 行重复` });
      }
      seen.set(parsed.data.creditCode, rowNumber);
    }
    result.errors.push(...rowErrors);
    if (parsed.success && rowErrors.length === 0) result.rows.push({ row: rowNumber, value: parsed.data });
  };
};

// Checks the rows the import worker read (xlsx-read.ts), like the form does, a chunk at a time so that a long
// workbook leaves the event loop free between chunks.
export const checkImportRows = async (sheet: SheetCells): Promise<ImportParse> => {
  const positions = new Map<string, number>();
  sheet.header.forEach((text, col) => {
    if (text !== undefined) positions.set(text, col);
  });
  const missing = importColumns.filter((c) => requiredFields.includes(c.field) && !positions.has(c.header));
  if (missing.length > 0) return missingHeaders(missing);
  const check = rowChecker(positions);
  const result: ImportParse = { rows: [], errors: [] };
  for (const [index, { row, cells }] of sheet.rows.entries()) {
    if (index > 0 && index % 500 === 0) await yieldToEventLoop();
    check(cells, row, result);
  }
  if (result.rows.length === 0 && result.errors.length === 0) {
    result.errors.push({ row: 0, column: '', message: '文件中没有数据行' });
  }
  return result;
};

const missingHeaders = (missing: Column[]): ImportParse => ({
  rows: [],
  errors: missing.map((c) => ({
    row: 1,
    column: c.header,
    message: `缺少表头“${c.header}”，请使用导入模板`,
  })),
});

const displayValue = (enterprise: TEnterprise, field: keyof TEnterpriseCreate): string | number => {
  switch (field) {
    case 'territory':
      return territoryName(enterprise.territory) ?? enterprise.territory;
    case 'industry':
      return industryName(enterprise.industry) ?? enterprise.industry;
    case 'scale':
      return scaleNames[enterprise.scale];
    case 'usesLiquidAmmonia':
    case 'hasDeepWellCasting':
      return enterprise[field] ? '是' : '否';
    default:
      return enterprise[field] ?? '';
  }
};

// The registry export (batches given) or the import template (null), into a streaming workbook.
export const writeEnterpriseSheet = async (
  workbook: ExcelJS.stream.xlsx.WorkbookWriter,
  batches: AsyncIterable<TEnterprise[]> | null,
): Promise<void> => {
  const columns: XlsxColumn[] = importColumns.map((c) => ({
    header: c.header,
    key: c.field,
    width: c.width,
    format: c.format,
  }));
  const sheet = openListSheet(workbook, {
    name: '企业库',
    title: batches ? '企业库' : '企业导入模板',
    columns: batches
      ? [
          ...columns,
          { header: '重点企业', key: 'isKey', width: 10 },
          { header: '重点依据', key: 'keyReasons', width: 30 },
        ]
      : columns,
  });
  if (!batches) {
    sheet.addRow(Object.fromEntries(importColumns.map((c) => [c.field, c.example])));
  } else {
    for await (const batch of batches) {
      for (const enterprise of batch) {
        sheet.addRow({
          ...Object.fromEntries(importColumns.map((c) => [c.field, displayValue(enterprise, c.field)])),
          isKey: enterprise.isKey ? '是' : '否',
          keyReasons: enterprise.keyReasons.map((r) => r.name).join('；'),
        });
      }
    }
  }
  sheet.close();
};
