import type { z } from 'zod';
import {
  ANNUAL_REPORT_STATE_NAMES,
  annualReportDueOn,
  annualReportState,
  disclosureCatalog,
  gradingCatalog,
  inspectionMatterName,
  moneyText,
  publicationDue,
  redactText,
  reportYearOf,
  territoryName,
  type StatutoryCalendar,
} from '@inspecta/domain';
import { loadCalendar } from '../../platform/calendar/calendar.ts';
import type { Db, Tx } from '../../platform/db/client.ts';
import { scopeCondition } from '../../platform/db/scope.ts';
import type { AppContext } from '../../platform/http/context.ts';
import { shanghaiDate } from '../../platform/http/dates.ts';
import { appendAuditEvent } from '../../platform/audit/service.ts';
import { assertMayUse, mayUse, type Actor } from '../../platform/policy/policy.ts';
import { problem } from '../../platform/problems/problem.ts';
import { publicBenchmarks } from '../cases/index.ts';
import type { ZBenchmarkQuerySchema, ZTerritoryQuerySchema } from './model.ts';
import { OPEN_DATASET_NAMES } from './open-data-names.ts';
import {
  annualReportColumns,
  findAnnualReport,
  findBureau,
  listAnnualReportsOf,
  listBureaus,
  listConcludedInspections,
  listPublishedAnnualReports,
  listRepairedPublications,
  markPublished,
  upsertAnnualReport,
  yearFigures,
  type AnnualReportRow,
} from './repository.ts';
import type { AnnualReportFigures } from './schema.ts';

// Measure 29 (政务公开): the portal's own lists. Each answers only the public fields of its schema, with personal
// data removed (redactText) and the period of the Guangdong 公示办法 shown beside the date it runs from.

export const portal = (ctx: AppContext) => {
  const today = shanghaiDate(ctx.clock.now());
  const year = reportYearOf(today);
  return {
    today,
    periods: disclosureCatalog.periods.map((period) => ({
      code: period.code,
      name: period.name,
      workdays: period.workdays,
      source: period.source,
      verified: period.verified,
    })),
    annualReport: {
      year,
      dueOn: annualReportDueOn(year),
      source: disclosureCatalog.annualReport.source,
      verified: disclosureCatalog.annualReport.verified,
    },
    redaction: { source: disclosureCatalog.redaction.source, verified: disclosureCatalog.redaction.verified },
    datasets: Object.entries(OPEN_DATASET_NAMES).map(([code, name]) => ({ code, name })),
  };
};

const resultDue = (concludedOn: string, calendar: StatutoryCalendar) => {
  const due = publicationDue('inspection_result_publication', concludedOn, { calendar });
  return due.ok ? due.due : null;
};

// 公示办法 第二十一条: an inspection's result is public from its conclusion (well within 20 workdays): the
// enterprise, the date, the matters and the summary, with any identity or telephone number removed
export const inspectionResults = async (ctx: AppContext, query: z.infer<typeof ZTerritoryQuerySchema>) => {
  const calendar = await loadCalendar(ctx.db);
  const rows = await listConcludedInspections(ctx.db, {
    territory: query.territory,
    limit: query.pageSize,
    offset: (query.page - 1) * query.pageSize,
  });
  return {
    items: rows.map((row) => ({
      id: row.id,
      enterpriseName: row.enterpriseName,
      organisationName: row.organisationName,
      concludedOn: row.completedOn!,
      matters: row.matters.map((code) => inspectionMatterName(code)),
      resultSummary: redactText(row.resultSummary ?? '未发现问题'),
      publishDue: resultDue(row.completedOn!, calendar),
    })),
    page: query.page,
    pageSize: query.pageSize,
  };
};

export const creditRepairs = async (ctx: AppContext, query: z.infer<typeof ZTerritoryQuerySchema>) => {
  const rows = await listRepairedPublications(ctx.db, { territory: query.territory, limit: 200 });
  return {
    items: rows.map((row) => ({
      id: row.id,
      documentNumber: row.documentNumber,
      partyName: /自然人|个人|个体/.test(row.partyType)
        ? redactText(row.partyName, [row.partyName])
        : row.partyName,
      authority: row.authority,
      decidedOn: row.decidedOn,
      repairedOn: row.repairedOn!,
    })),
  };
};

