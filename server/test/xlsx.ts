import ExcelJS from 'exceljs';
import { expect } from 'vitest';

// Shared by the export tests (issue 14 item 4): a downloaded workbook, and what every list sheet must be.

export const loadWorkbook = async (payload: Buffer): Promise<ExcelJS.Workbook> => {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(payload as unknown as ArrayBuffer);
  return book;
};

// The header row frozen and filtered; A4, fitted to the page's width, the header on every printed page; every
// column given a width.
export const expectListLayout = (sheet: ExcelJS.Worksheet) => {
  expect(sheet.views[0], sheet.name).toMatchObject({ state: 'frozen', ySplit: 1 });
  expect(sheet.autoFilter, sheet.name).toBeTruthy();
  expect(sheet.pageSetup, sheet.name).toMatchObject({
    paperSize: 9,
    fitToPage: true,
    fitToWidth: 1,
    printTitlesRow: '1:1',
  });
  expect(sheet.columnCount).toBeGreaterThan(0);
  for (let column = 1; column <= sheet.columnCount; column += 1) {
    expect(sheet.getColumn(column).width, `${sheet.name} column ${column}`).toBeGreaterThan(0);
  }
};

// A cell holding a calendar day: a date cell that shows that very day.
export const expectDayCell = (cell: ExcelJS.Cell, day: string) => {
  expect(cell.value).toBeInstanceOf(Date);
  expect((cell.value as Date).toISOString()).toBe(`${day}T00:00:00.000Z`);
  expect(cell.numFmt).toBe('yyyy-mm-dd');
};

// Reviewers' working notes, catalogue markers and source files, which no printed list carries.
const reviewerNotes = /placeholder|FACTS|\.md\b|\[\d+\]/;

export const expectNoReviewerNotes = (book: ExcelJS.Workbook) => {
  const texts: string[] = [];
  for (const sheet of book.worksheets) {
    texts.push(sheet.name, sheet.headerFooter?.oddHeader ?? '');
    sheet.eachRow((row) => row.eachCell((cell) => texts.push(cell.text)));
  }
  expect(texts.length).toBeGreaterThan(0);
  expect(texts.filter((text) => reviewerNotes.test(text))).toEqual([]);
};

// The cell under a header, in the given row.
export const cellUnder = (sheet: ExcelJS.Worksheet, header: string, row: number): ExcelJS.Cell => {
  const headers = (sheet.getRow(1).values as unknown[]).map((value) => String(value ?? ''));
  const column = headers.indexOf(header);
  expect(column, `${sheet.name} has no column ${header}`).toBeGreaterThan(0);
  return sheet.getRow(row).getCell(column);
};
