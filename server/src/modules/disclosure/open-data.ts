import { Readable } from 'node:stream';
import { moneyText } from '@inspecta/domain';
import type { AppContext } from '../../platform/http/context.ts';
import type { XlsxColumn, XlsxRow } from '../../platform/documents/xlsx-layout.ts';
import { writeListSheet } from '../../platform/documents/xlsx-layout.ts';
import { streamWorkbook } from '../../platform/http/downloads.ts';
import { listPublicDecisions } from '../cases/index.ts';
import { listPublicDraws } from '../draws/index.ts';
import { publishedGuideList, publishedGuideLists } from '../guide-lists/index.ts';
import { publishedAnnualPlans } from '../plans/index.ts';
import { publicOpenDays } from '../open-days/index.ts';
import type { OpenDataset } from './model.ts';
import { OPEN_DATASET_NAMES } from './open-data-names.ts';
import {
  benchmarks,
  creditRepairs,
  inspectionCaps,
  inspectionResults,
  publicAnnualReports,
} from './service.ts';

// Measure 29 (开放数据): every public list of the portal as a table, downloadable as .xlsx or as CSV (UTF-8 with a
// BOM, so Excel opens the Chinese right). Each table is built from the same function that serves the list, so a
// download holds nothing the page does not show.

export type OpenTable = { name: string; columns: XlsxColumn[]; rows: XlsxRow[] };

const MAX_PAGES = 50;

// every page of a paged public list, up to MAX_PAGES × 100 rows
const allPages = async <T>(load: (page: number) => Promise<T[]>): Promise<T[]> => {
  const rows: T[] = [];
  for (let page = 1; page <= MAX_PAGES; page += 1) {
    const items = await load(page);
    rows.push(...items);
    if (items.length < 100) break;
  }
  return rows;
};

// A dataset is a table: its columns (header, the row's key, the cell's format) and where its rows come from.
type Column = readonly [header: string, key: string, format?: XlsxColumn['format']];
type Dataset = { columns: Column[]; rows: (ctx: AppContext) => Promise<Record<string, unknown>[]> };

const columnOf = ([header, key, format]: Column): XlsxColumn =>
  format ? { header, key, format } : { header, key };

// a cell of the table: only the columns' keys are taken; a list is joined, a flag read 是/否
const cellOf = (value: unknown): XlsxRow[string] => {
  if (value === null || value === undefined) return null;
  if (Array.isArray(value)) return value.join('、');
  if (typeof value === 'boolean') return value ? '是' : '否';
  if (typeof value === 'number' || typeof value === 'string' || value instanceof Date) return value;
  return String(value);
};

