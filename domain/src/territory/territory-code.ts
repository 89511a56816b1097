import { z } from 'zod';

// Administrative division codes (行政区划代码) are six digits: two for the province, two for the city,
// two for the county. XX0000 is a province, XXYY00 a city, anything else a county. Reading the level off
// the code keeps scope checks generic for any province or city without a table of every division.
export const ZTerritoryCodeSchema = z
  .string()
  .regex(/^[1-9]\d{5}$/, { error: '属地应为6位行政区划代码，例如 440703' });

export type TerritoryCode = z.infer<typeof ZTerritoryCodeSchema>;

export type TerritoryLevel = 'province' | 'city' | 'county';

export const isTerritoryCode = (code: string): code is TerritoryCode =>
  ZTerritoryCodeSchema.safeParse(code).success;

export const territoryLevel = (code: TerritoryCode): TerritoryLevel => {
  if (!isTerritoryCode(code)) {
    throw new RangeError(`'${code}' is not a six-digit division code`);
  }
  if (code.endsWith('0000')) return 'province';
  if (code.endsWith('00')) return 'city';
  return 'county';
};

const coveredPrefix = (scope: TerritoryCode): string => {
  switch (territoryLevel(scope)) {
    case 'province':
      return scope.slice(0, 2);
    case 'city':
      return scope.slice(0, 4);
    case 'county':
      return scope;
  }
};

// 属地管理: a user scoped to `scope` may see `record` when the record's division lies inside it.
// A malformed code on either side never matches, so bad data cannot widen anyone's scope.
export const isWithinTerritory = (scope: string, record: string): boolean => {
  if (!isTerritoryCode(scope) || !isTerritoryCode(record)) return false;
  return record.startsWith(coveredPrefix(scope));
};
