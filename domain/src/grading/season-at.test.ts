import { describe, expect, it } from 'vitest';
import { gradingCatalog } from './grading-catalog.ts';
import { seasonAt } from './season-at.ts';

const codes = (date: string) => seasonAt(date, gradingCatalog).map((season) => season.code);

describe('season periods in force (measure 4, 季节特征)', () => {
  it('finds the flood season and the high-temperature season together in summer', () => {
    expect(codes('2026-07-01')).toEqual(['flood_season', 'high_temperature']);
  });

  it('finds the Spring Festival only in the years the bureau configured', () => {
    expect(codes('2026-02-17')).toEqual(['spring_festival']);
    expect(codes('2028-02-10')).toEqual([]);
  });

  it('finds the National Day period on both its first and last day', () => {
    expect(codes('2026-09-25')).toContain('national_day');
    expect(codes('2026-10-08')).toContain('national_day');
    expect(codes('2026-10-09')).not.toContain('national_day');
  });

  it('finds no season in a quiet month', () => {
    expect(codes('2026-11-20')).toEqual([]);
  });
});
