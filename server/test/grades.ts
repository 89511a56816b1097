import { sql, type SQL } from 'drizzle-orm';
import type { AppContext } from '../src/platform/http/context.ts';

// Gives one enterprise a stored grading result that the grading would not produce (a reviewer's verified cap, an
// unverified proposal), as a test's precondition: the edited copy is stored under its own digest and the
// enterprise's grade names it, so the enterprises that shared the old result keep theirs.
export const rewriteStoredResult = async (
  ctx: AppContext,
  enterpriseId: string,
  edit: (result: SQL) => SQL,
): Promise<void> => {
  await ctx.db.execute(sql`
    with edited as (
      select g.enterprise_id, ${edit(sql`r.result`)} as result
      from enterprise_grades g join grade_results r on r.digest = g.digest
      where g.enterprise_id = ${enterpriseId}::uuid
    ), stored as (
      insert into grade_results (digest, result)
      select 'test-' || md5(result::text), result from edited
      on conflict (digest) do nothing
    )
    update enterprise_grades g set digest = 'test-' || md5(e.result::text)
    from edited e where g.enterprise_id = e.enterprise_id`);
};
