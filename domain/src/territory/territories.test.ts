import { describe, expect, it } from 'vitest';
import { territories, territoryName } from './territories.ts';
import { isWithinTerritory, territoryLevel, ZTerritoryCodeSchema } from './territory-code.ts';

describe('Jiangmen territories', () => {
  it('names the city and its seven county-level divisions', () => {
    expect(territoryName('440700')).toBe('江门市');
    expect(
      territories.filter((territory) => territory.parent === '440700').map((territory) => territory.name),
    ).toEqual(['蓬江区', '江海区', '新会区', '台山市', '开平市', '鹤山市', '恩平市']);
  });

  it('answers no name for a division it does not know', () => {
    expect(territoryName('450100')).toBeUndefined();
  });

  it('agrees with the code pattern on every level and parent', () => {
    for (const territory of territories) {
      expect(ZTerritoryCodeSchema.parse(territory.code)).toBe(territory.code);
      expect(territoryLevel(territory.code)).toBe(territory.level);
      if (territory.parent !== null) expect(isWithinTerritory(territory.parent, territory.code)).toBe(true);
    }
  });

  it('lists each division once', () => {
    expect(new Set(territories.map((territory) => territory.code)).size).toBe(territories.length);
  });
});
