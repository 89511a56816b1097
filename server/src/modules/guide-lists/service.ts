import { and, asc, count, desc, eq, inArray, lt } from 'drizzle-orm';
import {
  gradingCatalog,
  guideListDiff,
  guideListTransition,
  territoryName,
  type GradingResult,
  type GuideListAction,
} from '@inspecta/domain';
import type { AppContext } from '../../platform/http/context.ts';
import {
  assertCan,
  assertMayUse,
  scopeCondition,
  territoryCondition,
  type Action,
  type Actor,
} from '../../platform/policy/policy.ts';
import { Problem, notFound, refused } from '../../platform/http/problem.ts';
import { isUuid } from '../../platform/http/paging.ts';
import { appendAuditEvent, type AuditAction } from '../../platform/audit/service.ts';
import type { Tx } from '../../platform/db/client.ts';
import { enterprises } from '../enterprises/schema.ts';
import { enterpriseGrades } from '../grading/schema.ts';
import { guideListEntries, guideLists } from './schema.ts';

type ListRow = typeof guideLists.$inferSelect;
type EntryRow = typeof guideListEntries.$inferSelect;

const listView = (row: ListRow, entryCount: number) => ({
  id: row.id,
  year: row.year,
  territory: row.territory,
  territoryName: territoryName(row.territory) ?? row.territory,
  status: row.status,
  entryCount,
  catalogVersion: row.catalogVersion,
  generatedAt: row.generatedAt.toISOString(),
  generatedByName: row.generatedByName,
  approvedAt: row.approvedAt?.toISOString() ?? null,
  approvedByName: row.approvedByName,
  approvalComment: row.approvalComment,
  publishedAt: row.publishedAt?.toISOString() ?? null,
});

const entryView = (row: EntryRow) => ({
  id: row.id,
  enterpriseId: row.enterpriseId,
  name: row.name,
  creditCode: row.creditCode,
  territory: row.territory,
  territoryName: territoryName(row.territory) ?? row.territory,
  class: row.class,
  enforcementLevel: row.enforcementLevel,
  origin: row.origin,
  removed: row.removed,
  reason: row.reason,
  ruleReasons: row.ruleReasons,
});

const entriesOf = (db: AppContext['db'] | Tx, listId: string) =>
  db
    .select()
    .from(guideListEntries)
    .where(eq(guideListEntries.listId, listId))
    .orderBy(asc(guideListEntries.territory), asc(guideListEntries.name));

const loadList = async (db: AppContext['db'] | Tx, actor: Actor, id: string, action: Action) => {
  if (!isUuid(id)) throw notFound('名单');
  const [row] = await db.select().from(guideLists).where(eq(guideLists.id, id));
  return assertCan(actor, 'guide_list', action, row, '名单');
};

const step = (list: ListRow, action: GuideListAction, reason?: string) => {
  const verdict = guideListTransition({ status: list.status, action, reason });
  if (!verdict.ok) throw refused(verdict);
  return verdict.next;
};

const audit = (tx: Tx, ctx: AppContext, actor: Actor, action: AuditAction, list: ListRow, payload: unknown) =>
  appendAuditEvent(tx, {
    actor,
    action,
    entityType: 'guide_list',
    entityId: list.id,
    territory: list.territory,
    payload,
    at: ctx.clock.now(),
  });

// measure 4: the rule's list is every enterprise the grading classes as key, within the bureau's territory.
const ruleEntries = async (tx: Tx, listId: string, territory: string) => {
  const rows = await tx
    .select({ enterprise: enterprises, grade: enterpriseGrades })
    .from(enterpriseGrades)
    .innerJoin(enterprises, eq(enterprises.id, enterpriseGrades.enterpriseId))
    .where(and(eq(enterpriseGrades.class, 'key'), territoryCondition(territory, enterprises.territory)));
  return rows.map(({ enterprise, grade }) => ({
    listId,
    enterpriseId: enterprise.id,
    name: enterprise.name,
    creditCode: enterprise.creditCode,
    territory: enterprise.territory,
    class: grade.class,
    enforcementLevel: grade.enforcementLevel,
    ruleReasons: (grade.result as GradingResult).reasons
      .filter((r) => r.effect === 'class')
      .map((r) => r.text),
    origin: 'rule' as const,
  }));
};

// Active entries per list, in one query for any number of lists.
const entryCounts = async (db: AppContext['db'], listIds: string[]): Promise<Map<string, number>> => {
  if (listIds.length === 0) return new Map();
  const rows = await db
    .select({ listId: guideListEntries.listId, n: count() })
    .from(guideListEntries)
    .where(and(inArray(guideListEntries.listId, listIds), eq(guideListEntries.removed, false)))
    .groupBy(guideListEntries.listId);
  return new Map(rows.map((row) => [row.listId, row.n]));
};

