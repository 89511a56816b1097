import {
  gradingCatalog,
  guideListDiff,
  guideListTransition,
  territoryName,
  type GradingResult,
  type GuideListAction,
} from '@inspecta/domain';
import type { AppContext } from '../../platform/http/context.ts';
import { assertCan, assertMayUse, type Action, type Actor } from '../../platform/policy/policy.ts';
import { scopeCondition } from '../../platform/db/scope.ts';
import { problem, notFound, refused } from '../../platform/problems/problem.ts';
import { isUuid } from '../../platform/http/paging.ts';
import { appendAuditEvent, type AuditAction, type AuditPayload } from '../../platform/audit/service.ts';
import type { Db, Tx } from '../../platform/db/client.ts';
import { guideLists } from './schema.ts';
import {
  countActiveEntries,
  deleteEntriesOfList,
  findEnterpriseWithGrade,
  findEntriesOfList,
  findEntryOfList,
  findGuideListById,
  findGuideListOfYear,
  findKeyGradedEnterprises,
  findProposedGradedEnterprises,
  findPreviousPublishedList,
  insertEntries,
  insertEntry,
  insertGuideList,
  listGuideListRows,
  updateEntry,
  updateGuideList,
  type EntryRow,
  type ListRow,
} from './repository.ts';

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

const loadList = async (db: Db | Tx, actor: Actor, id: string, action: Action) => {
  if (!isUuid(id)) throw notFound('名单');
  const row = await findGuideListById(db, id);
  return assertCan(actor, 'guide_list', action, row, '名单');
};

const step = (list: ListRow, action: GuideListAction, reason?: string) => {
  const verdict = guideListTransition({ status: list.status, action, reason });
  if (!verdict.ok) throw refused(verdict);
  return verdict.next;
};

const audit = <A extends AuditAction>(
  tx: Tx,
  ctx: AppContext,
  actor: Actor,
  action: A,
  list: ListRow,
  payload: AuditPayload<A>,
) =>
  appendAuditEvent(tx, {
    actor,
    action,
    entityType: 'guide_list',
    entityId: list.id,
    territory: list.territory,
    payload,
    at: ctx.clock.now(),
  });

// measure 4: the rule's list is every enterprise the grading classes as key, within the bureau's territory;
// an enterprise that meets only unverified criteria is listed as a proposal, not on the list, until the legal
// reviewer adds it with a written reason (issue 11 item 4).
const ruleEntries = async (tx: Tx, listId: string, territory: string) => {
  const rows = await findKeyGradedEnterprises(tx, territory);
  const proposed = await findProposedGradedEnterprises(tx, territory);
  return [
    ...rows.map((row) => entryOf(listId, row, 'rule')),
    ...proposed.map((row) => ({
      ...entryOf(listId, row, 'proposed'),
      removed: true,
      reason: '所符合的重点企业标准待法制审核，仅作建议；法制审核人员写明理由后方可列入',
    })),
  ];
};

const entryOf = (
  listId: string,
  { enterprise, grade }: Awaited<ReturnType<typeof findKeyGradedEnterprises>>[number],
  origin: 'rule' | 'proposed',
) => ({
  listId,
  enterpriseId: enterprise.id,
  name: enterprise.name,
  creditCode: enterprise.creditCode,
  territory: enterprise.territory,
  class: grade.class,
  enforcementLevel: grade.enforcementLevel,
  ruleReasons: (grade.result as GradingResult).reasons.filter((r) => r.effect === 'class').map((r) => r.text),
  origin,
});

export const listGuideLists = async (ctx: AppContext, actor: Actor) => {
  const rows = await listGuideListRows(
    ctx.db,
    scopeCondition(actor, 'guide_list', { territory: guideLists.territory }),
  );
  const counts = await countActiveEntries(
    ctx.db,
    rows.map((row) => row.id),
  );
  return { items: rows.map((row) => listView(row, counts.get(row.id) ?? 0)) };
};

