import { z } from 'zod';
import monitoringJson from '@inspecta/catalog/monitoring.json' with { type: 'json' };
import {
  ZCatalogCodeSchema,
  ZCatalogProvenanceSchema,
  ZCatalogVersionSchema,
  uniqueCodesCheck,
} from '../catalog/catalog-entry.ts';

// measures 19–21: where leads come from (monitoring systems, video, drones), what a monitoring point measures,
// and the triage rules that turn a stream of alarms into incidents an officer handles. The rules' numbers are
// the platform's working rules, not legal periods, and ship marked unverified for the legal reviewer.

export const SOURCE_KINDS = [
  'hazardous_chemicals',
  'non_coal_mine',
  'industry_trade',
  'work_at_height_video',
  'drone_patrol',
] as const;
export const ZSourceKindSchema = z.enum(SOURCE_KINDS);
export type SourceKind = z.infer<typeof ZSourceKindSchema>;

export const ALARM_KINDS = [
  'temperature',
  'pressure',
  'level',
  'flow',
  'gas',
  'pressure_difference',
  'fault',
  'video',
  'drone',
  'silence',
] as const;
export const ZAlarmKindSchema = z.enum(ALARM_KINDS);
export type AlarmKind = z.infer<typeof ZAlarmKindSchema>;

export const ALARM_LEVELS = ['red', 'orange', 'yellow', 'blue'] as const;
export const ZAlarmLevelSchema = z.enum(ALARM_LEVELS);
export type AlarmLevel = z.infer<typeof ZAlarmLevelSchema>;

const ZMinutesByLevelSchema = z.object({
  red: z.number().int().positive(),
  orange: z.number().int().positive(),
  yellow: z.number().int().positive(),
  blue: z.number().int().positive(),
});

export const ZMonitoringCatalogSchema = z.object({
  version: ZCatalogVersionSchema,
  effective: z.string(),
  note: z.string(),
  basis: ZCatalogProvenanceSchema.extend({ code: ZCatalogCodeSchema, name: z.string().min(1) }),
  tampering: ZCatalogProvenanceSchema.extend({ code: ZCatalogCodeSchema, name: z.string().min(1) }),
  sources: z
    .array(
      ZCatalogProvenanceSchema.extend({
        code: ZSourceKindSchema,
        name: z.string().min(1),
        // the inspection matter (catalog/inspection-matters.json) a remote check of its leads covers (measure 7)
        matter: z.string().min(1),
      }),
    )
    .refine(uniqueCodesCheck.check, uniqueCodesCheck.message),
  kinds: z.array(z.object({ code: ZAlarmKindSchema, name: z.string().min(1) })),
  levels: z.array(
    z.object({ code: ZAlarmLevelSchema, name: z.string().min(1), rank: z.number().int().min(1).max(4) }),
  ),
  levelsSource: ZCatalogProvenanceSchema,
  triage: ZCatalogProvenanceSchema.extend({
    mergeWindowMinutes: z.number().int().positive(),
    repeatToRaise: z.number().int().min(2),
    silenceMinutes: z.number().int().positive(),
    // the level of the lead a silent point becomes (安全生产法 第三十六条)
    silenceLevel: ZAlarmLevelSchema,
    handleWithinMinutes: ZMinutesByLevelSchema,
    escalateAfterMinutes: ZMinutesByLevelSchema,
    // the level an alarm takes when a reading crosses a registered threshold and the source names no level
    thresholdLevels: z.object({
      highHigh: ZAlarmLevelSchema,
      high: ZAlarmLevelSchema,
      low: ZAlarmLevelSchema,
      lowLow: ZAlarmLevelSchema,
    }),
  }),
  // an incident nobody has taken up goes up the territory's chain every escalateAfterMinutes, up to this level
  handling: ZCatalogProvenanceSchema.extend({
    code: ZCatalogCodeSchema,
    escalateUpTo: z.enum(['city', 'province']),
  }),
  signature: z.object({ note: z.string().min(1), maxSkewSeconds: z.number().int().positive() }),
});

export type MonitoringCatalog = z.infer<typeof ZMonitoringCatalogSchema>;
export type TriageRules = MonitoringCatalog['triage'];

export const parseMonitoringCatalog = (data: unknown): MonitoringCatalog =>
  ZMonitoringCatalogSchema.parse(data);

// catalog/monitoring.json, checked when the module loads.
export const monitoringCatalog: MonitoringCatalog = parseMonitoringCatalog(monitoringJson);

export const alarmKindName = (catalog: MonitoringCatalog, kind: AlarmKind): string =>
  catalog.kinds.find((entry) => entry.code === kind)?.name ?? kind;

export const sourceMatter = (catalog: MonitoringCatalog, source: SourceKind): string =>
  catalog.sources.find((entry) => entry.code === source)?.matter ?? 'work_safety_general';

export const levelRank = (catalog: MonitoringCatalog, level: AlarmLevel): number =>
  catalog.levels.find((entry) => entry.code === level)?.rank ?? 0;
