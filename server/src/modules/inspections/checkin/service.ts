import {
  arrivalWindowOf,
  certificateStatusOn,
  mayArriveOn,
  inspectionMatterByCode,
  inspectionMatterCatalog,
  INSPECTION_STAGE_NAMES,
  type InspectionStage,
  inspectionMatterName,
  jointTeam,
  partnerDepartmentOf,
} from '@inspecta/domain';
import type { z } from 'zod';
import type { AppContext } from '../../../platform/http/context.ts';
import { shanghaiDate } from '../../../platform/http/dates.ts';
import { assertMayUse, speaksForEnterprise, type Actor } from '../../../platform/policy/policy.ts';
import { territoryCondition } from '../../../platform/db/scope.ts';
import { notFound, problem, refused } from '../../../platform/problems/problem.ts';
import { appendAuditEvent } from '../../../platform/audit/service.ts';
import type { Db, Tx } from '../../../platform/db/client.ts';
import { activeKey, signCheckInCode, verifyCheckInCode, type CheckInPayload } from './code.ts';
import { assertMayBegin } from '../guard-facts.ts';
import { advanceStage, loadInspection, type InspectionRow } from '../inspection-store.ts';
import { findInspectionById } from '../repository.ts';
import { latestPlan, planAllowsVisit } from '../onsite-plan/plan-versions.ts';
import { visitRatings } from '../schema.ts';
import {
  findCertificatesByNumbers,
  insertRatingOnce,
  isVisitRated,
  listPublicSigningKeys,
  ratingStatisticsIn,
} from './repository.ts';
import type { ZArriveSchema, ZRatingSchema } from './model.ts';

// 亮码入企 (issue 5 item 4): the enterprise scans the code of an approved inspection on a public page (no
// login) and sees who comes and on what legal basis. Only the enterprise's own account registers the arrival
// and, once the inspection is concluded, rates the visit anonymously (issue 12 item 3): the code alone, or
// an officer's session, does neither.

// the visit is over: documents issued, or closed
export const RATABLE_STAGES: readonly InspectionStage[] = ['concluded', 'closed'];

// after the visit too: the enterprise rates it with the same code
const CODE_STAGES: readonly InspectionStage[] = [
  'notified',
  'checked_in',
  'findings_recorded',
  'concluded',
  'closed',
];

export const checkInCodeFor = async (ctx: AppContext, actor: Actor, inspectionId: string) =>
  ctx.db.transaction(async (tx) => codeOf(ctx, tx, await loadInspection(tx, actor, inspectionId, 'read')));

// issue 13 item 1: the enterprise's own account reads the code of its own visit, to rate it after the visit on the
// page the code opens; another enterprise's visit is not found
export const ownVisitCode = async (ctx: AppContext, actor: Actor, inspectionId: string) =>
  ctx.db.transaction(async (tx) => {
    const row = await findInspectionById(tx, inspectionId);
    if (!row || !speaksForEnterprise(actor, row.enterpriseId)) throw notFound('检查');
    return codeOf(ctx, tx, row);
  });

const codeOf = async (ctx: AppContext, tx: Tx, row: InspectionRow) => {
  if (!CODE_STAGES.includes(row.stage)) {
    throw problem('CHECKIN_CODE_NOT_YET', { measure: 11 });
  }
  const plan = await latestPlan(tx, row.id);
  if (!plan || !planAllowsVisit(plan)) throw problem('INSPECTION_PLAN_NOT_APPROVED', { measure: 11 });
  const key = await activeKey(tx, plan.content.subjectOrganisationId || row.organisationId, ctx.clock.now());
  const day = shanghaiDate(new Date(plan.content.scheduledAt));
  // good through the last day of the arrival window (the planned day by default)
  const until = arrivalWindowOf(day).to;
  const token = signCheckInCode(key, {
    i: row.id,
    c: row.creditCode,
    n: row.enterpriseName,
    b: plan.content.subjectName,
    t: plan.content.scheduledAt,
    x: until,
    // measure 6: an officer from another department than the subject (a joint team's partner) carries it, so
    // the code itself says who is from where; the subject's own officers leave it out (the code stays short)
    o: plan.content.officers.map((officer): CheckInPayload['o'][number] =>
      officer.organisationName && officer.organisationName !== plan.content.subjectName
        ? [officer.certificate, officer.name, officer.organisationName]
        : [officer.certificate, officer.name],
    ),
    m: plan.content.matters,
  });
  return { token, path: `/public/checkin/${token}`, expiresOn: until };
};