const insertEntries = async (tx: Tx, entries: (typeof guideListEntries.$inferInsert)[]) => {
  for (let i = 0; i < entries.length; i += 500)
    await tx.insert(guideListEntries).values(entries.slice(i, i + 500));
};

export const listGuideLists = async (ctx: AppContext, actor: Actor) => {
  const rows = await ctx.db
    .select()
    .from(guideLists)
    .where(scopeCondition(actor, 'guide_list', { territory: guideLists.territory }))
    .orderBy(desc(guideLists.year));
  const counts = await entryCounts(
    ctx.db,
    rows.map((row) => row.id),
  );
  return { items: rows.map((row) => listView(row, counts.get(row.id) ?? 0)) };
};

export const generateGuideList = async (ctx: AppContext, actor: Actor, year: number) => {
  assertMayUse(actor, 'guide_list', 'create');
  return ctx.db.transaction(async (tx) => {
    const [existing] = await tx
      .select()
      .from(guideLists)
      .where(and(eq(guideLists.year, year), eq(guideLists.territory, actor.territory)));
    if (existing) {
      throw new Problem(409, 'GUIDE_LIST_EXISTS', `${year} 年的名单已存在`, {
        detail: `名单 ${existing.id}；草稿可以重新生成`,
      });
    }
    const [list] = await tx
      .insert(guideLists)
      .values({
        year,
        territory: actor.territory,
        status: 'draft',
        catalogVersion: gradingCatalog.version,
        generatedAt: ctx.clock.now(),
        generatedByName: actor.displayName,
      })
      .returning();
    const entries = await ruleEntries(tx, list!.id, actor.territory);
    await insertEntries(tx, entries);
    await audit(tx, ctx, actor, 'guide_list.generate', list!, { year, entries: entries.length });
    return listView(list!, entries.length);
  });
};

export const regenerateGuideList = async (ctx: AppContext, actor: Actor, id: string) =>
  ctx.db.transaction(async (tx) => {
    const list = await loadList(tx, actor, id, 'update');
    step(list, 'regenerate');
    // manual additions and removals are the reviewer's decisions and survive a regeneration
    const kept = (await entriesOf(tx, list.id)).filter((e) => e.origin === 'manual' || e.removed);
    await tx.delete(guideListEntries).where(eq(guideListEntries.listId, list.id));
    const fresh = (await ruleEntries(tx, list.id, list.territory)).filter(
      (e) => !kept.some((k) => k.enterpriseId === e.enterpriseId),
    );
    await insertEntries(tx, [...fresh, ...kept.map(({ id: _id, ...entry }) => entry)]);
    const [updated] = await tx
      .update(guideLists)
      .set({
        generatedAt: ctx.clock.now(),
        generatedByName: actor.displayName,
        catalogVersion: gradingCatalog.version,
      })
      .where(eq(guideLists.id, list.id))
      .returning();
    await audit(tx, ctx, actor, 'guide_list.generate', list, {
      regenerated: true,
      entries: fresh.length + kept.length,
    });
    return listView(updated!, fresh.length + kept.filter((k) => !k.removed).length);
  });

export const getGuideList = async (ctx: AppContext, actor: Actor, id: string) => {
  const list = await loadList(ctx.db, actor, id, 'read');
  const entries = await entriesOf(ctx.db, list.id);
  const [previous] = await ctx.db
    .select()
    .from(guideLists)
    .where(
      and(
        eq(guideLists.territory, list.territory),
        eq(guideLists.status, 'published'),
        lt(guideLists.year, list.year),
      ),
    )
    .orderBy(desc(guideLists.year))
    .limit(1);
  const previousMembers = previous ? (await entriesOf(ctx.db, previous.id)).filter((e) => !e.removed) : [];
  const diff = guideListDiff(
    previousMembers,
    entries.filter((e) => !e.removed),
  );
  const member = (e: { creditCode: string; name: string; territory: string }) => ({
    creditCode: e.creditCode,
    name: e.name,
    territoryName: territoryName(e.territory) ?? e.territory,
  });
  return {
    ...listView(list, entries.filter((e) => !e.removed).length),
    entries: entries.map(entryView),
    diff: {
      previousYear: list.year - 1,
      previousListId: previous?.id ?? null,
      added: previous ? diff.added.map(member) : [],
      removed: diff.removed.map(member),
    },
  };
};

