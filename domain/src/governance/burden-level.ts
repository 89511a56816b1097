import { governanceCatalog } from './governance-catalog.ts';
import type { GovernanceCatalog } from './governance-catalog.ts';

// Issue 6 item 10 (serving measure 8): a second inspection of the same enterprise in a year shows yellow, a
// third red, wherever it appears. A display rule of the bureau (catalog/governance.json), not a cap: the cap
// that refuses is the enterprise's allowance from grading (measures 5, 24).
export type BurdenLevel = 'none' | 'normal' | 'yellow' | 'red';

export const BURDEN_LEVEL_NAMES: Record<BurdenLevel, string> = {
  none: '本年未检查',
  normal: '正常',
  yellow: '黄色（本年第二次）',
  red: '红色（本年三次及以上）',
};

export const burdenLevel = (
  countThisYear: number,
  context: { catalog: GovernanceCatalog } = { catalog: governanceCatalog },
): BurdenLevel => {
  const { yellowFrom, redFrom } = context.catalog.burden;
  if (countThisYear <= 0) return 'none';
  if (countThisYear >= redFrom) return 'red';
  if (countThisYear >= yellowFrom) return 'yellow';
  return 'normal';
};
