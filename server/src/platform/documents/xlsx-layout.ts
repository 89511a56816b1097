import type ExcelJS from 'exceljs';

// Issue 14 item 4: every list the server writes as .xlsx opens, filters and prints the same way: the header
// row frozen and filtered, A4 fitted to the page's width (landscape when the columns are wide), the header
// repeated on every printed page, every column given a width, days as date cells and counts as numbers.
// Each export keeps its own columns; this file only lays them out.

type WorkbookWriter = ExcelJS.stream.xlsx.WorkbookWriter;

export type XlsxValue = string | number | Date | null | undefined;
export type XlsxRow = Record<string, XlsxValue>;

export type XlsxColumn = {
  header: string;
  key: string;
  // in characters; without it the column is as wide as its longest entry (writeListSheet only)
  width?: number;
  // date: a calendar day given as 'YYYY-MM-DD', written as a date cell showing that day;
  // integer: a count or an amount, shown with thousands separators; text: stays text when a user types a number
  format?: 'date' | 'integer' | 'text';
};

export type ListSheetOptions = {
  name: string;
  columns: XlsxColumn[];
  // printed at the head of every page
  title?: string;
  orientation?: 'portrait' | 'landscape';
};

const numberFormats = { date: 'yyyy-mm-dd', integer: '#,##0', text: '@' } as const;
const minWidth = 6;
const maxWidth = 60;
// about as many characters as an A4 portrait page holds across at full size
const portraitWidth = 100;

// A bureau's calendar day ('2026-09-12', an Asia/Shanghai day) as the cell value that shows that day: Excel
// keeps no zone, and exceljs counts a Date's days in UTC, so the day is put at UTC midnight.
export const calendarDay = (text: string): Date => {
  const [year, month, day] = text.split('-').map(Number);
  return new Date(Date.UTC(year!, month! - 1, day!));
};

const isCalendarDay = (text: string) => /^\d{4}-\d{2}-\d{2}$/.test(text);

const cellValue = (value: XlsxValue, column: XlsxColumn): ExcelJS.CellValue => {
  if (value === undefined || value === '') return null;
  if (column.format === 'date' && typeof value === 'string' && isCalendarDay(value))
    return calendarDay(value);
  return value;
};

// Widths in Excel's unit, the width of a digit: a Chinese character takes two, a capital letter a little more
// than one (a credit code is mostly capitals).
const charWidth = (char: string) => (char.codePointAt(0)! >= 0x2e80 ? 2 : /[A-Z]/.test(char) ? 1.25 : 1);
const textWidth = (value: XlsxValue): number => {
  if (value === null || value === undefined) return 0;
  if (value instanceof Date) return 10;
  const text = typeof value === 'number' ? value.toLocaleString('en') : value;
  return Math.max(
    ...text.split('\n').map((line) => [...line].reduce((sum, char) => sum + charWidth(char), 0)),
  );
};

// Rows are given the height their wrapped texts need: Excel and LibreOffice keep a written row at one line.
const lineHeight = 15;
const linesNeeded = (value: ExcelJS.CellValue, width: number): number => {
  if (typeof value !== 'string') return 1;
  const usable = Math.max(1, width - 1);
  return value.split('\n').reduce((sum, line) => sum + Math.max(1, Math.ceil(textWidth(line) / usable)), 0);
};
const fitHeight = (row: ExcelJS.Row, widths: number[]) => {
  let lines = 1;
  row.eachCell((cell, column) => {
    lines = Math.max(lines, linesNeeded(cell.value, widths[column - 1] ?? minWidth));
  });
  if (lines > 1) row.height = lines * lineHeight;
};

const widthByContent = (column: XlsxColumn, rows: readonly XlsxRow[]): number => {
  let widest = textWidth(column.header);
  for (const row of rows) widest = Math.max(widest, textWidth(row[column.key]));
  return Math.min(maxWidth, Math.max(minWidth, Math.ceil(widest) + 2));
};

const escapeHeaderText = (text: string) => text.replaceAll('&', '&&');

export type ListSheet = {
  sheet: ExcelJS.Worksheet;
  addRow: (row: XlsxRow) => void;
  // sets the filter over every row written and commits the sheet
  close: () => void;
};

// A sheet whose rows are streamed in (a registry export of any length): every column needs its width.
export const openListSheet = (workbook: WorkbookWriter, options: ListSheetOptions): ListSheet => {
  const widths = options.columns.map((column) => column.width ?? minWidth);
  const landscape = widths.reduce((sum, width) => sum + width, 0) > portraitWidth;
  const sheet = workbook.addWorksheet(options.name, {
    views: [{ state: 'frozen', xSplit: 0, ySplit: 1, topLeftCell: 'A2', activeCell: 'A2' }],
    pageSetup: {
      paperSize: 9,
      orientation: options.orientation ?? (landscape ? 'landscape' : 'portrait'),
      fitToPage: true,
      fitToWidth: 1,
      // as many pages down as the rows need
      fitToHeight: 0,
      printTitlesRow: '1:1',
      horizontalCentered: true,
      margins: { left: 0.5, right: 0.5, top: 0.75, bottom: 0.75, header: 0.3, footer: 0.3 },
    },
    headerFooter: {
      ...(options.title ? { oddHeader: `&C&B${escapeHeaderText(options.title)}` } : {}),
      oddFooter: '&C第 &P 页，共 &N 页',
    },
  });
  sheet.columns = options.columns.map((column, index) => {
    // a text longer than its column wraps rather than runs into the next one or off the printed page
    const style: Partial<ExcelJS.Style> = { alignment: { vertical: 'top', wrapText: true } };
    if (column.format) style.numFmt = numberFormats[column.format];
    return { header: column.header, key: column.key, width: widths[index], style };
  });
  const header = sheet.getRow(1);
  fitHeight(header, widths);
  header.eachCell((cell) => {
    cell.font = { bold: true };
    cell.alignment = { vertical: 'middle', horizontal: 'center', wrapText: true };
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFEFEFEF' } };
    cell.border = { bottom: { style: 'thin' } };
  });
  header.commit();
  let lastRow = 1;
  return {
    sheet,
    addRow: (row) => {
      const added = sheet.addRow(options.columns.map((column) => cellValue(row[column.key], column)));
      // a day in a column of other values (a plan's dates among its numbers) still shows as a day
      added.eachCell((cell) => {
        if (cell.value instanceof Date && !cell.numFmt?.includes('y')) cell.numFmt = numberFormats.date;
      });
      fitHeight(added, widths);
      added.commit();
      lastRow = added.number;
    },
    close: () => {
      sheet.autoFilter = {
        from: { row: 1, column: 1 },
        to: { row: lastRow, column: options.columns.length },
      };
      sheet.commit();
    },
  };
};

// A sheet whose rows are all at hand: columns without a width are as wide as their content.
export const writeListSheet = (
  workbook: WorkbookWriter,
  options: ListSheetOptions & { rows: readonly XlsxRow[] },
): void => {
  const columns = options.columns.map((column) => ({
    ...column,
    width: column.width ?? widthByContent(column, options.rows),
  }));
  const list = openListSheet(workbook, { ...options, columns });
  for (const row of options.rows) list.addRow(row);
  list.close();
};
