import {
  annualPlanItems,
  computeAnnualPlan,
  linkCountyPlan,
  newPlanRecord,
  planningCatalog,
  territoryLevel,
  territoryName,
  type AnnualPlan,
  type ComputeAnnualPlanInput,
  type GradingResult,
  type PlanningEnterprise,
  type StatutoryCalendar,
  inspectionMatterName,
} from '@inspecta/domain';
import type { z } from 'zod';
import { loadCalendar } from '../../platform/calendar/calendar.ts';
import type { AppContext } from '../../platform/http/context.ts';
import { assertMayUse, type Actor } from '../../platform/policy/policy.ts';
import { scopeCondition } from '../../platform/db/scope.ts';
import { problem, refused } from '../../platform/problems/problem.ts';
import { appendAuditEvent } from '../../platform/audit/service.ts';
import type { Tx } from '../../platform/db/client.ts';
import { bureauRosterCondition, eligibility, findOfficersWithCertificates } from '../officers/index.ts';
import { annualPlanInForce, annualPlanSummary, type AnnualPlanRow } from './annual-plan-store.ts';
import type { ZComputeAnnualPlanSchema } from './model.ts';
import { annualPlans, type AnnualPlanInputRecord, type AnnualPlanLink } from './schema.ts';
import {
  findBureauName,
  findEnterprisesWithGrades,
  findNewestAnnualPlan,
  insertAnnualPlan,
  listAnnualPlanRows,
  listPublishedAnnualPlanRows,
  updateAnnualPlan,
} from './repository.ts';

// measure 1: the bureau computes its annual plan from its people and its enterprises (the domain does the
// arithmetic); measure 5: key enterprises fully covered, the others by double-random batches.

type ComputeBody = z.infer<typeof ZComputeAnnualPlanSchema>;

const cityOf = (county: string): string => `${county.slice(0, 4)}00`;

// measure 10: an officer counts when the domain's mayInspect allows them on the first day of the plan year.
const rosterFor = async (tx: Tx, territory: string, eligibilityDate: string) => {
  const { rows, certs } = await findOfficersWithCertificates(tx, bureauRosterCondition(territory), {
    byName: true,
  });
  return rows.map((officer) => {
    const answer = eligibility(
      officer,
      certs.filter((c) => c.officerId === officer.id),
      eligibilityDate,
    );
    return {
      officerId: officer.id,
      name: officer.name,
      mayInspect: answer.ok,
      reason: 'message' in answer ? answer.message : null,
    };
  });
};

// The enterprises the bureau plans for, with their grades. A city plans those it leads (city_organised) and
// those registered directly under it; a county plans every enterprise of its territory (less what the city
// covers, see linkToCity). Ungraded enterprises are counted, not planned.
const enterprisesFor = async (tx: Tx, territory: string, isCity: boolean) => {
  const rows = await findEnterprisesWithGrades(tx, territory);
  const planned: PlanningEnterprise[] = [];
  let ungraded = 0;
  for (const row of rows) {
    if (row.result === null) {
      ungraded += 1;
      continue;
    }
    const grade = row.result as GradingResult;
    if (isCity && grade.enforcementLevel !== 'city_organised' && row.territory !== territory) continue;
    planned.push({
      enterpriseId: row.id,
      name: row.name,
      territory: row.territory,
      grading: { class: grade.class, enforcementLevel: grade.enforcementLevel, allowance: grade.allowance },
      // no inspection is on record yet (the inspection capability comes later)
      lastInspectedOn: null,
    });
  }
  return { planned, ungraded };
};

const run = (input: ComputeAnnualPlanInput, calendar: StatutoryCalendar): AnnualPlan => {
  const result = computeAnnualPlan(input, { catalog: planningCatalog, calendar });
  if (!result.ok) throw refused(result);
  return result.plan;
};

// measure 1 (衔接): a county plan leaves out what the city plan in force already covers, and records the link.
const linkToCity = (city: AnnualPlanRow, input: ComputeAnnualPlanInput, calendar: StatutoryCalendar) => {
  const draft = run(input, calendar);
  const linked = linkCountyPlan({
    cityPlan: {
      planId: city.id,
      territory: city.territory,
      year: city.year,
      items: annualPlanItems(city.document),
    },
    countyPlan: {
      planId: 'draft',
      territory: input.bureau.territory,
      year: input.year,
      items: annualPlanItems(draft),
    },
  });
  if (!linked.ok) throw refused(linked);
  const stillPlanned = new Set(linked.items.map((item) => item.enterpriseId));
  const covered = new Set(
    linked.excluded.map((e) => e.item.enterpriseId).filter((id) => !stillPlanned.has(id)),
  );
  const link: AnnualPlanLink = {
    cityPlanId: city.id,
    cityPlanVersion: city.version,
    excluded: linked.excluded,
  };
  return { enterprises: input.enterprises.filter((e) => !covered.has(e.enterpriseId)), link };
};

const bureauName = async (tx: Tx, territory: string) => {
  const name = await findBureauName(tx, territory);
  return name ?? `${territoryName(territory) ?? territory}应急管理部门`;
};

