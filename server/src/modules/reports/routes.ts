import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { territories } from '@inspecta/domain';
import {
  ACCIDENT_GRADES,
  REPORT_KIND_NAMES,
  REPORT_KINDS,
  REPORT_OUTCOMES,
  REPORT_STATES,
  REWARD_KINDS,
} from '@inspecta/domain/reports';
import type { AppContext } from '../../platform/http/context.ts';
import { requireActor } from '../../platform/http/actor.ts';
import { ZDateSchema } from '../../platform/http/dates.ts';
import { pageOf, ZBooleanQuerySchema, ZPageQuerySchema } from '../../platform/http/paging.ts';
import { readEvidenceUpload } from '../inspections/index.ts';
import {
  enterprisesLackingInternalReporting,
  internalReportingOf,
  recordInternalPayout,
  registerInternalReporting,
} from './internal-reporting.ts';
import {
  addReportPhoto,
  decideExtension,
  decideReward,
  followReport,
  getReport,
  handleReport,
  listReports,
  notifyReward,
  openCaseForReport,
  openInspectionFromReport,
  previewReward,
  proposeReward,
  readReporterIdentity,
  recordRewardPayment,
  reportPhoto,
  requestExtension,
  searchPublicEnterprises,
  submitReport,
  waiveReward,
} from './service.ts';

const tags = ['reports'];
const publicTags = ['public'];
const ZIdParamsSchema = z.object({ id: z.string().max(64) });
const short = (max: number) => z.string().trim().max(max);
const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .nullish()
    .transform((value) => (value ? value : null));
const ZReceiptSchema = z.object({
  receiptCode: z.string().trim().min(1, '请填写受理编号').max(32),
  password: z.string().trim().min(1, '请填写查询密码').max(32),
});

const ZSubmitSchema = z.object({
  kind: z.enum(REPORT_KINDS),
  content: z.string().trim().min(10, '请至少用 10 个字描述举报的问题').max(5000),
  enterpriseId: z
    .uuid()
    .nullish()
    .transform((v) => v ?? null),
  enterpriseDescription: optionalText(300),
  county: z
    .string()
    .regex(/^\d{6}$/, '区县代码应为 6 位数字')
    .nullish()
    .transform((v) => v ?? null),
  location: optionalText(300),
  latitude: z
    .number()
    .min(-90)
    .max(90)
    .nullish()
    .transform((v) => v ?? null),
  longitude: z
    .number()
    .min(-180)
    .max(180)
    .nullish()
    .transform((v) => v ?? null),
  anonymous: z.boolean(),
  employeeOfEnterprise: z.boolean(),
  reporter: z
    .object({
      name: optionalText(50),
      phone: z
        .string()
        .trim()
        .max(30)
        .regex(/^[0-9+\-\s]*$/, '联系电话只能包含数字、空格、+ 和 -')
        .nullish()
        .transform((v) => (v ? v : null)),
      idNumber: z
        .string()
        .trim()
        .max(18)
        .regex(/^[0-9]{0,17}[0-9Xx]?$/, '身份证号码格式不正确')
        .nullish()
        .transform((v) => (v ? v.toUpperCase() : null)),
      contact: optionalText(200),
    })
    .nullish()
    .transform((v) => v ?? null),
});

const ZFollowSchema = z.object({
  receiptCode: z.string(),
  kindName: z.string(),
  state: z.enum(REPORT_STATES),
  stateName: z.string(),
  receivedAt: z.string(),
  acceptedOn: z.string().nullable(),
  declineReason: z.string().nullable(),
  verifyBy: z.string().nullable(),
  extended: z.boolean(),
  extensionReason: z.string().nullable(),
  answeredOn: z.string().nullable(),
  answer: z.string().nullable(),
  outcomeName: z.string().nullable(),
  reward: z
    .object({
      stateName: z.string(),
      amountYuan: z.number(),
      noticeOn: z.string().nullable(),
      collectBy: z.string().nullable(),
      paidOn: z.string().nullable(),
    })
    .nullable(),
});

