import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import type {
  Acknowledgement,
  EvidenceKind,
  GeoPoint,
  QueuedEntry,
  QueuedFinding,
  QueuedMeasure,
  RecordForm,
} from './types';

// Issue 5 item 6: what the officer records on site waits here, in the browser's IndexedDB, until the server
// has it. Nothing leaves the queue before the server answered that it stored it (or already had it), so a
// lost network, a reload or a closed tab loses nothing; every record keeps the id the phone gave it, so a
// replay stores nothing twice.

export type QueuedFile = {
  id: string;
  inspectionId: string;
  kind: EvidenceKind;
  blob: Blob;
  name: string;
  takenAt: string;
  location: GeoPoint | null;
  // set when the server refused the file for good (too large, wrong type): shown, never retried
  refusal?: string;
};

type Scoped<T> = T & { inspectionId: string; queuedAt: number; refusal?: string };
export type PendingEntry = Scoped<QueuedEntry>;
export type PendingFinding = Scoped<QueuedFinding>;
export type PendingMeasure = Scoped<QueuedMeasure> & { key: string };
export type PendingAcknowledgement = Scoped<{ body: Acknowledgement }>;

type OnsiteDb = DBSchema & {
  entries: { key: string; value: PendingEntry; indexes: { inspection: string } };
  findings: { key: string; value: PendingFinding; indexes: { inspection: string } };
  measures: { key: string; value: PendingMeasure; indexes: { inspection: string } };
  files: { key: string; value: QueuedFile; indexes: { inspection: string } };
  acknowledgements: { key: string; value: PendingAcknowledgement };
  // the last form the server gave, so the page opens without network
  forms: { key: string; value: { inspectionId: string; form: RecordForm; savedAt: number } };
};

const QUEUES = ['entries', 'findings', 'measures', 'files'] as const;

let opened: Promise<IDBPDatabase<OnsiteDb>> | null = null;
const db = () => {
  opened ??= openDB<OnsiteDb>('inspecta-onsite', 1, {
    upgrade(database) {
      database.createObjectStore('entries', { keyPath: 'id' }).createIndex('inspection', 'inspectionId');
      database.createObjectStore('findings', { keyPath: 'id' }).createIndex('inspection', 'inspectionId');
      database.createObjectStore('measures', { keyPath: 'key' }).createIndex('inspection', 'inspectionId');
      database.createObjectStore('files', { keyPath: 'id' }).createIndex('inspection', 'inspectionId');
      database.createObjectStore('acknowledgements', { keyPath: 'inspectionId' });
      database.createObjectStore('forms', { keyPath: 'inspectionId' });
    },
  });
  return opened;
};

// Tells the page (and other tabs of it) that the queue changed.
const channel =
  typeof BroadcastChannel === 'undefined' ? null : new BroadcastChannel('inspecta-onsite-queue');
const listeners = new Set<() => void>();
const changed = () => {
  listeners.forEach((listener) => listener());
  channel?.postMessage('changed');
};
channel?.addEventListener('message', () => listeners.forEach((listener) => listener()));
export const onQueueChange = (listener: () => void): (() => void) => {
  listeners.add(listener);
  return () => listeners.delete(listener);
};

export type PendingRecord = {
  entries: PendingEntry[];
  findings: PendingFinding[];
  measures: PendingMeasure[];
  files: QueuedFile[];
  acknowledgement: PendingAcknowledgement | null;
};

export const pendingFor = async (inspectionId: string): Promise<PendingRecord> => {
  const database = await db();
  const [entries, findings, measures, files, acknowledgement] = await Promise.all([
    database.getAllFromIndex('entries', 'inspection', inspectionId),
    database.getAllFromIndex('findings', 'inspection', inspectionId),
    database.getAllFromIndex('measures', 'inspection', inspectionId),
    database.getAllFromIndex('files', 'inspection', inspectionId),
    database.get('acknowledgements', inspectionId),
  ]);
  const byQueued = <T extends { queuedAt?: number; takenAt?: string }>(a: T, b: T) =>
    (a.queuedAt ?? 0) - (b.queuedAt ?? 0);
  return {
    entries: entries.sort(byQueued),
    findings: findings.sort(byQueued),
    measures: measures.sort(byQueued),
    files,
    acknowledgement: acknowledgement ?? null,
  };
};

export const pendingCount = (pending: PendingRecord): number =>
  pending.entries.length +
  pending.findings.length +
  pending.measures.length +
  pending.files.length +
  (pending.acknowledgement ? 1 : 0);

// One officer's action is one transaction: a finding, its entry, its measures and its photos arrive together.
export const enqueue = async (
  inspectionId: string,
  records: {
    entries?: QueuedEntry[];
    findings?: QueuedFinding[];
    measures?: QueuedMeasure[];
    files?: Omit<QueuedFile, 'inspectionId'>[];
    acknowledgement?: Acknowledgement;
  },
): Promise<void> => {
  const database = await db();
  const tx = database.transaction(
    ['entries', 'findings', 'measures', 'files', 'acknowledgements'],
    'readwrite',
  );
  const queuedAt = Date.now();
  await Promise.all([
    ...(records.files ?? []).map((file) => tx.objectStore('files').put({ ...file, inspectionId })),
    ...(records.entries ?? []).map((entry) =>
      tx.objectStore('entries').put({ ...entry, inspectionId, queuedAt }),
    ),
    ...(records.findings ?? []).map((finding) =>
      tx.objectStore('findings').put({ ...finding, inspectionId, queuedAt }),
    ),
    ...(records.measures ?? []).map((measure) =>
      tx
        .objectStore('measures')
        .put({ ...measure, key: `${measure.findingId}:${measure.kind}`, inspectionId, queuedAt }),
    ),
    ...(records.acknowledgement
      ? [tx.objectStore('acknowledgements').put({ body: records.acknowledgement, inspectionId, queuedAt })]
      : []),
  ]);
  await tx.done;
  changed();
};

// Removes what the server answered it has (stored now or already).
export const settle = async (keys: {
  entries?: string[];
  findings?: string[];
  measures?: string[];
  files?: string[];
  acknowledgement?: string;
}): Promise<void> => {
  const database = await db();
  const tx = database.transaction([...QUEUES, 'acknowledgements'], 'readwrite');
  await Promise.all([
    ...QUEUES.flatMap((store) => (keys[store] ?? []).map((key) => tx.objectStore(store).delete(key))),
    ...(keys.acknowledgement ? [tx.objectStore('acknowledgements').delete(keys.acknowledgement)] : []),
  ]);
  await tx.done;
  changed();
};

// A record the server refused for good stays, marked, so the officer sees it and can act on it.
export const markRefused = async (
  store: 'files' | 'acknowledgements',
  key: string,
  refusal: string,
): Promise<void> => {
  const database = await db();
  const record = await database.get(store, key);
  if (!record) return;
  await database.put(store, { ...record, refusal } as never);
  changed();
};

export const discardFile = async (id: string): Promise<void> => settle({ files: [id] });

export const saveForm = async (form: RecordForm): Promise<void> => {
  await (await db()).put('forms', { inspectionId: form.inspection.id, form, savedAt: Date.now() });
};

export const savedForm = async (inspectionId: string): Promise<RecordForm | undefined> =>
  (await (await db()).get('forms', inspectionId))?.form;

export const queuedFileBlob = async (id: string): Promise<Blob | undefined> =>
  (await (await db()).get('files', id))?.blob;
