import { readFileSync } from 'node:fs';
import path from 'node:path';

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

export { multipartBody, signaturePng } from '../src/demo/images.ts';
