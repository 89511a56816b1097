import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import vectors from './rivest-sampler-tests.json' with { type: 'json' };
import { compareCodePoints, sortByCodePoint } from './code-point-order.ts';
import { rivestSample, sampleTrace, sampleWithoutReplacement } from './rivest-sampler.ts';

describe('Rivest SHA-256 sampler (measure 5)', () => {
  it('keeps the source of its published test vectors', () => {
    expect(vectors.source).toContain('github.com/cjerdonek/rivest-sampler-tests');
    expect(vectors.tests.length).toBeGreaterThan(0);
  });

  for (const { data, expected } of vectors.tests) {
    it(`passes the published vector seed "${data.seed}", total ${data.total}, count ${data.count}`, () => {
      expect(rivestSample(data.seed, data.total, data.count)).toEqual(expected);
    });
  }

  it('takes k distinct items, skipping positions already taken, as a prefix of any longer draw', () => {
    fc.assert(
      fc.property(fc.string(), fc.integer({ min: 1, max: 40 }), fc.nat(40), (seed, n, rawK) => {
        const k = rawK % (n + 1);
        const list = Array.from({ length: n }, (_, index) => `E${index}`);
        const taken = sampleWithoutReplacement(list, seed, k);
        expect(new Set(taken).size).toBe(k);
        expect(sampleWithoutReplacement(list, seed, n).slice(0, k)).toEqual(taken);
      }),
      { numRuns: 100 },
    );
  });

  it('follows the with-replacement sequence, dropping repeats', () => {
    const { positions, lastI } = sampleTrace('0', 2, 2);
    expect(positions).toEqual([1, 2]); // vectors: 1, 1, 2
    expect(lastI).toBe(3);
  });

  it('refuses to take more items than the list holds', () => {
    expect(() => sampleWithoutReplacement(['a'], 's', 2)).toThrow(RangeError);
  });
});

describe('Unicode code point order', () => {
  it('sorts astral characters after U+FFFF, unlike UTF-16 order', () => {
    expect(sortByCodePoint(['\u{1F600}', '\uFF21', 'b', 'a'])).toEqual(['a', 'b', '\uFF21', '\u{1F600}']);
  });

  it('agrees with comparing code point arrays', () => {
    const reference = (a: string, b: string) => {
      const x = [...a].map((c) => c.codePointAt(0) ?? 0);
      const y = [...b].map((c) => c.codePointAt(0) ?? 0);
      for (let index = 0; index < Math.min(x.length, y.length); index++) {
        if (x[index] !== y[index]) return Math.sign((x[index] ?? 0) - (y[index] ?? 0));
      }
      return Math.sign(x.length - y.length);
    };
    fc.assert(
      fc.property(
        fc.string({ unit: 'grapheme' }),
        fc.string({ unit: 'grapheme' }),
        (a, b) => Math.sign(compareCodePoints(a, b)) === reference(a, b),
      ),
    );
  });
});
