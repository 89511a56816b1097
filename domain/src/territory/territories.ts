import type { TerritoryCode, TerritoryLevel } from './territory-code.ts';

export type Territory = {
  code: TerritoryCode;
  name: string;
  level: TerritoryLevel;
  parent: TerritoryCode | null;
};

// The province and the Jiangmen divisions the platform serves: the city bureau and seven county-level bureaus.
export const territories: readonly Territory[] = [
  { code: '440000', name: '广东省', level: 'province', parent: null },
  { code: '440700', name: '江门市', level: 'city', parent: '440000' },
  { code: '440703', name: '蓬江区', level: 'county', parent: '440700' },
  { code: '440704', name: '江海区', level: 'county', parent: '440700' },
  { code: '440705', name: '新会区', level: 'county', parent: '440700' },
  { code: '440781', name: '台山市', level: 'county', parent: '440700' },
  { code: '440783', name: '开平市', level: 'county', parent: '440700' },
  { code: '440784', name: '鹤山市', level: 'county', parent: '440700' },
  { code: '440785', name: '恩平市', level: 'county', parent: '440700' },
];

const namesByCode = new Map(territories.map((territory) => [territory.code, territory.name]));

export const territoryName = (code: string): string | undefined => namesByCode.get(code);
