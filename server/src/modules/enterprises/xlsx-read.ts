import { Readable } from 'node:stream';
import ExcelJS from 'exceljs';

// The cells of the first worksheet as text, read by the import worker (import-worker.ts) with exceljs's
// streaming reader: the sheet is never held whole, and reading stops at the first data row over the limit.
// Deliberately light (exceljs only), so the worker starts fast; the rows are checked on the server's side.

export const cellText = (value: ExcelJS.CellValue): string => {
  if (value === null || value === undefined) return '';
  if (typeof value === 'object') {
    if ('richText' in value) return value.richText.map((part) => part.text).join('');
    if ('text' in value) return String(value.text);
    if ('result' in value) return cellText(value.result as ExcelJS.CellValue);
    if (value instanceof Date) return value.toISOString().slice(0, 10);
    return '';
  }
  return String(value).trim();
};

export type SheetCells = {
  // the header row's texts by column number (index 0 unused)
  header: string[];
  rows: { row: number; cells: string[] }[];
};

export type SheetRead =
  | { kind: 'sheet'; sheet: SheetCells }
  | { kind: 'not-a-workbook' }
  | { kind: 'no-worksheet' }
  | { kind: 'too-many-rows' };

export const readFirstSheet = async (buffer: Buffer, maxRows: number): Promise<SheetRead> => {
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from([buffer]), {
    worksheets: 'emit',
    sharedStrings: 'cache',
    hyperlinks: 'ignore',
    styles: 'ignore',
    entries: 'ignore',
  });
  try {
    for await (const worksheet of reader) {
      const sheet: SheetCells = { header: [], rows: [] };
      let dataRows = 0;
      for await (const sheetRow of worksheet) {
        if (sheetRow.number === 1) {
          sheetRow.eachCell((cell, col) => {
            sheet.header[col] = cellText(cell.value);
          });
          continue;
        }
        if (!sheetRow.hasValues) continue;
        dataRows += 1;
        if (dataRows > maxRows) return { kind: 'too-many-rows' };
        const cells: string[] = [];
        sheetRow.eachCell((cell, col) => {
          cells[col] = cellText(cell.value);
        });
        sheet.rows.push({ row: sheetRow.number, cells });
      }
      return { kind: 'sheet', sheet };
    }
  } catch {
    return { kind: 'not-a-workbook' };
  }
  return { kind: 'no-worksheet' };
};
