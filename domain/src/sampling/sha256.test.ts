import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { sha256BigInt, sha256Hex, sha256Mod } from './sha256.ts';

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
});
