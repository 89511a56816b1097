import { Worker } from 'node:worker_threads';
import { problem } from '../../platform/problems/problem.ts';
import { checkZip, readEntryHead, type ZipEntry } from '../../platform/documents/zip-guard.ts';
import { checkImportRows, maxImportRows, type ImportParse } from './xlsx.ts';
import type { ImportWorkerInput, ImportWorkerOutput } from './import-worker.ts';

// issue 12 item 4: a spreadsheet must not sink the server. A workbook is refused before it is parsed when its
// zip directory claims too much (the inflated total, one entry's compression ratio) or its first worksheet
// declares too many rows; it is then read row by row in a worker thread with a memory limit and a deadline,
// which checks that the entries inflate no further than claimed and stops at the first row over the limit.
// At most `running` imports run at once and `waiting` more wait their turn; beyond that the upload is refused.
export const importLimits = {
  maxInflatedBytes: 100 * 1024 * 1024,
  // legitimate spreadsheet XML compresses 5–30 fold; a bomb a thousandfold
  maxRatio: 200,
  ratioFloorBytes: 1024 * 1024,
  maxEntries: 2000,
  workerHeapMb: 256,
  deadlineMs: 120_000,
};

export class ImportGate {
  private active = 0;
  private readonly queue: (() => void)[] = [];
  constructor(
    readonly running: number,
    readonly waiting: number,
  ) {}

  // Resolves with the release once the import may run; refuses at once when the queue is full too.
  async enter(): Promise<() => void> {
    if (this.active < this.running) {
      this.active += 1;
      return this.releaser();
    }
    if (this.queue.length >= this.waiting) {
      throw problem('IMPORT_BUSY', { running: this.running, waiting: this.queue.length });
    }
    await new Promise<void>((resolve) => this.queue.push(resolve));
    return this.releaser();
  }

  get load() {
    return { active: this.active, queued: this.queue.length };
  }

  private releaser() {
    let released = false;
    return () => {
      if (released) return;
      released = true;
      const next = this.queue.shift();
      if (next) next();
      else this.active -= 1;
    };
  }
}

// One per process: the limit is on the machine's memory and cores, whoever uploads.
export const importGate = new ImportGate(2, 4);

const firstWorksheet = (entries: ZipEntry[]) =>
  entries.find((entry) => /^xl\/worksheets\/sheet\d+\.xml$/.test(entry.name));

// The last row of the worksheet's declared dimension (`<dimension ref="A1:L20001"/>`), when it declares one.
const declaredRows = (buffer: Buffer, entries: ZipEntry[]): number | null => {
  const sheet = firstWorksheet(entries);
  if (!sheet) return null;
  const head = readEntryHead(buffer, sheet, 4096);
  const match = head ? /<dimension\s+ref="[A-Z]+\d+:[A-Z]+(\d+)"/.exec(head) : null;
  return match ? Number(match[1]) : null;
};

const notAWorkbook = () =>
  problem(
    'IMPORT_INVALID_ROWS',
    { count: 1 },
    { errors: [{ row: 0, column: '', message: '文件不是有效的 .xlsx 工作簿' }] },
  );
const tooManyRows = () => problem('IMPORT_TOO_MANY_ROWS', { limit: maxImportRows });
const tooLarge = () =>
  problem('IMPORT_TOO_LARGE', { limitMb: Math.round(importLimits.maxInflatedBytes / 1024 / 1024) });

// The checks that need only the zip's directory and the sheet's first bytes: cheap, on the event loop.
export const precheckWorkbook = (buffer: Buffer): void => {
  const verdict = checkZip(buffer, importLimits);
  if (!verdict.ok) {
    if (verdict.reason === 'not-zip') throw notAWorkbook();
    throw tooLarge();
  }
  const rows = declaredRows(buffer, verdict.entries);
  if (rows !== null && rows - 1 > maxImportRows) throw tooManyRows();
};

const bootUrl = new URL('./import-worker-boot.mjs', import.meta.url);

// One worker thread per import, terminated as soon as it answers. Keeping it for the next import saves its
// start (about 0.6 s) but holds the reader's spent heap (tens of MB) through the insert and the grading that
// follow: the 20,000-row import grew RSS by 231 MB with a kept worker and 155 MB without (`npm run bench:import`).
// A worker that runs out of memory or time dies with its workbook; the next import never shares its heap.
const spawnWorker = () => {
  const worker = new Worker(bootUrl, {
    resourceLimits: { maxOldGenerationSizeMb: importLimits.workerHeapMb, maxYoungGenerationSizeMb: 16 },
    stdout: false,
    stderr: false,
  });
  // a failure after the import has settled (its listeners are gone) is already answered
  worker.on('error', () => {});
  return worker;
};

const inWorker = (buffer: Buffer): Promise<ImportWorkerOutput> =>
  new Promise((resolve, reject) => {
    const file = new Uint8Array(buffer.byteLength);
    file.set(buffer);
    const input: ImportWorkerInput = {
      file,
      maxInflatedBytes: importLimits.maxInflatedBytes,
      maxRows: maxImportRows,
    };
    const worker = spawnWorker();
    let settled = false;
    const onMessage = (output: ImportWorkerOutput) => settle(() => resolve(output));
    // out of memory (ERR_WORKER_OUT_OF_MEMORY) or a crash inside the reader: the workbook, not the server
    const onFailure = () => settle(() => reject(problem('IMPORT_UNREADABLE')));
    const settle = (action: () => void) => {
      if (settled) return;
      settled = true;
      clearTimeout(deadline);
      worker.off('message', onMessage);
      worker.off('error', onFailure);
      worker.off('exit', onFailure);
      void worker.terminate();
      action();
    };
    const deadline = setTimeout(onFailure, importLimits.deadlineMs);
    worker.on('message', onMessage);
    worker.on('error', onFailure);
    worker.on('exit', onFailure);
    worker.postMessage(input, [file.buffer]);
  });

const noRows = (message: string): ImportParse => ({ rows: [], errors: [{ row: 0, column: '', message }] });

// The rows of an uploaded workbook, checked, or a problem refusing it. The caller holds a gate slot.
export const readImportFile = async (buffer: Buffer): Promise<ImportParse> => {
  precheckWorkbook(buffer);
  const output = await inWorker(buffer);
  switch (output.kind) {
    case 'inflates-beyond-claim':
      throw tooLarge();
    case 'too-many-rows':
      throw tooManyRows();
    case 'not-a-workbook':
      return noRows('文件不是有效的 .xlsx 工作簿');
    case 'no-worksheet':
      return noRows('工作簿中没有工作表');
    case 'sheet':
      return checkImportRows(output.sheet);
  }
};
