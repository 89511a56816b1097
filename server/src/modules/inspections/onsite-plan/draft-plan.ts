import { inspectionMatterByCode, inspectionMatterCatalog } from '@inspecta/domain';
import type { z } from 'zod';
import type { AppContext } from '../../../platform/http/context.ts';
import {
  assertCan,
  assertJoinable,
  assertMayUse,
  assertReferenced,
  type Actor,
} from '../../../platform/policy/policy.ts';
import { problem, notFound } from '../../../platform/problems/problem.ts';
import { isUuid } from '../../../platform/http/paging.ts';
import { officersByCertificate } from '../../officers/index.ts';
import { advanceStage, loadInspection } from '../inspection-store.ts';
import type { ZDraftPlanSchema } from './model.ts';
import type { OnsitePlanContent } from '../schema.ts';
import { defaultContent, insertVersion, planView, teamOf } from './plan-versions.ts';
import { findDrawStatus, findOrganisationName, findPlannedInspectionsOfDraw } from './repository.ts';

// measure 11: the officers draft the on-site plan, one inspection at a time or for a whole draw.

export const draftPlan = async (
  ctx: AppContext,
  actor: Actor,
  inspectionId: string,
  body: z.infer<typeof ZDraftPlanSchema>,
) =>
  ctx.db.transaction(async (tx) => {
    assertMayUse(actor, 'onsite_plan', 'create');
    const row = await loadInspection(tx, actor, inspectionId, 'update', true);
    const base = await defaultContent(tx, row);
    const unknown = (body.matters ?? []).filter(
      (code) => !inspectionMatterByCode(inspectionMatterCatalog, code),
    );
    if (unknown.length) throw problem('UNKNOWN_MATTER', { matters: unknown }, { measure: 4 });
    if (body.unannounced && !body.unannouncedReason?.trim()) {
      throw problem('UNANNOUNCED_REASON_REQUIRED');
    }
    const content: OnsitePlanContent = {
      ...base,
      scheduledAt: body.scheduledAt ?? base.scheduledAt,
      site: body.site ?? base.site,
      matters: body.matters ?? base.matters,
      officers: body.officers ? await teamOf(tx, body.officers) : base.officers,
      checklists: body.checklists ?? base.checklists,
      mode: body.mode ?? 'on_site',
      visitReason: body.visitReason ?? null,
      unannounced: body.unannounced ?? false,
      unannouncedReason: body.unannounced ? (body.unannouncedReason ?? null) : null,
      subjectOrganisationId: body.subjectOrganisationId ?? base.subjectOrganisationId,
      subjectName: base.subjectName,
    };
    if (body.subjectOrganisationId) {
      // issue 12 item 2: never in another bureau's name (its numbering series, its signing key)
      const subject = assertReferenced(
        actor,
        'organisation',
        await findOrganisationName(tx, body.subjectOrganisationId),
        '检查主体',
      );
      content.subjectName = subject.name;
    }
    // a registered officer of another district's bureau is out of reach, as its id would be in the path
    for (const officer of body.officers ?? []) {
      const known = (await officersByCertificate(tx, [officer])).get(officer);
      if (known)
        assertJoinable(actor, 'officer', { id: known.officerId, territory: known.territory }, '执法人员');
    }
    const now = ctx.clock.now();
    const plan = await insertVersion(tx, actor, row, content, now);
    await advanceStage(
      tx,
      actor,
      row,
      'draft_plan',
      'inspection.plan.drafted',
      { planId: plan.id, version: plan.version },
      now,
      {
        subjectOrganisationId: content.subjectOrganisationId || null,
      },
    );
    return planView(plan, now);
  });

// One click from a draw: a draft plan for every planned inspection of the draw in the actor's scope.
export const plansFromDraw = async (ctx: AppContext, actor: Actor, drawId: string) =>
  ctx.db.transaction(async (tx) => {
    assertMayUse(actor, 'onsite_plan', 'create');
    if (!isUuid(drawId)) throw notFound('抽取');
    const draw = await findDrawStatus(tx, drawId);
    assertCan(actor, 'inspection', 'read', draw, '抽取');
    if (draw!.status !== 'drawn') throw problem('DRAW_NOT_DRAWN', { detail: '该批次尚未抽取或已取消' });
    const rows = await findPlannedInspectionsOfDraw(tx, drawId);
    const now = ctx.clock.now();
    let drafted = 0;
    for (const row of rows) {
      try {
        assertCan(actor, 'inspection', 'update', row, '检查');
      } catch {
        continue;
      }
      const plan = await insertVersion(tx, actor, row, await defaultContent(tx, row), now);
      await advanceStage(
        tx,
        actor,
        row,
        'draft_plan',
        'inspection.plan.drafted',
        { planId: plan.id, version: plan.version, fromDraw: drawId },
        now,
        {
          subjectOrganisationId: plan.content.subjectOrganisationId || null,
        },
      );
      drafted += 1;
    }
    return { drafted };
  });
