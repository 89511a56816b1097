import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../platform/http/context.ts';
import { requireActor } from '../../platform/http/actor.ts';
import type { Actor } from '../../platform/policy/policy.ts';
import { auditActionLabel, currentActionName } from '../../platform/audit/actions.ts';
import { chainPendingEvents } from '../../platform/audit/service.ts';
import { loadInspection } from './inspection-store.ts';
import { findTimelineEvents } from './repository.ts';

// measure 12 (全过程留痕、可回溯; issue 5 item 9): the inspection's timeline is the audit chain filtered to it:
// its own events, the draw that chose it, and the documents, orders and files that name it. Who, when, where
// (a location in the event), and what evidence (file ids, document numbers) come from the events themselves.

// Each step is named by the audit registry's label (old events by the name their action has now).

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
  await chainPendingEvents(ctx.db);
  const rows = await findTimelineEvents(ctx.db, row.id, row.drawId);
  return rows.map((event) => {
    const payload = (event.payload ?? {}) as Record<string, unknown>;
    return {
      seq: event.seq,
      at: event.at.toISOString(),
      actorName: event.actorName,
      action: currentActionName(event.action) ?? event.action,
      step: auditActionLabel(event.action),
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
    // null for the moment between the event's commit and the audit chainer's pass
    hash: z.string().nullable(),
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
