import { createSha256, sha256Hex } from './sha256.ts';
import type { DrawStratum } from './draw-record.ts';

// Item 2: lowercase hex SHA-256 of UTF-8 text. The pools are hashed and published before the entropy
// is known (item 3), so nobody can pick the pool after seeing the seed (measure 5).

// Any implementation of SHA-256 over the UTF-8 bytes of the text gives the same digest; the domain's own runs
// everywhere (a visitor's browser included), and a server may pass its platform's for speed.
export type TextHasher = { update: (text: string) => TextHasher; digestHex: () => string };

// One line `key + "\t" + code` per code, strata in record order, joined with "\n", no trailing newline.
// Fed to the hash a few thousand lines at a time: the same bytes as the joined text, without building it.
export const poolHash = (
  strata: readonly Pick<DrawStratum, 'key' | 'codes'>[],
  createHasher: () => TextHasher = createSha256,
): string => {
  const hash = createHasher();
  let first = true;
  for (const stratum of strata) {
    const separator = `\n${stratum.key}\t`;
    for (let start = 0; start < stratum.codes.length; start += 4096) {
      hash
        .update(first ? `${stratum.key}\t` : separator)
        .update(stratum.codes.slice(start, start + 4096).join(separator));
      first = false;
    }
  }
  return hash.digestHex();
};

// The certificate numbers joined with "\n".
export const inspectorPoolHash = (
  inspectors: readonly string[],
  createHasher: () => TextHasher = createSha256,
): string => {
  const hash = createHasher();
  inspectors.forEach((inspector, index) =>
    index === 0 ? hash.update(inspector) : hash.update('\n').update(inspector),
  );
  return hash.digestHex();
};

// Item 4.
export const drawSeed = (pool: string, inspectorPool: string, publicEntropy: string): string =>
  sha256Hex(`${pool}\n${inspectorPool}\n${publicEntropy}`);
