import type { PendingRecord } from './offline-queue';
import type { FormItem, GeoPoint, Outcome, QueuedFinding, RecordForm, ServerFinding } from './types';

// What the officer sees: the server's record with the phone's queue laid over it, each queued thing marked
// as not yet synced.

export type FindingView = {
  id: string;
  itemCode: string;
  description: string;
  majorHiddenDanger: boolean;
  status: string;
  photoIds: string[];
  fixProofIds: string[];
  bodyCameraRefs: string[];
  location: GeoPoint | null;
  recordedAt: string;
  measures: { kind: 'evacuation' | 'suspension' | 'stop_use'; note: string; unsynced: boolean }[];
  unsynced: boolean;
  // what a later fix must send again (the sync answers a known id by its id)
  record: QueuedFinding;
};

export type ItemView = {
  item: FormItem;
  answer: { outcome: Outcome; unsynced: boolean } | null;
  findings: FindingView[];
};

export type SectionView = { code: string; name: string; items: ItemView[] };

const fromServer = (finding: ServerFinding): QueuedFinding => ({
  id: finding.id,
  itemCode: finding.itemCode,
  description: finding.description,
  majorHiddenDanger: finding.majorHiddenDanger,
  photoIds: finding.photoIds,
  bodyCameraRefs: finding.bodyCameraRefs,
  location: finding.location,
  recordedAt: finding.recordedAt,
});

export const recordView = (form: RecordForm, pending: PendingRecord): SectionView[] => {
  const formCodeOf = new Map(
    form.form.sections.flatMap((section) =>
      section.items.flatMap((item) => item.itemCodes.map((code) => [code, item.code] as const)),
    ),
  );
  const formCode = (itemCode: string) => formCodeOf.get(itemCode) ?? itemCode;

  const answers = new Map<string, { outcome: Outcome; unsynced: boolean; at: string }>();
  for (const entry of form.entries)
    answers.set(entry.formItemCode, { outcome: entry.outcome, unsynced: false, at: entry.recordedAt });
  for (const entry of pending.entries) {
    const code = formCode(entry.itemCode);
    const known = answers.get(code);
    if (!known || Date.parse(entry.recordedAt) >= Date.parse(known.at))
      answers.set(code, { outcome: entry.outcome, unsynced: true, at: entry.recordedAt });
  }

  const findings = new Map<string, FindingView>();
  for (const finding of form.findings) {
    findings.set(finding.id, {
      ...fromServer(finding),
      location: finding.location,
      status: finding.status,
      fixProofIds: finding.fixProofIds,
      measures: finding.emergencyMeasures.map((measure) => ({
        kind: measure.kind,
        note: measure.note,
        unsynced: false,
      })),
      unsynced: false,
      record: fromServer(finding),
    });
  }
  for (const queued of pending.findings) {
    const known = findings.get(queued.id);
    findings.set(queued.id, {
      ...(known ?? { measures: [], record: queued }),
      id: queued.id,
      itemCode: queued.itemCode,
      description: queued.description,
      majorHiddenDanger: queued.majorHiddenDanger,
      photoIds: queued.photoIds,
      bodyCameraRefs: queued.bodyCameraRefs,
      location: queued.location ?? null,
      recordedAt: queued.recordedAt,
      status: queued.fixedOnSpot ? 'fixed_on_spot' : (known?.status ?? 'open'),
      fixProofIds: queued.fixedOnSpot?.proofIds ?? known?.fixProofIds ?? [],
      unsynced: true,
      record: known?.record ?? queued,
    });
  }
  for (const measure of pending.measures) {
    const finding = findings.get(measure.findingId);
    if (finding && !finding.measures.some((taken) => taken.kind === measure.kind))
      finding.measures.push({ kind: measure.kind, note: measure.note, unsynced: true });
  }

  const byItem = new Map<string, FindingView[]>();
  for (const finding of [...findings.values()].sort((a, b) => a.recordedAt.localeCompare(b.recordedAt))) {
    const code = formCode(finding.itemCode);
    byItem.set(code, [...(byItem.get(code) ?? []), finding]);
  }
  return form.form.sections.map((section) => ({
    code: section.checklistCode,
    name: section.checklistName,
    items: section.items.map((item) => {
      const answer = answers.get(item.code);
      return {
        item,
        answer: answer ? { outcome: answer.outcome, unsynced: answer.unsynced } : null,
        findings: byItem.get(item.code) ?? [],
      };
    }),
  }));
};

// A uuid for the phone's records. crypto.randomUUID needs a secure context; getRandomValues does not.
export const newId = (): string => {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  bytes[6] = (bytes[6]! & 0x0f) | 0x40;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  const hex = [...bytes].map((byte) => byte.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
};
