import { replaceRecusedInspector } from '@inspecta/domain';
import type { z } from 'zod';
import type { AppContext } from '../../platform/http/context.ts';
import type { Actor } from '../../platform/policy/policy.ts';
import { problem, refused } from '../../platform/problems/problem.ts';
import { appendAuditEvent } from '../../platform/audit/service.ts';
import { officersByCertificate } from '../officers/index.ts';
import type { ZRecusalSchema } from './model.ts';
import type { DrawReplacementEntry } from './schema.ts';
import { member, recordOf } from './draw-view.ts';
import { loadDraw } from './load-draw.ts';
import { updateDraw } from './repository.ts';
import { findInspectionOfDraw, updateInspectionTeam } from './inspection.repository.ts';

// Item 9: an officer who must recuse after the draw is replaced by continuing the same sampler sequence.
export const recordRecusal = async (
  ctx: AppContext,
  actor: Actor,
  id: string,
  body: z.infer<typeof ZRecusalSchema>,
) =>
  ctx.db.transaction(async (tx) => {
    const row = await loadDraw(tx, actor, id, 'update', true);
    const record = recordOf(row);
    if (!record || row.status !== 'drawn')
      throw problem('DRAW_NOT_DRAWN', { detail: '只有已抽取的批次才能替换回避人员' });
    const replaced = replaceRecusedInspector(record, body.enterprise, body.inspector, row.replacements);
    if (!replaced.ok) throw refused(replaced);
    const now = ctx.clock.now();
    const entry: DrawReplacementEntry = {
      ...replaced.replacement,
      reason: body.reason,
      recordedAt: now.toISOString(),
      recordedByName: actor.displayName,
    };
    await updateDraw(tx, row.id, { replacements: [...row.replacements, entry] });
    const inspection = await findInspectionOfDraw(tx, row.id, body.enterprise);
    if (inspection) {
      const names = await officersByCertificate(tx, [entry.replacement]);
      const team = inspection.team.map((m) =>
        m.certificate === entry.recused ? member(names, entry.replacement) : m,
      );
      await updateInspectionTeam(tx, inspection.id, team);
    }
    await appendAuditEvent(tx, {
      actor,
      action: 'draw.officer.recused',
      entityType: 'draw',
      entityId: row.id,
      territory: row.territory,
      payload: entry,
      at: now,
    });
    return entry;
  });
