import { z } from 'zod';
import type { ItemResult, NormalisedAlarm } from './alarm.ts';
import { ZNormalisedAlarmSchema } from './alarm.ts';
import type { AlarmKind } from './monitoring-catalog.ts';

// The provincial upload style (FACTS-4 §6.4, a third-party description of Hebei's dust-monitoring interface
// V1.1, partly verified): an envelope with the enterprise code (qybm) and gateway code (wgbm) around a batch of
// real-time readings (rtsData), events (eventsData: alarm or clear) or video-AI alarms (videosData). The
// envelope's `data` arrives encrypted in the original (DES-CBC, Base64, hex); the server decrypts it before
// these functions see it. Times are Beijing time without an offset ("2025-06-01 08:00:00").

const ZEnvelopeSchema = z.object({
  qybm: z.string().min(1).max(64),
  wgbm: z.string().max(64).optional(),
  data: z.array(z.unknown()).max(1000),
});

const ZBeijingTimeSchema = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}[ T]\d{2}:\d{2}:\d{2}$/, { error: '时间格式应为 yyyy-MM-dd HH:mm:ss' });

const toIso = (beijing: string): string => `${beijing.replace(' ', 'T')}+08:00`;

const ZRtsItemSchema = z.object({
  tnm: z.string().min(1).max(64),
  ts: ZBeijingTimeSchema,
  val: z.coerce.number(),
});
const ZEventItemSchema = z.object({
  ts: ZBeijingTimeSchema,
  oname: z.string().min(1).max(64),
  avx: z.coerce.number().optional(),
  scd: z.coerce.number().int(),
  threshold: z.coerce.number().optional(),
  content: z.string().min(1).max(500),
});
const ZVideoItemSchema = z.object({
  ts: ZBeijingTimeSchema,
  videoCode: z.string().min(1).max(64),
  alarmType: z.string().min(1).max(32),
  content: z.string().max(500).optional(),
});

export type Reading = { enterpriseCode: string; pointCode: string; at: string; value: number };

const failure = (index: number, error: z.ZodError): { index: number; ok: false; message: string } => {
  const issue = error.issues[0];
  const where = issue && issue.path.length > 0 ? `${issue.path.join('.')}: ` : '';
  return { index, ok: false, message: `${where}${issue?.message ?? '格式不正确'}` };
};

export type EnvelopeResult<T> = { ok: true; items: ItemResult<T>[] } | { ok: false; message: string };

const envelope = <T>(body: unknown, item: (raw: unknown, qybm: string, index: number) => ItemResult<T>) => {
  const parsed = ZEnvelopeSchema.safeParse(body);
  if (!parsed.success)
    return { ok: false as const, message: `报文格式不正确：${parsed.error.issues[0]?.message}` };
  return {
    ok: true as const,
    items: parsed.data.data.map((raw, index) => item(raw, parsed.data.qybm, index)),
  };
};

export const adaptRealtimeData = (body: unknown): EnvelopeResult<Reading> =>
  envelope(body, (raw, qybm, index) => {
    const parsed = ZRtsItemSchema.safeParse(raw);
    if (!parsed.success) return failure(index, parsed.error);
    return {
      index,
      ok: true,
      value: {
        enterpriseCode: qybm,
        pointCode: parsed.data.tnm,
        at: toIso(parsed.data.ts),
        value: parsed.data.val,
      },
    };
  });

// scd 0 is a clear; 4 is "超上上限" (above the high-high limit) in the interface's example; the other codes'
// meanings are not in the description we have, so they alarm at the level the point's thresholds give.
export const adaptEvents = (
  body: unknown,
  kindOf: (pointCode: string) => AlarmKind,
): EnvelopeResult<NormalisedAlarm> =>
  envelope(body, (raw, qybm, index) => {
    const parsed = ZEventItemSchema.safeParse(raw);
    if (!parsed.success) return failure(index, parsed.error);
    const item = parsed.data;
    const alarm = ZNormalisedAlarmSchema.safeParse({
      externalId: `${qybm}:${item.oname}:${item.ts}:${item.scd}`,
      enterpriseCode: qybm,
      pointCode: item.oname,
      at: toIso(item.ts),
      status: item.scd === 0 ? 'clear' : 'alarm',
      kind: kindOf(item.oname),
      ...(item.scd === 4 ? { level: 'orange' } : {}),
      ...(item.avx === undefined ? {} : { value: item.avx }),
      ...(item.threshold === undefined ? {} : { threshold: item.threshold }),
      content: item.content,
    });
    return alarm.success ? { index, ok: true, value: alarm.data } : failure(index, alarm.error);
  });

export const adaptVideoAlarms = (body: unknown): EnvelopeResult<NormalisedAlarm> =>
  envelope(body, (raw, qybm, index) => {
    const parsed = ZVideoItemSchema.safeParse(raw);
    if (!parsed.success) return failure(index, parsed.error);
    const item = parsed.data;
    const alarm = ZNormalisedAlarmSchema.safeParse({
      externalId: `${qybm}:${item.videoCode}:${item.ts}:${item.alarmType}`,
      enterpriseCode: qybm,
      pointCode: item.videoCode,
      at: toIso(item.ts),
      status: 'alarm',
      kind: 'video',
      content: item.content ? `${item.alarmType} ${item.content}` : item.alarmType,
    });
    return alarm.success ? { index, ok: true, value: alarm.data } : failure(index, alarm.error);
  });
