import { describe, expect, it } from 'vitest';
import { checklistByCode, checklistCatalog } from './checklist-catalog.ts';
import { findingGuidance } from './finding-guidance.ts';
import { mergedForm } from './merged-form.ts';

describe('finding guidance (measure 13: 改哪里、如何改)', () => {
  it('gives a finding on a catalogue item its text, basis, legal basis and how to fix it', () => {
    const guidance = findingGuidance('dust_3');
    expect(guidance).toMatchObject({
      itemCode: 'dust_3',
      majorHiddenDanger: true,
      // the situation is verified, the question is not the official wording (issue 11 item 1)
      verified: false,
      legalBasis: [
        '《中华人民共和国安全生产法》(2021年修正) 第四十一条第二款',
        '《中华人民共和国安全生产法》(2021年修正) 第三十六条第一款',
      ],
      checklists: [{ code: 'dust_explosion', version: '2026.1' }],
    });
    expect(guidance?.text).toContain('泄爆、惰化、抑爆');
    expect(guidance?.howToFix).toMatch(/^改哪里：干式除尘器。怎么改：/);
    expect(guidance?.citation).toContain('存在粉尘爆炸危险的工贸企业 第（三）项');
  });

  it('gives a finding on a merged item every basis of the form', () => {
    const form = mergedForm(
      ['common_duties', 'industry_trade_general'].map((code) => checklistByCode(checklistCatalog, code)!),
    );
    const guidance = findingGuidance('gm_3_2', { form });
    expect(guidance?.itemCodes).toEqual(['common_special_operation', 'gm_3_2']);
    expect(guidance?.basis).toHaveLength(2);
    expect(guidance?.majorHiddenDanger).toBe(true);
    expect(guidance?.citation).toBe(
      '《中华人民共和国安全生产法》(2021年修正) 第三十条第一款；《工贸企业重大事故隐患判定标准》(应急管理部令第10号) 第三条第（二）项',
    );
  });

  it('says an unverified item is unverified', () => {
    expect(findingGuidance('al_5')?.verified).toBe(false);
    expect(findingGuidance('al_5')?.basis[0]).toContain('待法制审核');
  });

  it('knows no guidance for an unknown item or an item outside the form', () => {
    expect(findingGuidance('nope')).toBeUndefined();
    const form = mergedForm([checklistByCode(checklistCatalog, 'common_duties')!]);
    expect(findingGuidance('hc_1', { form })).toBeUndefined();
  });
});
