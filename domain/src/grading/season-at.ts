import type { IsoDate } from '../shared/iso-date.ts';
import { isInSeasonPeriod } from './date-windows.ts';
import type { GradingCatalog } from './grading-catalog.ts';
import type { SeasonFactor } from './grading-catalog-schema.ts';

// measure 4 (季节特征): the configured season periods (汛期, 高温, 春节…) in force on a date, in catalogue order.
export const seasonAt = (date: IsoDate, catalog: GradingCatalog): SeasonFactor[] =>
  catalog.seasonFactors.filter((season) => season.periods.some((period) => isInSeasonPeriod(period, date)));
