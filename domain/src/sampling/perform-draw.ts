import { ok, type Ok } from '../shared/result.ts';
import { checkDrawInput } from './check-draw-input.ts';
import { computeSelection } from './compute-selection.ts';
import { DRAW_ALGORITHM, type DrawRecord, type PerformDrawInput } from './draw-record.ts';
import { drawSeed, inspectorPoolHash, poolHash } from './draw-hashes.ts';
import { drawRefusal, shortageMessage, type DrawRefusal } from './draw-refusals.ts';

// measure 5: a double-random draw (双随机) that anyone can recompute from its record. A draw that cannot
// staff every team fails whole, before anything is published (item 7); there is no partial result.
export const performDraw = (input: PerformDrawInput): Ok<{ record: DrawRecord }> | DrawRefusal => {
  const invalid = checkDrawInput(input);
  if (invalid) return invalid;

  const pool = poolHash(input.strata);
  const inspectorPool = inspectorPoolHash(input.inspectors);
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
