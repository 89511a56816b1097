import { describe, expect, it } from 'vitest';
import { duplicateCodes } from './catalog-entry.ts';
import { industryCatalog } from './industries.ts';
import { inspectionMatterCatalog } from './inspection-matters.ts';
import { keyIndustryCriteriaCatalog } from './key-industry-criteria.ts';

describe('catalogue entries', () => {
  it('loads every catalogue with a version the decisions can keep', () => {
    for (const catalog of [industryCatalog, keyIndustryCriteriaCatalog, inspectionMatterCatalog]) {
      expect(catalog.version).not.toBe('');
      expect(catalog.entries.length).toBeGreaterThan(0);
    }
  });

  it('marks every placeholder as unverified, so the UI shows 待核实', () => {
    const all = [
      ...industryCatalog.entries,
      ...keyIndustryCriteriaCatalog.entries,
      ...inspectionMatterCatalog.entries,
    ];
    for (const entry of all) {
      if (entry.source.includes('placeholder')) expect(entry.verified).toBe(false);
    }
  });

  it('names each repeated code once', () => {
    expect(duplicateCodes([{ code: 'a' }, { code: 'b' }, { code: 'a' }, { code: 'a' }])).toEqual(['a']);
    expect(duplicateCodes([{ code: 'a' }, { code: 'b' }])).toEqual([]);
  });
});
