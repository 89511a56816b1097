// The import's worker thread (kept by import-file.ts, started through import-worker-boot.mjs): checks that the
// workbook inflates no further than its zip directory claims, then reads the cells of its first worksheet,
// off the server's event loop.
import { parentPort } from 'node:worker_threads';
import { inflatesAsClaimed, readZipDirectory } from '../../platform/documents/zip-guard.ts';
import { readFirstSheet, type SheetRead } from './xlsx-read.ts';

export type ImportWorkerInput = { file: Uint8Array; maxInflatedBytes: number; maxRows: number };
export type ImportWorkerOutput = SheetRead | { kind: 'inflates-beyond-claim' };

const run = async ({ file, maxInflatedBytes, maxRows }: ImportWorkerInput): Promise<ImportWorkerOutput> => {
  const buffer = Buffer.from(file.buffer, file.byteOffset, file.byteLength);
  const entries = readZipDirectory(buffer);
  if (!entries || !(await inflatesAsClaimed(buffer, entries, maxInflatedBytes))) {
    return { kind: 'inflates-beyond-claim' };
  }
  return readFirstSheet(buffer, maxRows);
};

// one workbook per message; the thread stays for the next one until the server lets it go
parentPort!.on('message', (input: ImportWorkerInput) => {
  void run(input).then((output) => parentPort!.postMessage(output));
});
