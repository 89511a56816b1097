import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import {
  checkDroneFinding,
  DRONE_FINDING_KIND_NAMES,
  DRONE_FINDING_LEVELS,
  ZDroneFindingSchema,
  ZNormalisedAlarmSchema,
} from '@inspecta/domain/monitoring';
import { appendAuditEvents } from '../../../platform/audit/service.ts';
import type { AppContext } from '../../../platform/http/context.ts';
import { isUuid } from '../../../platform/http/paging.ts';
import { assertReferenced, mayFlyDroneMission, type Actor } from '../../../platform/policy/policy.ts';
import { notFound, problem, refused } from '../../../platform/problems/problem.ts';
import { findEnterpriseById } from '../../enterprises/index.ts';
import { checkEvidence } from '../../inspections/index.ts';
import { ingestAlarms } from '../ingest-alarms.ts';
import type { SourceRow } from '../repository.ts';
import {
  ensureDronePoint,
  findDroneSource,
  findFindingSummary,
  findingExternalId,
  insertDroneSource,
  insertFinding,
  lockDroneSource,
} from './repository.ts';
import { loadMission } from './service.ts';

// measure 21 "涉及违法的及时推送执法人员赶赴现场处理": the pilot's photo, with its place and time, stored first; then
// raised as an alarm of the territory's drone source through the same ingestion and triage as a monitoring
// system's, so it becomes (or joins) a lead for the enterprise's officers. The finding's id is the client's: an
// upload retried after a lost answer or a failure between the two steps stores nothing twice and raises the lead.

export const ZFindingUploadFieldsSchema = ZDroneFindingSchema.extend({
  id: z.uuid({ error: '发现编号格式不正确' }),
  enterpriseId: z.uuid({ error: '请选择涉及的企业' }),
});
type FindingFields = z.infer<typeof ZFindingUploadFieldsSchema>;

export const reportDroneFinding = async (
  ctx: AppContext,
  actor: Actor,
  missionId: string,
  upload: { fields: FindingFields; data: Buffer },
) => {
  const { fields } = upload;
  const mission = await loadMission(ctx.db, actor, missionId, 'update');
  if (!mayFlyDroneMission(actor, mission)) throw problem('DRONE_NOT_PILOT');
  const enterprise = assertReferenced(
    actor,
    'enterprise',
    isUuid(fields.enterpriseId) ? await findEnterpriseById(ctx.db, fields.enterpriseId) : undefined,
    '企业',
  );
  const photo = await checkEvidence('photo', upload.data);
  const now = ctx.clock.now();
  const existing = await findFindingSummary(ctx.db, fields.id);
  if (existing && (existing.missionId !== mission.id || existing.photoSha256 !== photo.sha256))
    throw problem('FILE_ID_REUSED');

  const source = await ctx.db.transaction(async (tx): Promise<SourceRow> => {
    // one drone source per territory, registered on the first finding (its key is never used: the pilot
    // reports through his session, not a signed feed)
    await lockDroneSource(tx, mission.territory);
    const source =
      (await findDroneSource(tx, mission.territory)) ??
      (await insertDroneSource(tx, {
        kind: 'drone_patrol',
        name: '无人机巡查',
        territory: mission.territory,
        signingKey: randomBytes(32).toString('hex'),
        createdAt: now,
      }));
    await ensureDronePoint(tx, {
      sourceId: source.id,
      code: `drone:${enterprise.id}`,
      enterpriseId: enterprise.id,
      territory: enterprise.territory,
      kind: 'drone',
      // the lead's summary reads "航拍无人机巡查发现报警：…"
      name: '航拍',
      unit: null,
      thresholds: {},
    });
    if (existing) return source;
    const checked = checkDroneFinding(
      fields,
      {
        state: mission.state,
        area: mission.area,
        schedule: { date: mission.scheduledOn, startTime: mission.startTime, endTime: mission.endTime },
      },
      { now },
    );
    if (!checked.ok) throw refused(checked);
    await insertFinding(tx, {
      id: fields.id,
      missionId: mission.id,
      territory: mission.territory,
      enterpriseId: enterprise.id,
      kind: fields.kind,
      latitude: fields.latitude,
      longitude: fields.longitude,
      takenAt: new Date(fields.takenAt),
      note: fields.note,
      insideArea: checked.insideArea,
      photo: upload.data,
      photoSha256: photo.sha256,
      photoMediaType: photo.mediaType,
      photoSize: upload.data.length,
      uploadedAt: now,
      uploadedByName: actor.displayName,
    });
    await appendAuditEvents(tx, [
      {
        actor: { id: actor.id, displayName: actor.displayName },
        action: 'drone_mission.finding.reported',
        entityType: 'drone_mission',
        entityId: mission.id,
        territory: mission.territory,
        payload: {
          findingId: fields.id,
          kind: fields.kind,
          enterpriseId: enterprise.id,
          takenAt: fields.takenAt,
          location: { latitude: fields.latitude, longitude: fields.longitude },
          insideArea: checked.insideArea,
          sha256: photo.sha256,
        },
        at: now,
      },
    ]);
    return source;
  });

  const alarm = ZNormalisedAlarmSchema.parse({
    externalId: findingExternalId(fields.id),
    enterpriseCode: enterprise.creditCode,
    pointCode: `drone:${enterprise.id}`,
    at: new Date(fields.takenAt).toISOString(),
    status: 'alarm',
    kind: 'drone',
    level: DRONE_FINDING_LEVELS[fields.kind],
    content: `${DRONE_FINDING_KIND_NAMES[fields.kind]}：${fields.note}`.slice(0, 500),
    location: { lng: fields.longitude, lat: fields.latitude },
  });
  const raw = {
    findingId: fields.id,
    missionId: mission.id,
    kind: fields.kind,
    note: fields.note,
    takenAt: fields.takenAt,
    location: { latitude: fields.latitude, longitude: fields.longitude },
    photo: { sha256: photo.sha256, mediaType: photo.mediaType },
  };
  const outcome = await ingestAlarms(ctx, source, [{ index: 0, ok: true, value: alarm, raw }]);
  if (outcome.rejected.length > 0) throw notFound('巡查发现');
  return { id: fields.id, replayed: existing !== undefined };
};
