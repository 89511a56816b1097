import { DOCUMENT_TYPES } from '@inspecta/domain';
import { z } from 'zod';

export const ZDocumentIdParamsSchema = z.object({ id: z.string().max(64) });

export const ZInspectionDocumentSchema = z.object({
  id: z.string(),
  inspectionId: z.string(),
  type: z.enum(DOCUMENT_TYPES),
  typeName: z.string(),
  number: z.string(),
  year: z.number().int(),
  sequence: z.number().int(),
  subjectId: z.string().nullable(),
  issuedAt: z.string(),
  issuedByName: z.string(),
});
export type TInspectionDocument = z.infer<typeof ZInspectionDocumentSchema>;