export const publicSigningKeys = async (ctx: AppContext) => {
  const rows = await listPublicSigningKeys(ctx.db);
  return rows.map((row) => ({
    id: row.id,
    algorithm: 'Ed25519' as const,
    publicKey: row.publicKey,
    organisationId: row.organisationId,
    createdAt: row.createdAt.toISOString(),
    retiredAt: row.retiredAt?.toISOString() ?? null,
  }));
};

const inspectionOf = (db: Db | Tx, payload: CheckInPayload) => findInspectionById(db, payload.i);

// What the enterprise sees when it scans: the bureau, the officers with their certificate numbers and whether
// each certificate is valid today, the matters and their legal basis, the notice.
export const publicCheckIn = async (ctx: AppContext, actor: Actor | null, token: string) => {
  const verdict = await verifyCheckInCode(ctx.db, token);
  if (!verdict.valid) return { valid: false as const, reason: verdict.reason, inspection: null };
  const { payload } = verdict;
  const row = await inspectionOf(ctx.db, payload);
  if (!row) return { valid: false as const, reason: '检查记录不存在', inspection: null };
  const today = shanghaiDate(ctx.clock.now());
  const numbers = payload.o.map(([certificate]) => certificate);
  const certs = numbers.length ? await findCertificatesByNumbers(ctx.db, numbers) : [];
  const plan = await latestPlan(ctx.db, row.id);
  // an officer the code names without a department is the subject's own; a code signed before codes carried
  // departments: the drawn teams say them
  const drawnTeam = jointTeam(row.team, row.partners);
  return {
    valid: true as const,
    reason: null,
    inspection: {
      id: row.id,
      enterpriseName: payload.n,
      creditCode: payload.c,
      bureau: payload.b,
      scheduledAt: payload.t,
      expiresOn: payload.x,
      expired: today > payload.x,
      stage: row.stage,
      stageName: INSPECTION_STAGE_NAMES[row.stage],
      checkedInAt: row.checkedInAt?.toISOString() ?? null,
      cancelled: row.stage === 'cancelled',
      officers: payload.o.map(([certificate, name, department]) => {
        const cert = certs.find((c) => c.number === certificate);
        const status = cert
          ? certificateStatusOn(
              {
                number: cert.number,
                issuingAuthority: cert.issuingAuthority,
                validFrom: cert.validFrom,
                validTo: cert.validTo,
                status: cert.status,
              },
              today,
            )
          : null;
        return {
          name,
          certificate,
          organisationName:
            department ||
            drawnTeam.find((member) => member.certificate === certificate)?.organisationName ||
            payload.b,
          // measure 6: an officer of a partner department joining the inspection
          partner: partnerDepartmentOf(certificate, row.partners) !== null,
          issuingAuthority: cert?.issuingAuthority ?? null,
          validTo: cert?.validTo ?? null,
          validToday: status === 'valid',
        };
      }),
      matters: payload.m.map((code) => {
        const matter = inspectionMatterByCode(inspectionMatterCatalog, code);
        return { code, name: inspectionMatterName(code), basis: matter?.source ?? '' };
      }),
      // whether the visit was unannounced, never why (issue 11 item 11: the reason stays in the file)
      unannounced: plan?.content.unannounced ?? false,
      site: plan?.content.site ?? null,
      rated: await isVisitRated(ctx.db, row.id),
      // whether the viewer is the inspected enterprise's own account (arrival and rating are its acts)
      ownEnterprise: speaksForEnterprise(actor, row.enterpriseId),
      ratable: RATABLE_STAGES.includes(row.stage),
    },
  };
};

const verified = async (db: Db | Tx, token: string) => {
  const verdict = await verifyCheckInCode(db, token);
  if (!verdict.valid) throw problem('CHECKIN_CODE_INVALID', { reason: verdict.reason });
  const row = await inspectionOf(db, verdict.payload);
  if (!row) throw problem('NOT_FOUND', { what: '检查记录' });
  return { payload: verdict.payload, row };
};

