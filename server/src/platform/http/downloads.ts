import { PassThrough } from 'node:stream';
import ExcelJS from 'exceljs';

export const xlsxContentType = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
export const docxContentType = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

// A download's file name, in UTF-8 so Chinese names survive.
export const attachment = (name: string): string =>
  `attachment; filename*=UTF-8''${encodeURIComponent(name)}`;

// Streams a workbook while `build` adds and commits its rows, so a large export never sits in memory;
// a failure on the way ends the stream with the error.
export const streamWorkbook = (
  build: (workbook: ExcelJS.stream.xlsx.WorkbookWriter) => void | Promise<void>,
): PassThrough => {
  const stream = new PassThrough();
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream, useStyles: true });
  void (async () => {
    await build(workbook);
    await workbook.commit();
  })().catch((error: unknown) => stream.destroy(error as Error));
  return stream;
};
