import { z } from 'zod';
import { OPEN_DAY_KINDS, PARTICIPANT_CATEGORIES } from '@inspecta/domain';
import { ZDateSchema } from '../../platform/http/dates.ts';

// Measure 28: what staff enter about an open day, and what staff, an observer and the public read of it.

const text = (min: number, max: number, what: string) =>
  z.string().trim().min(min, `请填写${what}`).max(max, `${what}不超过 ${max} 字`);

export const ZOpenDayInputSchema = z.strictObject({
  kind: z.enum(OPEN_DAY_KINDS),
  title: text(2, 100, '活动名称'),
  heldOn: ZDateSchema,
  place: text(2, 200, '活动地点'),
  summary: text(0, 2000, '活动简介').default(''),
});

export const ZParticipantInputSchema = z.strictObject({
  category: z.enum(PARTICIPANT_CATEGORIES),
  name: text(1, 50, '姓名'),
  affiliation: text(0, 100, '单位或职务').default(''),
  // a social supervisor's account: it then reads the event's inspections (read-only) and adds suggestions
  username: z.string().trim().max(64, '用户名不超过 64 个字符').optional(),
});

export const ZSuggestionInputSchema = z.strictObject({ text: text(4, 2000, '意见建议') });
export const ZAnswerInputSchema = z.strictObject({ answer: text(4, 2000, '答复') });

export const ZOpenDayParamsSchema = z.object({ id: z.string().max(64) });
export const ZParticipantParamsSchema = z.object({
  id: z.string().max(64),
  participantId: z.string().max(64),
});
export const ZInspectionParamsSchema = z.object({
  id: z.string().max(64),
  inspectionId: z.string().max(64),
});
export const ZSuggestionParamsSchema = z.object({
  id: z.string().max(64),
  suggestionId: z.string().max(64),
});

const ZParticipantSchema = z.object({
  id: z.string(),
  category: z.enum(PARTICIPANT_CATEGORIES),
  categoryName: z.string(),
  name: z.string(),
  affiliation: z.string(),
  hasAccount: z.boolean(),
});

const ZObservedInspectionSchema = z.object({
  id: z.string(),
  enterpriseName: z.string(),
  organisationName: z.string(),
  plannedOn: z.string(),
  matters: z.array(z.string()),
  stageName: z.string(),
  completedOn: z.string().nullable(),
  resultSummary: z.string().nullable(),
});

const ZSuggestionSchema = z.object({
  id: z.string(),
  participantId: z.string(),
  participantName: z.string(),
  categoryName: z.string(),
  text: z.string(),
  submittedAt: z.string(),
  answer: z.string().nullable(),
  answeredAt: z.string().nullable(),
  answeredByName: z.string().nullable(),
});

export const ZOpenDaySchema = z.object({
  id: z.string(),
  territory: z.string(),
  organisationName: z.string(),
  kind: z.enum(OPEN_DAY_KINDS),
  kindName: z.string(),
  title: z.string(),
  heldOn: z.string(),
  place: z.string(),
  summary: z.string(),
  createdByName: z.string(),
  participants: z.array(ZParticipantSchema),
  inspections: z.array(ZObservedInspectionSchema),
  suggestions: z.array(ZSuggestionSchema),
});

// the public reads the event, who took part by category (no names of private persons), and the answered
// suggestions with their answers
export const ZPublicOpenDaySchema = z.object({
  id: z.string(),
  organisationName: z.string(),
  kind: z.enum(OPEN_DAY_KINDS),
  kindName: z.string(),
  title: z.string(),
  heldOn: z.string(),
  place: z.string(),
  summary: z.string(),
  participation: z.array(z.object({ categoryName: z.string(), count: z.number().int() })),
  observedInspections: z.number().int(),
  suggestions: z.array(
    z.object({
      categoryName: z.string(),
      text: z.string(),
      answer: z.string(),
      answeredOn: z.string(),
    }),
  ),
});