const ZRewardStepSchema = z.object({
  label: z.string(),
  amountYuan: z.number(),
  code: z.string(),
  verified: z.boolean(),
});
const ZRewardSchema = z.object({
  id: z.uuid(),
  territory: z.string(),
  territoryName: z.string(),
  kind: z.enum(REWARD_KINDS),
  fineYuan: z.number().nullable(),
  concealedDeaths: z.number().int().nullable(),
  accidentGrade: z.string().nullable(),
  employeeUplift: z.boolean(),
  amountYuan: z.number(),
  steps: z.array(ZRewardStepSchema),
  verified: z.boolean(),
  state: z.string(),
  stateName: z.string(),
  proposedByName: z.string(),
  proposedByMe: z.boolean(),
  proposedAt: z.string(),
  decidedByName: z.string().nullable(),
  decidedAt: z.string().nullable(),
  decisionNote: z.string().nullable(),
  noticeOn: z.string().nullable(),
  collectBy: z.string().nullable(),
  paidOn: z.string().nullable(),
  paymentMethod: z.string().nullable(),
  paymentReference: z.string().nullable(),
  paymentByName: z.string().nullable(),
});

// What an officer reads of a report: never the reporter's identity (only `anonymous`, and whether the reporter
// is an employee of the enterprise, which the reward needs).
const ZReportSchema = z.object({
  id: z.uuid(),
  receiptCode: z.string(),
  territory: z.string(),
  territoryName: z.string(),
  kind: z.enum(REPORT_KINDS),
  kindName: z.string(),
  enterpriseId: z.uuid().nullable(),
  enterpriseName: z.string().nullable(),
  enterpriseDescription: z.string().nullable(),
  content: z.string(),
  location: z.string().nullable(),
  latitude: z.number().nullable(),
  longitude: z.number().nullable(),
  anonymous: z.boolean(),
  employeeOfEnterprise: z.boolean(),
  state: z.enum(REPORT_STATES),
  stateName: z.string(),
  receivedAt: z.string(),
  acceptedOn: z.string().nullable(),
  acceptedByName: z.string().nullable(),
  declineReason: z.string().nullable(),
  extensionDays: z.number().int(),
  extensionReason: z.string().nullable(),
  extensionRequestedDays: z.number().int().nullable(),
  extensionPending: z.boolean(),
  extensionRequestedByMe: z.boolean(),
  extensionApprovedByName: z.string().nullable(),
  verifiedOn: z.string().nullable(),
  outcome: z.enum(REPORT_OUTCOMES).nullable(),
  outcomeName: z.string().nullable(),
  findings: z.string().nullable(),
  answeredOn: z.string().nullable(),
  answer: z.string().nullable(),
  mergedIntoId: z.uuid().nullable(),
  inspectionId: z.uuid().nullable(),
  penaltyCaseId: z.uuid().nullable(),
  photoCount: z.number().int(),
  verifyBy: z.string().nullable(),
  answerBy: z.string().nullable(),
  overdue: z.enum(['verify', 'answer']).nullable(),
});
const ZReportDetailSchema = ZReportSchema.extend({
  photos: z.array(z.object({ id: z.uuid(), size: z.number().int(), mediaType: z.string() })),
  reward: ZRewardSchema.nullable(),
  // issue 17 item 1: the case opened from the report, with the fine once decided (the reward's fine)
  penaltyCase: z
    .object({ id: z.uuid(), reference: z.string(), decided: z.boolean(), fineYuan: z.number().nullable() })
    .nullable(),
  // whether this user may open a penalty case from the report now (the 立案 button)
  caseable: z.boolean(),
});

