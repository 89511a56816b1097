import { sha256Hex } from '../sampling/sha256.ts';
import { inspectorPoolHash } from '../sampling/draw-hashes.ts';
import { sortByCodePoint } from '../sampling/code-point-order.ts';
import { sampleWithoutReplacement } from '../sampling/rivest-sampler.ts';

// measure 29, 案卷评查: a review round samples closed penalty cases and concluded inspections of one bureau by the
// sampler of the double-random draws (Rivest's SHA-256 sampler, inspecta-draw-v1, docs/draw-algorithm.md). The
// pool is the list of file keys (`penalty_case:<id>`, `inspection:<id>`) in code-point order, hashed and published
// when the round is opened, before the public entropy is known; the seed is SHA-256 of the pool hash, a newline
// and the entropy. Files a complaint names are reviewed besides the random part and are not in its pool.

export const REVIEW_SAMPLE_ALGORITHM = 'inspecta-review-sample-v1';
export const REVIEW_FILE_KINDS = ['penalty_case', 'inspection'] as const;
export type ReviewFileKind = (typeof REVIEW_FILE_KINDS)[number];

export const reviewFileKey = (kind: ReviewFileKind, id: string): string => `${kind}:${id}`;

// The pool in its published order.
export const reviewPool = (keys: readonly string[]): string[] => sortByCodePoint([...new Set(keys)]);

// Keys joined with "\n" (the same bytes as the draws' inspector pool hash).
export const reviewPoolHash = (pool: readonly string[]): string => inspectorPoolHash(pool);

export const reviewSeed = (poolHash: string, publicEntropy: string): string =>
  sha256Hex(`${poolHash}\n${publicEntropy}`);

export type ReviewSampleInput = {
  pool: readonly string[];
  sampleSize: number;
  publicEntropy: string;
};

export type ReviewSample = { poolHash: string; seed: string; selected: string[] };

// The random part: min(sampleSize, pool) distinct keys in selection order.
export const sampleReviewFiles = (input: ReviewSampleInput): ReviewSample => {
  const pool = reviewPool(input.pool);
  const poolHash = reviewPoolHash(pool);
  const seed = reviewSeed(poolHash, input.publicEntropy);
  const k = Math.min(Math.max(0, Math.trunc(input.sampleSize)), pool.length);
  return { poolHash, seed, selected: sampleWithoutReplacement(pool, seed, k) };
};

export type ReviewSampleVerification = {
  ok: boolean;
  poolHash: string;
  seed: string;
  selected: string[];
  differences: string[];
};

// Anyone recomputes a published round from its pool, size and entropy.
export const verifyReviewSample = (
  published: ReviewSampleInput & { poolHash: string; seed: string; selected: readonly string[] },
): ReviewSampleVerification => {
  const again = sampleReviewFiles(published);
  const differences: string[] = [];
  if (again.poolHash !== published.poolHash) differences.push('案卷池摘要不一致');
  if (again.seed !== published.seed) differences.push('随机种子不一致');
  if (again.selected.join('\n') !== published.selected.join('\n')) differences.push('抽中的案卷不一致');
  return { ok: differences.length === 0, ...again, differences };
};
