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

const col = (header: string, key: string, format?: XlsxColumn['format']): XlsxColumn =>
  format ? { header, key, format } : { header, key };

type Built = { columns: XlsxColumn[]; rows: Record<string, unknown>[] };

// a cell of the table: only the columns' keys are taken; a list is joined, a flag read 是/否
const cellOf = (value: unknown): XlsxRow[string] => {
  if (value === null || value === undefined) return null;
  if (Array.isArray(value)) return value.join('、');
  if (typeof value === 'boolean') return value ? '是' : '否';
  if (typeof value === 'number' || typeof value === 'string' || value instanceof Date) return value;
  return String(value);
};

const builders: Record<OpenDataset, (ctx: AppContext) => Promise<Built>> = {
  'penalty-decisions': async (ctx) => ({
    columns: [
      col('行政处罚决定书文号', 'documentNumber', 'text'),
      col('案件名称', 'caseName'),
      col('当事人类型', 'partyType'),
      col('当事人名称', 'partyName'),
      col('主要违法事实', 'facts'),
      col('处罚依据', 'basis'),
      col('处罚内容', 'decision'),
      col('处罚机关', 'authority'),
      col('处罚决定日期', 'decidedOn', 'date'),
      col('公示日期', 'publishedOn', 'date'),
      col('应公示期限', 'publishDue', 'date'),
      col('公示截止日期', 'publicUntil', 'date'),
    ],
    rows: await allPages(async (page) => (await listPublicDecisions(ctx, { page, pageSize: 100 })).items),
  }),
  'penalty-withdrawals': async (ctx) => ({
    columns: [
      col('行政处罚决定书文号', 'documentNumber', 'text'),
      col('处罚机关', 'authority'),
      col('撤回原因', 'groundName'),
      col('说明理由', 'reason'),
      col('变更、撤销等日期', 'groundOn', 'date'),
      col('应撤回期限', 'due', 'date'),
      col('撤回日期', 'withdrawnOn', 'date'),
      col('逾期', 'lateText'),
    ],
    rows: (await listPublicDecisions(ctx, { page: 1, pageSize: 1 })).withdrawals.map((row) => ({
      ...row,
      lateText: row.late ? '是' : '否',
    })),
  }),
  'inspection-results': async (ctx) => ({
    columns: [
      col('企业名称', 'enterpriseName'),
      col('检查部门', 'organisationName'),
      col('检查结论日期', 'concludedOn', 'date'),
      col('检查事项', 'matterText'),
      col('检查结果', 'resultSummary'),
      col('应公示期限', 'publishDue', 'date'),
    ],
    rows: (await allPages(async (page) => (await inspectionResults(ctx, { page, pageSize: 100 })).items)).map(
      (row) => ({ ...row, matterText: row.matters.join('、') }),
    ),
  }),
  'credit-repairs': async (ctx) => ({
    columns: [
      col('行政处罚决定书文号', 'documentNumber', 'text'),
      col('当事人名称', 'partyName'),
      col('处罚机关', 'authority'),
      col('处罚决定日期', 'decidedOn', 'date'),
      col('信用修复日期', 'repairedOn', 'date'),
    ],
    rows: (await creditRepairs(ctx, { page: 1, pageSize: 100 })).items,
  }),
  'discretion-benchmarks': async (ctx) => {
    const found = await benchmarks(ctx, { territory: '440700' });
    return {
      columns: [
        col('违法行为', 'violation'),
        col('处罚依据', 'provision'),
        col('法定处罚', 'penaltyText'),
        col('裁量阶次', 'tierName'),
        col('适用条件', 'conditions'),
        col('罚款幅度', 'band'),
        col('依据', 'source'),
        col('核实状态', 'verifiedText'),
        col('施行日期', 'effective', 'date'),
      ],
      rows: found.items.flatMap((item) =>
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
    };
  },
  'inspection-caps': async (ctx) => ({
    columns: [
      col('检查对象类别', 'className'),
      col('安全生产标准化等级', 'standardisation'),
      col('每年检查次数上限', 'perYear', 'integer'),
      col('依据', 'source'),
      col('核实状态', 'verifiedText'),
    ],
    rows: (await inspectionCaps(ctx)).caps.map((cap) => ({
      ...cap,
      verifiedText: cap.verified ? '已核实' : '待法制审核',
    })),
  }),
  'annual-reports': async (ctx) => ({
    columns: [
      col('执法部门', 'organisationName'),
      col('年度', 'year', 'integer'),
      col('完成行政检查（次）', 'inspectionsConcluded', 'integer'),
      col('发现问题的检查（次）', 'inspectionsWithFindings', 'integer'),
      col('发现问题隐患（项）', 'findings', 'integer'),
      col('下达整改指令（份）', 'rectificationOrders', 'integer'),
      col('行政处罚决定（件）', 'penaltyDecisions', 'integer'),
      col('罚没金额', 'fineText'),
      col('撤回公示（件）', 'publicationsWithdrawn', 'integer'),
      col('信用修复（件）', 'creditRepairs', 'integer'),
      col('双随机抽取（批次）', 'draws', 'integer'),
      col('开放日与媒体观察（次）', 'openDays', 'integer'),
      col('答复意见建议（条）', 'suggestionsAnswered', 'integer'),
      col('发布日期', 'publishedOn', 'date'),
    ],
    rows: (await publicAnnualReports(ctx)).items.map((row) => ({
      organisationName: row.organisationName,
      year: row.year,
      ...row.figures,
      fineText: moneyText(row.figures.fineTotalFen),
      publishedOn: row.publishedOn,
    })),
  }),
  'open-days': async (ctx) => ({
    columns: [
      col('活动', 'title'),
      col('类型', 'kindName'),
      col('举办日期', 'heldOn', 'date'),
      col('举办单位', 'organisationName'),
      col('提出人类别', 'categoryName'),
      col('意见建议', 'text'),
      col('答复', 'answer'),
      col('答复日期', 'answeredOn', 'date'),
    ],
    rows: (await publicOpenDays(ctx)).items.flatMap((day) =>
      day.suggestions.map((suggestion) => ({
        title: day.title,
        kindName: day.kindName,
        heldOn: day.heldOn,
        organisationName: day.organisationName,
        ...suggestion,
      })),
    ),
  }),
  draws: async (ctx) => ({
    columns: [
      col('批次', 'title'),
      col('组织部门', 'organisationName'),
      col('状态', 'statusName'),
      col('检查日期', 'inspectionDate', 'date'),
      col('检查事项', 'matterText'),
      col('企业名录数', 'enterpriseCount', 'integer'),
      col('抽取企业数', 'sampleSize', 'integer'),
      col('名录哈希', 'poolHash', 'text'),
      col('公开随机数', 'publicEntropy', 'text'),
      col('随机种子', 'seed', 'text'),
    ],
    rows: (await allPages(async (page) => (await listPublicDraws(ctx, { page, pageSize: 100 })).items)).map(
      (row) => ({ ...row, matterText: row.matters.map((matter) => matter.name).join('、') }),
    ),
  }),
  'annual-plans': async (ctx) => ({
    columns: [
      col('年度', 'year', 'integer'),
      col('属地', 'territoryName'),
      col('公布日期', 'publishedOn', 'date'),
      col('批准文号', 'approvalDocumentNumber', 'text'),
      col('重点检查企业数', 'keyEnterprises', 'integer'),
      col('重点检查次数', 'keyInspections', 'integer'),
      col('一般企业名录数', 'generalPool', 'integer'),
      col('双随机抽查计划数', 'generalPlanned', 'integer'),
      col('持证执法人员数', 'certifiedOfficers', 'integer'),
      col('检查事项', 'matterText'),
    ],
    rows: (await publishedAnnualPlans(ctx)).items.map((plan) => ({
      year: plan.year,
      territoryName: plan.territoryName,
      publishedOn: plan.publishedOn,
      approvalDocumentNumber: plan.approvalDocumentNumber,
      ...plan.totals,
      matterText: plan.matters.map((matter) => matter.name).join('、'),
    })),
  }),
  'guide-list': async (ctx) => {
    const lists = (await publishedGuideLists(ctx)).items;
    const latest = lists.map((list) => list.year).sort((a, b) => b - a)[0];
    const list = latest === undefined ? undefined : await publishedGuideList(ctx, latest);
    return {
      columns: [
        col('年度', 'year', 'integer'),
        col('企业名称', 'name'),
        col('统一社会信用代码', 'creditCode', 'text'),
        col('属地', 'territoryName'),
        col('分类', 'class'),
        col('执法层级', 'enforcementLevel'),
      ],
      rows: (list?.entries ?? []).map((entry) => ({ year: list!.year, ...entry })),
    };
  },
};

export const openTable = async (ctx: AppContext, dataset: OpenDataset): Promise<OpenTable> => {
  const built = await builders[dataset](ctx);
  return {
    name: OPEN_DATASET_NAMES[dataset],
    columns: built.columns,
    rows: built.rows.map((row) =>
      Object.fromEntries(built.columns.map((column) => [column.key, cellOf(row[column.key])])),
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