// The workdays entered go to the category list they belong to; an unknown code is left for the domain to refuse.
const splitWorkdays = (workdays: Record<string, number>) => {
  const isNon = (code: string) => planningCatalog.nonEnforcementCategories.some((c) => c.code === code);
  const entries = Object.entries(workdays).map(([category, days]) => ({ category, workdays: days }));
  return { other: entries.filter((e) => !isNon(e.category)), non: entries.filter((e) => isNon(e.category)) };
};

// Computes the year's plan into a new draft (version 1), or recomputes the current draft version.
export const computeAnnualPlanFor = async (ctx: AppContext, actor: Actor, body: ComputeBody) => {
  assertMayUse(actor, 'annual_plan', 'create');
  const level = territoryLevel(actor.territory);
  if (level === 'province') throw problem('ANNUAL_PLAN_LEVEL_UNSUPPORTED', { measure: 1 });
  return ctx.db.transaction(async (tx) => {
    const latest = await findNewestAnnualPlan(tx, actor.territory, body.year);
    if (latest && latest.status !== 'draft') {
      throw problem(
        'ANNUAL_PLAN_NOT_DRAFT',
        { year: body.year, version: latest.version, superseded: latest.status === 'superseded' },
        { detail: '已公布的计划请以新版本调整（写明理由）；已报送未批准的计划可退回修改' },
      );
    }
    const eligibilityDate = `${body.year}-01-01`;
    // issue 11 item 12: a year without a holiday table is computed weekends only, marked 待国务院公布
    const calendar = await loadCalendar(tx);
    const roster = await rosterFor(tx, actor.territory, eligibilityDate);
    const { planned, ungraded } = await enterprisesFor(tx, actor.territory, level === 'city');
    const { other, non } = splitWorkdays(body.workdays);
    let input: ComputeAnnualPlanInput = {
      year: body.year,
      bureau: { territory: actor.territory, name: await bureauName(tx, actor.territory) },
      officers: { roster: roster.map(({ officerId, mayInspect }) => ({ officerId, mayInspect })) },
      otherEnforcementWorkdays: other,
      nonEnforcementWorkdays: non,
      enterprises: planned,
    };
    let link: AnnualPlanLink | null = null;
    const city =
      level === 'county' ? await annualPlanInForce(tx, cityOf(actor.territory), body.year) : undefined;
    if (city) {
      const linked = linkToCity(city, input, calendar);
      input = { ...input, enterprises: linked.enterprises };
      link = linked.link;
    }
    const document = run(input, calendar);
    const now = ctx.clock.now();
    const stored: AnnualPlanInputRecord = {
      workdays: body.workdays,
      officers: roster,
      eligibilityDate,
      ungradedEnterprises: ungraded,
    };
    const values = { document, input: stored, link, computedAt: now, computedByName: actor.displayName };
    const row = latest
      ? await updateAnnualPlan(tx, latest.id, values)
      : await insertAnnualPlan(tx, {
          ...values,
          year: body.year,
          territory: actor.territory,
          version: 1,
          status: 'draft',
          record: newPlanRecord('annual'),
          createdAt: now,
        });
    await appendAuditEvent(tx, {
      actor,
      action: 'plan.annual.computed',
      entityType: 'annual_plan',
      entityId: row.id,
      territory: row.territory,
      payload: {
        year: body.year,
        version: row.version,
        workdays: body.workdays,
        totals: document.totals,
        linkedTo: link?.cityPlanId ?? null,
      },
      at: now,
    });
    return row;
  });
};

export const listAnnualPlans = async (ctx: AppContext, actor: Actor, year: number | undefined) => {
  const rows = await listAnnualPlanRows(ctx.db, {
    scope: scopeCondition(actor, 'annual_plan', { territory: annualPlans.territory }),
    year,
  });
  return { items: rows.map(annualPlanSummary) };
};

// Public (事前公开): totals and matters of published plans; no enterprise, officer or workday entry.
export const publishedAnnualPlans = async (ctx: AppContext) => {
  const rows = await listPublishedAnnualPlanRows(ctx.db);
  return {
    items: rows.map((row) => {
      const { totals, ratio } = row.document;
      const codes = [
        ...new Set([...row.document.keyInspections, ...row.document.generalPool].flatMap((e) => e.matters)),
      ].sort();
      return {
        year: row.year,
        territory: row.territory,
        territoryName: territoryName(row.territory) ?? row.territory,
        version: row.version,
        publishedOn: row.record.publishedOn ?? '',
        approvalDocumentNumber: row.record.approval?.documentNumber ?? null,
        totals: {
          statutoryWorkdays: totals.statutoryWorkdays,
          certifiedOfficers: totals.certifiedOfficers,
          inspectionWorkdays: totals.inspectionWorkdays,
          keyEnterprises: totals.keyEnterprises,
          keyInspections: totals.keyInspections,
          generalPool: totals.generalPool,
          generalPlanned: totals.generalPlanned,
        },
        ratio: { numerator: ratio.numerator, denominator: ratio.denominator },
        matters: codes.map((code) => ({ code, name: inspectionMatterName(code) })),
      };
    }),
  };
};
