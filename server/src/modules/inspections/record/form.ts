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
import { loadInspection, type InspectionRow } from '../inspection-store.ts';
import type { RecordForm } from './model.ts';
import {
  findApprovedPlanContent,
  findEnterpriseFeatures,
  listEntriesOf,
  listFilesOf,
  listFindingsOf,
} from './repository.ts';

// measure 8 (一表通查) and 12: the one form an inspection is checked with, and what has been recorded on it.

// The stages in which the officer writes the on-site record (domain lifecycle: 'record_findings').
export const RECORDING_STAGES: readonly InspectionStage[] = ['checked_in', 'findings_recorded'];

// The approved on-site plan's checklists when there is one and the catalogue still holds their versions;
// otherwise the checklists the inspection's matters and the enterprise's industry and features call for.
export const formOfInspection = async (db: Db | Tx, row: InspectionRow): Promise<MergedForm> => {
  const plan = await findApprovedPlanContent(db, row.id);
  if (plan && plan.content.checklists.length > 0) {
    const reproduced = reproduceForm(plan.content.checklists);
    if (reproduced.ok) return reproduced.form;
  }
  const enterprise = await findEnterpriseFeatures(db, row.enterpriseId);
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

  const entryRows = await listEntriesOf(ctx.db, row.id);
  // the latest answer per form item, by the time the officer gave it
  const latest = new Map<string, (typeof entryRows)[number]>();
  for (const entry of entryRows) latest.set(formCode(entry.itemCode), entry);

  const findingRows = await listFindingsOf(ctx.db, row.id);
  const fileRows = await listFilesOf(ctx.db, row.id);

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
      emergencyMeasures: finding.emergencyMeasures.map((measure) => ({
        kind: measure.kind,
        decidedAt: measure.decidedAt,
        note: measure.note,
        decidedByName: measure.decidedByName,
        decisionNumber: measure.decisionNumber ?? null,
        resumption: measure.resumption ?? null,
      })),
      foundBy: finding.foundBy,
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
