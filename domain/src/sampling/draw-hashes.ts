import { sha256Hex } from './sha256.ts';
import type { DrawStratum } from './draw-record.ts';

// Item 2: lowercase hex SHA-256 of UTF-8 text. The pools are hashed and published before the entropy
// is known (item 3), so nobody can pick the pool after seeing the seed (measure 5).

// One line `key + "\t" + code` per code, strata in record order, joined with "\n", no trailing newline.
export const poolHash = (strata: readonly Pick<DrawStratum, 'key' | 'codes'>[]): string =>
  sha256Hex(strata.flatMap((stratum) => stratum.codes.map((code) => `${stratum.key}\t${code}`)).join('\n'));

// The certificate numbers joined with "\n".
export const inspectorPoolHash = (inspectors: readonly string[]): string => sha256Hex(inspectors.join('\n'));

// Item 4.
export const drawSeed = (pool: string, inspectorPool: string, publicEntropy: string): string =>
  sha256Hex(`${pool}\n${inspectorPool}\n${publicEntropy}`);
