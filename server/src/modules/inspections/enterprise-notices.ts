import {
  checklistFeatures,
  checklistsFor,
  inspectionMatterByCode,
  inspectionMatterCatalog,
  mergedForm,
  mergedFormItems,
  inspectionMatterName,
  type InspectionStage,
} from '@inspecta/domain';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../platform/http/context.ts';
import { requireActor } from '../../platform/http/actor.ts';
import { mayReadOwnEnterpriseNotices, type Actor } from '../../platform/policy/policy.ts';
import { forbidden } from '../../platform/problems/problem.ts';
import {
  findApprovedPlansOf,
  findEnterpriseRow,
  findInspectionsOfEnterpriseInStages,
  findVisitsToRate,
} from './repository.ts';
import { ownVisitCode, RATABLE_STAGES } from './checkin/service.ts';

// Issue 5 item 4: where the matter allows notice, the enterprise sees the coming inspection in its portal, with
// the notice and a self-check list (the same merged form the officers will use, with how to fix each item),
// so it can put things right before anyone arrives. Unannounced visits (四不两直) never show here.

const ANNOUNCED_STAGES: InspectionStage[] = ['notified'];

export const enterpriseNotices = async (ctx: AppContext, actor: Actor) => {
  if (!mayReadOwnEnterpriseNotices(actor) || !actor.enterpriseId) throw forbidden();
  const enterprise = await findEnterpriseRow(ctx.db, actor.enterpriseId);
  if (!enterprise) return [];
  const rows = await findInspectionsOfEnterpriseInStages(ctx.db, enterprise.id, ANNOUNCED_STAGES);
  // the approved plan of each, one query; the latest version wins
  const plans = rows.length
    ? await findApprovedPlansOf(
        ctx.db,
        rows.map((row) => row.id),
      )
    : [];
  const result = [];
  for (const row of rows) {
    const plan = plans.find((candidate) => candidate.inspectionId === row.id);
    if (!plan || plan.content.unannounced) continue;
    const form = mergedForm(
      checklistsFor({
        matters: plan.content.matters,
        industry: enterprise.industry,
        features: checklistFeatures(enterprise),
      }),
    );
    result.push({
      inspectionId: row.id,
      bureau: plan.content.subjectName,
      scheduledAt: plan.content.scheduledAt,
      site: plan.content.site,
      matters: plan.content.matters.map((code) => ({
        code,
        name: inspectionMatterName(code),
        basis: inspectionMatterByCode(inspectionMatterCatalog, code)?.source ?? '',
      })),
      officers: plan.content.officers.map(({ name, certificate }) => ({ name, certificate })),
      selfCheck: mergedFormItems(form).map((item) => ({
        code: item.code,
        text: item.text,
        howToFix: item.howToFix,
        majorHiddenDanger: item.majorHiddenDanger,
        verified: item.verified,
      })),
    });
  }
  return result;
};

// issue 13 item 1: the visits over that the enterprise has not rated, each with the address of its check-in page,
// where the anonymous rating is given (the same code the officers showed at the door)
export const enterpriseVisitsToRate = async (ctx: AppContext, actor: Actor) => {
  if (!mayReadOwnEnterpriseNotices(actor) || !actor.enterpriseId) throw forbidden();
  const rows = await findVisitsToRate(ctx.db, actor.enterpriseId, RATABLE_STAGES);
  const visits = [];
  for (const row of rows) {
    const { path } = await ownVisitCode(ctx, actor, row.id);
    visits.push({
      inspectionId: row.id,
      bureau: row.organisationName,
      plannedOn: row.plannedOn,
      ratingPath: path,
    });
  }
  return visits;
};

const ZVisitToRateSchema = z.object({
  inspectionId: z.uuid(),
  bureau: z.string(),
  plannedOn: z.string(),
  ratingPath: z.string(),
});

const ZNoticeSchema = z.object({
  inspectionId: z.uuid(),
  bureau: z.string(),
  scheduledAt: z.string(),
  site: z.string(),
  matters: z.array(z.object({ code: z.string(), name: z.string(), basis: z.string() })),
  officers: z.array(z.object({ name: z.string(), certificate: z.string() })),
  selfCheck: z.array(
    z.object({
      code: z.string(),
      text: z.string(),
      howToFix: z.string(),
      majorHiddenDanger: z.boolean(),
      verified: z.boolean(),
    }),
  ),
});

export const enterpriseNoticeRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/enterprise/inspection-notices',
      {
        schema: {
          tags: ['onsite'],
          summary: '企业门户：已通知的检查（检查通知与自查清单）',
          response: { 200: z.array(ZNoticeSchema) },
        },
      },
      async (request) => enterpriseNotices(ctx, requireActor(request)),
    );
    app.get(
      '/enterprise/visits-to-rate',
      {
        schema: {
          tags: ['onsite'],
          summary: '企业门户：检查结束、尚未评价的检查（匿名评价入口）',
          response: { 200: z.array(ZVisitToRateSchema) },
        },
      },
      async (request) => enterpriseVisitsToRate(ctx, requireActor(request)),
    );
  };