const ZHandlingSchema = z.discriminatedUnion('step', [
  z.object({ step: z.literal('accept'), note: optionalText(1000) }),
  z.object({ step: z.literal('decline'), note: short(1000).min(1, '请填写不予受理的理由') }),
  z.object({
    step: z.literal('verify'),
    outcome: z.enum(REPORT_OUTCOMES),
    findings: short(5000).min(1, '请填写核查情况'),
  }),
  z.object({ step: z.literal('answer'), answer: short(2000).min(1, '请填写反馈举报人的内容') }),
  z.object({ step: z.literal('merge'), intoId: z.uuid(), note: optionalText(1000) }),
]);

const ZRewardInputSchema = z.object({
  kind: z.enum(REWARD_KINDS),
  fineYuan: z
    .number()
    .min(0)
    .max(1e10)
    .nullish()
    .transform((v) => v ?? null),
  concealedDeaths: z
    .number()
    .int()
    .min(0)
    .max(10000)
    .nullish()
    .transform((v) => v ?? null),
  accidentGrade: z
    .enum(ACCIDENT_GRADES)
    .nullish()
    .transform((v) => v ?? null),
});

const ZInternalReportingSchema = z.object({
  enterpriseId: z.uuid(),
  system: z
    .object({
      id: z.uuid(),
      establishedOn: z.string(),
      channels: z.string(),
      rewardRule: z.string(),
      registeredByName: z.string(),
      registeredAt: z.string(),
    })
    .nullable(),
  payouts: z.array(
    z.object({
      id: z.uuid(),
      paidOn: z.string(),
      amountYuan: z.number(),
      hazard: z.string(),
      recordedByName: z.string(),
    }),
  ),
  totalPaidYuan: z.number(),
  flagged: z.boolean(),
  basis: z.string(),
  basisSource: z.string(),
  basisVerified: z.boolean(),
});

const ZPhotoFieldsSchema = ZReceiptSchema;

