import { describe, expect, it } from 'vitest';
import { industryCatalog } from './industries.ts';
import {
  keyIndustryCriteriaCatalog,
  parseKeyIndustryCriteriaCatalog,
  unknownIndustryCodes,
} from './key-industry-criteria.ts';

const SEED_MEASURE_4 = '《江门市应急管理系统严格规范涉企行政检查若干措施》(2025) 第四项';

describe('key-industry criteria catalogue (measure 4)', () => {
  it('lists exactly the seven key-industry criteria of measure 4, all from the seed', () => {
    expect(keyIndustryCriteriaCatalog.entries.map((entry) => entry.name)).toEqual([
      '非煤矿山',
      '危险化学品生产',
      '烟花爆竹批发',
      '钢铁',
      '铝加工(深井铸造)',
      '粉尘涉爆(涉粉作业30人以上)',
      '液氨制冷',
    ]);
    for (const entry of keyIndustryCriteriaCatalog.entries) {
      expect(entry).toMatchObject({ source: SEED_MEASURE_4, effective: '2025-02-20', verified: true });
    }
  });

  it('names in its criteria only industries the industry catalogue knows', () => {
    expect(unknownIndustryCodes(keyIndustryCriteriaCatalog.entries, industryCatalog)).toEqual([]);
    const stray = {
      ...keyIndustryCriteriaCatalog.entries[0]!,
      rule: { kind: 'industry' as const, industries: ['coal_mine'] },
    };
    expect(unknownIndustryCodes([stray], industryCatalog)).toEqual(['coal_mine']);
  });

  it('refuses a criterion whose rule is not one the domain knows', () => {
    const criterion = {
      ...keyIndustryCriteriaCatalog.entries[0]!,
      rule: { kind: 'turnover_at_least', value: 1 },
    };
    expect(() => parseKeyIndustryCriteriaCatalog({ version: 'x', entries: [criterion] })).toThrow();
  });
});
