import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  ZPatrolAreaSchema,
  ZPatrolRouteSchema,
  ZPatrolScheduleSchema,
  checkDroneFinding,
  checkPatrolPlan,
  isInsideArea,
  type PatrolArea,
} from './drone-patrol.ts';

// measure 21: patrol missions drawn on the map, and what the pilot reports from them.

const square: PatrolArea = {
  type: 'Polygon',
  coordinates: [
    [
      [113.0, 22.5],
      [113.1, 22.5],
      [113.1, 22.6],
      [113.0, 22.6],
      [113.0, 22.5],
    ],
  ],
};
const schedule = { date: '2026-12-04', startTime: '09:00', endTime: '11:30' };
const mission = { state: 'planned' as const, schedule, area: square };
const finding = {
  kind: 'work_at_height' as const,
  latitude: 22.55,
  longitude: 113.05,
  takenAt: '2026-12-04T10:05:00+08:00',
};
const now = new Date('2026-12-04T03:00:00Z'); // 11:00 in Jiangmen

describe('patrol areas', () => {
  it('accepts a closed polygon of three or more vertices', () => {
    expect(ZPatrolAreaSchema.safeParse(square).success).toBe(true);
  });

  it('refuses a ring that is not closed', () => {
    const open = { type: 'Polygon', coordinates: [square.coordinates[0]!.slice(0, 4)] };
    expect(ZPatrolAreaSchema.safeParse(open).error?.issues[0]?.message).toBe(
      '巡查区域至少需要三个顶点，并且首尾相接',
    );
  });

  it('refuses an area that encloses nothing', () => {
    const flat = {
      type: 'Polygon',
      coordinates: [
        [
          [113.0, 22.5],
          [113.1, 22.5],
          [113.2, 22.5],
          [113.0, 22.5],
        ],
      ],
    };
    expect(ZPatrolAreaSchema.safeParse(flat).error?.issues[0]?.message).toBe('巡查区域的面积不能为零');
  });

  it('refuses a figure-eight whose edges cross', () => {
    const bowtie = {
      type: 'Polygon',
      coordinates: [
        [
          [113.0, 22.5],
          [113.1, 22.6],
          [113.1, 22.5],
          [113.0, 22.6],
          [113.0, 22.5],
        ],
      ],
    };
    expect(ZPatrolAreaSchema.safeParse(bowtie).error?.issues[0]?.message).toBe('巡查区域的边不能相互交叉');
  });

  it('refuses coordinates off the globe, holes and other geometry types', () => {
    const off = structuredClone(square);
    off.coordinates[0]![1] = [213.1, 22.5];
    expect(ZPatrolAreaSchema.safeParse(off).success).toBe(false);
    const holed = { ...square, coordinates: [square.coordinates[0], square.coordinates[0]] };
    expect(ZPatrolAreaSchema.safeParse(holed).error?.issues[0]?.message).toBe(
      '巡查区域只能是一个不带空洞的多边形',
    );
    expect(ZPatrolAreaSchema.safeParse({ ...square, type: 'MultiPolygon' }).success).toBe(false);
  });

  it('needs a route of at least two waypoints', () => {
    expect(ZPatrolRouteSchema.safeParse({ type: 'LineString', coordinates: [[113, 22.5]] }).success).toBe(
      false,
    );
    expect(
      ZPatrolRouteSchema.safeParse({
        type: 'LineString',
        coordinates: [
          [113, 22.5],
          [113.1, 22.6],
        ],
      }).success,
    ).toBe(true);
  });

  it('places a point inside, on the edge of, or outside the area', () => {
    expect(isInsideArea({ lng: 113.05, lat: 22.55 }, square)).toBe(true);
    expect(isInsideArea({ lng: 113.1, lat: 22.55 }, square)).toBe(true);
    expect(isInsideArea({ lng: 113.15, lat: 22.55 }, square)).toBe(false);
  });

  it('finds every point of a square inside it and every point beyond it outside', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 112.8, max: 113.3, noNaN: true }),
        fc.double({ min: 22.3, max: 22.8, noNaN: true }),
        (lng, lat) => {
          const inside = lng >= 113.0 && lng <= 113.1 && lat >= 22.5 && lat <= 22.6;
          expect(isInsideArea({ lng, lat }, square)).toBe(inside);
        },
      ),
    );
  });
});

describe('patrol schedules', () => {
  it('refuses a window that ends before it starts', () => {
    expect(ZPatrolScheduleSchema.safeParse({ ...schedule, endTime: '08:00' }).error?.issues[0]?.message).toBe(
      '结束时间应晚于开始时间',
    );
  });

  it('refuses a mission planned for a day already past in Jiangmen, accepts today', () => {
    const lateEvening = new Date('2026-12-04T16:30:00Z'); // 00:30 on 5 December in Jiangmen
    expect(checkPatrolPlan(schedule, { now: lateEvening })).toMatchObject({
      ok: false,
      code: 'drone_patrol_in_the_past',
      measure: 21,
    });
    expect(checkPatrolPlan(schedule, { now })).toEqual({ ok: true });
  });
});

describe('drone findings', () => {
  it('opens work at height as an orange lead and a building without approval as yellow', () => {
    expect(checkDroneFinding(finding, mission, { now })).toEqual({
      ok: true,
      level: 'orange',
      insideArea: true,
    });
    expect(
      checkDroneFinding({ ...finding, kind: 'unapproved_construction' }, mission, { now }),
    ).toMatchObject({ ok: true, level: 'yellow' });
  });

  it('keeps a finding outside the drawn area, marked as outside', () => {
    expect(checkDroneFinding({ ...finding, longitude: 113.2 }, mission, { now })).toMatchObject({
      ok: true,
      insideArea: false,
    });
  });

  it('refuses a photo taken before the mission started', () => {
    expect(
      checkDroneFinding({ ...finding, takenAt: '2026-12-04T08:59:00+08:00' }, mission, { now }),
    ).toMatchObject({ ok: false, code: 'drone_finding_before_mission' });
  });

  it('refuses a photo dated after now', () => {
    expect(
      checkDroneFinding({ ...finding, takenAt: '2026-12-04T11:30:00+08:00' }, mission, { now }),
    ).toMatchObject({ ok: false, code: 'drone_finding_in_the_future' });
  });

  it('refuses a finding on a completed mission', () => {
    expect(checkDroneFinding(finding, { ...mission, state: 'completed' }, { now })).toMatchObject({
      ok: false,
      code: 'drone_mission_completed',
    });
  });
});
