import { buffer } from 'node:stream/consumers';
import { describe, expect, it } from 'vitest';
import { streamWorkbook } from '../../platform/http/downloads.ts';
import {
  cellUnder,
  expectDayCell,
  expectListLayout,
  expectNoReviewerNotes,
  loadWorkbook,
} from '../../../test/xlsx.ts';
import { writeInspectionSheet } from './export-xlsx.ts';

const row = (enterpriseName: string, plannedOn: string, count: number) => ({
  enterpriseName,
  creditCode: '91440703MA4UK00016',
  territoryName: '蓬江区',
  kind: 'double_random' as const,
  organisationName: '蓬江区应急管理局',
  plannedOn,
  stageName: '已计划',
  nextStep: '制定现场检查方案或先行非现场检查',
  overdue: false,
  team: [{ name: '赵静' }, { name: '何伟' }],
  matters: [],
  burden: { count },
});

describe('the inspection list as a workbook (issue 14 item 4)', () => {
  it('freezes and filters the header, prints on A4 with the header on every page, and writes days and counts as such', async () => {
    const rows = [
      row('江门市蓬江区华美五金制品有限公司', '2026-09-12', 2),
      row('江门市蓬江利民新力冷链物流有限公司', '2026-01-01', 1),
    ];
    const book = await loadWorkbook(
      await buffer(streamWorkbook((workbook) => writeInspectionSheet(workbook, rows))),
    );
    const sheet = book.worksheets[0]!;
    expectListLayout(sheet);
    // twelve columns are wider than an A4 page stood upright
    expect(sheet.pageSetup.orientation).toBe('landscape');
    expect(sheet.getColumn(1).width).toBeGreaterThanOrEqual(34);
    expectDayCell(cellUnder(sheet, '计划日期', 2), '2026-09-12');
    // the first day of the year stays in its year whatever the server's zone
    expectDayCell(cellUnder(sheet, '计划日期', 3), '2026-01-01');
    expect(cellUnder(sheet, '本年受检次数', 2).value).toBe(2);
    expect(cellUnder(sheet, '执法人员', 2).value).toBe('赵静、何伟');
    expectNoReviewerNotes(book);
  });
});
