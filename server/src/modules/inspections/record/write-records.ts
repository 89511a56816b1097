import { findingGuidance, mergedFormItemByCode, type MergedForm } from '@inspecta/domain';
import type { Tx } from '../../../platform/db/client.ts';
import { auditInspection, type InspectionRow } from '../inspection-store.ts';
import type { SyncBatch } from './model.ts';
import { insertEntry, insertFinding, listEntryAnswersOf } from './repository.ts';

// The new checklist answers and findings of a synced batch (sync.ts), each written with its audit event.

export type By = { id: string | null; displayName: string };

export const insertEntries = async (
  tx: Tx,
  row: InspectionRow,
  form: MergedForm,
  entries: SyncBatch['entries'],
  by: By,
  now: Date,
) => {
  if (entries.length === 0) return;
  const formCode = (itemCode: string) => mergedFormItemByCode(form, itemCode)!.code;
  // a later answer to the same item supersedes the one before it in the officer's time; both stay
  const previous = await listEntryAnswersOf(tx, row.id);
  const answers = previous.map((entry) => ({
    id: entry.id,
    formCode: mergedFormItemByCode(form, entry.itemCode)?.code ?? entry.itemCode,
    at: entry.recordedAt.getTime(),
  }));
  for (const entry of [...entries].sort((a, b) => Date.parse(a.recordedAt) - Date.parse(b.recordedAt))) {
    const at = Date.parse(entry.recordedAt);
    const code = formCode(entry.itemCode);
    const before = answers
      .filter((answer) => answer.formCode === code && answer.at <= at)
      .sort((a, b) => b.at - a.at)[0];
    await insertEntry(tx, {
      id: entry.id,
      inspectionId: row.id,
      itemCode: entry.itemCode,
      outcome: entry.outcome,
      note: entry.note ?? null,
      recordedAt: new Date(at),
      recordedByName: by.displayName,
      syncedAt: now,
      location: entry.location ?? null,
      supersedes: before?.id ?? null,
    });
    answers.push({ id: entry.id, formCode: code, at });
    await auditInspection(
      tx,
      by,
      row,
      'inspection.entry.recorded',
      {
        entryId: entry.id,
        itemCode: entry.itemCode,
        outcome: entry.outcome,
        note: entry.note ?? null,
        recordedAt: entry.recordedAt,
        location: entry.location ?? null,
        supersedes: before?.id ?? null,
      },
      now,
    );
  }
};

export const insertFindings = async (
  tx: Tx,
  row: InspectionRow,
  form: MergedForm,
  batch: SyncBatch['findings'],
  by: By,
  now: Date,
) => {
  for (const finding of batch) {
    // measure 13: the finding carries its item, its basis and the catalogue's plain-language fix
    const guidance = findingGuidance(finding.itemCode, { form })!;
    const status = finding.fixedOnSpot ? 'fixed_on_spot' : 'open';
    await insertFinding(tx, {
      id: finding.id,
      inspectionId: row.id,
      territory: row.territory,
      itemCode: finding.itemCode,
      description: finding.description,
      majorHiddenDanger: finding.majorHiddenDanger,
      basis: guidance.citation,
      howToFix: guidance.howToFix,
      status,
      photoIds: finding.photoIds,
      fixProofIds: finding.fixedOnSpot?.proofIds ?? [],
      bodyCameraRefs: finding.bodyCameraRefs,
      location: finding.location ?? null,
      emergencyMeasures: [],
      foundBy: finding.foundBy ?? 'inspection',
      recordedAt: new Date(finding.recordedAt),
      recordedByName: by.displayName,
      syncedAt: now,
    });
    await auditInspection(
      tx,
      by,
      row,
      'inspection.finding.recorded',
      {
        findingId: finding.id,
        itemCode: finding.itemCode,
        description: finding.description,
        majorHiddenDanger: finding.majorHiddenDanger,
        basis: guidance.citation,
        status,
        photoIds: finding.photoIds,
        bodyCameraRefs: finding.bodyCameraRefs,
        recordedAt: finding.recordedAt,
        location: finding.location ?? null,
        fixedOnSpot: finding.fixedOnSpot ?? null,
        foundBy: finding.foundBy ?? 'inspection',
      },
      now,
    );
  }
};
