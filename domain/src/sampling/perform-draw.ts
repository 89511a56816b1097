import { ok, type Ok } from '../shared/result.ts';
import { checkDrawInput } from './check-draw-input.ts';
import { computeSelection } from './compute-selection.ts';
import { DRAW_ALGORITHM, type DrawRecord, type PerformDrawInput } from './draw-record.ts';
import { drawSeed, inspectorPoolHash, poolHash, type TextHasher } from './draw-hashes.ts';
import { drawRefusal, shortageMessage, type DrawRefusal } from './draw-refusals.ts';

// measure 5: a double-random draw (双随机) that anyone can recompute from its record. A draw that cannot
// staff every team fails whole, before anything is published (item 7); there is no partial result.
//
// `poolsCheckedWhenFrozen`: the caller froze these pools after the same checks (codes sorted by code point,
// no duplicates, no tab or line break in any code) and stored them so that no code can hold a line break,
// and it gives the hash it published then. The checks of every code are not run again: the pool hash is
// still recomputed here, and equal to the published one it proves the pools are, line for line, the ones
// that passed them (item 3). Without a published pool hash the option is ignored.
// `createHasher`: the SHA-256 the two pool hashes are computed with (see TextHasher); the seed and the
// sampler always use the domain's own.
export const performDraw = (
  input: PerformDrawInput,
  {
    poolsCheckedWhenFrozen = false,
    createHasher,
  }: { poolsCheckedWhenFrozen?: boolean; createHasher?: () => TextHasher } = {},
): Ok<{ record: DrawRecord }> | DrawRefusal => {
  const invalid = checkDrawInput(input, {
    codes: !(poolsCheckedWhenFrozen && input.publishedPoolHash !== undefined),
  });
  if (invalid) return invalid;

  const pool = poolHash(input.strata, createHasher);
  const inspectorPool = inspectorPoolHash(input.inspectors, createHasher);
  // item 3: the pools hashed at publication must be the pools drawn from
  if (input.publishedPoolHash !== undefined && input.publishedPoolHash !== pool) {
    return drawRefusal(
      'DRAW_POOL_CHANGED',
      `企业名单哈希 ${pool} 与公布的 ${input.publishedPoolHash} 不符，名单在公布后被改动`,
    );
  }
  if (input.publishedInspectorPoolHash !== undefined && input.publishedInspectorPoolHash !== inspectorPool) {
    return drawRefusal(
      'DRAW_POOL_CHANGED',
      `执法人员库哈希 ${inspectorPool} 与公布的 ${input.publishedInspectorPoolHash} 不符，人员库在公布后被改动`,
    );
  }
  const seed = drawSeed(pool, inspectorPool, input.publicEntropy);
  const parameters = {
    strata: input.strata,
    inspectors: input.inspectors,
    exclusions: input.exclusions,
    teamSize: input.teamSize,
    maxAssignmentsPerInspector: input.maxAssignmentsPerInspector,
    seed,
  };
  const { selected, shortage } = computeSelection(parameters);
  if (shortage) return drawRefusal('DRAW_NOT_ENOUGH_INSPECTORS', shortageMessage(shortage));

  return ok({
    record: {
      algorithm: DRAW_ALGORITHM,
      strata: input.strata.map(({ key, codes, k }) => ({ key, codes: [...codes], k })),
      inspectors: [...input.inspectors],
      exclusions: input.exclusions.map(({ enterprise, inspector, reason }) => ({
        enterprise,
        inspector,
        reason,
      })),
      teamSize: input.teamSize,
      maxAssignmentsPerInspector: input.maxAssignmentsPerInspector,
      inspectionDate: input.inspectionDate,
      publicEntropy: input.publicEntropy,
      witnesses: [...input.witnesses],
      poolHash: pool,
      inspectorPoolHash: inspectorPool,
      seed,
      selected,
    },
  });
};
