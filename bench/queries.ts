// What is timed: one row per case in the printed table. Each case is one GET of the enterprise list
// endpoint and, as the baseline, a replay of the statements that request sent to PostgreSQL (see
// enterprise-search.ts).

export type BenchUser = 'city' | 'pengjiang';

export type Case = {
  label: string;
  kind: 'search' | 'list';
  // Counts toward the "fragment under 50 ms p95" goal: a search of 2+ characters (issue 18 item 1).
  nameFragmentGoal: boolean;
  note?: string;
  user: BenchUser;
  query: { q?: string; territory?: string; page: number; pageSize: number; sort?: string };
};

export const apiPath = (query: Case['query']): string => {
  const params = new URLSearchParams();
  if (query.q !== undefined) params.set('q', query.q);
  if (query.territory !== undefined) params.set('territory', query.territory);
  params.set('page', String(query.page));
  params.set('pageSize', String(query.pageSize));
  if (query.sort !== undefined) params.set('sort', query.sort);
  return `/api/v1/enterprises?${params.toString()}`;
};

// Fragments that depend on the generated data are looked up once the registry is loaded.
export type Fragments = { creditCodeTail: string };

export const benchCases = (fragments: Fragments): Case[] => {
  const search = (
    label: string,
    q: string,
    options: { user?: BenchUser; nameFragmentGoal?: boolean; note?: string } = {},
  ): Case => ({
    label,
    kind: 'search',
    nameFragmentGoal: options.nameFragmentGoal ?? true,
    ...(options.note ? { note: options.note } : {}),
    user: options.user ?? 'city',
    query: { q, page: 1, pageSize: 20 },
  });
  const list = (
    label: string,
    query: Omit<Case['query'], 'pageSize' | 'sort'>,
    user: BenchUser = 'city',
  ): Case => ({
    label,
    kind: 'list',
    nameFragmentGoal: false,
    user,
    query: { ...query, pageSize: 20, sort: 'name' },
  });
  return [
    search('search 骏腾五 (brand + trade, few)', '骏腾五'),
    search('search 五金制品 (trade word, many)', '五金制品'),
    search('search 有限公司 (most rows)', '有限公司'),
    search('search 核电站 (no match)', '核电站'),
    search(`search ${fragments.creditCodeTail} (credit code tail)`, fragments.creditCodeTail),
    search('search 棠下镇 (address, many)', '棠下镇'),
    search('search 杜阮镇兴业路 (address, some)', '杜阮镇兴业路'),
    search('search 五金制品 as 蓬江区 user', '五金制品', { user: 'pengjiang' }),
    search('search 五金 (2 chars, common)', '五金'),
    search('search 骏腾 (2 chars, rare)', '骏腾'),
    list('list page 1, sort=name', { page: 1 }),
    list('list page 500, sort=name', { page: 500 }),
    list('list territory=440703 page 1', { territory: '440703', page: 1 }),
    list('list as 蓬江区 user page 1', { page: 1 }, 'pengjiang'),
  ];
};