// The inspected enterprise's own account, or a refusal: 401 without a session, 403 for anyone else.
const assertSpeaksForEnterprise = (actor: Actor | null, row: InspectionRow): Actor => {
  if (!actor) throw problem('UNAUTHENTICATED');
  if (!speaksForEnterprise(actor, row.enterpriseId)) throw problem('CHECKIN_ENTERPRISE_ONLY');
  return actor;
};

const enterpriseActor = (actor: Actor, row: InspectionRow) => ({
  id: actor.id,
  displayName: `${row.enterpriseName}（${actor.displayName}）`,
});

// The scan records arrival time and place; the guards run once more (a certificate may have lapsed since the
// approval), so an unlawful visit is refused in front of the enterprise, with the measure.
export const arrive = async (
  ctx: AppContext,
  actor: Actor | null,
  token: string,
  body: z.infer<typeof ZArriveSchema>,
) =>
  ctx.db.transaction(async (tx) => {
    const { payload, row: found } = await verified(tx, token);
    const enterprise = assertSpeaksForEnterprise(actor, found);
    const row = await findInspectionById(tx, found.id, true);
    if (!row) throw problem('NOT_FOUND', { what: '检查记录' });
    if (row.checkedInAt) return { arrived: true, checkedInAt: row.checkedInAt.toISOString(), already: true };
    const today = shanghaiDate(ctx.clock.now());
    if (today > payload.x) throw problem('CHECKIN_CODE_EXPIRED', { until: payload.x }, { measure: 11 });
    const plan = await latestPlan(tx, row.id);
    if (!plan) throw problem('INSPECTION_PLAN_NOT_APPROVED', { detail: '企业有权拒绝检查', measure: 11 });
    // on the day the plan names (its latest version: an amended plan moves the day), not before nor after
    const onDay = mayArriveOn(today, shanghaiDate(new Date(plan.content.scheduledAt)));
    if (!onDay.ok) throw refused(onDay);
    await assertMayBegin(
      tx,
      row,
      { ...plan.content, scheduledAt: `${today}T00:00:00+08:00` },
      'check_in',
      planAllowsVisit(plan),
    );
    const now = ctx.clock.now();
    const location = body?.location ?? null;
    await advanceStage(
      tx,
      enterpriseActor(enterprise, row),
      row,
      'check_in',
      'inspection.arrival.registered',
      { at: now.toISOString(), location },
      now,
      { checkedInAt: now, checkInLocation: location },
    );
    return { arrived: true, checkedInAt: now.toISOString(), already: false };
  });

// Anonymous: the rating row holds no user and no enterprise; the inspection id only makes it once per visit
// and is never served. The audit event names the rating, not the inspection, so the officers' timeline does
// not show who rated.
export const rateVisit = async (
  ctx: AppContext,
  actor: Actor | null,
  token: string,
  body: z.infer<typeof ZRatingSchema>,
) =>
  ctx.db.transaction(async (tx) => {
    const { payload, row } = await verified(tx, token);
    assertSpeaksForEnterprise(actor, row);
    if (!row.checkedInAt || !RATABLE_STAGES.includes(row.stage)) throw problem('RATING_BEFORE_VISIT');
    const now = ctx.clock.now();
    const ratingId = await insertRatingOnce(tx, {
      inspectionId: row.id,
      territory: row.territory,
      organisationName: payload.b,
      officerCertificates: payload.o.map(([certificate]) => certificate),
      score: body.score,
      comment: body.comment?.trim() || null,
      month: shanghaiDate(now).slice(0, 7),
    });
    if (ratingId === null) throw problem('ALREADY_RATED');
    await appendAuditEvent(tx, {
      actor: { id: null, displayName: '企业（匿名）' },
      action: 'inspection.rating.submitted',
      entityType: 'rating',
      entityId: ratingId,
      territory: row.territory,
      payload: {},
      at: now,
    });
    return { rated: true };
  });

// Supervisors (legal reviewers) see ratings as statistics by unit and officer, never who rated what.
export const ratingStatistics = async (ctx: AppContext, actor: Actor) => {
  assertMayUse(actor, 'audit', 'read');
  const scope = territoryCondition(actor.territory, visitRatings.territory);
  const { byUnit, byOfficer, comments } = await ratingStatisticsIn(ctx.db, scope);
  return {
    byUnit,
    byOfficer,
    // comments by month without the visit they came from
    comments,
  };
};
