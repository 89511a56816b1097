import { Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createInflateRaw, inflateRawSync } from 'node:zlib';

// What a zip (an .xlsx, a .docx) says about itself in its central directory, read without inflating anything:
// enough to refuse a zip bomb before a parser sees it. The sizes are the archive's own claims; a parser that
// inflates must still be bounded (the import runs in a worker with a memory limit and a deadline).
export type ZipEntry = {
  name: string;
  method: number;
  compressedSize: number;
  uncompressedSize: number;
  localHeaderOffset: number;
};

const eocdSignature = 0x06054b50;
const zip64LocatorSignature = 0x07064b50;
const zip64EocdSignature = 0x06064b50;
const centralSignature = 0x02014b50;
const localSignature = 0x04034b50;
const max32 = 0xffffffff;

const findEndOfCentralDirectory = (buffer: Buffer): number => {
  // the record is 22 bytes plus a comment of at most 65,535
  const lowest = Math.max(0, buffer.length - 22 - 0xffff);
  for (let at = buffer.length - 22; at >= lowest; at -= 1) {
    if (buffer.readUInt32LE(at) === eocdSignature) return at;
  }
  return -1;
};

const bigToNumber = (value: bigint): number =>
  value > BigInt(Number.MAX_SAFE_INTEGER) ? Number.MAX_SAFE_INTEGER : Number(value);

// The entries of the central directory, or null when the buffer is not a readable zip.
export const readZipDirectory = (buffer: Buffer): ZipEntry[] | null => {
  if (buffer.length < 22) return null;
  const eocd = findEndOfCentralDirectory(buffer);
  if (eocd < 0) return null;
  let total = buffer.readUInt16LE(eocd + 10);
  let directorySize = buffer.readUInt32LE(eocd + 12);
  let directoryOffset = buffer.readUInt32LE(eocd + 16);
  if (total === 0xffff || directorySize === max32 || directoryOffset === max32) {
    const locator = eocd - 20;
    if (locator < 0 || buffer.readUInt32LE(locator) !== zip64LocatorSignature) return null;
    const record = bigToNumber(buffer.readBigUInt64LE(locator + 8));
    if (record + 56 > buffer.length || buffer.readUInt32LE(record) !== zip64EocdSignature) return null;
    total = bigToNumber(buffer.readBigUInt64LE(record + 32));
    directorySize = bigToNumber(buffer.readBigUInt64LE(record + 40));
    directoryOffset = bigToNumber(buffer.readBigUInt64LE(record + 48));
  }
  if (directoryOffset + directorySize > buffer.length) return null;
  const entries: ZipEntry[] = [];
  let at = directoryOffset;
  for (let i = 0; i < total; i += 1) {
    if (at + 46 > buffer.length || buffer.readUInt32LE(at) !== centralSignature) return null;
    const method = buffer.readUInt16LE(at + 10);
    let compressedSize = buffer.readUInt32LE(at + 20);
    let uncompressedSize = buffer.readUInt32LE(at + 24);
    const nameLength = buffer.readUInt16LE(at + 28);
    const extraLength = buffer.readUInt16LE(at + 30);
    const commentLength = buffer.readUInt16LE(at + 32);
    let localHeaderOffset = buffer.readUInt32LE(at + 42);
    const end = at + 46 + nameLength + extraLength + commentLength;
    if (end > buffer.length) return null;
    const name = buffer.toString('utf8', at + 46, at + 46 + nameLength);
    if (uncompressedSize === max32 || compressedSize === max32 || localHeaderOffset === max32) {
      // the zip64 extra field holds, in this order, only the values that overflowed
      let extra = at + 46 + nameLength;
      const extraEnd = extra + extraLength;
      while (extra + 4 <= extraEnd) {
        const id = buffer.readUInt16LE(extra);
        const size = buffer.readUInt16LE(extra + 2);
        if (id === 0x0001) {
          let field = extra + 4;
          const next = () => {
            if (field + 8 > extra + 4 + size) return null;
            const value = bigToNumber(buffer.readBigUInt64LE(field));
            field += 8;
            return value;
          };
          if (uncompressedSize === max32) uncompressedSize = next() ?? Number.MAX_SAFE_INTEGER;
          if (compressedSize === max32) compressedSize = next() ?? Number.MAX_SAFE_INTEGER;
          if (localHeaderOffset === max32) localHeaderOffset = next() ?? Number.MAX_SAFE_INTEGER;
          break;
        }
        extra += 4 + size;
      }
    }
    entries.push({ name, method, compressedSize, uncompressedSize, localHeaderOffset });
    at = end;
  }
  return entries;
};

