import { and, asc, desc, eq } from 'drizzle-orm';
import {
  checklistFeatures,
  checklistsFor,
  findingGuidance,
  INSPECTION_STAGE_NAMES,
  mergedForm,
  mergedFormItemByCode,
  reproduceForm,
  type InspectionStage,
  type MergedForm,
} from '@inspecta/domain';
import type { AppContext } from '../../../platform/http/context.ts';
import type { Actor } from '../../../platform/policy/policy.ts';
import type { Db, Tx } from '../../../platform/db/client.ts';
import { enterprises } from '../../enterprises/schema.ts';
import { loadInspection, type InspectionRow } from '../inspection-store.ts';
import type { RecordForm } from './model.ts';
import { checklistEntries, evidenceFiles, findings, onsitePlans } from '../schema.ts';

// measure 8 (一表通查) and 12: the one form an inspection is checked with, and what has been recorded on it.

// The stages in which the officer writes the on-site record (domain lifecycle: 'record_findings').
export const RECORDING_STAGES: readonly InspectionStage[] = ['checked_in', 'findings_recorded'];

// The approved on-site plan's checklists when there is one and the catalogue still holds their versions;
// otherwise the checklists the inspection's matters and the enterprise's industry and features call for.
export const formOfInspection = async (db: Db | Tx, row: InspectionRow): Promise<MergedForm> => {
  const [plan] = await db
    .select({ content: onsitePlans.content })
    .from(onsitePlans)
    .where(and(eq(onsitePlans.inspectionId, row.id), eq(onsitePlans.status, 'approved')))
    .orderBy(desc(onsitePlans.version))
    .limit(1);
  if (plan && plan.content.checklists.length > 0) {
    const reproduced = reproduceForm(plan.content.checklists);
    if (reproduced.ok) return reproduced.form;
  }
  const [enterprise] = await db
    .select({
      industry: enterprises.industry,
      dustWorkers: enterprises.dustWorkers,
      usesLiquidAmmonia: enterprises.usesLiquidAmmonia,
      hasDeepWellCasting: enterprises.hasDeepWellCasting,
    })
    .from(enterprises)
    .where(eq(enterprises.id, row.enterpriseId));
  return mergedForm(
    checklistsFor({
      matters: row.matters,
      ...(enterprise ? { industry: enterprise.industry, features: checklistFeatures(enterprise) } : {}),
    }),
  );
};

const iso = (date: Date) => date.toISOString();

export const readRecordForm = async (ctx: AppContext, actor: Actor, id: string): Promise<RecordForm> => {
  const row = await loadInspection(ctx.db, actor, id, 'read');
  const form = await formOfInspection(ctx.db, row);
  const formCode = (itemCode: string) => mergedFormItemByCode(form, itemCode)?.code ?? itemCode;

  const entryRows = await ctx.db
    .select()
    .from(checklistEntries)
    .where(eq(checklistEntries.inspectionId, row.id))
    .orderBy(asc(checklistEntries.recordedAt), asc(checklistEntries.syncedAt));
  // the latest answer per form item, by the time the officer gave it
  const latest = new Map<string, (typeof entryRows)[number]>();
  for (const entry of entryRows) latest.set(formCode(entry.itemCode), entry);

  const findingRows = await ctx.db
    .select()
    .from(findings)
    .where(eq(findings.inspectionId, row.id))
    .orderBy(asc(findings.recordedAt), asc(findings.id));
  const fileRows = await ctx.db
    .select({
      id: evidenceFiles.id,
      kind: evidenceFiles.kind,
      sha256: evidenceFiles.sha256,
      size: evidenceFiles.size,
      mediaType: evidenceFiles.mediaType,
      takenAt: evidenceFiles.takenAt,
      uploadedAt: evidenceFiles.uploadedAt,
      uploadedByName: evidenceFiles.uploadedByName,
    })
    .from(evidenceFiles)
    .where(eq(evidenceFiles.inspectionId, row.id))
    .orderBy(asc(evidenceFiles.uploadedAt), asc(evidenceFiles.id));

  const stage = row.stage;
  return {
    inspection: {
      id: row.id,
      enterpriseName: row.enterpriseName,
      creditCode: row.creditCode,
      territory: row.territory,
      plannedOn: row.plannedOn,
      stage,
      stageName: INSPECTION_STAGE_NAMES[stage],
      recording: RECORDING_STAGES.includes(stage),
      matters: row.matters,
      team: row.team.map(({ certificate, name, organisationName }) => ({
        certificate,
        name,
        organisationName,
      })),
      acknowledgement: row.acknowledgement,
    },
    form: {
      catalogVersion: form.catalogVersion,
      checklists: form.checklists,
      sections: form.sections.map((section) => ({
        checklistCode: section.checklistCode,
        checklistName: section.checklistName,
        checklistVersion: section.checklistVersion,
        items: section.items.map((item) => ({
          code: item.code,
          itemCodes: item.itemCodes,
          text: item.text,
          howToFix: item.howToFix,
          majorHiddenDanger: item.majorHiddenDanger,
          verified: item.verified,
          citation: findingGuidance(item.code, { form })?.citation ?? item.legalBasis.join('；'),
          legalBasis: item.legalBasis,
        })),
      })),
    },
    entries: [...latest.entries()].map(([formItemCode, entry]) => ({
      id: entry.id,
      itemCode: entry.itemCode,
      formItemCode,
      outcome: entry.outcome,
      note: entry.note,
      recordedAt: iso(entry.recordedAt),
      recordedByName: entry.recordedByName,
      location: entry.location ?? null,
    })),
    findings: findingRows.map((finding) => ({
      id: finding.id,
      itemCode: finding.itemCode,
      formItemCode: formCode(finding.itemCode),
      description: finding.description,
      majorHiddenDanger: finding.majorHiddenDanger,
      basis: finding.basis,
      howToFix: finding.howToFix,
      status: finding.status,
      photoIds: finding.photoIds,
      fixProofIds: finding.fixProofIds,
      bodyCameraRefs: finding.bodyCameraRefs,
      location: finding.location ?? null,
      emergencyMeasures: finding.emergencyMeasures,
      recordedAt: iso(finding.recordedAt),
      recordedByName: finding.recordedByName,
    })),
    files: fileRows.map((file) => ({
      ...file,
      kind: file.kind,
      uploadedAt: iso(file.uploadedAt),
    })),
  };
};