export const reportRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    // ------------------------------------------------------------ public (no login)
    app.get(
      '/public/reports/options',
      {
        schema: {
          tags: publicTags,
          summary: '举报表单的选项：举报类别、可选择的区县',
          response: {
            200: z.object({
              kinds: z.array(z.object({ code: z.enum(REPORT_KINDS), name: z.string() })),
              counties: z.array(z.object({ code: z.string(), name: z.string() })),
            }),
          },
        },
      },
      async () => ({
        kinds: REPORT_KINDS.map((code) => ({ code, name: REPORT_KIND_NAMES[code] })),
        counties: territories
          .filter((t) => t.level === 'county')
          .map((t) => ({ code: t.code, name: t.name })),
      }),
    );
    app.get(
      '/public/reports/enterprises',
      {
        schema: {
          tags: publicTags,
          summary: '举报时按名称查找企业（只返回名称和所在区县）',
          querystring: z.object({ q: z.string().trim().min(2, '请至少输入 2 个字').max(50) }),
          response: { 200: z.array(z.object({ id: z.uuid(), name: z.string(), countyName: z.string() })) },
        },
      },
      async (request) => searchPublicEnterprises(ctx, request.query.q),
    );
    app.post(
      '/public/reports',
      {
        schema: {
          tags: publicTags,
          summary:
            '提交举报（无需登录；可匿名；从业人员举报本单位须实名）。返回受理编号和查询密码，密码只显示这一次',
          body: ZSubmitSchema,
          response: {
            201: z.object({ receiptCode: z.string(), password: z.string(), receivedAt: z.string() }),
          },
        },
      },
      async (request, reply) => {
        const body = request.body;
        const receipt = await submitReport(ctx, {
          kind: body.kind,
          content: body.content,
          enterpriseId: body.enterpriseId,
          enterpriseDescription: body.enterpriseDescription,
          county: body.county,
          location: body.location,
          latitude: body.latitude,
          longitude: body.longitude,
          anonymous: body.anonymous,
          employeeOfEnterprise: body.employeeOfEnterprise,
          identity: body.anonymous ? null : body.reporter,
          clientAddress: request.ip,
        });
        return reply.status(201).send(receipt);
      },
    );
    app.post(
      '/public/reports/photos',
      {
        config: { multipartFields: ZPhotoFieldsSchema },
        schema: {
          tags: publicTags,
          summary: '为刚提交的举报上传照片（multipart：receiptCode、password、file；每次一张，最多 5 张）',
          consumes: ['multipart/form-data'],
          response: { 201: z.object({ id: z.uuid(), photoCount: z.number().int() }) },
        },
      },
      async (request, reply) => {
        const upload = await readEvidenceUpload(request.parts(), ZPhotoFieldsSchema, '照片');
        const added = await addReportPhoto(ctx, {
          ...upload.fields,
          clientAddress: request.ip,
          data: upload.data,
        });
        return reply.status(201).send(added);
      },
    );
    app.post(
      '/public/reports/follow',
      {
        schema: {
          tags: publicTags,
          summary: '凭受理编号和查询密码查询举报办理进展（失败次数过多将暂时锁定）',
          body: ZReceiptSchema,
          response: { 200: ZFollowSchema },
        },
      },
      async (request) => followReport(ctx, { ...request.body, clientAddress: request.ip }),
    );

    // ------------------------------------------------------------ handling
    app.get(
      '/reports',
      {
        schema: {
          tags,
          summary: '举报列表（本辖区；不含举报人身份信息）',
          querystring: ZPageQuerySchema.extend({
            state: z
              .string()
              .max(200)
              .optional()
              .transform((v) => (v ? v.split(',') : undefined))
              .pipe(z.array(z.enum(REPORT_STATES)).optional()),
            enterpriseId: z.uuid().optional(),
            // only those past their verification or answer deadline (the workbench's 逾期举报)
            overdue: ZBooleanQuerySchema.optional(),
          }),
          response: { 200: pageOf(ZReportSchema) },
        },
      },
      async (request) => {
        const { page, pageSize, state, enterpriseId, overdue } = request.query;
        return listReports(ctx, requireActor(request), {
          page,
          pageSize,
          ...(state ? { states: state } : {}),
          ...(enterpriseId ? { enterpriseId } : {}),
          ...(overdue ? { overdue } : {}),
        });
      },
    );
    app.get(
      '/reports/:id',
      {
        schema: {
          tags,
          summary: '举报详情（不含举报人身份信息）',
          params: ZIdParamsSchema,
          response: { 200: ZReportDetailSchema },
        },
      },
      async (request) => getReport(ctx, requireActor(request), request.params.id),
    );
    app.get(
      '/reports/:id/photos/:photoId',
      {
        schema: {
          tags,
          summary: '举报照片',
          params: ZIdParamsSchema.extend({ photoId: z.string().max(64) }),
        },
      },
      async (request, reply) => {
        const photo = await reportPhoto(
          ctx,
          requireActor(request),
          request.params.id,
          request.params.photoId,
        );
        return reply.type(photo.mediaType).header('cache-control', 'private, no-store').send(photo.data);
      },
    );
    app.post(
      '/reports/:id/handling',
      {
        schema: {
          tags,
          summary: '办理举报：受理、不予受理、核查结论、反馈举报人、并入同一事项最先的有效举报',
          params: ZIdParamsSchema,
          body: ZHandlingSchema,
          response: { 200: z.object({ state: z.enum(REPORT_STATES) }) },
        },
      },
      async (request) => handleReport(ctx, requireActor(request), request.params.id, request.body),
    );
    app.post(
      '/reports/:id/extension',
      {
        schema: {
          tags,
          summary: '申请延长核查期限（不超过 30 日，一次；由本局负责人批准，申请人不能自批）',
          params: ZIdParamsSchema,
          body: z.object({ days: z.number().int(), reason: short(1000).min(1, '请填写延期理由') }),
          response: { 204: z.null() },
        },
      },
      async (request, reply) => {
        await requestExtension(ctx, requireActor(request), request.params.id, request.body);
        return reply.status(204).send(null);
      },
    );
    app.post(
      '/reports/:id/extension/decision',
      {
        schema: {
          tags,
          summary: '审批延长核查期限',
          params: ZIdParamsSchema,
          body: z.object({ approved: z.boolean() }),
          response: { 204: z.null() },
        },
      },
      async (request, reply) => {
        await decideExtension(ctx, requireActor(request), request.params.id, request.body);
        return reply.status(204).send(null);
      },
    );
    app.post(
      '/reports/:id/inspection',
      {
        schema: {
          tags,
          summary: '根据举报安排针对性检查（触发方式：投诉举报，不受频次上限限制）',
          params: ZIdParamsSchema,
          body: z.object({
            plannedOn: ZDateSchema.optional(),
            matters: z.array(z.string().max(64)).min(1, '请至少选择一项检查事项').max(10),
          }),
          response: { 201: z.object({ inspectionId: z.uuid(), frequencyCapExempt: z.boolean() }) },
        },
      },
      async (request, reply) =>
        reply
          .status(201)
          .send(await openInspectionFromReport(ctx, requireActor(request), request.params.id, request.body)),
    );
    app.post(
      '/reports/:id/penalty-case',
      {
        schema: {
          tags,
          summary: '根据核查属实的举报立案（仅可立案的执法人员；同一举报只能立案一次）',
          params: ZIdParamsSchema,
          response: { 201: z.object({ penaltyCaseId: z.uuid(), reference: z.string() }) },
        },
      },
      async (request, reply) =>
        reply.status(201).send(await openCaseForReport(ctx, requireActor(request), request.params.id)),
    );
    app.post(
      '/reports/:id/identity',
      {
        schema: {
          tags,
          summary: '查阅举报人身份信息（仅举报受理员；须填写事由；每次查阅记入审计）',
          params: ZIdParamsSchema,
          body: z.object({ reason: short(500).min(2, '请填写查阅事由') }),
          response: {
            200: z.object({
              name: z.string().nullable(),
              phone: z.string().nullable(),
              idNumber: z.string().nullable(),
              contact: z.string().nullable(),
            }),
          },
        },
      },
      async (request, reply) =>
        reply
          .header('cache-control', 'no-store')
          .send(
            await readReporterIdentity(ctx, requireActor(request), request.params.id, request.body.reason),
          ),
    );

    // ------------------------------------------------------------ rewards
    app.post(
      '/reports/reward-preview',
      {
        schema: {
          tags,
          summary: '按《安全生产领域举报奖励办法》试算奖励金额',
          body: ZRewardInputSchema.extend({ employeeOfEnterprise: z.boolean() }),
          response: {
            200: z.object({
              amountYuan: z.number(),
              steps: z.array(ZRewardStepSchema),
              verified: z.boolean(),
              warnings: z.array(z.string()),
              basis: z.string(),
            }),
          },
        },
      },
      async (request) => {
        requireActor(request);
        const { ok: _ok, ...answer } = previewReward(request.body);
        return answer;
      },
    );
    app.post(
      '/reports/:id/reward',
      {
        schema: {
          tags,
          summary: '提出举报奖励（谁受理、谁奖励：由受理举报的部门给付）',
          params: ZIdParamsSchema,
          body: ZRewardInputSchema,
          response: {
            201: z.object({ id: z.uuid(), amountYuan: z.number(), warnings: z.array(z.string()) }),
          },
        },
      },
      async (request, reply) =>
        reply
          .status(201)
          .send(await proposeReward(ctx, requireActor(request), request.params.id, request.body)),
    );
    app.post(
      '/reports/:id/reward/decision',
      {
        schema: {
          tags,
          summary: '审批举报奖励（提出人不能自批）',
          params: ZIdParamsSchema,
          body: z.object({ approved: z.boolean(), note: optionalText(1000) }),
          response: { 204: z.null() },
        },
      },
      async (request, reply) => {
        await decideReward(ctx, requireActor(request), request.params.id, request.body);
        return reply.status(204).send(null);
      },
    );
    app.post(
      '/reports/:id/reward/notice',
      {
        schema: {
          tags,
          summary: '发出领奖通知（领奖期限自通知之日起计算）',
          params: ZIdParamsSchema,
          response: { 200: z.object({ noticeOn: z.string(), collectBy: z.string() }) },
        },
      },
      async (request) => notifyReward(ctx, requireActor(request), request.params.id),
    );
    app.post(
      '/reports/:id/reward/payment',
      {
        schema: {
          tags,
          summary: '登记奖励发放',
          params: ZIdParamsSchema,
          body: z.object({
            paidOn: ZDateSchema,
            method: z.enum(['现金', '银行转账']),
            reference: optionalText(100),
          }),
          response: { 204: z.null() },
        },
      },
      async (request, reply) => {
        await recordRewardPayment(ctx, requireActor(request), request.params.id, request.body);
        return reply.status(204).send(null);
      },
    );
    app.post(
      '/reports/:id/reward/waiver',
      {
        schema: {
          tags,
          summary: '登记举报人放弃领取奖励（含逾期未领取，视为放弃）',
          params: ZIdParamsSchema,
          body: z.object({ reason: short(200).min(2, '请填写放弃领取的情形') }),
          response: { 204: z.null() },
        },
      },
      async (request, reply) => {
        await waiveReward(ctx, requireActor(request), request.params.id, request.body);
        return reply.status(204).send(null);
      },
    );

    // ------------------------------------------------------------ internal reporting (安委〔2024〕7号)
    app.get(
      '/enterprises/:id/internal-reporting',
      {
        schema: {
          tags,
          summary: '企业事故隐患内部报告奖励机制及奖励发放记录；重点行业未建立的予以标记',
          params: ZIdParamsSchema,
          response: { 200: ZInternalReportingSchema },
        },
      },
      async (request) => internalReportingOf(ctx, requireActor(request), request.params.id),
    );
    app.post(
      '/enterprises/:id/internal-reporting',
      {
        schema: {
          tags,
          summary: '登记企业事故隐患内部报告奖励机制',
          params: ZIdParamsSchema,
          body: z.object({
            establishedOn: ZDateSchema,
            channels: short(500).min(1, '请填写报告途径'),
            rewardRule: short(1000).min(1, '请填写奖励标准'),
          }),
          response: { 201: z.object({ id: z.uuid() }) },
        },
      },
      async (request, reply) =>
        reply
          .status(201)
          .send(await registerInternalReporting(ctx, requireActor(request), request.params.id, request.body)),
    );
    app.post(
      '/enterprises/:id/internal-reporting/payouts',
      {
        schema: {
          tags,
          summary: '登记企业内部报告奖励的发放',
          params: ZIdParamsSchema,
          body: z.object({
            paidOn: ZDateSchema,
            amountYuan: z.number().positive().max(1e8),
            hazard: short(500).min(1, '请填写所报告的隐患'),
          }),
          response: { 204: z.null() },
        },
      },
      async (request, reply) => {
        await recordInternalPayout(ctx, requireActor(request), request.params.id, request.body);
        return reply.status(204).send(null);
      },
    );
    app.get(
      '/internal-reporting/missing',
      {
        schema: {
          tags,
          summary: '本辖区重点行业中尚未登记事故隐患内部报告奖励机制的企业（最多 200 家）',
          response: {
            200: z.array(
              z.object({
                id: z.uuid(),
                name: z.string(),
                territory: z.string(),
                territoryName: z.string(),
                industry: z.string(),
              }),
            ),
          },
        },
      },
      async (request) => enterprisesLackingInternalReporting(ctx, requireActor(request)),
    );
  };
