import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../platform/http/context.ts';
import { requireActor } from '../../platform/auth/authenticate.ts';
import type { Actor } from '../../platform/policy/policy.ts';
import { loadInspection } from './inspection-store.ts';
import { findTimelineEvents } from './repository.ts';

// measure 12 (全过程留痕、可回溯; issue 5 item 9): the inspection's timeline is the audit chain filtered to it:
// its own events, the draw that chose it, and the documents, orders and files that name it. Who, when, where
// (a location in the event), and what evidence (file ids, document numbers) come from the events themselves.

const STEP_NAMES: Record<string, string> = {
  'draw.perform': '双随机抽取选中',
  'inspection.create': '列入检查',
  'inspection.merge': '合并检查',
  'inspection.plan_draft': '草拟现场检查方案',
  'inspection.plan_submit': '提交现场检查方案',
  'inspection.plan_approve': '批准现场检查方案',
  'inspection.plan_reject': '退回现场检查方案',
  'inspection.notify': '通知企业',
  'inspection.check_in': '亮码入企（企业扫码登记到达）',
  'inspection.remote_check': '非现场检查',
  'inspection.entry': '记录检查项目',
  'inspection.finding': '记录问题',
  'inspection.evidence': '上传证据',
  'inspection.emergency_measure': '采取现场处置措施（安全生产法第六十五条）',
  'inspection.acknowledge': '企业负责人签字或拒签记录',
  'inspection.conclude': '出具检查文书',
  'inspection.close': '结束检查',
  'inspection.complete': '检查完成',
  'rectification.issue': '下达责令限期整改指令书',
  'rectification.proof': '企业提交整改材料',
  'rectification.review': '整改复查',
  'rectification.escalate': '逾期或整改不到位，移交立案审查',
  'rectification.close_without': '未经整改关闭',
  'document.issue': '文书编号出具',
};

type Location = { latitude: number; longitude: number; accuracy?: number | null };

const locationIn = (payload: Record<string, unknown>): Location | null => {
  const candidate = (payload.location ?? null) as Location | null;
  return candidate && typeof candidate.latitude === 'number' && typeof candidate.longitude === 'number'
    ? candidate
    : null;
};

const evidenceIn = (payload: Record<string, unknown>): string[] => {
  const found = new Set<string>();
  for (const key of [
    'fileIds',
    'photoIds',
    'proofIds',
    'signatureFileId',
    'fileId',
    'number',
    'documentNumber',
  ]) {
    const value = payload[key];
    if (typeof value === 'string') found.add(value);
    if (Array.isArray(value)) for (const item of value) if (typeof item === 'string') found.add(item);
  }
  return [...found];
};

export const inspectionTimeline = async (ctx: AppContext, actor: Actor, id: string) => {
  const row = await loadInspection(ctx.db, actor, id, 'read');
  const rows = await findTimelineEvents(ctx.db, row.id, row.drawId);
  return rows.map((event) => {
    const payload = (event.payload ?? {}) as Record<string, unknown>;
    return {
      seq: event.seq,
      at: event.at.toISOString(),
      actorName: event.actorName,
      action: event.action,
      step: STEP_NAMES[event.action] ?? event.action,
      location: locationIn(payload),
      evidence: evidenceIn(payload),
      // the event's content as recorded; the hash chain guarantees it has not changed since
      payload,
      hash: event.hash,
    };
  });
};

const ZTimelineSchema = z.array(
  z.object({
    seq: z.number().int(),
    at: z.string(),
    actorName: z.string(),
    action: z.string(),
    step: z.string(),
    location: z
      .object({ latitude: z.number(), longitude: z.number(), accuracy: z.number().nullish() })
      .nullable(),
    evidence: z.array(z.string()),
    payload: z.record(z.string(), z.unknown()),
    hash: z.string(),
  }),
);

export const timelineRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/inspections/:id/timeline',
      {
        schema: {
          tags: ['onsite'],
          summary:
            '检查全过程记录：从计划到结束的每一步（谁、何时、何地、何证据），取自防篡改审计链（措施第十二项）',
          params: z.object({ id: z.string().max(64) }),
          response: { 200: ZTimelineSchema },
        },
      },
      async (request) => inspectionTimeline(ctx, requireActor(request), request.params.id),
    );
  };
