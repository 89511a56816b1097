import type { z } from 'zod';
import type { AppContext } from '../../../platform/http/context.ts';
import { isUuid } from '../../../platform/http/paging.ts';
import { notFound, problem } from '../../../platform/problems/problem.ts';
import type { Actor } from '../../../platform/policy/policy.ts';
import { auditInspection, loadInspection } from '../inspection-store.ts';
import type { ZResumptionSchema } from '../case-referral/model.ts';
import { findOrdersOfInspection } from '../rectification/repository.ts';
import { findFindingsByIds, updateFinding } from './repository.ts';

// 安全生产法 第六十五条第一款第（三）项: "重大事故隐患排除后，经审查同意，方可恢复生产经营和使用". A unit head or the
// bureau head records the review that lets work resume, only once the danger is eliminated (fixed on the spot, or
// its order reviewed and passed); it lifts every emergency measure of that finding still in force.

const BASIS = '《中华人民共和国安全生产法》第六十五条第一款第（三）项';

export const resumeAfterReview = async (
  ctx: AppContext,
  actor: Actor,
  inspectionId: string,
  findingId: string,
  body: z.infer<typeof ZResumptionSchema>,
) => {
  const now = ctx.clock.now();
  if (!isUuid(findingId)) throw notFound('问题');
  return ctx.db.transaction(async (tx) => {
    const inspection = await loadInspection(tx, actor, inspectionId, 'approve', true);
    const [finding] = await findFindingsByIds(tx, [findingId]);
    if (!finding || finding.inspectionId !== inspection.id) throw notFound('问题');
    const inForce = finding.emergencyMeasures.filter((measure) => !measure.resumption);
    if (inForce.length === 0) throw problem('RESUMPTION_NO_MEASURE', { basis: BASIS });
    const orders = await findOrdersOfInspection(tx, inspection.id);
    const eliminated =
      finding.status === 'fixed_on_spot' ||
      orders.some((order) => order.findingIds.includes(finding.id) && order.status === 'rectified');
    if (!eliminated) throw problem('RESUMPTION_NOT_NOW', { measure: 13, basis: BASIS });
    const resumption = { approvedAt: now.toISOString(), approvedByName: actor.displayName, note: body.note };
    const emergencyMeasures = finding.emergencyMeasures.map((measure) =>
      measure.resumption ? measure : { ...measure, resumption },
    );
    await updateFinding(tx, finding.id, { emergencyMeasures });
    await auditInspection(
      tx,
      actor,
      inspection,
      'inspection.emergency_measure.lifted',
      { findingId: finding.id, kinds: inForce.map((measure) => measure.kind), note: body.note },
      now,
    );
    return { findingId: finding.id, resumption, lifted: inForce.map((measure) => measure.kind) };
  });
};
