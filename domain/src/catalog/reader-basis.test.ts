import { describe, expect, it } from 'vitest';
import gradingCatalog from '@inspecta/catalog/grading.json' with { type: 'json' };
import { readerBasis } from './reader-basis.ts';

const ENGINEERING = [/\[(?:N|\d+)\]/, /placeholder/i, /FACTS/, /\.md\b/, /\.json\b/, /verified/i];

const sourcesOf = (value: unknown): string[] => {
  if (Array.isArray(value)) return value.flatMap(sourcesOf);
  if (value && typeof value === 'object') {
    return Object.entries(value).flatMap(([key, inner]) =>
      key === 'source' && typeof inner === 'string' ? [inner] : sourcesOf(inner),
    );
  }
  return [];
};

describe('the basis a reader who is not the legal reviewer sees', () => {
  it('turns a reviewer’s working note into a plain sentence naming the measure that asks for it', () => {
    expect(
      readerBasis(
        '待法制审核 (placeholder): 行政处罚记录分值无法定依据 [N]：措施第三项要求制定江门市分级分类执法实施办法',
      ),
    ).toBe(
      '暂定标准，按《江门市应急管理系统严格规范涉企行政检查若干措施》第三项的要求设定，尚待法制审核确认',
    );
    expect(
      readerBasis('待法制审核 (placeholder): 其他配置时段（如国庆）的起止日期与加分由市应急管理局配置 [N]'),
    ).toBe('暂定标准，尚待法制审核确认');
    expect(readerBasis('catalog/grading.json scoring.safetyCreditGrades')).toBe('暂定标准，尚待法制审核确认');
  });

  it('keeps an official source as it is, without note markers', () => {
    const source = '《生产安全事故报告和调查处理条例》(国务院令第493号) 第三条第一款第（四）项';
    expect(readerBasis(source)).toBe(source);
    expect(readerBasis(`${source} [1]`)).toBe(source);
  });

  it('leaves no engineering word in the basis of any grading catalogue entry', () => {
    const sources = sourcesOf(gradingCatalog);
    expect(sources.length).toBeGreaterThan(20);
    for (const source of sources) {
      const basis = readerBasis(source);
      expect(
        ENGINEERING.filter((pattern) => pattern.test(basis)),
        `${source} → ${basis}`,
      ).toEqual([]);
    }
  });
});
