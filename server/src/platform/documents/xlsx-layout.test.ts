import { buffer } from 'node:stream/consumers';
import { describe, expect, it } from 'vitest';
import { streamWorkbook } from '../http/downloads.ts';
import { expectDayCell, expectListLayout, loadWorkbook } from '../../../test/xlsx.ts';
import { writeListSheet, type XlsxColumn, type XlsxRow } from './xlsx-layout.ts';

const write = async (columns: XlsxColumn[], rows: XlsxRow[]) =>
  (
    await loadWorkbook(
      await buffer(streamWorkbook((workbook) => writeListSheet(workbook, { name: '名单', columns, rows }))),
    )
  ).worksheets[0]!;

describe('a list sheet (issue 14 item 4)', () => {
  it('sizes each column to its longest entry, a Chinese character counting two, within bounds', async () => {
    const sheet = await write(
      [
        { header: '企业名称', key: 'name' },
        { header: '号', key: 'code' },
        { header: '说明', key: 'note' },
      ],
      [{ name: '江门市蓬江区华美五金制品有限公司', code: 'A1', note: '长'.repeat(80) }],
    );
    expectListLayout(sheet);
    expect(sheet.columns.map((column) => column.width)).toEqual([34, 6, 60]);
    expect(sheet.getRow(2).getCell(3).alignment).toMatchObject({ wrapText: true });
    expect(sheet.pageSetup.orientation).toBe('portrait');
  });

  it('writes a bureau day as a date cell showing that day, and leaves an empty day empty', async () => {
    const sheet = await write(
      [{ header: '日期', key: 'day', format: 'date' }],
      [{ day: '2026-12-31' }, { day: null }, { day: '2026-01-01' }],
    );
    expectDayCell(sheet.getRow(2).getCell(1), '2026-12-31');
    expect(sheet.getRow(3).getCell(1).value).toBeNull();
    expectDayCell(sheet.getRow(4).getCell(1), '2026-01-01');
  });
});
