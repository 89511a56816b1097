import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checklistByCode, checklistCatalog } from './checklist-catalog.ts';
import type { Checklist, ChecklistCatalog } from './checklist-catalog.ts';
import { checklistFeatures, checklistsFor } from './checklists-for.ts';
import { mergedForm, mergedFormItemByCode, mergedFormItems } from './merged-form.ts';
import { reproduceForm } from './reproduce-form.ts';

const checklist = (code: string): Checklist => checklistByCode(checklistCatalog, code)!;
const anyChecklists = fc
  .subarray(checklistCatalog.checklists, { minLength: 1 })
  .chain((subset) => fc.shuffledSubarray(subset, { minLength: subset.length, maxLength: subset.length }));

describe('merged form (measure 8: 一表通查)', () => {
  it('gives a dust and liquid-ammonia enterprise under two matters one form with both sections', () => {
    const features = checklistFeatures({
      dustWorkers: 35,
      usesLiquidAmmonia: true,
      hasDeepWellCasting: false,
    });
    const form = mergedForm(
      checklistsFor({ matters: ['dust_explosion', 'liquid_ammonia'], industry: 'light_industry', features }),
    );
    expect(form.sections.map((section) => section.checklistCode)).toEqual([
      'common_duties',
      'industry_trade_general',
      'dust_explosion',
      'liquid_ammonia',
    ]);
    expect(form.checklists).toEqual([
      { code: 'common_duties', version: '2025.1' },
      { code: 'industry_trade_general', version: '2026.1' },
      { code: 'dust_explosion', version: '2026.1' },
      { code: 'liquid_ammonia', version: '2026.1' },
    ]);
    expect(form.catalogVersion).toBe(checklistCatalog.version);
  });

  it('keeps one special-operation certificate item with the bases of all three checklists', () => {
    const form = mergedForm([
      checklist('hazardous_chemicals'),
      checklist('industry_trade_general'),
      checklist('common_duties'),
    ]);
    const item = mergedFormItemByCode(form, 'hc_2')!;
    expect(item.code).toBe('common_special_operation');
    expect(item.itemCodes).toEqual(['common_special_operation', 'gm_3_2', 'hc_2']);
    expect(item.bases.map((entry) => entry.basis)).toEqual([
      '《中华人民共和国安全生产法》(2021年修正) 第三十条第一款',
      '《工贸企业重大事故隐患判定标准》(应急管理部令第10号) 第三条第（二）项',
      '《化工和危险化学品生产经营单位重大生产安全事故隐患判定标准（试行）》(安监总管三〔2017〕121号) 第（二）项',
    ]);
    expect(item.majorHiddenDanger).toBe(true);
    expect(item.legalBasis).toEqual(['《中华人民共和国安全生产法》(2021年修正) 第三十条第一款']);
    expect(form.sections[0]!.items).toContain(item);
    expect(
      mergedFormItems(form).filter((entry) => entry.duty === 'special_operation_certificate'),
    ).toHaveLength(1);
  });

  it('keeps an unverified item flagged, and a merged item unverified when one of its bases is', () => {
    const form = mergedForm([checklist('fireworks_wholesale'), checklist('common_duties')]);
    expect(mergedFormItemByCode(form, 'fw_15')?.verified).toBe(false);
    expect(mergedFormItemByCode(form, 'common_training')?.verified).toBe(true);

    const catalog: ChecklistCatalog = structuredClone(checklistCatalog);
    const chemicals = catalog.checklists.find((entry) => entry.code === 'hazardous_chemicals')!;
    chemicals.items.find((entry) => entry.code === 'hc_2')!.verified = false;
    const merged = mergedForm(catalog.checklists, catalog);
    expect(mergedFormItemByCode(merged, 'common_special_operation')?.verified).toBe(false);
  });

  it('cites the 危险化学品安全法 beside the 2013 regulation with its effective date (issue 11 item 14)', () => {
    const form = mergedForm([checklist('hazardous_chemicals')]);
    expect(mergedFormItemByCode(form, 'hc_4')?.legalBasis).toEqual([
      '《危险化学品安全管理条例》(2013年修订) 第二十条',
      '《中华人民共和国危险化学品安全法》 第三十六条（2026-05-01 起施行，待核实）',
    ]);
  });

  it('never repeats an item, and keeps every basis of every checklist it merges', () => {
    fc.assert(
      fc.property(anyChecklists, (checklists) => {
        const items = mergedFormItems(mergedForm(checklists));
        const codes = items.flatMap((item) => item.itemCodes);
        const catalogueItems = checklists.flatMap((entry) => entry.items);
        expect(new Set(codes).size).toBe(codes.length);
        expect([...codes].sort()).toEqual(catalogueItems.map((item) => item.code).sort());
        expect(items.flatMap((item) => item.bases.map((entry) => entry.basis)).sort()).toEqual(
          catalogueItems.map((item) => item.basis).sort(),
        );
        const duties = items.flatMap((item) => (item.duty ? [item.duty] : []));
        expect(new Set(duties).size).toBe(duties.length);
        for (const item of catalogueItems) {
          const formItem = items.find((entry) => entry.itemCodes.includes(item.code))!;
          for (const article of item.legalBasis) expect(formItem.legalBasis).toContain(article);
          if (!item.verified) expect(formItem.verified).toBe(false);
          if (item.majorHiddenDanger) expect(formItem.majorHiddenDanger).toBe(true);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('gives the same form whatever order the checklists come in', () => {
    fc.assert(
      fc.property(anyChecklists, (checklists) => {
        expect(mergedForm([...checklists].reverse())).toEqual(mergedForm(checklists));
        expect(mergedForm([...checklists, ...checklists])).toEqual(mergedForm(checklists));
      }),
      { numRuns: 200 },
    );
  });

  it('rebuilds a stored form from its checklist versions', () => {
    fc.assert(
      fc.property(anyChecklists, (checklists) => {
        const form = mergedForm(checklists);
        expect(reproduceForm(form.checklists)).toEqual({ ok: true, form });
      }),
      { numRuns: 100 },
    );
  });

  it('refuses to rebuild a form whose checklist version the catalogue no longer holds', () => {
    expect(reproduceForm([{ code: 'dust_explosion', version: '2024.1' }])).toMatchObject({
      ok: false,
      code: 'checklist_version_changed',
      measure: 8,
    });
    expect(reproduceForm([{ code: 'fishing', version: '2025.1' }])).toMatchObject({
      ok: false,
      code: 'unknown_checklist',
    });
  });
});
