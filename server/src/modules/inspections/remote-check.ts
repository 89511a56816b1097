import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../platform/http/context.ts';
import { requireActor } from '../../platform/http/actor.ts';
import { shanghaiDate, ZDateSchema } from '../../platform/http/dates.ts';
import { assertMayUse, type Actor } from '../../platform/policy/policy.ts';
import { problem } from '../../platform/problems/problem.ts';
import { inspectionMatterName } from '@inspecta/domain';
import { advanceStage, loadInspection } from './inspection-store.ts';
import { assertMayCheckRemotely } from './guard-facts.ts';
import { issueDocument } from './documents/issue-document.ts';
import { enterpriseLine } from './documents/snapshot-sources.ts';

// measure 7 (非现场优先): a remote or written check first where it can achieve the purpose. No violation: the
// inspection closes without a visit, and a later on-site plan for the same matter must say why a visit is
// still needed (guard INSPECTION_VISIT_REASON_REQUIRED). A violation leads to a visit or straight to an order.
// Issue 11 item 2: it is an inspection like any other, so it needs a lawful subject and a ground in a plan, a
// draw or a recorded trigger (measures 5, 9); and it is recorded in writing (安全生产法 第六十八条): a numbered
// 检查记录 is issued with it.

export const ZRemoteCheckSchema = z
  .strictObject({
    mode: z.enum(['remote', 'written']),
    checkedOn: ZDateSchema,
    violation: z.boolean(),
    note: z.string().trim().min(4, '请写明检查情况（至少四个字）').max(2000),
    next: z.enum(['visit', 'order']).optional(),
  })
  .refine((body) => !body.violation || body.next !== undefined, {
    message: '发现问题时须选择到现场核查（visit）或直接责令整改（order）',
    path: ['next'],
  });

export const recordRemoteCheck = async (
  ctx: AppContext,
  actor: Actor,
  id: string,
  body: z.infer<typeof ZRemoteCheckSchema>,
) =>
  ctx.db.transaction(async (tx) => {
    assertMayUse(actor, 'inspection', 'update');
    const row = await loadInspection(tx, actor, id, 'update', true);
    const now = ctx.clock.now();
    if (body.checkedOn > shanghaiDate(now)) {
      throw problem('REMOTE_CHECK_IN_FUTURE');
    }
    // measures 5, 9: no way round the plan or the trigger (issue 11 item 2)
    await assertMayCheckRemotely(tx, row, body.checkedOn);
    const remoteCheck = {
      mode: body.mode,
      checkedOn: body.checkedOn,
      violation: body.violation,
      note: body.note,
    };
    let current = row;
    if (row.stage === 'planned') {
      const stage = await advanceStage(
        tx,
        actor,
        row,
        'start_remote_check',
        'inspection.remote_check.recorded',
        { mode: body.mode },
        now,
      );
      current = { ...row, stage };
    }
    const event = !body.violation
      ? 'remote_no_violation'
      : body.next === 'visit'
        ? 'remote_violation_visit'
        : 'remote_violation_order';
    const stage = await advanceStage(
      tx,
      actor,
      current,
      event,
      'inspection.remote_check.recorded',
      remoteCheck,
      now,
      {
        remoteCheck,
      },
    );
    // 安全生产法 第六十八条: the written record of the check, numbered like the visit's 现场检查记录
    const document = await issueDocument(tx, actor, {
      inspection: row,
      type: 'inspection_record',
      at: now,
      snapshot: {
        enterprise: await enterpriseLine(tx, row),
        startedAt: null,
        endedAt: now.toISOString(),
        place: body.mode === 'written' ? '书面检查（企业报送材料）' : '远程（非现场）检查',
        matters: row.matters.map((code) => inspectionMatterName(code)),
        checklist: [],
        findings: [],
        officers: row.team.length
          ? row.team.map(({ name, certificate }) => ({ name, certificate }))
          : [{ name: actor.displayName, certificate: '' }],
        acknowledgement: null,
        remote: { ...remoteCheck, next: body.violation ? (body.next ?? null) : null },
      },
    });
    return { stage, remoteCheck, record: { id: document.id, number: document.number } };
  });

export const remoteCheckRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    app.post(
      '/inspections/:id/remote-check',
      {
        schema: {
          tags: ['onsite'],
          summary: '非现场（远程/书面）检查结果：未发现违法则不再到场（措施第七项）',
          params: z.object({ id: z.string().max(64) }),
          body: ZRemoteCheckSchema,
          response: {
            200: z.object({
              stage: z.string(),
              remoteCheck: z.object({
                mode: z.enum(['remote', 'written']),
                checkedOn: z.string(),
                violation: z.boolean(),
                note: z.string(),
              }),
              // the written record (安全生产法 第六十八条)
              record: z.object({ id: z.string(), number: z.string() }),
            }),
          },
        },
      },
      async (request) => recordRemoteCheck(ctx, requireActor(request), request.params.id, request.body),
    );
  };