export const addGuideListEntry = async (
  ctx: AppContext,
  actor: Actor,
  id: string,
  enterpriseId: string,
  reason: string,
) =>
  ctx.db.transaction(async (tx) => {
    const list = await loadList(tx, actor, id, 'update');
    step(list, 'add_entry', reason);
    const [row] = isUuid(enterpriseId)
      ? await tx
          .select({ enterprise: enterprises, grade: enterpriseGrades })
          .from(enterprises)
          .leftJoin(enterpriseGrades, eq(enterpriseGrades.enterpriseId, enterprises.id))
          .where(
            and(eq(enterprises.id, enterpriseId), territoryCondition(list.territory, enterprises.territory)),
          )
      : [];
    if (!row) throw notFound('企业');
    const existing = (await entriesOf(tx, list.id)).find((e) => e.enterpriseId === enterpriseId);
    if (existing && !existing.removed) throw new Problem(409, 'GUIDE_LIST_ENTRY_EXISTS', '该企业已在名单中');
    if (existing) {
      await tx
        .update(guideListEntries)
        .set({ removed: false, reason, origin: 'manual' })
        .where(eq(guideListEntries.id, existing.id));
    } else {
      await tx.insert(guideListEntries).values({
        listId: list.id,
        enterpriseId,
        name: row.enterprise.name,
        creditCode: row.enterprise.creditCode,
        territory: row.enterprise.territory,
        class: row.grade?.class ?? 'general',
        enforcementLevel: 'city_organised',
        ruleReasons: [],
        origin: 'manual',
        reason,
      });
    }
    await audit(tx, ctx, actor, 'guide_list.entry_add', list, { enterpriseId, reason });
  });

export const removeGuideListEntry = async (
  ctx: AppContext,
  actor: Actor,
  id: string,
  entryId: string,
  reason: string,
) =>
  ctx.db.transaction(async (tx) => {
    const list = await loadList(tx, actor, id, 'update');
    step(list, 'remove_entry', reason);
    const [entry] = isUuid(entryId)
      ? await tx
          .select()
          .from(guideListEntries)
          .where(and(eq(guideListEntries.id, entryId), eq(guideListEntries.listId, list.id)))
      : [];
    if (!entry) throw notFound('名单条目');
    if (entry.removed) throw new Problem(409, 'GUIDE_LIST_ENTRY_REMOVED', '该企业已移出名单');
    await tx.update(guideListEntries).set({ removed: true, reason }).where(eq(guideListEntries.id, entry.id));
    await audit(tx, ctx, actor, 'guide_list.entry_remove', list, {
      enterpriseId: entry.enterpriseId,
      creditCode: entry.creditCode,
      reason,
    });
  });

export const approveGuideList = async (
  ctx: AppContext,
  actor: Actor,
  id: string,
  comment: string | undefined,
) =>
  ctx.db.transaction(async (tx) => {
    const list = await loadList(tx, actor, id, 'approve');
    const next = step(list, 'approve');
    const now = ctx.clock.now();
    await tx
      .update(guideLists)
      .set({
        status: next,
        approvedAt: now,
        approvedByName: actor.displayName,
        approvalComment: comment ?? null,
      })
      .where(eq(guideLists.id, list.id));
    await audit(tx, ctx, actor, 'guide_list.approve', list, { comment: comment ?? null });
  });

export const publishGuideList = async (ctx: AppContext, actor: Actor, id: string) =>
  ctx.db.transaction(async (tx) => {
    const list = await loadList(tx, actor, id, 'publish');
    const next = step(list, 'publish');
    await tx
      .update(guideLists)
      .set({ status: next, publishedAt: ctx.clock.now() })
      .where(eq(guideLists.id, list.id));
    await audit(tx, ctx, actor, 'guide_list.publish', list, {});
  });

// Public: name, credit code, county, class and level of published lists, nothing else.
export const publishedGuideLists = async (ctx: AppContext) => {
  const rows = await ctx.db
    .select()
    .from(guideLists)
    .where(eq(guideLists.status, 'published'))
    .orderBy(desc(guideLists.year));
  const counts = await entryCounts(
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
  const [list] = await ctx.db
    .select()
    .from(guideLists)
    .where(and(eq(guideLists.year, year), eq(guideLists.status, 'published')))
    .orderBy(asc(guideLists.territory))
    .limit(1);
  if (!list) throw notFound('已公布的名单');
  const entries = (await entriesOf(ctx.db, list.id)).filter((e) => !e.removed);
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

export const guideListForExport = async (ctx: AppContext, actor: Actor, id: string) => {
  const list = await loadList(ctx.db, actor, id, 'read');
  return { list, entries: (await entriesOf(ctx.db, list.id)).filter((e) => !e.removed).map(entryView) };
};
