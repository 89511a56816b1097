import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { SELECTION_KINDS, TEAM_QUALIFICATION_KINDS } from '@inspecta/domain';
import type { AppContext } from '../../platform/http/context.ts';
import { requireActor } from '../../platform/http/actor.ts';
import { ZDateSchema } from '../../platform/http/dates.ts';
import {
  closeSelection,
  createCourse,
  createSelection,
  getCourse,
  listTeamOfficers,
  listTeamQualifications,
  listTeamSelections,
  listTraining,
  nominate,
  nomineeCandidates,
  recordAttendance,
  recordTeamQualification,
  teamStatistics,
  vote,
} from './service.ts';

// measures 25, 26: the team's qualifications per bureau, training courses and attendance, selections.

const tags = ['team'];
const ZIdParamsSchema = z.object({ id: z.string().max(64) });
const text = (max: number, message: string) => z.string().trim().min(1, { error: message }).max(max);

const ZSelectionSchema = z.object({
  id: z.uuid(),
  territory: z.string(),
  kind: z.enum(SELECTION_KINDS),
  kindName: z.string(),
  title: z.string(),
  year: z.number().int(),
  places: z.number().int(),
  state: z.enum(['open', 'closed']),
  stateName: z.string(),
  createdByName: z.string(),
  closedByName: z.string().nullable(),
  closedAt: z.string().nullable(),
  votedFor: z.uuid().nullable(),
  totalVotes: z.number().int(),
  nominations: z.array(
    z.object({
      id: z.uuid(),
      nomineeName: z.string(),
      caseId: z.uuid().nullable(),
      caseReference: z.string().nullable(),
      reason: z.string(),
      nominatedByName: z.string(),
      isSelf: z.boolean(),
      votes: z.number().int().nullable(),
      rank: z.number().int().nullable(),
      winner: z.boolean(),
    }),
  ),
});

