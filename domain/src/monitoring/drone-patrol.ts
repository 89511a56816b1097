import { z } from 'zod';
import { ok, refuse } from '../shared/result.ts';
import type { Ok, Refusal } from '../shared/result.ts';
import type { AlarmLevel } from './monitoring-catalog.ts';

// measure 21 "加强无人机巡查，充分利用无人机航飞对非煤矿山、工业集中区、群租厂房、重点管控企业开展空中巡查，不定期对企业
// 高处施工等危险作业以及是否存在未批先建等违法行为进行重点巡查，涉及违法的及时推送执法人员赶赴现场处理": a patrol mission over
// an area drawn on the map, flown in a time window along a route by an officer (the pilot); what the pilot sees
// becomes a lead for the territory's officers, through the same triage as a monitoring system's alarm.

const BASIS_21 =
  '《江门市应急管理系统严格规范涉企行政检查若干措施》第二十一项（加强无人机巡查……涉及违法的及时推送执法人员赶赴现场处理）';

// the seed's own words for the areas it names
export const PATROL_AREA_KINDS = [
  'non_coal_mine',
  'industrial_zone',
  'shared_factory_building',
  'key_enterprise',
] as const;
export const ZPatrolAreaKindSchema = z.enum(PATROL_AREA_KINDS);
export type PatrolAreaKind = z.infer<typeof ZPatrolAreaKindSchema>;
export const PATROL_AREA_KIND_NAMES: Record<PatrolAreaKind, string> = {
  non_coal_mine: '非煤矿山',
  industrial_zone: '工业集中区',
  shared_factory_building: '群租厂房',
  key_enterprise: '重点管控企业',
};

export const DRONE_FINDING_KINDS = ['unapproved_construction', 'work_at_height', 'other'] as const;
export const ZDroneFindingKindSchema = z.enum(DRONE_FINDING_KINDS);
export type DroneFindingKind = z.infer<typeof ZDroneFindingKindSchema>;
export const DRONE_FINDING_KIND_NAMES: Record<DroneFindingKind, string> = {
  unapproved_construction: '未批先建等违法建设',
  work_at_height: '高处施工等危险作业',
  other: '其他',
};

// The level a finding's lead opens at. The platform's working rule, not a legal grading (unverified, like the
// triage rules of catalog/monitoring.json): dangerous work under way is graver than a building already standing.
export const DRONE_FINDING_LEVELS: Record<DroneFindingKind, AlarmLevel> = {
  work_at_height: 'orange',
  unapproved_construction: 'yellow',
  other: 'blue',
};

export const MISSION_STATES = ['planned', 'completed'] as const;
export type MissionState = (typeof MISSION_STATES)[number];
export const MISSION_STATE_NAMES: Record<MissionState, string> = {
  planned: '已计划',
  completed: '已完成',
};

// GeoJSON positions are [longitude, latitude] in WGS 84 (RFC 7946 §3.1.1).
const ZPositionSchema = z.tuple([
  z
    .number()
    .finite()
    .min(-180, { error: '经度应在 -180 至 180 之间' })
    .max(180, { error: '经度应在 -180 至 180 之间' }),
  z
    .number()
    .finite()
    .min(-90, { error: '纬度应在 -90 至 90 之间' })
    .max(90, { error: '纬度应在 -90 至 90 之间' }),
]);
export type Position = z.infer<typeof ZPositionSchema>;

const MAX_VERTICES = 500;
const samePosition = (a: Position, b: Position) => a[0] === b[0] && a[1] === b[1];

// Twice the signed area of a ring (shoelace), in square degrees: zero for a ring that encloses nothing.
const ringArea2 = (ring: readonly Position[]): number => {
  let sum = 0;
  for (let i = 0; i + 1 < ring.length; i += 1)
    sum += ring[i]![0] * ring[i + 1]![1] - ring[i + 1]![0] * ring[i]![1];
  return sum;
};

