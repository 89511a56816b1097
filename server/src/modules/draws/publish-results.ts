import type { AppContext } from '../../platform/http/context.ts';
import type { Actor } from '../../platform/policy/policy.ts';
import { problem } from '../../platform/problems/problem.ts';
import { appendAuditEvent } from '../../platform/audit/service.ts';
import { loadDraw } from './load-draw.ts';
import { updateDraw } from './repository.ts';
import { countPlannedInspectionsOfDraw } from './inspection.repository.ts';

// Item 13: the batch's inspection results go public (within 20 workdays of completion, 公示办法 art. 21).
export const publishResults = async (ctx: AppContext, actor: Actor, id: string) =>
  ctx.db.transaction(async (tx) => {
    const row = await loadDraw(tx, actor, id, 'publish', true);
    if (row.status !== 'drawn')
      throw problem('DRAW_NOT_DRAWN', { detail: '只有已抽取的批次才能公示检查结果' });
    if (row.resultsPublishedAt) throw problem('DRAW_RESULTS_PUBLISHED');
    const open = await countPlannedInspectionsOfDraw(tx, row.id);
    if (open > 0) throw problem('DRAW_RESULTS_INCOMPLETE', { open });
    const now = ctx.clock.now();
    await updateDraw(tx, row.id, { resultsPublishedAt: now });
    await appendAuditEvent(tx, {
      actor,
      action: 'draw.results.published',
      entityType: 'draw',
      entityId: row.id,
      territory: row.territory,
      payload: {},
      at: now,
    });
    return { ...row, resultsPublishedAt: now };
  });