const datasets: Record<OpenDataset, Dataset> = {
  'penalty-decisions': {
    columns: [
      ['行政处罚决定书文号', 'documentNumber', 'text'],
      ['案件名称', 'caseName'],
      ['当事人类型', 'partyType'],
      ['当事人名称', 'partyName'],
      ['主要违法事实', 'facts'],
      ['处罚依据', 'basis'],
      ['处罚内容', 'decision'],
      ['处罚机关', 'authority'],
      ['处罚决定日期', 'decidedOn', 'date'],
      ['公示日期', 'publishedOn', 'date'],
      ['应公示期限', 'publishDue', 'date'],
      ['公示截止日期', 'publicUntil', 'date'],
    ],
    rows: async (ctx) =>
      allPages(async (page) => (await listPublicDecisions(ctx, { page, pageSize: 100 })).items),
  },
  'penalty-withdrawals': {
    columns: [
      ['行政处罚决定书文号', 'documentNumber', 'text'],
      ['处罚机关', 'authority'],
      ['撤回原因', 'groundName'],
      ['说明理由', 'reason'],
      ['变更、撤销等日期', 'groundOn', 'date'],
      ['应撤回期限', 'due', 'date'],
      ['撤回日期', 'withdrawnOn', 'date'],
      ['逾期', 'lateText'],
    ],
    rows: async (ctx) =>
      (await listPublicDecisions(ctx, { page: 1, pageSize: 1 })).withdrawals.map((row) => ({
        ...row,
        lateText: row.late ? '是' : '否',
      })),
  },
  'inspection-results': {
    columns: [
      ['企业名称', 'enterpriseName'],
      ['检查部门', 'organisationName'],
      ['检查结论日期', 'concludedOn', 'date'],
      ['检查事项', 'matterText'],
      ['检查结果', 'resultSummary'],
      ['应公示期限', 'publishDue', 'date'],
    ],
    rows: async (ctx) =>
      (await allPages(async (page) => (await inspectionResults(ctx, { page, pageSize: 100 })).items)).map(
        (row) => ({ ...row, matterText: row.matters.join('、') }),
      ),
  },
  'credit-repairs': {
    columns: [
      ['行政处罚决定书文号', 'documentNumber', 'text'],
      ['当事人名称', 'partyName'],
      ['处罚机关', 'authority'],
      ['处罚决定日期', 'decidedOn', 'date'],
      ['信用修复日期', 'repairedOn', 'date'],
    ],
    rows: async (ctx) => (await creditRepairs(ctx, { page: 1, pageSize: 100 })).items,
  },
  'discretion-benchmarks': {
    columns: [
      ['违法行为', 'violation'],
      ['处罚依据', 'provision'],
      ['法定处罚', 'penaltyText'],
      ['裁量阶次', 'tierName'],
      ['适用条件', 'conditions'],
      ['罚款幅度', 'band'],
      ['依据', 'source'],
      ['核实状态', 'verifiedText'],
      ['施行日期', 'effective', 'date'],
    ],
    rows: async (ctx) =>
      (await benchmarks(ctx, { territory: '440700' })).items.flatMap((item) =>
        item.tiers.map((tier) => ({
          violation: item.violation,
          provision: item.provision,
          penaltyText: item.penaltyText,
          tierName: tier.tierName,
          conditions: tier.conditions,
          band: tier.band,
          source: tier.source,
          verifiedText: tier.verified ? '已核实' : '待法制审核',
          effective: tier.effective,
        })),
      ),
  },
  'inspection-caps': {
    columns: [
      ['检查对象类别', 'className'],
      ['安全生产标准化等级', 'standardisation'],
      ['每年检查次数上限', 'perYear', 'integer'],
      ['依据', 'source'],
      ['核实状态', 'verifiedText'],
    ],
    rows: async (ctx) =>
      (await inspectionCaps(ctx)).caps.map((cap) => ({
        ...cap,
        verifiedText: cap.verified ? '已核实' : '待法制审核',
      })),
  },
  'annual-reports': {
    columns: [
      ['执法部门', 'organisationName'],
      ['年度', 'year', 'integer'],
      ['完成行政检查（次）', 'inspectionsConcluded', 'integer'],
      ['发现问题的检查（次）', 'inspectionsWithFindings', 'integer'],
      ['发现问题隐患（项）', 'findings', 'integer'],
      ['下达整改指令（份）', 'rectificationOrders', 'integer'],
      ['行政处罚决定（件）', 'penaltyDecisions', 'integer'],
      ['罚没金额', 'fineText'],
      ['撤回公示（件）', 'publicationsWithdrawn', 'integer'],
      ['信用修复（件）', 'creditRepairs', 'integer'],
      ['双随机抽取（批次）', 'draws', 'integer'],
      ['开放日与媒体观察（次）', 'openDays', 'integer'],
      ['答复意见建议（条）', 'suggestionsAnswered', 'integer'],
      ['发布日期', 'publishedOn', 'date'],
    ],
    rows: async (ctx) =>
      (await publicAnnualReports(ctx)).items.map((row) => ({
        organisationName: row.organisationName,
        year: row.year,
        ...row.figures,
        fineText: moneyText(row.figures.fineTotalFen),
        publishedOn: row.publishedOn,
      })),
  },
  'open-days': {
    columns: [
      ['活动', 'title'],
      ['类型', 'kindName'],
      ['举办日期', 'heldOn', 'date'],
      ['举办单位', 'organisationName'],
      ['提出人类别', 'categoryName'],
      ['意见建议', 'text'],
      ['答复', 'answer'],
      ['答复日期', 'answeredOn', 'date'],
    ],
    rows: async (ctx) =>
      (await publicOpenDays(ctx)).items.flatMap((day) =>
        day.suggestions.map((suggestion) => ({
          title: day.title,
          kindName: day.kindName,
          heldOn: day.heldOn,
          organisationName: day.organisationName,
          ...suggestion,
        })),
      ),
  },
  draws: {
    columns: [
      ['批次', 'title'],
      ['组织部门', 'organisationName'],
      ['状态', 'statusName'],
      ['检查日期', 'inspectionDate', 'date'],
      ['检查事项', 'matterText'],
      ['企业名录数', 'enterpriseCount', 'integer'],
      ['抽取企业数', 'sampleSize', 'integer'],
      ['名录哈希', 'poolHash', 'text'],
      ['公开随机数', 'publicEntropy', 'text'],
      ['随机种子', 'seed', 'text'],
    ],
    rows: async (ctx) =>
      (await allPages(async (page) => (await listPublicDraws(ctx, { page, pageSize: 100 })).items)).map(
        (row) => ({ ...row, matterText: row.matters.map((matter) => matter.name).join('、') }),
      ),
  },
  'annual-plans': {
    columns: [
      ['年度', 'year', 'integer'],
      ['属地', 'territoryName'],
      ['公布日期', 'publishedOn', 'date'],
      ['批准文号', 'approvalDocumentNumber', 'text'],
      ['重点检查企业数', 'keyEnterprises', 'integer'],
      ['重点检查次数', 'keyInspections', 'integer'],
      ['一般企业名录数', 'generalPool', 'integer'],
      ['双随机抽查计划数', 'generalPlanned', 'integer'],
      ['持证执法人员数', 'certifiedOfficers', 'integer'],
      ['检查事项', 'matterText'],
    ],
    rows: async (ctx) =>
      (await publishedAnnualPlans(ctx)).items.map((plan) => ({
        year: plan.year,
        territoryName: plan.territoryName,
        publishedOn: plan.publishedOn,
        approvalDocumentNumber: plan.approvalDocumentNumber,
        ...plan.totals,
        matterText: plan.matters.map((matter) => matter.name).join('、'),
      })),
  },
  'guide-list': {
    columns: [
      ['年度', 'year', 'integer'],
      ['企业名称', 'name'],
      ['统一社会信用代码', 'creditCode', 'text'],
      ['属地', 'territoryName'],
      ['分类', 'class'],
      ['执法层级', 'enforcementLevel'],
    ],
    rows: async (ctx) => {
      const lists = (await publishedGuideLists(ctx)).items;
      const latest = lists.map((list) => list.year).sort((a, b) => b - a)[0];
      const list = latest === undefined ? undefined : await publishedGuideList(ctx, latest);
      return (list?.entries ?? []).map((entry) => ({ year: list!.year, ...entry }));
    },
  },
};

