import { describe, expect, it } from 'vitest';
import { exampleDrawInput } from './draw-test-input.ts';
import { ZDrawRecordSchema } from './draw-record.ts';
import { drawSeed, inspectorPoolHash, poolHash, type TextHasher } from './draw-hashes.ts';
import { sha256Hex } from './sha256.ts';
import { performDraw } from './perform-draw.ts';

const drawn = () => {
  const result = performDraw(exampleDrawInput());
  if (!result.ok) throw new Error(result.message);
  return result.record;
};

describe('performDraw (inspecta-draw-v1, measure 5)', () => {
  it('produces a record with exactly the fields of item 1, in order, that the record schema accepts', () => {
    const record = drawn();
    expect(Object.keys(record)).toEqual([
      'algorithm',
      'strata',
      'inspectors',
      'exclusions',
      'teamSize',
      'maxAssignmentsPerInspector',
      'inspectionDate',
      'publicEntropy',
      'witnesses',
      'poolHash',
      'inspectorPoolHash',
      'seed',
      'selected',
    ]);
    expect(ZDrawRecordSchema.safeParse(record).success).toBe(true);
  });

  it('hashes the pools and derives the seed as items 2 and 4 say', () => {
    const record = drawn();
    expect(record.poolHash).toBe(poolHash(record.strata));
    expect(record.inspectorPoolHash).toBe(inspectorPoolHash(record.inspectors));
    expect(record.seed).toBe(drawSeed(record.poolHash, record.inspectorPoolHash, record.publicEntropy));
  });

  it('gives the worked example of docs/draw-algorithm.md', () => {
    const record = drawn();
    expect(record.poolHash).toBe('35c6136a32ec4589eee92af55462b22e244e1b9908d5ca53cbdc3709b7fa571c');
    expect(record.inspectorPoolHash).toBe('5d8ffbfe877d9e51126fd02fe82de19b15ea74ed2ca571420da522a18db1bba9');
    expect(record.seed).toBe('f1ffe873a58e17d891ab4dcaadc6523e6855073770d3bf18f78e0c77813ef171');
    expect(
      record.selected.map(({ enterprise, inspectors }) => `${enterprise}:${inspectors.join('+')}`),
    ).toEqual(['E04:A001+A004', 'E05:A001+A004', 'E12:A002+A007', 'E09:A008+A003', 'E13:A008+A003']);
  });

  it('is reproducible: the same input gives the same record', () => {
    expect(performDraw(exampleDrawInput())).toEqual(performDraw(exampleDrawInput()));
  });

  it('refuses a team of one officer, citing measure 12', () => {
    expect(performDraw({ ...exampleDrawInput(), teamSize: 1 })).toMatchObject({
      ok: false,
      code: 'DRAW_TEAM_TOO_SMALL',
      measure: 12,
    });
  });

  it('refuses to draw more enterprises than a stratum holds', () => {
    const input = exampleDrawInput();
    input.strata[0] = { key: '440703-危化', codes: ['E01', 'E02'], k: 3 };
    expect(performDraw(input)).toMatchObject({ ok: false, code: 'DRAW_SAMPLE_TOO_LARGE', measure: 5 });
  });

  it('refuses unsorted or duplicated codes instead of reordering a frozen pool', () => {
    const unsorted = exampleDrawInput();
    unsorted.strata[1] = { key: '440703-工贸', codes: ['E08', 'E07'], k: 1 };
    expect(performDraw(unsorted)).toMatchObject({ ok: false, code: 'DRAW_CODES_NOT_SORTED' });
    const duplicated = exampleDrawInput();
    duplicated.strata[1] = { key: '440703-工贸', codes: ['E07', 'E07'], k: 1 };
    expect(performDraw(duplicated)).toMatchObject({ ok: false, code: 'DRAW_CODES_NOT_SORTED' });
    expect(performDraw({ ...exampleDrawInput(), inspectors: ['A002', 'A001', 'A003'] })).toMatchObject({
      ok: false,
      code: 'DRAW_INSPECTORS_NOT_SORTED',
    });
  });

  it('refuses an enterprise listed in two strata', () => {
    const input = exampleDrawInput();
    input.strata[1] = { key: '440703-工贸', codes: ['E01', 'E07'], k: 1 };
    expect(performDraw(input)).toMatchObject({ ok: false, code: 'DRAW_DUPLICATE_ENTERPRISE' });
  });

  it('fails the whole draw and names the enterprise when too few officers are eligible', () => {
    const input = {
      ...exampleDrawInput(),
      inspectors: ['A001', 'A002', 'A003'],
      maxAssignmentsPerInspector: 1,
    };
    const result = performDraw(input);
    expect(result).toMatchObject({ ok: false, code: 'DRAW_NOT_ENOUGH_INSPECTORS', measure: 5 });
    if (!result.ok)
      expect(result.message).toMatch(
        /^企业 E\d\d（440703-.+）可抽执法人员不足：执法人员库 3 名，回避 0 名，已达每人抽取上限 2 名，仅余 1 名，少于每组 2 名$/,
      );
  });

  it('refuses a draw whose pool no longer matches the published hash', () => {
    expect(performDraw({ ...exampleDrawInput(), publishedPoolHash: '0'.repeat(64) })).toMatchObject({
      ok: false,
      code: 'DRAW_POOL_CHANGED',
    });
    const published = poolHash(exampleDrawInput().strata);
    expect(performDraw({ ...exampleDrawInput(), publishedPoolHash: published })).toMatchObject({ ok: true });
  });

  it('refuses a draw without public entropy or witnesses', () => {
    expect(performDraw({ ...exampleDrawInput(), publicEntropy: ' ' })).toMatchObject({
      ok: false,
      code: 'DRAW_NO_ENTROPY',
    });
    expect(performDraw({ ...exampleDrawInput(), witnesses: [] })).toMatchObject({
      ok: false,
      code: 'DRAW_NO_WITNESSES',
    });
  });

  it('with pools checked when frozen, skips the checks of every code but still compares the pool hash', () => {
    const unsorted = exampleDrawInput();
    unsorted.strata[1] = { key: '440703-工贸', codes: ['E08', 'E07'], k: 1 };
    const published = poolHash(unsorted.strata);
    const trusted = { poolsCheckedWhenFrozen: true };
    // the option stands only with a published hash to compare
    expect(performDraw(unsorted, trusted)).toMatchObject({ ok: false, code: 'DRAW_CODES_NOT_SORTED' });
    expect(performDraw({ ...unsorted, publishedPoolHash: published }, trusted)).toMatchObject({ ok: true });
    const changed = exampleDrawInput();
    expect(
      performDraw({ ...changed, publishedPoolHash: poolHash([...changed.strata.slice(1)]) }, trusted),
    ).toMatchObject({ ok: false, code: 'DRAW_POOL_CHANGED' });
    // the checks that are not of every code still run
    expect(
      performDraw(
        { ...exampleDrawInput(), publicEntropy: ' ', publishedPoolHash: poolHash(exampleDrawInput().strata) },
        trusted,
      ),
    ).toMatchObject({ ok: false, code: 'DRAW_NO_ENTROPY' });
  });

  it('hashes the pools alike with any SHA-256 the caller passes, a few thousand lines at a time', () => {
    // a hasher that keeps the text and hashes it whole, as item 2 states it
    const whole = (): TextHasher => {
      let text = '';
      const hasher: TextHasher = {
        update: (piece) => ((text += piece), hasher),
        digestHex: () => sha256Hex(text),
      };
      return hasher;
    };
    const codes = Array.from({ length: 9000 }, (_, index) => `C${String(index).padStart(5, '0')}`);
    const strata = [
      { key: '空层', codes: [], k: 0 },
      { key: '甲', codes, k: 1 },
      { key: '乙', codes: ['D1'], k: 1 },
    ];
    const joined = strata
      .flatMap((stratum) => stratum.codes.map((code) => `${stratum.key}\t${code}`))
      .join('\n');
    expect(poolHash(strata)).toBe(sha256Hex(joined));
    expect(poolHash(strata, whole)).toBe(sha256Hex(joined));
    expect(poolHash([])).toBe(sha256Hex(''));
    const input = exampleDrawInput();
    const result = performDraw(input, { createHasher: whole });
    expect(result.ok && result.record).toEqual(drawn());
  });
});