export const teamRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/team/statistics',
      {
        schema: {
          tags,
          summary:
            '执法队伍资格统计（按执法部门）：执法证、注册安全工程师、法律顾问、公职律师、技术检查员、社会监督员',
          response: {
            200: z.object({
              asOf: z.string(),
              kinds: z.array(
                z.object({ code: z.string(), name: z.string(), source: z.string(), verified: z.boolean() }),
              ),
              bureaus: z.array(
                z.object({
                  territory: z.string(),
                  territoryName: z.string(),
                  officers: z.number().int(),
                  certificates: z.number().int(),
                  qualifications: z.record(z.enum(TEAM_QUALIFICATION_KINDS), z.number().int()),
                }),
              ),
            }),
          },
        },
      },
      async (request) => teamStatistics(ctx, requireActor(request)),
    );
    app.get(
      '/team/qualifications',
      {
        schema: {
          tags,
          summary: '执法队伍资格记录',
          response: {
            200: z.object({
              items: z.array(
                z.object({
                  id: z.uuid(),
                  territory: z.string(),
                  kind: z.enum(TEAM_QUALIFICATION_KINDS),
                  kindName: z.string(),
                  personName: z.string(),
                  officerId: z.uuid().nullable(),
                  number: z.string(),
                  validFrom: z.string(),
                  validTo: z.string().nullable(),
                }),
              ),
            }),
          },
        },
      },
      async (request) => ({ items: await listTeamQualifications(ctx, requireActor(request)) }),
    );
    app.post(
      '/team/qualifications',
      {
        schema: {
          tags,
          summary: '登记资格（注册安全工程师、法律顾问、公职律师、技术检查员、社会监督员）',
          body: z.strictObject({
            kind: z.enum(TEAM_QUALIFICATION_KINDS),
            personName: text(50, '请填写姓名'),
            officerId: z.string().max(64).optional(),
            number: z.string().trim().max(64).default(''),
            validFrom: ZDateSchema,
            validTo: ZDateSchema.optional(),
          }),
          response: { 201: z.object({ id: z.uuid() }) },
        },
      },
      async (request, reply) =>
        reply.code(201).send(await recordTeamQualification(ctx, requireActor(request), request.body)),
    );
    app.get(
      '/team/officers',
      {
        schema: {
          tags,
          summary: '本辖区在册执法人员（登记参训、资格时选择）',
          response: {
            200: z.object({
              items: z.array(z.object({ id: z.uuid(), name: z.string(), territory: z.string() })),
            }),
          },
        },
      },
      async (request) => ({ items: await listTeamOfficers(ctx, requireActor(request)) }),
    );
    app.get(
      '/team/training',
      {
        schema: {
          tags,
          summary: '培训班与每人年度参训学时',
          querystring: z.object({ year: z.coerce.number().int().min(2000).max(2199) }),
          response: {
            200: z.object({
              year: z.number().int(),
              courses: z.array(
                z.object({
                  id: z.uuid(),
                  territory: z.string(),
                  title: z.string(),
                  heldOn: z.string(),
                  hours: z.number(),
                  organiser: z.string(),
                  attendees: z.number().int(),
                }),
              ),
              hoursByOfficer: z.array(
                z.object({
                  officerId: z.uuid(),
                  officerName: z.string(),
                  territoryName: z.string(),
                  courses: z.number().int(),
                  hours: z.number(),
                }),
              ),
            }),
          },
        },
      },
      async (request) => listTraining(ctx, requireActor(request), request.query.year),
    );
    app.post(
      '/team/training',
      {
        schema: {
          tags,
          summary: '登记培训班（措施第二十六项）',
          body: z.strictObject({
            title: text(100, '请填写培训班名称'),
            heldOn: ZDateSchema,
            hours: z
              .number()
              .positive({ error: '学时应大于 0' })
              .max(500)
              .multipleOf(0.5, { error: '学时以半小时计' }),
            organiser: z.string().trim().max(100).default(''),
          }),
          response: { 201: z.object({ id: z.uuid() }) },
        },
      },
      async (request, reply) =>
        reply.code(201).send(await createCourse(ctx, requireActor(request), request.body)),
    );
    app.get(
      '/team/training/:id',
      {
        schema: {
          tags,
          summary: '培训班及参训人员',
          params: ZIdParamsSchema,
          response: {
            200: z.object({
              id: z.uuid(),
              territory: z.string(),
              title: z.string(),
              heldOn: z.string(),
              hours: z.number(),
              organiser: z.string(),
              attendees: z.array(z.object({ officerId: z.uuid(), name: z.string() })),
            }),
          },
        },
      },
      async (request) => getCourse(ctx, requireActor(request), request.params.id),
    );
    app.post(
      '/team/training/:id/attendances',
      {
        schema: {
          tags,
          summary: '登记参训人员',
          params: ZIdParamsSchema,
          body: z.strictObject({ officerId: z.string().max(64) }),
          response: { 204: z.null() },
        },
      },
      async (request, reply) => {
        await recordAttendance(ctx, requireActor(request), request.params.id, request.body);
        return reply.code(204).send(null);
      },
    );
    app.get(
      '/team/selections',
      {
        schema: {
          tags,
          summary: '“执法能手”“典型案例”评选',
          response: { 200: z.object({ items: z.array(ZSelectionSchema) }) },
        },
      },
      async (request) => ({ items: await listTeamSelections(ctx, requireActor(request)) }),
    );
    app.get(
      '/team/selections/candidates',
      {
        schema: {
          tags,
          summary: '可提名的执法人员账号与已结案案件',
          response: {
            200: z.object({
              staff: z.array(z.object({ id: z.uuid(), displayName: z.string(), territory: z.string() })),
              closedCases: z.array(
                z.object({ id: z.uuid(), reference: z.string(), enterpriseName: z.string() }),
              ),
            }),
          },
        },
      },
      async (request) => nomineeCandidates(ctx, requireActor(request)),
    );
    app.post(
      '/team/selections',
      {
        schema: {
          tags,
          summary: '发起评选',
          body: z.strictObject({
            kind: z.enum(SELECTION_KINDS),
            title: text(100, '请填写评选名称'),
            year: z.number().int().min(2000).max(2199),
            places: z.number().int().min(1).max(50),
          }),
          response: { 201: ZSelectionSchema },
        },
      },
      async (request, reply) =>
        reply.code(201).send(await createSelection(ctx, requireActor(request), request.body)),
    );
    app.post(
      '/team/selections/:id/nominations',
      {
        schema: {
          tags,
          summary: '提名：执法能手提名执法人员账号，典型案例提名已结案的行政处罚案件',
          params: ZIdParamsSchema,
          body: z.strictObject({
            nomineeUserId: z.string().max(64).optional(),
            caseId: z.string().max(64).optional(),
            reason: text(1000, '请填写提名理由'),
          }),
          response: { 201: ZSelectionSchema },
        },
      },
      async (request, reply) =>
        reply.code(201).send(await nominate(ctx, requireActor(request), request.params.id, request.body)),
    );
    app.post(
      '/team/selections/:id/votes',
      {
        schema: {
          tags,
          summary: '投票：每人一票，不能投给自己或本人承办的案件',
          params: ZIdParamsSchema,
          body: z.strictObject({ nominationId: z.string().max(64) }),
          response: { 200: ZSelectionSchema },
        },
      },
      async (request) => vote(ctx, requireActor(request), request.params.id, request.body),
    );
    app.post(
      '/team/selections/:id/close',
      {
        schema: {
          tags,
          summary: '结束投票并公布结果（部门负责人）',
          params: ZIdParamsSchema,
          response: { 200: ZSelectionSchema },
        },
      },
      async (request) => closeSelection(ctx, requireActor(request), request.params.id),
    );
  };