export const openTable = async (ctx: AppContext, dataset: OpenDataset): Promise<OpenTable> => {
  const columns = datasets[dataset].columns.map(columnOf);
  const rows = await datasets[dataset].rows(ctx);
  return {
    name: OPEN_DATASET_NAMES[dataset],
    columns,
    rows: rows.map((row) =>
      Object.fromEntries(columns.map((column) => [column.key, cellOf(row[column.key])])),
    ),
  };
};

// CSV (RFC 4180) with a UTF-8 BOM; a cell a spreadsheet would run as a formula (=, +, -, @ first) is prefixed
// with an apostrophe, so a downloaded list never computes anything.
const csvCell = (value: XlsxRow[string]): string => {
  if (value === null || value === undefined) return '';
  const text = value instanceof Date ? value.toISOString().slice(0, 10) : String(value);
  const safe = /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
  return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
};

export const toCsv = (table: OpenTable): string =>
  '\uFEFF' +
  [
    table.columns.map((column) => csvCell(column.header)).join(','),
    ...table.rows.map((row) => table.columns.map((column) => csvCell(row[column.key])).join(',')),
  ].join('\r\n') +
  '\r\n';

export const toXlsx = (table: OpenTable): Readable =>
  streamWorkbook((workbook) =>
    writeListSheet(workbook, {
      name: table.name.slice(0, 31),
      title: table.name,
      columns: table.columns,
      rows: table.rows,
    }),
  );
