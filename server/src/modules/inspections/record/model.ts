import { z } from 'zod';
import { FINDING_SOURCES, INSPECTION_STAGES } from '@inspecta/domain';
import { EVIDENCE_KINDS } from '../evidence-files.ts';
import { ENTRY_OUTCOMES } from '../schema.ts';
import { ZDateTimeSchema } from '../../../platform/http/dates.ts';

// Request and response shapes of the on-site record (issue 5 items 6, 7, 10; measures 12, 13): what the
// officer's phone sends from its offline queue, and the form it works from.

const ZIdSchema = z.uuid({ message: '应为记录编号 (UUID)' });
// the phone's own clock when the officer tapped, with its offset
const ZClientTimeSchema = ZDateTimeSchema;

export const ZGeoPointSchema = z.strictObject({
  latitude: z.number().min(-90, '纬度应在 -90 至 90 之间').max(90, '纬度应在 -90 至 90 之间'),
  longitude: z.number().min(-180, '经度应在 -180 至 180 之间').max(180, '经度应在 -180 至 180 之间'),
  accuracy: z.number().min(0).nullable().optional(),
});

const uniqueIds = (ids: readonly string[]) => new Set(ids).size === ids.length;
const ZFileIdsSchema = (what: string, max: number) =>
  z
    .array(ZIdSchema)
    .max(max, `${what}不超过 ${max} 个`)
    .refine(uniqueIds, { message: `${what}不得重复` });

export { ENTRY_OUTCOMES };

export const ZSyncEntrySchema = z.strictObject({
  id: ZIdSchema,
  itemCode: z.string().min(1).max(64),
  outcome: z.enum(ENTRY_OUTCOMES, { message: '检查结果应为 conforming、finding 或 not_applicable' }),
  note: z.string().trim().max(2000, '备注不超过 2000 字').optional(),
  recordedAt: ZClientTimeSchema,
  location: ZGeoPointSchema.nullable().optional(),
});

export const ZSyncFindingSchema = z.strictObject({
  id: ZIdSchema,
  itemCode: z.string().min(1).max(64),
  description: z.string().trim().min(1, '请描述发现的问题').max(4000, '问题描述不超过 4000 字'),
  majorHiddenDanger: z.boolean(),
  photoIds: ZFileIdsSchema('现场照片', 30),
  bodyCameraRefs: z.array(z.string().trim().min(1).max(200)).max(20, '执法记录仪记录不超过 20 条'),
  location: ZGeoPointSchema.nullable().optional(),
  recordedAt: ZClientTimeSchema,
  // measure 14: a danger the enterprise's own check or an expert's guidance had found (default: this inspection)
  foundBy: z
    .enum(FINDING_SOURCES, {
      message: '发现来源应为 inspection、enterprise_self_check 或 expert_guidance',
    })
    .optional(),
  // measure 13: fixed at once, with proof; a later batch may add this to a finding already synced
  fixedOnSpot: z
    .strictObject({
      proofIds: ZFileIdsSchema('整改照片', 20).min(1, '当场整改须附整改后的照片'),
      note: z.string().trim().min(1, '请说明如何当场整改').max(2000, '整改说明不超过 2000 字'),
    })
    .optional(),
});

export const EMERGENCY_MEASURE_KINDS = ['evacuation', 'suspension', 'stop_use'] as const;

// 安全生产法 第六十五条第一款第（三）项: for a major hidden danger, evacuation from the danger zone, temporary
// suspension, or stopping the use of the installations and equipment concerned.
export const ZSyncEmergencyMeasureSchema = z.strictObject({
  findingId: ZIdSchema,
  kind: z.enum(EMERGENCY_MEASURE_KINDS, {
    message:
      '措施应为 evacuation（撤出作业人员）、suspension（暂时停产停业）或 stop_use（停止使用相关设施、设备）',
  }),
  note: z.string().trim().min(1, '请写明措施的范围与理由').max(2000, '说明不超过 2000 字'),
  decidedAt: ZClientTimeSchema,
});

export const ZSyncBatchSchema = z
  .strictObject({
    entries: z.array(ZSyncEntrySchema).max(500, '一次同步的检查项不超过 500 条'),
    findings: z.array(ZSyncFindingSchema).max(200, '一次同步的问题不超过 200 条'),
    emergencyMeasures: z.array(ZSyncEmergencyMeasureSchema).max(100).optional(),
  })
  .refine((batch) => uniqueIds(batch.entries.map((entry) => entry.id)), {
    message: '同一批次中检查项编号不得重复',
    path: ['entries'],
  })
  .refine((batch) => uniqueIds(batch.findings.map((finding) => finding.id)), {
    message: '同一批次中问题编号不得重复',
    path: ['findings'],
  })
  .refine((batch) => uniqueIds((batch.emergencyMeasures ?? []).map((m) => `${m.findingId}:${m.kind}`)), {
    message: '同一问题的同一项措施只记录一次',
    path: ['emergencyMeasures'],
  });

export type SyncBatch = z.infer<typeof ZSyncBatchSchema>;

const ZStoredOrAlreadySchema = z.object({ stored: z.array(z.string()), already: z.array(z.string()) });

export const ZSyncResultSchema = z.object({
  stage: z.enum(INSPECTION_STAGES),
  entries: ZStoredOrAlreadySchema,
  // `fixed`: findings already on record that this batch marked as fixed on the spot
  findings: ZStoredOrAlreadySchema.extend({ fixed: z.array(z.string()) }),
  // `${findingId}:${kind}`
  emergencyMeasures: ZStoredOrAlreadySchema,
  // issue 11 item 9: the 现场处理措施决定书 issued for this batch's new measures
  decision: z.object({ documentId: z.string(), number: z.string() }).nullable().optional(),
});

