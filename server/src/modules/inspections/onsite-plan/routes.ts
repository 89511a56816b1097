import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../../platform/http/context.ts';
import { requireActor } from '../../../platform/http/actor.ts';
import { ZNoBodySchema } from '../../../platform/http/paging.ts';
import {
  arrive,
  checkInCodeFor,
  publicCheckIn,
  publicSigningKeys,
  rateVisit,
  ratingStatistics,
} from '../checkin/service.ts';
import {
  ZArriveSchema,
  ZPublicCheckInSchema,
  ZRatingSchema,
  ZRatingStatisticsSchema,
  ZSigningKeySchema,
  ZTokenParamsSchema,
} from '../checkin/model.ts';
import {
  ZDecidePlanSchema,
  ZDraftPlanSchema,
  ZNoticeResultSchema,
  ZNotifySchema,
  ZOnsiteOverviewSchema,
  ZOnsitePlanSchema,
  ZUrgentStartSchema,
} from './model.ts';
import { delegationRoutes } from './delegations.ts';
import { startUrgentVisit } from './start-urgently.ts';
import { decidePlan } from './decide-plan.ts';
import { draftPlan, plansFromDraw } from './draft-plan.ts';
import { notifyEnterprise } from './notify-enterprise.ts';
import { onsiteOverview } from './onsite-overview.ts';
import { submitPlan } from './submit-plan.ts';
import { timelineRoutes } from '../timeline.ts';
import { enterpriseNoticeRoutes } from '../enterprise-notices.ts';
import { remoteCheckRoutes } from '../remote-check.ts';
import { anonymous } from '../../../platform/http/openapi.ts';
import { sessionOptional } from '../../../platform/http/openapi.ts';

const tags = ['onsite'];
const ZIdParamsSchema = z.object({ id: z.string().max(64) });
const plan = { 200: ZOnsitePlanSchema };

// Issue 5 items 1–4: the on-site plan and its approval (measure 11), the notice, the check-in code (亮码入企).
export const onsitePlanRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    await app.register(timelineRoutes(ctx));
    await app.register(enterpriseNoticeRoutes(ctx));
    await app.register(remoteCheckRoutes(ctx));
    await app.register(delegationRoutes(ctx));
    app.get(
      '/inspections/:id/onsite',
      {
        schema: {
          tags,
          summary: '检查的现场环节：状态、下一步、现场检查方案与各项前置条件核对',
          params: ZIdParamsSchema,
          response: { 200: ZOnsiteOverviewSchema },
        },
      },
      async (request) => onsiteOverview(ctx, requireActor(request), request.params.id),
    );
    app.post(
      '/inspections/:id/onsite-plan',
      {
        schema: {
          tags,
          summary: '草拟（或修改）现场检查方案（措施第十一项）',
          params: ZIdParamsSchema,
          body: ZDraftPlanSchema,
          response: plan,
        },
      },
      async (request) => draftPlan(ctx, requireActor(request), request.params.id, request.body),
    );
    app.post(
      '/inspections/:id/onsite-plan/submit',
      {
        schema: {
          tags,
          summary: '提交现场检查方案待部门负责人审批（提交前即核对前置条件）',
          params: ZIdParamsSchema,
          body: ZNoBodySchema,
          response: plan,
        },
      },
      async (request) => submitPlan(ctx, requireActor(request), request.params.id),
    );
    app.post(
      '/inspections/:id/onsite-plan/decision',
      {
        schema: {
          tags,
          summary:
            '部门负责人（或受其委托的科室负责人）批准（可附意见）或退回（须写明理由）现场检查方案；拟定人不能审批',
          params: ZIdParamsSchema,
          body: ZDecidePlanSchema,
          response: plan,
        },
      },
      async (request) => decidePlan(ctx, requireActor(request), request.params.id, request.body),
    );
    app.post(
      '/inspections/:id/onsite-plan/urgent-start',
      {
        schema: {
          tags,
          summary:
            '紧急情况先行检查：记录理由，现场检查方案由部门负责人事后补批（措施第十一项“原则上”，补批时限见目录）',
          params: ZIdParamsSchema,
          body: ZUrgentStartSchema,
          response: plan,
        },
      },
      async (request) => startUrgentVisit(ctx, requireActor(request), request.params.id, request.body),
    );
    app.post(
      '/inspections/:id/notify',
      {
        schema: {
          tags,
          summary: '送达检查通知与自查清单，或记录不打招呼（四不两直）的理由',
          params: ZIdParamsSchema,
          body: ZNotifySchema,
          response: { 200: ZNoticeResultSchema },
        },
      },
      async (request) => notifyEnterprise(ctx, requireActor(request), request.params.id, request.body),
    );
    app.post(
      '/draws/:id/onsite-plans',
      {
        schema: {
          tags,
          summary: '一键为抽取结果中的每项检查生成现场检查方案草稿',
          params: ZIdParamsSchema,
          body: ZNoBodySchema,
          response: { 200: z.object({ drafted: z.number().int() }) },
        },
      },
      async (request) => plansFromDraw(ctx, requireActor(request), request.params.id),
    );
    app.get(
      '/inspections/:id/checkin-code',
      {
        schema: {
          tags,
          summary: '检查码（亮码入企）：经本局密钥签名，企业扫码核验',
          params: ZIdParamsSchema,
          response: { 200: z.object({ token: z.string(), path: z.string(), expiresOn: z.string() }) },
        },
      },
      async (request) => checkInCodeFor(ctx, requireActor(request), request.params.id),
    );
    app.get(
      '/public/signing-keys',
      {
        schema: {
          security: anonymous,
          tags: ['public'],
          summary: '公开：检查码签名公钥（Ed25519），供离线核验',
          response: { 200: z.array(ZSigningKeySchema) },
        },
      },
      async () => publicSigningKeys(ctx),
    );
    app.get(
      '/public/checkin/:token',
      {
        schema: {
          security: sessionOptional,
          tags: ['public'],
          summary: '公开：扫码核验检查码，查看执法人员、检查事项与依据',
          params: ZTokenParamsSchema,
          response: { 200: ZPublicCheckInSchema },
        },
      },
      async (request) => publicCheckIn(ctx, request.actor, request.params.token),
    );
    app.post(
      '/public/checkin/:token/arrive',
      {
        schema: {
          tags: ['public'],
          summary: '被检查企业（本企业账号登录）扫码登记执法人员到达时间与地点（再次核对前置条件）',
          params: ZTokenParamsSchema,
          body: ZArriveSchema,
          response: {
            200: z.object({ arrived: z.boolean(), checkedInAt: z.string(), already: z.boolean() }),
          },
        },
      },
      async (request) => arrive(ctx, request.actor, request.params.token, request.body),
    );
    app.post(
      '/public/checkin/:token/rating',
      {
        schema: {
          tags: ['public'],
          summary: '被检查企业（本企业账号登录）在检查结束后匿名评价一次',
          params: ZTokenParamsSchema,
          body: ZRatingSchema,
          response: { 201: z.object({ rated: z.boolean() }) },
        },
      },
      async (request, reply) =>
        reply.status(201).send(await rateVisit(ctx, request.actor, request.params.token, request.body)),
    );
    app.get(
      '/ratings/statistics',
      {
        schema: {
          tags,
          summary: '企业评价统计（法制审核可见；不显示评价者）',
          response: { 200: ZRatingStatisticsSchema },
        },
      },
      async (request) => ratingStatistics(ctx, requireActor(request)),
    );
  };
