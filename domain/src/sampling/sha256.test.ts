import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { inspectorPoolHash, poolHash } from './draw-hashes.ts';
import { createSha256, sha256BigInt, sha256Hex, sha256Mod } from './sha256.ts';

const nodeSha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

describe('SHA-256 in plain TypeScript', () => {
  it('gives the FIPS 180-4 digests of the empty string and "abc"', () => {
    expect(sha256Hex('')).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
    expect(sha256Hex('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
  });

  it('agrees with node:crypto on any text, Chinese and astral characters included, across block boundaries', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: 'grapheme', maxLength: 200 }),
        (text) => sha256Hex(text) === nodeSha256(text),
      ),
    );
    for (let length = 0; length < 200; length++) {
      const text = '江'.repeat(length % 7) + 'a'.repeat(length);
      expect(sha256Hex(text)).toBe(nodeSha256(text));
    }
  });

  it('reads the digest as a big-endian unsigned integer', () => {
    expect(sha256BigInt('abc')).toBe(
      BigInt('0xba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad'),
    );
  });

  it('reduces the digest modulo n exactly as BigInt arithmetic does, small and huge n alike', () => {
    fc.assert(
      fc.property(
        fc.string(),
        fc.oneof(fc.integer({ min: 1, max: 2 ** 31 }), fc.integer({ min: 1, max: Number.MAX_SAFE_INTEGER })),
        (text, n) => {
          expect(sha256Mod(text, n)).toBe(Number(sha256BigInt(text) % BigInt(n)));
        },
      ),
    );
  });

  it('hashes text fed piece by piece as the digest of the whole, past the 64 KB buffer and across surrogate pairs', () => {
    fc.assert(
      fc.property(fc.array(fc.string({ unit: 'grapheme', maxLength: 300 }), { maxLength: 30 }), (pieces) => {
        const hash = createSha256();
        pieces.forEach((piece) => hash.update(piece));
        expect(hash.digestHex()).toBe(nodeSha256(pieces.join('')));
      }),
    );
    const long = ['a'.repeat(65_530), '江𠀀'.repeat(30_000), 'b'.repeat(70_001), '𠀀'.repeat(5000)];
    const hash = createSha256();
    long.forEach((piece) => hash.update(piece));
    expect(hash.digestHex()).toBe(nodeSha256(long.join('')));
  });

  it('gives the pool hashes of the joined lines (item 1) without building them', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            key: fc.string({ unit: 'grapheme', minLength: 1, maxLength: 8 }),
            codes: fc.array(fc.string({ maxLength: 20 }), { maxLength: 40 }),
          }),
          { maxLength: 6 },
        ),
        (strata) => {
          const lines = strata.flatMap((stratum) => stratum.codes.map((code) => `${stratum.key}\t${code}`));
          expect(poolHash(strata)).toBe(nodeSha256(lines.join('\n')));
          const inspectors = strata.flatMap((stratum) => stratum.codes);
          expect(inspectorPoolHash(inspectors)).toBe(nodeSha256(inspectors.join('\n')));
        },
      ),
    );
    const big = [
      {
        key: '440703-危化',
        codes: Array.from({ length: 20_000 }, (_, i) => `91440703${String(i).padStart(10, '0')}`),
      },
    ];
    expect(poolHash(big)).toBe(nodeSha256(big[0]!.codes.map((code) => `440703-危化\t${code}`).join('\n')));
  });

  it('reduces long and non-ASCII seeds modulo n as BigInt arithmetic does', () => {
    for (const text of [
      'x'.repeat(600) + ',1',
      '江'.repeat(170) + ',2',
      'a'.repeat(55),
      'a'.repeat(56),
      'a'.repeat(119),
      'a'.repeat(120),
    ]) {
      expect(sha256Mod(text, 20_000)).toBe(Number(sha256BigInt(text) % 20_000n));
    }
  });
});