export type SyncResult = z.infer<typeof ZSyncResultSchema>;

export const ZAcknowledgementSchema = z.discriminatedUnion('signed', [
  z.strictObject({
    signed: z.literal(true),
    signerName: z.string().trim().min(1, '请填写签字人姓名').max(100),
    signerPosition: z.string().trim().max(100, '职务不超过 100 字').optional(),
    signatureFileId: ZIdSchema,
  }),
  // 安全生产法 第六十八条: a refusal is recorded with who witnessed it; it does not block the inspection
  z.strictObject({
    signed: z.literal(false),
    signerName: z.string().trim().min(1, '请填写拒签人姓名').max(100),
    signerPosition: z.string().trim().max(100, '职务不超过 100 字').optional(),
    refusalNote: z.string().trim().min(1, '请写明拒绝签字的情况和在场见证人').max(2000, '说明不超过 2000 字'),
  }),
]);

export const ZAcknowledgementResultSchema = z.object({
  signed: z.boolean(),
  signerName: z.string(),
  // FACTS-3 §5.2: the site head's position (职务)
  signerPosition: z.string().nullable().optional(),
  signatureFileId: z.string().nullable(),
  refusalNote: z.string().nullable(),
  at: z.string(),
});

export const ZEvidenceKindSchema = z.enum(EVIDENCE_KINDS, {
  message: '文件类别应为 photo、signature、proof 或 document',
});

export const ZUploadFieldsSchema = z.strictObject({
  id: ZIdSchema,
  kind: ZEvidenceKindSchema,
  takenAt: ZClientTimeSchema.optional(),
  latitude: z.coerce.number().min(-90).max(90).optional(),
  longitude: z.coerce.number().min(-180).max(180).optional(),
  accuracy: z.coerce.number().min(0).optional(),
});

export const ZEvidenceSchema = z.object({
  id: z.string(),
  kind: ZEvidenceKindSchema,
  sha256: z.string(),
  size: z.number().int(),
  mediaType: z.string(),
  takenAt: z.string().nullable(),
  uploadedAt: z.string(),
  uploadedByName: z.string(),
});

export const ZUploadResultSchema = z.object({
  id: z.string(),
  sha256: z.string(),
  size: z.number().int(),
  mediaType: z.string(),
  takenAt: z.string().nullable(),
  // true when this id was already stored with the same content (a replayed upload)
  replayed: z.boolean(),
});

export const ZInspectionFileParamsSchema = z.object({ id: z.string(), fileId: z.string() });

const ZFormItemSchema = z.object({
  code: z.string(),
  itemCodes: z.array(z.string()),
  text: z.string(),
  howToFix: z.string(),
  majorHiddenDanger: z.boolean(),
  verified: z.boolean(),
  // basis and legal basis in one line (what a finding on it cites)
  citation: z.string(),
  legalBasis: z.array(z.string()),
});

const ZEntrySchema = z.object({
  id: z.string(),
  itemCode: z.string(),
  // the form item it answers (itemCode may be any code the form item merged)
  formItemCode: z.string(),
  outcome: z.enum(ENTRY_OUTCOMES),
  note: z.string().nullable(),
  recordedAt: z.string(),
  recordedByName: z.string(),
  location: ZGeoPointSchema.nullable(),
});

const ZFindingSchema = z.object({
  id: z.string(),
  itemCode: z.string(),
  formItemCode: z.string(),
  description: z.string(),
  majorHiddenDanger: z.boolean(),
  basis: z.string(),
  howToFix: z.string(),
  status: z.string(),
  foundBy: z.enum(FINDING_SOURCES),
  photoIds: z.array(z.string()),
  fixProofIds: z.array(z.string()),
  bodyCameraRefs: z.array(z.string()),
  location: ZGeoPointSchema.nullable(),
  emergencyMeasures: z.array(
    z.object({
      kind: z.enum(EMERGENCY_MEASURE_KINDS),
      decidedAt: z.string(),
      note: z.string(),
      decidedByName: z.string(),
      decisionNumber: z.string().nullable(),
      resumption: z
        .object({ approvedAt: z.string(), approvedByName: z.string(), note: z.string() })
        .nullable(),
    }),
  ),
  recordedAt: z.string(),
  recordedByName: z.string(),
});

export const ZRecordFormSchema = z.object({
  inspection: z.object({
    id: z.string(),
    enterpriseName: z.string(),
    creditCode: z.string(),
    territory: z.string(),
    plannedOn: z.string(),
    stage: z.enum(INSPECTION_STAGES),
    stageName: z.string(),
    // whether the on-site record may be written now (checked in, findings not yet concluded)
    recording: z.boolean(),
    matters: z.array(z.string()),
    team: z.array(z.object({ certificate: z.string(), name: z.string(), organisationName: z.string() })),
    acknowledgement: ZAcknowledgementResultSchema.nullable(),
  }),
  form: z.object({
    catalogVersion: z.string(),
    checklists: z.array(z.object({ code: z.string(), version: z.string() })),
    sections: z.array(
      z.object({
        checklistCode: z.string(),
        checklistName: z.string(),
        checklistVersion: z.string(),
        items: z.array(ZFormItemSchema),
      }),
    ),
  }),
  // the latest answer per form item
  entries: z.array(ZEntrySchema),
  findings: z.array(ZFindingSchema),
  files: z.array(ZEvidenceSchema),
});

export type RecordForm = z.infer<typeof ZRecordFormSchema>;
