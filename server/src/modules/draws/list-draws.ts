import type { z } from 'zod';
import type { AppContext } from '../../platform/http/context.ts';
import { type Actor } from '../../platform/policy/policy.ts';
import { scopeCondition } from '../../platform/db/scope.ts';
import type { Db } from '../../platform/db/client.ts';
import type { ZDrawListQuerySchema } from './model.ts';
import { drawSummary } from './draw-view.ts';
import { listDrawSummaryRows, type DrawListFilter } from './repository.ts';
import { draws } from './schema.ts';

const pageOfDraws = async (db: Db, filter: DrawListFilter, page: number, pageSize: number) => {
  const { rows, total } = await listDrawSummaryRows(db, filter, page, pageSize);
  return { items: rows.map(drawSummary), total, page, pageSize, totalIsLowerBound: false };
};

export const listDraws = (ctx: AppContext, actor: Actor, query: z.infer<typeof ZDrawListQuerySchema>) =>
  pageOfDraws(
    ctx.db,
    {
      scope: scopeCondition(actor, 'draw', { territory: draws.territory }),
      year: query.year,
      status: query.status,
    },
    query.page,
    query.pageSize,
  );

// Item 13: every draw is public from the moment its pools are frozen (the hashes come first).
export const listPublicDraws = (ctx: AppContext, query: z.infer<typeof ZDrawListQuerySchema>) =>
  pageOfDraws(
    ctx.db,
    { scope: undefined, year: query.year, status: query.status },
    query.page,
    query.pageSize,
  );
