import { z } from 'zod';
import {
  ZAlarmKindSchema,
  ZAlarmLevelSchema,
  type AlarmLevel,
  type TriageRules,
} from './monitoring-catalog.ts';

// The one shape every inbound adapter produces (FACTS-4 §6.4's proposal): which enterprise, which point, when,
// what it read against which threshold, alarm or clear, how grave, and what kind of signal. An alarm is a lead
// for an officer, never a violation by itself.

const ZCodeSchema = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[\p{L}\p{N}._:\-/]+$/u, { error: '编码只能包含字母、数字和 . _ : - /' });

export const ZNormalisedAlarmSchema = z.object({
  // the source's own id of this signal: a source sending it twice stores it once
  externalId: z.string().min(1).max(128),
  // the enterprise's unified social credit code, or its code in the source system
  enterpriseCode: ZCodeSchema,
  pointCode: ZCodeSchema,
  at: z.iso.datetime({ offset: true }),
  status: z.enum(['alarm', 'clear']),
  kind: ZAlarmKindSchema,
  level: ZAlarmLevelSchema.optional(),
  value: z.number().finite().optional(),
  unit: z.string().max(16).optional(),
  threshold: z.number().finite().optional(),
  content: z.string().max(500).optional(),
  location: z.object({ lng: z.number().min(-180).max(180), lat: z.number().min(-90).max(90) }).optional(),
});

export type NormalisedAlarm = z.infer<typeof ZNormalisedAlarmSchema>;

// A monitoring point as registered: whose, what it measures, and the limits beyond which a reading alarms.
export type MonitoringPoint = {
  code: string;
  kind: z.infer<typeof ZAlarmKindSchema>;
  unit: string | null;
  thresholds: { highHigh?: number; high?: number; low?: number; lowLow?: number };
};

// A real-time reading (the provincial rtsData): within its point's limits it is only data; beyond them it
// alarms at the level the triage rules give the crossed limit, and back within them it clears.
export const evaluateReading = (
  point: MonitoringPoint,
  reading: { value: number },
  rules: Pick<TriageRules, 'thresholdLevels'>,
): { status: 'alarm'; level: AlarmLevel; threshold: number } | { status: 'clear' } => {
  const { highHigh, high, low, lowLow } = point.thresholds;
  const { value } = reading;
  if (highHigh !== undefined && value >= highHigh)
    return { status: 'alarm', level: rules.thresholdLevels.highHigh, threshold: highHigh };
  if (lowLow !== undefined && value <= lowLow)
    return { status: 'alarm', level: rules.thresholdLevels.lowLow, threshold: lowLow };
  if (high !== undefined && value >= high)
    return { status: 'alarm', level: rules.thresholdLevels.high, threshold: high };
  if (low !== undefined && value <= low)
    return { status: 'alarm', level: rules.thresholdLevels.low, threshold: low };
  return { status: 'clear' };
};

export type ItemResult<T> =
  { index: number; ok: true; value: T } | { index: number; ok: false; message: string };

// A batch is judged item by item: a malformed item is reported with its position and never blocks the rest.
export const parseAlarmBatch = (items: readonly unknown[]): ItemResult<NormalisedAlarm>[] =>
  items.map((item, index) => {
    const parsed = ZNormalisedAlarmSchema.safeParse(item);
    if (parsed.success) return { index, ok: true, value: parsed.data };
    const issue = parsed.error.issues[0];
    const where = issue && issue.path.length > 0 ? `${issue.path.join('.')}: ` : '';
    return { index, ok: false, message: `${where}${issue?.message ?? '格式不正确'}` };
  });
