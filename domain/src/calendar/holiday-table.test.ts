import { describe, expect, it } from 'vitest';
import { validateHolidayTable } from './holiday-table.ts';

const input = {
  year: 2027,
  holidays: ['2027-01-01', '2027-02-08', '2027-02-08'],
  makeUpWorkdays: ['2027-02-06'],
  notice: ' 国办发明电〔2026〕99号 ',
};

describe('a year’s holiday table entered by the legal reviewer (issue 11 item 12)', () => {
  it('keeps the dates sorted without repeats and the notice’s number trimmed', () => {
    expect(validateHolidayTable(input)).toEqual({
      ok: true,
      table: {
        year: 2027,
        holidays: ['2027-01-01', '2027-02-08'],
        makeUpWorkdays: ['2027-02-06'],
        notice: '国办发明电〔2026〕99号',
        source: 'legal_reviewer',
      },
    });
  });

  it('refuses a table without the notice’s number, a date of another year, or a day both off and on', () => {
    const refused = (patch: Partial<typeof input>) => {
      const answer = validateHolidayTable({ ...input, ...patch });
      return answer.ok ? '' : answer.message;
    };
    expect(refused({ notice: '  ' })).toContain('文号');
    expect(refused({ holidays: ['2026-12-31'] })).toContain('不在 2027 年内');
    expect(refused({ holidays: ['2027-02-30'] })).toContain('日期格式');
    expect(refused({ makeUpWorkdays: ['2027-02-08'] })).toContain('既放假又调休上班');
    expect(refused({ makeUpWorkdays: ['2027-02-03'] })).toContain('周六或周日');
    expect(refused({ holidays: [] })).toContain('至少');
  });
});
