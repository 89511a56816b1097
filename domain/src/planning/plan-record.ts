import { z } from 'zod';
import { ZIsoDateSchema } from '../shared/iso-date.ts';

// A plan's workflow record (annual, measure 1; monthly, measure 2) and the actions that move it; the
// transition table is in plan-workflow.ts.

export const ZPlanKindSchema = z.enum(['annual', 'monthly']);
export type PlanKind = z.infer<typeof ZPlanKindSchema>;

export const ZPlanStatusSchema = z.enum([
  'draft',
  'submitted',
  'approved',
  'filed',
  'published',
  'superseded',
]);
export type PlanStatus = z.infer<typeof ZPlanStatusSchema>;

export const ZPlanRecordSchema = z.object({
  kind: ZPlanKindSchema,
  version: z.number().int().positive(),
  status: ZPlanStatusSchema,
  discussedOn: ZIsoDateSchema.nullable(),
  submittedOn: ZIsoDateSchema.nullable(),
  approval: z.object({ documentNumber: z.string().min(1), approvedOn: ZIsoDateSchema }).nullable(),
  filedOn: ZIsoDateSchema.nullable(),
  publishedOn: ZIsoDateSchema.nullable(),
  adjustment: z
    .object({ reason: z.string().min(1), previousVersion: z.number().int().positive() })
    .nullable(),
});
export type PlanRecord = z.infer<typeof ZPlanRecordSchema>;

// Fields a form may leave empty are optional here, so that the guard, not the type, refuses them.
export const ZPlanActionSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('submit'), submittedOn: ZIsoDateSchema, discussedOn: ZIsoDateSchema.nullish() }),
  z.object({ type: z.literal('return'), reason: z.string().nullish() }),
  z.object({
    type: z.literal('approve'),
    documentNumber: z.string().nullish(),
    approvedOn: ZIsoDateSchema.nullish(),
  }),
  z.object({ type: z.literal('file'), filedOn: ZIsoDateSchema.nullish() }),
  z.object({ type: z.literal('publish'), publishedOn: ZIsoDateSchema }),
  z.object({ type: z.literal('adjust'), reason: z.string().nullish() }),
  z.object({ type: z.literal('supersede'), byVersion: z.number().int().positive() }),
]);
export type PlanAction = z.infer<typeof ZPlanActionSchema>;
export type PlanActionType = PlanAction['type'];

export const PLAN_STATUS_NAMES: Record<PlanStatus, string> = {
  draft: '草稿',
  submitted: '已报送',
  approved: '已批准',
  filed: '已备案',
  published: '已公布',
  superseded: '已被新版本替代',
};

export const newPlanRecord = (kind: PlanKind): PlanRecord => ({
  kind,
  version: 1,
  status: 'draft',
  discussedOn: null,
  submittedOn: null,
  approval: null,
  filedOn: null,
  publishedOn: null,
  adjustment: null,
});