export const benchmarks = async (ctx: AppContext, query: z.infer<typeof ZBenchmarkQuerySchema>) => ({
  territory: query.territory,
  territoryName: territoryName(query.territory) ?? query.territory,
  on: shanghaiDate(ctx.clock.now()),
  items: await publicBenchmarks(ctx.db, query.territory, shanghaiDate(ctx.clock.now())),
});

const className = (code: string) =>
  gradingCatalog.enforcementClasses.find((entry) => entry.code === code)?.name ?? code;

// each bureau's yearly caps per enterprise (措施第二十四项 and 国办发〔2024〕54号: published); the catalogue's caps
// apply to every bureau of the city
export const inspectionCaps = async (ctx: AppContext) => {
  const bureaus = await listBureaus(ctx.db);
  const allowance = gradingCatalog.inspectionAllowance;
  return {
    bureaus: bureaus.map((bureau) => ({
      name: bureau.name,
      territory: bureau.territory,
      territoryName: territoryName(bureau.territory) ?? bureau.territory,
    })),
    caps: allowance.caps.map((cap) => ({
      code: cap.code,
      className: className(cap.class),
      standardisation:
        cap.standardisation === 'none'
          ? '未定级'
          : `安全生产标准化${['', '一', '二', '三'][cap.standardisation]}级`,
      perYear: cap.perYear,
      source: cap.source,
      verified: cap.verified,
    })),
    minimum: allowance.minimum.map((entry) => ({
      code: entry.code,
      className: className(entry.class),
      count: entry.count,
      perYears: entry.perYears,
      source: entry.source,
      verified: entry.verified,
    })),
  };
};

export const publicAnnualReports = async (ctx: AppContext) => ({
  items: (await listPublishedAnnualReports(ctx.db)).map((row) => {
    const dueOn = annualReportDueOn(row.year);
    return {
      id: row.id,
      organisationName: row.organisationName,
      territoryName: territoryName(row.territory) ?? row.territory,
      year: row.year,
      figures: row.figures,
      analysis: row.analysis,
      publishedOn: row.publishedOn!,
      dueOn,
      late: row.publishedOn! > dueOn,
    };
  }),
});

// The report's text from the figures: what was done, what was found, how it was followed up.
export const analysisOf = (bureau: string, year: number, f: AnnualReportFigures): string => {
  const rate = f.inspectionsConcluded
    ? `${Math.round((f.inspectionsWithFindings / f.inspectionsConcluded) * 1000) / 10}%`
    : '—';
  return [
    `${year}年，${bureau}共完成涉企行政检查${f.inspectionsConcluded}次（其中双随机抽取${f.draws}批次），发现问题的检查${f.inspectionsWithFindings}次（${rate}），发现问题隐患${f.findings}项，下达整改指令${f.rectificationOrders}份。`,
    `作出行政处罚决定${f.penaltyDecisions}件，罚没金额${moneyText(f.fineTotalFen)}；因处罚决定变更、撤销撤回公示${f.publicationsWithdrawn}件，完成信用修复${f.creditRepairs}件。`,
    `举办执法开放日、媒体观察活动${f.openDays}次，答复并公开意见建议${f.suggestionsAnswered}条。`,
    '以上数据由平台按本年度已办结事项自动统计。',
  ].join('\n');
};

const bureauOf = async (db: Db | Tx, actor: Actor) => {
  const bureau = actor.organisationId ? await findBureau(db, actor.organisationId) : undefined;
  if (!bureau) throw problem('ANNUAL_REPORT_NO_BUREAU');
  return bureau;
};

const reportView = (
  actor: Actor,
  bureau: { id: string; name: string },
  year: number,
  row: AnnualReportRow | undefined,
  today: string,
) => {
  const state = annualReportState({ year, publishedOn: row?.publishedOn ?? null, today });
  const open = state !== 'published' && state !== 'published_late' && state !== 'not_due';
  return {
    id: row?.id ?? null,
    organisationId: bureau.id,
    organisationName: bureau.name,
    year,
    dueOn: annualReportDueOn(year),
    state,
    stateName: ANNUAL_REPORT_STATE_NAMES[state],
    figures: row?.figures ?? null,
    analysis: row?.analysis ?? null,
    generatedAt: row?.generatedAt.toISOString() ?? null,
    generatedByName: row?.generatedByName ?? null,
    publishedOn: row?.publishedOn ?? null,
    publishedByName: row?.publishedByName ?? null,
    source: disclosureCatalog.annualReport.source,
    mayGenerate: open && mayUse(actor, 'annual_report', 'create'),
    mayPublish: open && row !== undefined && mayUse(actor, 'annual_report', 'publish'),
  };
};

