import { cite, mergedFormItemByCode, transition } from '@inspecta/domain';
import { shanghaiDate } from '../../../platform/http/dates.ts';
import type { AppContext } from '../../../platform/http/context.ts';
import type { Actor } from '../../../platform/policy/policy.ts';
import { problem, refused } from '../../../platform/problems/problem.ts';
import type { Tx } from '../../../platform/db/client.ts';
import { advanceStage, auditInspection, loadInspection, type InspectionRow } from '../inspection-store.ts';
import { formOfInspection, RECORDING_STAGES } from './form.ts';
import { insertEntries, insertFindings } from './write-records.ts';
import type { SyncBatch, SyncResult } from './model.ts';
import type { EmergencyMeasure } from '../schema.ts';
import { issueDocument } from '../documents/issue-document.ts';
import { enterpriseLine, officerLines } from '../documents/snapshot-sources.ts';
import {
  findEmergencyMeasures,
  findEntriesByIds,
  findFileIdsOf,
  findFindingsByIds,
  updateFinding,
  type FindingRow,
} from './repository.ts';

// Issue 5 items 6, 7 and 10 (measures 12, 13): one batch from the officer's offline queue. Every record
// carries the phone's id, so a batch replayed after a lost answer stores nothing twice and answers what is
// already there; a batch that brings nothing new is answered whatever the stage, so an old queue drains.

const MEASURE_13_BASIS =
  '《江门市应急管理系统严格规范涉企行政检查若干措施》第十三项；《中华人民共和国安全生产法》第六十五条';

const clientIdReused = (ids: string[]) => problem('CLIENT_ID_REUSED', { detail: ids.join(', ') });

const unknownItems = (codes: string[]) =>
  problem(
    'CHECKLIST_ITEM_NOT_IN_FORM',
    { items: codes },
    {
      measure: 8,
      basis: '《江门市应急管理系统严格规范涉企行政检查若干措施》第八项（一表通查）',
      detail: codes.join(', '),
    },
  );

// The photos and proofs a finding names must be on the server first: the phone uploads, then syncs.
const assertUploaded = async (tx: Tx, row: InspectionRow, batch: SyncBatch, newFindingIds: Set<string>) => {
  const wanted: { path: (string | number)[]; id: string }[] = [];
  batch.findings.forEach((finding, index) => {
    if (newFindingIds.has(finding.id))
      finding.photoIds.forEach((id) => wanted.push({ path: ['findings', index, 'photoIds'], id }));
    finding.fixedOnSpot?.proofIds.forEach((id) =>
      wanted.push({ path: ['findings', index, 'fixedOnSpot', 'proofIds'], id }),
    );
  });
  if (wanted.length === 0) return;
  const ids = [...new Set(wanted.map((want) => want.id))];
  const found = await findFileIdsOf(tx, row.id, ids);
  const present = new Set(found.map((file) => file.id));
  const missing = wanted.filter((want) => !present.has(want.id));
  if (missing.length === 0) return;
  const missingIds = [...new Set(missing.map((want) => want.id))];
  throw problem(
    'EVIDENCE_NOT_UPLOADED',
    { files: missingIds },
    {
      measure: 12,
      basis: '《江门市应急管理系统严格规范涉企行政检查若干措施》第十二项（全过程留痕、可回溯）',
      detail: missingIds.join(', '),
      errors: missing.map((want) => ({ path: want.path, message: `文件 ${want.id} 尚未上传到本次检查` })),
    },
  );
};

const measureKey = (findingId: string, kind: string) => `${findingId}:${kind}`;

