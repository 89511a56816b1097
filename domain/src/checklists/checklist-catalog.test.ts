import { describe, expect, it } from 'vitest';
import {
  checklistByCode,
  checklistCatalog,
  checklistCatalogProblems,
  checklistItemByCode,
  parseChecklistCatalog,
  ZChecklistCatalogSchema,
} from './checklist-catalog.ts';
import type { ChecklistCatalog } from './checklist-catalog.ts';

const allItems = checklistCatalog.checklists.flatMap((checklist) => checklist.items);
const copy = (): ChecklistCatalog => structuredClone(checklistCatalog);

describe('checklist catalogue', () => {
  it('loads catalog/checklists.json with no problems', () => {
    expect(checklistCatalogProblems(checklistCatalog)).toEqual([]);
    expect(checklistCatalog.checklists.map((checklist) => checklist.code)).toEqual([
      'common_duties',
      'industry_trade_general',
      'dust_explosion',
      'deep_well_casting',
      'liquid_ammonia',
      'confined_space',
      'hazardous_chemicals',
      'fireworks_wholesale',
      'non_coal_mine',
    ]);
  });

  it('gives every item a basis, a legal basis, a way to fix it and a verified flag', () => {
    for (const item of allItems) {
      expect(item.basis, item.code).not.toBe('');
      expect(item.legalBasis.length, item.code).toBeGreaterThan(0);
      expect(item.howToFix, item.code).toMatch(/^改哪里：.+怎么改：/);
      expect(typeof item.verified, item.code).toBe('boolean');
    }
  });

  it('marks exactly the items whose text is not an official wording, each with its reason (issue 11 item 1)', () => {
    const unverified = allItems.filter((item) => !item.verified).map((item) => item.code);
    expect(unverified).toEqual([
      // the situations are verified, their wording is not at hand
      ...[1, 2, 3, 5, 6, 7, 8, 9].map((n) => `dust_${n}`),
      'dust_10',
      // quoted only in part (…)
      ...[3, 4, 5, 6, 7].map((n) => `al_${n}`),
      'cs_13_2',
      ...Array.from({ length: 20 }, (_, index) => `fw_${index + 1}`),
      ...allItems.filter((item) => item.code.startsWith('ncm_')).map((item) => item.code),
    ]);
    for (const item of allItems.filter((one) => !one.verified)) expect(item.note, item.code).toBeDefined();
    // the provision cited is right; only the question is not the official wording
    expect(checklistItemByCode(checklistCatalog, 'dust_3')?.item.basis).toBe(
      '《工贸企业重大事故隐患判定标准》(应急管理部令第10号) 存在粉尘爆炸危险的工贸企业 第（三）项',
    );
  });

  it('carries every item quoted from an official wording as a verified major hidden danger', () => {
    for (const code of [
      'gm_3_1',
      'gm_3_2',
      'gm_3_3',
      ...Array.from({ length: 20 }, (_, index) => `hc_${index + 1}`),
      'dust_4',
      'al_1',
      'al_2',
      'nh3_12_1',
      'nh3_12_2',
      'cs_13_1',
    ]) {
      const item = checklistItemByCode(checklistCatalog, code)?.item;
      expect(item?.verified, code).toBe(true);
      expect(item?.majorHiddenDanger, code).toBe(true);
    }
    expect(checklistItemByCode(checklistCatalog, 'gm_3_2')?.item.basis).toBe(
      '《工贸企业重大事故隐患判定标准》(应急管理部令第10号) 第三条第（二）项',
    );
  });

  it('reads the 2023 liquid-ammonia rule as either condition alone', () => {
    const item = checklistItemByCode(checklistCatalog, 'nh3_12_2')?.item;
    expect(item?.basis).toContain('第十二条第（二）项');
    expect(item?.note).toContain('或者');
  });

  it('marks the confined-space checklist as partial', () => {
    expect(checklistByCode(checklistCatalog, 'confined_space')?.verified).toBe(false);
  });

  it('refuses a catalogue with a repeated item code', () => {
    const catalog = copy();
    catalog.checklists[1]!.items[0]!.code = 'common_training';
    expect(checklistCatalogProblems(catalog)).toContain('检查项代码重复：common_training');
  });

  it('refuses a checklist naming an inspection matter or industry the catalogues lack', () => {
    const catalog = copy();
    catalog.checklists[0]!.appliesTo.matters.push('fishing');
    catalog.checklists[1]!.appliesTo.industries = ['shipbuilding'];
    expect(checklistCatalogProblems(catalog)).toEqual([
      '检查表 common_duties 引用的检查事项不在检查事项目录中：fishing',
      '检查表 industry_trade_general 引用的行业代码不在行业目录中：shipbuilding',
    ]);
    expect(() => parseChecklistCatalog(catalog)).toThrow(/fishing/);
  });

  it('refuses a placeholder source marked as verified', () => {
    const catalog = copy();
    const item = catalog.checklists.at(-1)!.items.at(-1)!;
    item.verified = true;
    expect(checklistCatalogProblems(catalog)).toContain(`检查项 ${item.code} 来源为占位，不得标为已核实`);
  });

  it('refuses an unverified item that does not say why, or an item without a verified flag', () => {
    const catalog = copy();
    delete catalog.checklists.at(-1)!.items.at(-1)!.note;
    expect(ZChecklistCatalogSchema.safeParse(catalog).success).toBe(false);
    const unflagged = structuredClone(checklistCatalog) as unknown as {
      checklists: { items: Record<string, unknown>[] }[];
    };
    delete unflagged.checklists[0]!.items[0]!.verified;
    expect(ZChecklistCatalogSchema.safeParse(unflagged).success).toBe(false);
  });

  it('refuses one duty twice in a checklist', () => {
    const catalog = copy();
    catalog.checklists[0]!.items[1]!.duty = 'responsibility_system';
    expect(checklistCatalogProblems(catalog)).toEqual([
      '检查表 common_duties 中同一职责出现多次：responsibility_system',
    ]);
  });
});
