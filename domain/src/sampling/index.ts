// The draw algorithm alone, for a browser that recomputes a published draw (measure 5) without loading the
// rest of the domain and its catalogues.
export { sha256Hex } from './sha256.ts';
export { rivestIndex, rivestSample, sampleWithoutReplacement } from './rivest-sampler.ts';
export { compareCodePoints, sortByCodePoint, firstUnsortedIndex } from './code-point-order.ts';
export { DRAW_ALGORITHM, ZDrawRecordShapeSchema, ZDrawRecordSchema } from './draw-record.ts';
export type { DrawExclusion, DrawRecord, DrawSelection, DrawStratum } from './draw-record.ts';
export { drawSeed, inspectorPoolHash, poolHash } from './draw-hashes.ts';
export type { TextHasher } from './draw-hashes.ts';
export { verifyDraw } from './verify-draw.ts';
export {
  WITNESS_ROLES,
  WITNESS_ROLE_CODES,
  EXCLUSION_REASON_CODES,
  drawDisclosed,
  drawResultHash,
  drawWindowClosesOn,
  exclusionReasonCode,
  publishedExclusions,
  publishedWitness,
  resultHashText,
} from './draw-publication.ts';
export type { DrawPartnerRecord, ExclusionReasonCode, Witness, WitnessRole } from './draw-publication.ts';
export type { DrawDifference, DrawValue, DrawVerification } from './draw-difference.ts';