export const syncRecord = async (
  ctx: AppContext,
  actor: Actor,
  id: string,
  batch: SyncBatch,
): Promise<SyncResult> => {
  const now = ctx.clock.now();
  const by = { id: actor.id, displayName: actor.displayName };
  return ctx.db.transaction(async (tx) => {
    // the row lock serialises two phones (or a replay racing its original) on one inspection
    const row = await loadInspection(tx, actor, id, 'update', true);
    const entryIds = batch.entries.map((entry) => entry.id);
    const findingIds = [
      ...new Set([
        ...batch.findings.map((finding) => finding.id),
        ...(batch.emergencyMeasures ?? []).map((m) => m.findingId),
      ]),
    ];
    const existingEntries = entryIds.length ? await findEntriesByIds(tx, entryIds) : [];
    const existingFindings: FindingRow[] = findingIds.length ? await findFindingsByIds(tx, findingIds) : [];
    const foreign = [...existingEntries, ...existingFindings]
      .filter((existing) => existing.inspectionId !== row.id)
      .map((existing) => existing.id);
    if (foreign.length > 0) throw clientIdReused(foreign);

    const knownEntries = new Set(existingEntries.map((entry) => entry.id));
    const knownFindings = new Map(existingFindings.map((finding) => [finding.id, finding]));
    const newEntries = batch.entries.filter((entry) => !knownEntries.has(entry.id));
    const newFindings = batch.findings.filter((finding) => !knownFindings.has(finding.id));
    const fixes = batch.findings.filter(
      (finding) => finding.fixedOnSpot && knownFindings.get(finding.id)?.status === 'open',
    );
    const batchFindings = new Map(batch.findings.map((finding) => [finding.id, finding]));
    const measureOf = (findingId: string) => knownFindings.get(findingId)?.emergencyMeasures ?? [];
    const newMeasures = (batch.emergencyMeasures ?? []).filter(
      (m) => !measureOf(m.findingId).some((taken) => taken.kind === m.kind),
    );

    const result: SyncResult = {
      stage: row.stage,
      entries: {
        stored: newEntries.map((e) => e.id),
        already: batch.entries.filter((e) => knownEntries.has(e.id)).map((e) => e.id),
      },
      findings: {
        stored: newFindings.map((f) => f.id),
        already: batch.findings.filter((f) => knownFindings.has(f.id) && !fixes.includes(f)).map((f) => f.id),
        fixed: fixes.map((f) => f.id),
      },
      emergencyMeasures: {
        stored: newMeasures.map((m) => measureKey(m.findingId, m.kind)),
        already: (batch.emergencyMeasures ?? [])
          .filter((m) => !newMeasures.includes(m))
          .map((m) => measureKey(m.findingId, m.kind)),
      },
    };
    if (newEntries.length + newFindings.length + fixes.length + newMeasures.length === 0) return result;

    // measure 12: the record is written between arrival and the conclusion, nowhere else
    if (!RECORDING_STAGES.includes(row.stage)) {
      const refusal = transition(row.stage, 'record_findings');
      if (!refusal.ok) throw refused(refusal);
    }
    const form = await formOfInspection(tx, row);
    const unknown = [
      ...new Set(
        [...newEntries, ...newFindings]
          .map((record) => record.itemCode)
          .filter((code) => !mergedFormItemByCode(form, code)),
      ),
    ];
    if (unknown.length > 0) throw unknownItems(unknown);
    for (const measure of newMeasures) {
      const finding = knownFindings.get(measure.findingId) ?? batchFindings.get(measure.findingId);
      if (!finding) throw problem('FINDING_NOT_RECORDED', { detail: measure.findingId });
      if (!finding.majorHiddenDanger) {
        throw problem('EMERGENCY_MEASURE_NEEDS_MAJOR_HIDDEN_DANGER', {
          measure: 13,
          basis: MEASURE_13_BASIS,
        });
      }
    }
    await assertUploaded(tx, row, batch, new Set(newFindings.map((finding) => finding.id)));

    await insertEntries(tx, row, form, newEntries, by, now);
    await insertFindings(tx, row, form, newFindings, by, now);
    for (const finding of fixes) {
      const fix = finding.fixedOnSpot!;
      await updateFinding(tx, finding.id, { status: 'fixed_on_spot', fixProofIds: fix.proofIds });
      await auditInspection(
        tx,
        by,
        row,
        'inspection.finding.recorded',
        { findingId: finding.id, fixedOnSpot: { proofIds: fix.proofIds, note: fix.note } },
        now,
      );
    }
    // issue 11 item 9 (安全生产法 第六十五条第一款第（三）项): the measures decided in this batch are one decision,
    // served as a numbered 现场处理措施决定书
    const decision =
      newMeasures.length === 0
        ? null
        : await issueDocument(tx, by, {
            inspection: row,
            type: 'onsite_measures_decision',
            at: now,
            snapshot: {
              enterprise: await enterpriseLine(tx, row),
              decidedOn: shanghaiDate(now),
              measures: newMeasures.map((measure) => ({
                kind: measure.kind,
                finding:
                  (knownFindings.get(measure.findingId) ?? batchFindings.get(measure.findingId))
                    ?.description ?? '',
                note: measure.note,
                decidedAt: measure.decidedAt,
              })),
              basis: cite('work_safety_law_art65_1_3'),
              officers: officerLines(row.team),
            },
          });
    if (decision) result.decision = { documentId: decision.id, number: decision.number };
    for (const measure of newMeasures) {
      const taken: EmergencyMeasure = {
        kind: measure.kind,
        decidedAt: measure.decidedAt,
        note: measure.note,
        decidedByName: actor.displayName,
        ...(decision ? { decisionDocumentId: decision.id, decisionNumber: decision.number } : {}),
      };
      const current = await findEmergencyMeasures(tx, measure.findingId);
      await updateFinding(tx, measure.findingId, {
        emergencyMeasures: [...(current?.emergencyMeasures ?? []), taken],
      });
      await auditInspection(
        tx,
        by,
        row,
        'inspection.emergency_measure.taken',
        { findingId: measure.findingId, ...taken },
        now,
      );
    }
    if (row.stage === 'checked_in') {
      result.stage = await advanceStage(
        tx,
        by,
        row,
        'record_findings',
        'inspection.entry.recorded',
        { entries: newEntries.length, findings: newFindings.length },
        now,
      );
    }
    return result;
  });
};
