import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { crc32, deflateSync } from 'node:zlib';

// Small real images for upload tests: a photo as a camera writes it (EXIF APP1 with DateTimeOriginal,
// spliced in by hand) and a signature PNG as a canvas gives it.

export const sitePhoto = (): Buffer =>
  readFileSync(path.join(import.meta.dirname, 'fixtures', 'site-photo.jpg'));

// "Exif\0\0", a big-endian TIFF header, IFD0 pointing to an Exif IFD holding DateTimeOriginal (0x9003).
const exifSegment = (dateTimeOriginal: string): Buffer => {
  const value = Buffer.from(`${dateTimeOriginal}\0`, 'ascii');
  const tiff = Buffer.alloc(8 + 18 + 18 + value.length);
  tiff.write('MM', 0, 'ascii');
  tiff.writeUInt16BE(42, 2);
  tiff.writeUInt32BE(8, 4);
  // IFD0: one entry, the Exif IFD pointer (tag 0x8769, LONG)
  tiff.writeUInt16BE(1, 8);
  tiff.writeUInt16BE(0x8769, 10);
  tiff.writeUInt16BE(4, 12);
  tiff.writeUInt32BE(1, 14);
  tiff.writeUInt32BE(26, 18);
  tiff.writeUInt32BE(0, 22);
  // Exif IFD: DateTimeOriginal (ASCII, 20 bytes with the terminator) stored after the IFD
  tiff.writeUInt16BE(1, 26);
  tiff.writeUInt16BE(0x9003, 28);
  tiff.writeUInt16BE(2, 30);
  tiff.writeUInt32BE(value.length, 32);
  tiff.writeUInt32BE(44, 36);
  tiff.writeUInt32BE(0, 40);
  value.copy(tiff, 44);
  const body = Buffer.concat([Buffer.from('Exif\0\0', 'binary'), tiff]);
  const header = Buffer.alloc(4);
  header.writeUInt16BE(0xffe1, 0);
  header.writeUInt16BE(body.length + 2, 2);
  return Buffer.concat([header, body]);
};

// The fixture photo with an APP1 segment right after the JPEG's start-of-image marker.
export const photoTakenAt = (dateTimeOriginal: string): Buffer => {
  const jpeg = sitePhoto();
  return Buffer.concat([jpeg.subarray(0, 2), exifSegment(dateTimeOriginal), jpeg.subarray(2)]);
};

const chunk = (type: string, data: Buffer): Buffer => {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length, 0);
  const typed = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(typed) >>> 0, 0);
  return Buffer.concat([length, typed, crc]);
};

// A small grey-scale PNG with a diagonal stroke, as a signature pad would draw.
export const signaturePng = (size = 24): Buffer => {
  const rows: number[] = [];
  for (let y = 0; y < size; y += 1) {
    rows.push(0);
    for (let x = 0; x < size; x += 1) rows.push(Math.abs(x - y) < 2 ? 0 : 255);
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header.writeUInt8(8, 8);
  header.writeUInt8(0, 9);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(Buffer.from(rows))),
    chunk('IEND', Buffer.alloc(0)),
  ]);
};

// A multipart/form-data body: the fields, then one file.
export const multipartBody = (
  fields: Record<string, string>,
  file: { name: string; type: string; data: Buffer },
) => {
  const boundary = `----inspecta${randomUUID()}`;
  const parts: Buffer[] = [];
  for (const [name, value] of Object.entries(fields)) {
    parts.push(
      Buffer.from(`--${boundary}\r\ncontent-disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`),
    );
  }
  parts.push(
    Buffer.from(
      `--${boundary}\r\ncontent-disposition: form-data; name="file"; filename="${file.name}"\r\ncontent-type: ${file.type}\r\n\r\n`,
    ),
  );
  parts.push(file.data, Buffer.from(`\r\n--${boundary}--\r\n`));
  return {
    payload: Buffer.concat(parts),
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  };
};
