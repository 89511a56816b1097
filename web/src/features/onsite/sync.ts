import { api, unwrap, uploadFile } from '../../api/client';
import { ApiError, isApiError } from '../../api/problem';
import { markRefused, pendingFor, settle, type PendingRecord } from './offline-queue';

// Issue 5 items 6 and 10: one pass over an inspection's queue. Photos first (each under its own id, so a
// replay is harmless), then the batch that names them, then the acknowledgement. A network failure throws
// (the loop retries with backoff); an answer from the server settles or marks what it concerned.

export type SyncPass = { synced: number; refused: ApiError | null };

const isRetryable = (error: unknown) => !isApiError(error) || error.status >= 500 || error.status === 401;

export const syncPass = async (inspectionId: string): Promise<SyncPass> => {
  let synced = 0;
  let refused: ApiError | null = null;
  const pending: PendingRecord = await pendingFor(inspectionId);

  for (const file of pending.files.filter((queued) => !queued.refusal)) {
    const form = new FormData();
    form.set('id', file.id);
    form.set('kind', file.kind);
    form.set('takenAt', file.takenAt);
    if (file.location) {
      form.set('latitude', String(file.location.latitude));
      form.set('longitude', String(file.location.longitude));
      if (file.location.accuracy != null) form.set('accuracy', String(file.location.accuracy));
    }
    form.set('file', file.blob, file.name);
    try {
      await uploadFile(`/api/v1/inspections/${inspectionId}/files`, form);
      await settle({ files: [file.id] });
      synced += 1;
    } catch (error) {
      if (isRetryable(error)) throw error;
      // too large, wrong type: the server will say the same every time
      await markRefused('files', file.id, (error as ApiError).problem.title);
      refused = error as ApiError;
    }
  }

  // a finding waits for its photos; its measures wait for it
  const waiting = new Set((await pendingFor(inspectionId)).files.map((file) => file.id));
  const findings = pending.findings.filter(
    (finding) =>
      ![...finding.photoIds, ...(finding.fixedOnSpot?.proofIds ?? [])].some((id) => waiting.has(id)),
  );
  const held = new Set(
    pending.findings.filter((finding) => !findings.includes(finding)).map((finding) => finding.id),
  );
  const measures = pending.measures.filter((measure) => !held.has(measure.findingId));
  const strip = <T extends { inspectionId: string; queuedAt: number; refusal?: string }>({
    inspectionId: _i,
    queuedAt: _q,
    refusal: _r,
    ...record
  }: T) => record;
  if (pending.entries.length + findings.length + measures.length > 0) {
    try {
      const result = await unwrap(
        api.POST('/api/v1/inspections/{id}/sync', {
          params: { path: { id: inspectionId } },
          body: {
            entries: pending.entries.map(strip),
            findings: findings.map(strip),
            emergencyMeasures: measures.map(({ key: _key, ...measure }) => strip(measure)),
          },
        }),
      );
      await settle({
        entries: [...result.entries.stored, ...result.entries.already],
        findings: [...result.findings.stored, ...result.findings.already, ...result.findings.fixed],
        measures: [...result.emergencyMeasures.stored, ...result.emergencyMeasures.already],
      });
      synced +=
        result.entries.stored.length +
        result.findings.stored.length +
        result.findings.fixed.length +
        result.emergencyMeasures.stored.length;
    } catch (error) {
      if (isRetryable(error)) throw error;
      // the batch stays queued and the officer sees why (a stage or a rule); nothing is dropped
      return { synced, refused: error as ApiError };
    }
  }

  const after = await pendingFor(inspectionId);
  const acknowledgement = after.acknowledgement;
  const signatureWaiting =
    acknowledgement?.body.signed === true &&
    after.files.some(
      (file) => file.id === (acknowledgement.body as { signatureFileId: string }).signatureFileId,
    );
  if (
    acknowledgement &&
    !acknowledgement.refusal &&
    !signatureWaiting &&
    after.entries.length + after.findings.length === 0
  ) {
    try {
      await unwrap(
        api.POST('/api/v1/inspections/{id}/acknowledgement', {
          params: { path: { id: inspectionId } },
          body: acknowledgement.body,
        }),
      );
      await settle({ acknowledgement: inspectionId });
      synced += 1;
    } catch (error) {
      if (isRetryable(error)) throw error;
      await markRefused('acknowledgements', inspectionId, (error as ApiError).problem.title);
      refused = error as ApiError;
    }
  }
  return { synced, refused };
};
