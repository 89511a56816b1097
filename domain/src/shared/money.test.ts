import { describe, expect, it } from 'vitest';
import { capitalYuan, moneyText } from './money.ts';

describe('amounts in capitals (documents)', () => {
  it.each([
    [0, '零元整'],
    [100, '壹元整'],
    [2_000_000, '贰万元整'],
    [2_300_000, '贰万叁仟元整'],
    [1_005_000, '壹万零伍拾元整'],
    [10_000_000, '壹拾万元整'],
    [1_500_000, '壹万伍仟元整'],
    [10_050_000, '壹拾万零伍佰元整'],
    [100_500_000, '壹佰万零伍仟元整'],
    [1_000_000_000, '壹仟万元整'],
    [10_000_010_000, '壹亿零壹佰元整'],
    [12_345_678, '壹拾贰万叁仟肆佰伍拾陆元柒角捌分'],
    [105, '壹元零伍分'],
    [150, '壹元伍角'],
    [5, '伍分'],
  ])('%i fen → %s', (fen, text) => {
    expect(capitalYuan(fen)).toBe(text);
  });

  it('writes the amount in capitals and in figures', () => {
    expect(moneyText(2_300_000)).toBe('人民币贰万叁仟元整（￥23,000.00）');
  });

  it('refuses what is not an amount of fen', () => {
    expect(() => capitalYuan(-1)).toThrow(RangeError);
    expect(() => capitalYuan(1.5)).toThrow(RangeError);
  });
});