// the bureau's reports: last year's (due, overdue or published) first, then the earlier ones
export const annualReportsOf = async (ctx: AppContext, actor: Actor) => {
  assertMayUse(actor, 'annual_report', 'read');
  const today = shanghaiDate(ctx.clock.now());
  const bureau = await bureauOf(ctx.db, actor);
  const rows = await listAnnualReportsOf(ctx.db, scopeCondition(actor, 'annual_report', annualReportColumns));
  const own = rows.filter((row) => row.organisationId === bureau.id);
  const year = reportYearOf(today);
  const years = [...new Set([year, ...own.map((row) => row.year)])].sort((a, b) => b - a);
  return {
    items: years.map((y) =>
      reportView(
        actor,
        bureau,
        y,
        own.find((row) => row.year === y),
        today,
      ),
    ),
  };
};

export const generateAnnualReport = async (ctx: AppContext, actor: Actor, year: number) => {
  assertMayUse(actor, 'annual_report', 'create');
  const now = ctx.clock.now();
  const today = shanghaiDate(now);
  if (year > reportYearOf(today)) throw problem('ANNUAL_REPORT_YEAR');
  return ctx.db.transaction(async (tx) => {
    const bureau = await bureauOf(tx, actor);
    const existing = await findAnnualReport(tx, bureau.id, year, true);
    if (existing?.status === 'published') throw problem('ANNUAL_REPORT_PUBLISHED');
    const figures = await yearFigures(tx, bureau.territory, year);
    const row = await upsertAnnualReport(tx, {
      organisationId: bureau.id,
      organisationName: bureau.name,
      territory: bureau.territory,
      year,
      figures,
      analysis: analysisOf(bureau.name, year, figures),
      status: 'draft',
      generatedAt: now,
      generatedByName: actor.displayName,
    });
    await appendAuditEvent(tx, {
      actor: { id: actor.id, displayName: actor.displayName },
      action: 'annual_report.generated',
      entityType: 'annual_report',
      entityId: row.id,
      territory: row.territory,
      payload: { year },
      at: now,
    });
    return reportView(actor, bureau, year, row, today);
  });
};

export const publishAnnualReport = async (ctx: AppContext, actor: Actor, year: number) => {
  assertMayUse(actor, 'annual_report', 'publish');
  const now = ctx.clock.now();
  const today = shanghaiDate(now);
  return ctx.db.transaction(async (tx) => {
    const bureau = await bureauOf(tx, actor);
    const existing = await findAnnualReport(tx, bureau.id, year, true);
    if (!existing) throw problem('ANNUAL_REPORT_NOT_GENERATED');
    if (existing.status === 'published') throw problem('ANNUAL_REPORT_PUBLISHED');
    const row = await markPublished(tx, existing.id, {
      publishedOn: today,
      publishedAt: now,
      publishedById: actor.id,
      publishedByName: actor.displayName,
    });
    const dueOn = annualReportDueOn(year);
    await appendAuditEvent(tx, {
      actor: { id: actor.id, displayName: actor.displayName },
      action: 'annual_report.published',
      entityType: 'annual_report',
      entityId: row.id,
      territory: row.territory,
      payload: { year, publishedOn: today, dueOn, late: today > dueOn },
      at: now,
    });
    return reportView(actor, bureau, year, row, today);
  });
};

// the workbench: last year's report of the bureau head's or legal reviewer's bureau while it is unpublished after
// the year ended (urgent once 31 January has passed)
export const annualReportWaiting = async (ctx: AppContext, actor: Actor) => {
  const today = shanghaiDate(ctx.clock.now());
  const year = reportYearOf(today);
  const bureau = actor.organisationId ? await findBureau(ctx.db, actor.organisationId) : undefined;
  if (!bureau) return { count: 0, rows: [], overdue: false };
  const row = await findAnnualReport(ctx.db, bureau.id, year);
  const state = annualReportState({ year, publishedOn: row?.publishedOn ?? null, today });
  if (state !== 'due' && state !== 'overdue') return { count: 0, rows: [], overdue: false };
  return {
    count: 1,
    overdue: state === 'overdue',
    rows: [
      {
        id: row?.id ?? `${bureau.id}:${year}`,
        title: `${bureau.name}${year}年度行政执法数据及分析报告（${ANNUAL_REPORT_STATE_NAMES[state]}）`,
        date: annualReportDueOn(year),
        inspectionId: null,
      },
    ],
  };
};
