import { sha256Mod } from './sha256.ts';

// measure 5: the double-random draw must be recomputable by anyone. Ronald L. Rivest's SHA-256 sampler
// (2011, used in election audits) is public, has published test vectors and fits in a few lines:
// x_i = 1 + (int(SHA-256(seed + "," + i)) mod N), i = 1, 2, 3, … written in decimal.

// The i-th draw (1-based) from 1..n.
export const rivestIndex = (seed: string, i: number, n: number): number => 1 + sha256Mod(`${seed},${i}`, n);

// `count` draws from 1..n with replacement: the sampler exactly as published.
export const rivestSample = (seed: string, n: number, count: number): number[] =>
  Array.from({ length: count }, (_, index) => rivestIndex(seed, index + 1, n));

export type SamplerTrace = {
  // 1-based positions in the list, in the order taken
  positions: number[];
  // the last i used, so a later replacement continues the same sequence (item 9)
  lastI: number;
};

// Item 5 without replacement: take L[x_i] unless already taken; stop when k are taken. `skip` lets a
// replacement pass over positions it may not take; `startAfter` continues a sequence already begun.
export const sampleTrace = (
  seed: string,
  n: number,
  k: number,
  options: { startAfter?: number; taken?: ReadonlySet<number>; skip?: (position: number) => boolean } = {},
): SamplerTrace => {
  if (!Number.isInteger(k) || k < 0 || (k > 0 && n < 1)) throw new RangeError(`cannot take ${k} of ${n}`);
  const taken = new Set(options.taken);
  const positions: number[] = [];
  let i = options.startAfter ?? 0;
  while (positions.length < k) {
    i += 1;
    const position = rivestIndex(seed, i, n);
    if (taken.has(position) || options.skip?.(position)) continue;
    taken.add(position);
    positions.push(position);
  }
  return { positions, lastI: i };
};

// k distinct items of `list` in selection order (k ≤ list.length).
export const sampleWithoutReplacement = <T>(list: readonly T[], seed: string, k: number): T[] => {
  if (k > list.length) throw new RangeError(`cannot take ${k} of ${list.length}`);
  return sampleTrace(seed, list.length, k).positions.map((position) => list[position - 1] as T);
};