export const generateGuideList = async (ctx: AppContext, actor: Actor, year: number) => {
  assertMayUse(actor, 'guide_list', 'create');
  return ctx.db.transaction(async (tx) => {
    const existing = await findGuideListOfYear(tx, year, actor.territory);
    if (existing) {
      throw problem('GUIDE_LIST_EXISTS', { year }, { detail: `名单 ${existing.id}；草稿可以重新生成` });
    }
    const list = await insertGuideList(tx, {
      year,
      territory: actor.territory,
      status: 'draft',
      catalogVersion: gradingCatalog.version,
      generatedAt: ctx.clock.now(),
      generatedByName: actor.displayName,
    });
    const entries = await ruleEntries(tx, list.id, actor.territory);
    await insertEntries(tx, entries);
    await audit(tx, ctx, actor, 'guide_list.generated', list, { year, entries: entries.length });
    return listView(list, entries.length);
  });
};

export const regenerateGuideList = async (ctx: AppContext, actor: Actor, id: string) =>
  ctx.db.transaction(async (tx) => {
    const list = await loadList(tx, actor, id, 'update');
    step(list, 'regenerate');
    // manual additions and removals are the reviewer's decisions and survive a regeneration
    // (a proposal is the rules' own and is made afresh)
    const kept = (await findEntriesOfList(tx, list.id)).filter(
      (e) => e.origin !== 'proposed' && (e.origin === 'manual' || e.removed),
    );
    await deleteEntriesOfList(tx, list.id);
    const fresh = (await ruleEntries(tx, list.id, list.territory)).filter(
      (e) => !kept.some((k) => k.enterpriseId === e.enterpriseId),
    );
    await insertEntries(tx, [...fresh, ...kept.map(({ id: _id, ...entry }) => entry)]);
    const updated = await updateGuideList(tx, list.id, {
      generatedAt: ctx.clock.now(),
      generatedByName: actor.displayName,
      catalogVersion: gradingCatalog.version,
    });
    await audit(tx, ctx, actor, 'guide_list.generated', list, {
      regenerated: true,
      entries: fresh.length + kept.length,
    });
    return listView(updated, fresh.length + kept.filter((k) => !k.removed).length);
  });

export const getGuideList = async (ctx: AppContext, actor: Actor, id: string) => {
  const list = await loadList(ctx.db, actor, id, 'read');
  const entries = await findEntriesOfList(ctx.db, list.id);
  const previous = await findPreviousPublishedList(ctx.db, list.territory, list.year);
  const previousMembers = previous
    ? (await findEntriesOfList(ctx.db, previous.id)).filter((e) => !e.removed)
    : [];
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
    const row = isUuid(enterpriseId)
      ? await findEnterpriseWithGrade(tx, enterpriseId, list.territory)
      : undefined;
    if (!row) throw notFound('企业');
    const existing = (await findEntriesOfList(tx, list.id)).find((e) => e.enterpriseId === enterpriseId);
    if (existing && !existing.removed) throw problem('GUIDE_LIST_ENTRY_EXISTS');
    if (existing) {
      await updateEntry(tx, existing.id, { removed: false, reason, origin: 'manual' });
    } else {
      await insertEntry(tx, {
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
    await audit(tx, ctx, actor, 'guide_list.entry.added', list, { enterpriseId, reason });
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
    const entry = isUuid(entryId) ? await findEntryOfList(tx, entryId, list.id) : undefined;
    if (!entry) throw notFound('名单条目');
    if (entry.removed) throw problem('GUIDE_LIST_ENTRY_REMOVED');
    await updateEntry(tx, entry.id, { removed: true, reason });
    await audit(tx, ctx, actor, 'guide_list.entry.removed', list, {
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
    await updateGuideList(tx, list.id, {
      status: next,
      approvedAt: now,
      approvedByName: actor.displayName,
      approvalComment: comment ?? null,
    });
    await audit(tx, ctx, actor, 'guide_list.approved', list, { comment: comment ?? null });
  });

export const publishGuideList = async (ctx: AppContext, actor: Actor, id: string) =>
  ctx.db.transaction(async (tx) => {
    const list = await loadList(tx, actor, id, 'publish');
    const next = step(list, 'publish');
    await updateGuideList(tx, list.id, { status: next, publishedAt: ctx.clock.now() });
    await audit(tx, ctx, actor, 'guide_list.published', list, {});
  });

export const guideListForExport = async (ctx: AppContext, actor: Actor, id: string) => {
  const list = await loadList(ctx.db, actor, id, 'read');
  return {
    list,
    entries: (await findEntriesOfList(ctx.db, list.id)).filter((e) => !e.removed).map(entryView),
  };
};