const orientation = (a: Position, b: Position, c: Position): number =>
  Math.sign((b[0] - a[0]) * (c[1] - a[1]) - (b[1] - a[1]) * (c[0] - a[0]));

const segmentsCross = (a: Position, b: Position, c: Position, d: Position): boolean => {
  const o1 = orientation(a, b, c);
  const o2 = orientation(a, b, d);
  const o3 = orientation(c, d, a);
  const o4 = orientation(c, d, b);
  return o1 !== o2 && o3 !== o4 && o1 !== 0 && o2 !== 0 && o3 !== 0 && o4 !== 0;
};

// Whether two edges of the ring cross (a figure-eight encloses no clear area to patrol).
export const ringSelfIntersects = (ring: readonly Position[]): boolean => {
  const edges = ring.length - 1;
  for (let i = 0; i < edges; i += 1) {
    for (let j = i + 2; j < edges; j += 1) {
      if (i === 0 && j === edges - 1) continue; // the first and last edges share the closing vertex
      if (segmentsCross(ring[i]!, ring[i + 1]!, ring[j]!, ring[j + 1]!)) return true;
    }
  }
  return false;
};

// A patrol area: one GeoJSON Polygon with its outer ring only, closed, at least a triangle, not crossing itself.
export const ZPatrolAreaSchema = z
  .strictObject({
    type: z.literal('Polygon'),
    coordinates: z
      .array(z.array(ZPositionSchema).max(MAX_VERTICES + 1, { error: `巡查区域最多 ${MAX_VERTICES} 个顶点` }))
      .length(1, { error: '巡查区域只能是一个不带空洞的多边形' }),
  })
  .superRefine((area, context) => {
    const ring = area.coordinates[0]!;
    if (ring.length < 4 || !samePosition(ring[0]!, ring[ring.length - 1]!)) {
      context.addIssue({
        code: 'custom',
        message: '巡查区域至少需要三个顶点，并且首尾相接',
        path: ['coordinates'],
      });
      return;
    }
    if (ringSelfIntersects(ring)) {
      context.addIssue({ code: 'custom', message: '巡查区域的边不能相互交叉', path: ['coordinates'] });
      return;
    }
    if (new Set(ring.slice(0, -1).map((p) => `${p[0]},${p[1]}`)).size < 3 || ringArea2(ring) === 0)
      context.addIssue({ code: 'custom', message: '巡查区域的面积不能为零', path: ['coordinates'] });
  });
export type PatrolArea = z.infer<typeof ZPatrolAreaSchema>;

export const ZPatrolRouteSchema = z.strictObject({
  type: z.literal('LineString'),
  coordinates: z
    .array(ZPositionSchema)
    .min(2, { error: '航线至少需要起点和终点' })
    .max(MAX_VERTICES, { error: `航线最多 ${MAX_VERTICES} 个航点` }),
});
export type PatrolRoute = z.infer<typeof ZPatrolRouteSchema>;

const ZTimeSchema = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, { error: '时间格式应为 HH:mm' });

export const ZPatrolScheduleSchema = z
  .strictObject({
    date: z.iso.date({ error: '日期格式应为 YYYY-MM-DD' }),
    startTime: ZTimeSchema,
    endTime: ZTimeSchema,
  })
  .refine((schedule) => schedule.endTime > schedule.startTime, {
    error: '结束时间应晚于开始时间',
    path: ['endTime'],
  });
export type PatrolSchedule = z.infer<typeof ZPatrolScheduleSchema>;

// The schedule's window as instants: the date and times are Beijing time (UTC+8, no daylight saving).
export const scheduleWindow = (schedule: PatrolSchedule): { startsAt: Date; endsAt: Date } => ({
  startsAt: new Date(`${schedule.date}T${schedule.startTime}:00+08:00`),
  endsAt: new Date(`${schedule.date}T${schedule.endTime}:00+08:00`),
});

const beijingDate = (instant: Date): string =>
  new Date(instant.getTime() + 8 * 3600_000).toISOString().slice(0, 10);

