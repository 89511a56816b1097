import { territoryName } from '@inspecta/domain';
import type { AppContext } from '../../platform/http/context.ts';
import { notFound } from '../../platform/problems/problem.ts';
import {
  countActiveEntries,
  findEntriesOfList,
  findPublishedGuideListOfYear,
  listPublishedGuideLists,
} from './repository.ts';

// Public: name, credit code, county, class and level of published lists, nothing else.
export const publishedGuideLists = async (ctx: AppContext) => {
  const rows = await listPublishedGuideLists(ctx.db);
  const counts = await countActiveEntries(
    ctx.db,
    rows.map((row) => row.id),
  );
  return {
    items: rows.map((row) => ({
      year: row.year,
      territory: row.territory,
      territoryName: territoryName(row.territory) ?? row.territory,
      publishedAt: row.publishedAt!.toISOString(),
      entryCount: counts.get(row.id) ?? 0,
    })),
  };
};

export const publishedGuideList = async (ctx: AppContext, year: number) => {
  const list = await findPublishedGuideListOfYear(ctx.db, year);
  if (!list) throw notFound('已公布的名单');
  const entries = (await findEntriesOfList(ctx.db, list.id)).filter((e) => !e.removed);
  return {
    year: list.year,
    territoryName: territoryName(list.territory) ?? list.territory,
    publishedAt: list.publishedAt!.toISOString(),
    entries: entries.map((e) => ({
      name: e.name,
      creditCode: e.creditCode,
      territoryName: territoryName(e.territory) ?? e.territory,
      class: e.class,
      enforcementLevel: e.enforcementLevel,
    })),
  };
};
