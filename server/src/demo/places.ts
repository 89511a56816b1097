import type { AppContext } from '../platform/http/context.ts';
import { seededRandom } from './prng.ts';
import { enterprisesByCreditCode, placeEnterprises } from './repository.ts';

// issue 16 item 7: the register records no coordinates, so the demo places its enterprises near the towns of
// their county or district (each anchor checked to lie, with the spread below, inside the district's outline of
// web/src/features/monitoring/map/jiangmen-districts.json). Demo data only: real coordinates come from the register.
const ANCHORS: Record<string, readonly (readonly [number, number])[]> = {
  '440703': [
    [113.075, 22.6],
    [113.03, 22.63],
    [113.1, 22.66],
  ],
  '440704': [
    [113.115, 22.565],
    [113.13, 22.54],
  ],
  '440705': [
    [113.03, 22.51],
    [113.02, 22.42],
    [112.93, 22.48],
  ],
  '440781': [
    [112.79, 22.25],
    [112.7, 22.18],
  ],
  '440783': [
    [112.68, 22.37],
    [112.64, 22.4],
  ],
  '440784': [
    [112.96, 22.76],
    [112.85, 22.7],
  ],
  '440785': [
    [112.31, 22.18],
    [112.35, 22.25],
  ],
};
const SPREAD = 0.012; // degrees either way, about 1.3 km

export const placeDemoEnterprises = async (ctx: AppContext): Promise<void> => {
  const random = seededRandom(20261206);
  const places = (await enterprisesByCreditCode(ctx.db)).flatMap((row) => {
    const anchors = ANCHORS[row.territory];
    if (!anchors) return [];
    const [lng, lat] = random.pick(anchors);
    const jitter = () => Math.round((random.next() * 2 - 1) * SPREAD * 1e5) / 1e5;
    return [{ id: row.id, longitude: lng + jitter(), latitude: lat + jitter() }];
  });
  await ctx.db.transaction((tx) => placeEnterprises(tx, places));
};
