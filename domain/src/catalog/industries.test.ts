import { describe, expect, it } from 'vitest';
import { industryByCode, industryCatalog, parseIndustryCatalog } from './industries.ts';

describe('industry catalogue', () => {
  it('covers the industries the platform classifies by', () => {
    expect(industryCatalog.entries.map((entry) => entry.name)).toEqual([
      '非煤矿山',
      '危险化学品生产',
      '危险化学品经营',
      '危险化学品使用',
      '烟花爆竹批发',
      '烟花爆竹零售',
      '冶金',
      '钢铁',
      '有色',
      '铝加工',
      '建材',
      '机械',
      '轻工',
      '纺织',
      '烟草',
      '商贸',
      '其他',
    ]);
    expect(industryByCode(industryCatalog, 'steel')).toMatchObject({ parent: 'metallurgy', group: '工贸' });
  });

  it('refuses a catalogue with a repeated code', () => {
    const first = industryCatalog.entries[0]!;
    expect(() => parseIndustryCatalog({ version: 'x', entries: [first, first] })).toThrow(
      '目录中的代码不得重复',
    );
  });

  it('refuses an industry whose parent is missing from the catalogue', () => {
    const steel = industryByCode(industryCatalog, 'steel')!;
    expect(() => parseIndustryCatalog({ version: 'x', entries: [steel] })).toThrow(
      '上级行业代码必须在行业目录中',
    );
  });

  it('refuses an entry without an effective date in YYYY-MM-DD', () => {
    const first = { ...industryCatalog.entries[0]!, effective: '2025年2月20日' };
    expect(() => parseIndustryCatalog({ version: 'x', entries: [first] })).toThrow();
  });
});
