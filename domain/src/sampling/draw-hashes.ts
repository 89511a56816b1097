import { createSha256, sha256Hex } from './sha256.ts';
import type { DrawStratum } from './draw-record.ts';

// Item 2: lowercase hex SHA-256 of UTF-8 text. The pools are hashed and published before the entropy
// is known (item 3), so nobody can pick the pool after seeing the seed (measure 5).

// One line `key + "\t" + code` per code, strata in record order, joined with "\n", no trailing newline.
// Fed to the hash piece by piece: the same bytes as the joined text, without building it.
export const poolHash = (strata: readonly Pick<DrawStratum, 'key' | 'codes'>[]): string => {
  const hash = createSha256();
  let first = true;
  for (const stratum of strata) {
    for (const code of stratum.codes) {
      if (!first) hash.update('\n');
      first = false;
      hash.update(stratum.key).update('\t').update(code);
    }
  }
  return hash.digestHex();
};

// The certificate numbers joined with "\n".
export const inspectorPoolHash = (inspectors: readonly string[]): string => {
  const hash = createSha256();
  inspectors.forEach((inspector, index) =>
    index === 0 ? hash.update(inspector) : hash.update('\n').update(inspector),
  );
  return hash.digestHex();
};

// Item 4.
export const drawSeed = (pool: string, inspectorPool: string, publicEntropy: string): string =>
  sha256Hex(`${pool}\n${inspectorPool}\n${publicEntropy}`);