export type DronePatrolRefusalCode =
  | 'drone_patrol_in_the_past'
  | 'drone_mission_completed'
  | 'drone_finding_before_mission'
  | 'drone_finding_in_the_future';

// A mission is planned for today or a later day (Beijing time): a flight already over is not a plan.
export const checkPatrolPlan = (
  schedule: PatrolSchedule,
  context: { now: Date },
): Ok | Refusal<DronePatrolRefusalCode> => {
  if (schedule.date < beijingDate(context.now))
    return refuse({
      code: 'drone_patrol_in_the_past',
      measure: 21,
      basis: BASIS_21,
      message: `巡查日期 ${schedule.date} 已过，请安排今天或以后的日期`,
    });
  return ok();
};

// Ray casting over the outer ring: whether a point lies inside the area (on an edge counts as inside).
export const isInsideArea = (point: { lng: number; lat: number }, area: PatrolArea): boolean => {
  const ring = area.coordinates[0]!;
  let inside = false;
  for (let i = 0, j = ring.length - 2; i < ring.length - 1; j = i, i += 1) {
    const [xi, yi] = ring[i]!;
    const [xj, yj] = ring[j]!;
    const onEdge =
      orientation([xi, yi], [xj, yj], [point.lng, point.lat]) === 0 &&
      Math.min(xi, xj) <= point.lng &&
      point.lng <= Math.max(xi, xj) &&
      Math.min(yi, yj) <= point.lat &&
      point.lat <= Math.max(yi, yj);
    if (onEdge) return true;
    if (yi > point.lat !== yj > point.lat && point.lng < ((xj - xi) * (point.lat - yi)) / (yj - yi) + xi)
      inside = !inside;
  }
  return inside;
};

export const ZDroneFindingSchema = z.strictObject({
  kind: ZDroneFindingKindSchema,
  latitude: z.coerce.number().finite().min(-90).max(90),
  longitude: z.coerce.number().finite().min(-180).max(180),
  takenAt: z.iso.datetime({ offset: true, error: '拍摄时间格式不正确' }),
  note: z.string().trim().min(2, { error: '请写明发现的情况' }).max(1000),
});
export type DroneFinding = z.infer<typeof ZDroneFindingSchema>;

// What a pilot reports: taken on this mission's day from its start (a photo from before the mission is not this
// patrol's), not later than now, while the mission is still open. A place outside the drawn area is kept and
// marked (the camera sees beyond the line), never refused.
export const checkDroneFinding = (
  finding: Pick<DroneFinding, 'kind' | 'latitude' | 'longitude' | 'takenAt'>,
  mission: { state: MissionState; schedule: PatrolSchedule; area: PatrolArea },
  context: { now: Date },
): Ok<{ level: AlarmLevel; insideArea: boolean }> | Refusal<DronePatrolRefusalCode> => {
  if (mission.state === 'completed')
    return refuse({
      code: 'drone_mission_completed',
      measure: 21,
      basis: BASIS_21,
      message: '巡查任务已完成，不能再上传发现',
    });
  const taken = new Date(finding.takenAt);
  const { startsAt } = scheduleWindow(mission.schedule);
  if (taken < startsAt)
    return refuse({
      code: 'drone_finding_before_mission',
      measure: 21,
      basis: BASIS_21,
      message: `拍摄时间早于本次巡查开始时间（${mission.schedule.date} ${mission.schedule.startTime}），不是本次巡查的发现`,
    });
  if (taken.getTime() > context.now.getTime() + 5 * 60_000)
    return refuse({
      code: 'drone_finding_in_the_future',
      measure: 21,
      basis: BASIS_21,
      message: '拍摄时间晚于当前时间，请核对设备时间',
    });
  return ok({
    level: DRONE_FINDING_LEVELS[finding.kind],
    insideArea: isInsideArea({ lng: finding.longitude, lat: finding.latitude }, mission.area),
  });
};
