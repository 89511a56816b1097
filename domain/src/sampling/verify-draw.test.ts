import { describe, expect, it } from 'vitest';
import type { DrawRecord } from './draw-record.ts';
import { exampleDrawInput } from './draw-test-input.ts';
import { drawSeed } from './draw-hashes.ts';
import { performDraw } from './perform-draw.ts';
import { verifyDraw } from './verify-draw.ts';

const record = (): DrawRecord => {
  const result = performDraw(exampleDrawInput());
  if (!result.ok) throw new Error(result.message);
  return structuredClone(result.record);
};

const fields = (tampered: DrawRecord) => {
  const verdict = verifyDraw(tampered);
  return verdict.consistent ? [] : verdict.differences.map((difference) => difference.field);
};

describe('verifyDraw (measure 5: anyone can recompute a draw)', () => {
  it('says 一致 for a real draw', () => {
    expect(verifyDraw(record())).toEqual({ consistent: true });
  });

  it('names exactly the officer a crafted record changed', () => {
    const tampered = record();
    const team = tampered.selected[3]?.inspectors ?? [];
    team[1] = 'A005';
    const verdict = verifyDraw(tampered);
    expect(verdict).toEqual({
      consistent: false,
      differences: [
        {
          field: 'selected[3].inspectors[1]',
          expected: 'A003',
          actual: 'A005',
          message: '企业 E09 的第 2 名执法人员应为 A003，记录为 A005',
        },
      ],
    });
  });

  it('names the seed when the public entropy was changed', () => {
    const tampered = record();
    tampered.publicEntropy = '3-1-4-1-5-8';
    expect(fields(tampered)).toEqual(['seed']);
  });

  it('names the selection when entropy and seed were changed together', () => {
    const tampered = record();
    tampered.publicEntropy = '6-6-6';
    tampered.seed = drawSeed(tampered.poolHash, tampered.inspectorPoolHash, tampered.publicEntropy);
    expect(fields(tampered).every((field) => field.startsWith('selected['))).toBe(true);
    expect(fields(tampered).length).toBeGreaterThan(0);
  });

  it('names the reordered code and the pool hash when codes were reordered', () => {
    const tampered = record();
    const codes = tampered.strata[1]?.codes ?? [];
    [codes[0], codes[1]] = [codes[1] ?? '', codes[0] ?? ''];
    const found = fields(tampered);
    expect(found.slice(0, 2)).toEqual(['strata[1].codes[0]', 'poolHash']);
  });

  it('names k when a stratum’s sample size was changed', () => {
    const tampered = record();
    if (tampered.strata[1]) tampered.strata[1].k = 2;
    const verdict = verifyDraw(tampered);
    expect(verdict.consistent).toBe(false);
    if (!verdict.consistent) {
      expect(verdict.differences[0]).toMatchObject({ field: 'strata[1].k', expected: 3, actual: 2 });
      expect(verdict.differences.map((difference) => difference.field)).toContain('selected[4]');
    }
  });

  it('names an enterprise the record swapped for another', () => {
    const tampered = record();
    if (tampered.selected[0]) tampered.selected[0].enterprise = 'E06';
    expect(fields(tampered)).toContain('selected[0].enterprise');
  });

  it('reports a team of one as a difference citing measure 12, and never loops on an impossible k', () => {
    const tampered = record();
    tampered.teamSize = 1;
    if (tampered.strata[0]) tampered.strata[0].k = 99;
    const found = fields(tampered);
    expect(found).toContain('teamSize');
    expect(found).toContain('strata[0].k');
  });
});