export type ZipLimits = {
  // the sum of every entry's inflated size
  maxInflatedBytes: number;
  // inflated ÷ compressed size of one entry, checked for entries above `ratioFloorBytes` inflated
  maxRatio: number;
  ratioFloorBytes: number;
  maxEntries: number;
};

export type ZipVerdict =
  | { ok: true; entries: ZipEntry[]; inflatedBytes: number }
  | { ok: false; reason: 'not-zip' }
  | { ok: false; reason: 'too-many-entries'; entries: number }
  | { ok: false; reason: 'too-large'; inflatedBytes: number }
  | { ok: false; reason: 'ratio'; entry: string; ratio: number };

export const checkZip = (buffer: Buffer, limits: ZipLimits): ZipVerdict => {
  const entries = readZipDirectory(buffer);
  if (!entries || entries.length === 0) return { ok: false, reason: 'not-zip' };
  if (entries.length > limits.maxEntries)
    return { ok: false, reason: 'too-many-entries', entries: entries.length };
  let inflatedBytes = 0;
  for (const entry of entries) {
    inflatedBytes += entry.uncompressedSize;
    if (entry.uncompressedSize > limits.ratioFloorBytes) {
      const ratio = entry.uncompressedSize / Math.max(1, entry.compressedSize);
      if (ratio > limits.maxRatio) return { ok: false, reason: 'ratio', entry: entry.name, ratio };
    }
  }
  if (inflatedBytes > limits.maxInflatedBytes) return { ok: false, reason: 'too-large', inflatedBytes };
  return { ok: true, entries, inflatedBytes };
};

const entryData = (buffer: Buffer, entry: ZipEntry): Buffer | null => {
  const local = entry.localHeaderOffset;
  if (local + 30 > buffer.length || buffer.readUInt32LE(local) !== localSignature) return null;
  const start = local + 30 + buffer.readUInt16LE(local + 26) + buffer.readUInt16LE(local + 28);
  const end = start + entry.compressedSize;
  return end > buffer.length ? null : buffer.subarray(start, end);
};

class TooLarge extends Error {}

// Inflates every entry without keeping anything, counting: the central directory's sizes are only claims,
// and a bomb may understate them. False when an entry inflates past its claimed size or all of them past
// `maxInflatedBytes`, or cannot be inflated. Stops as soon as a limit is passed.
export const inflatesAsClaimed = async (
  buffer: Buffer,
  entries: ZipEntry[],
  maxInflatedBytes: number,
): Promise<boolean> => {
  let total = 0;
  for (const entry of entries) {
    const data = entryData(buffer, entry);
    if (!data) return false;
    if (entry.method === 0) {
      total += data.length;
      if (data.length !== entry.uncompressedSize || total > maxInflatedBytes) return false;
      continue;
    }
    if (entry.method !== 8) return false;
    let inflated = 0;
    const counter = new Writable({
      write(chunk: Buffer, _encoding, done) {
        inflated += chunk.length;
        total += chunk.length;
        done(inflated > entry.uncompressedSize || total > maxInflatedBytes ? new TooLarge() : null);
      },
    });
    try {
      await pipeline([data], createInflateRaw(), counter);
    } catch {
      return false;
    }
  }
  return true;
};

// The first bytes of one entry, inflated (at most `maxBytes`), or null when they cannot be read.
export const readEntryHead = (buffer: Buffer, entry: ZipEntry, maxBytes: number): string | null => {
  const local = entry.localHeaderOffset;
  if (local + 30 > buffer.length || buffer.readUInt32LE(local) !== localSignature) return null;
  const start = local + 30 + buffer.readUInt16LE(local + 26) + buffer.readUInt16LE(local + 28);
  const end = Math.min(buffer.length, start + entry.compressedSize);
  if (start > end) return null;
  if (entry.method === 0) return buffer.toString('utf8', start, Math.min(end, start + maxBytes));
  if (entry.method !== 8) return null;
  try {
    // a deflate block inflates at most about 1,032-fold: a few kilobytes in are enough for the head
    const head = inflateRawSync(buffer.subarray(start, Math.min(end, start + 8192)), {
      finishFlush: 2, // Z_SYNC_FLUSH: a cut stream gives what it has instead of an error
      maxOutputLength: Math.max(maxBytes, 16 * 1024 * 1024),
    });
    return head.toString('utf8', 0, Math.min(head.length, maxBytes));
  } catch {
    return null;
  }
};
