import { and, asc, count, desc, eq, ilike, inArray, isNotNull, isNull, sql, type SQL } from 'drizzle-orm';
import type { Db, Tx } from '../db/client.ts';
import { auditChainHeads, auditEvents } from './schema.ts';
import { storedActionNames, isAuditAction } from './actions.ts';

export type AuditEventRow = typeof auditEvents.$inferSelect;
export type AuditChainHeadRow = typeof auditChainHeads.$inferSelect;
// An event the chainer has linked: its three link columns are set together (audit_events_link_check).
export type ChainedEventRow = AuditEventRow & { chainSeq: number; prevHash: string; hash: string };

// The columns of an event before it is numbered and chained.
export type UnchainedEvent = {
  chain: string;
  id: string;
  at: Date;
  actorId: string | null;
  actorName: string;
  action: string;
  entityType: string;
  entityId: string;
  territory: string;
  payload: unknown;
};

// Appends events, not yet chained, in one statement: each takes the next number of `audit_event_seq` in the
// order given (with ordinality keeps it) and no lock is taken, so audited writes never wait for each other. The
// chainer (chainPendingEvents) hashes them into their chains later.
export const insertUnchainedEvents = async (tx: Tx, events: UnchainedEvent[]): Promise<void> => {
  if (events.length === 0) return;
  const rows = JSON.stringify(
    events.map((e) => ({
      id: e.id,
      at: e.at.toISOString(),
      actor_id: e.actorId,
      actor_name: e.actorName,
      action: e.action,
      entity_type: e.entityType,
      entity_id: e.entityId,
      territory: e.territory,
      payload: e.payload,
      chain: e.chain,
    })),
  );
  await tx.execute(sql`
    insert into ${auditEvents} (seq, id, at, actor_id, actor_name, action, entity_type, entity_id, territory,
      payload, chain)
    select nextval('audit_event_seq'), (e.v->>'id')::uuid, (e.v->>'at')::timestamptz, (e.v->>'actor_id')::uuid,
      e.v->>'actor_name', e.v->>'action', e.v->>'entity_type', e.v->>'entity_id', e.v->>'territory',
      e.v->'payload', e.v->>'chain'
    from jsonb_array_elements(${rows}::jsonb) with ordinality as e(v, n)
    order by e.n`);
};

// The chainer's lock: only chainers take it (writers never do), so two chainers never link the same chain
// twice. `wait` false answers false at once when another chainer holds it.
const chainerLockKey = 7_391_002;
export const lockChainer = async (tx: Tx, wait: boolean): Promise<boolean> => {
  if (wait) {
    await tx.execute(sql`select pg_advisory_xact_lock(${chainerLockKey})`);
    return true;
  }
  const result = (await tx.execute(
    sql`select pg_try_advisory_xact_lock(${chainerLockKey}) as locked`,
  )) as unknown as { rows: { locked: boolean }[] };
  return result.rows[0]!.locked;
};

// The committed events not chained yet, oldest number first (the partial index audit_events_unchained_idx).
export const findUnchainedEvents = (db: Db | Tx, limit: number): Promise<AuditEventRow[]> =>
  db
    .select()
    .from(auditEvents)
    .where(isNull(auditEvents.chainSeq))
    .orderBy(asc(auditEvents.seq))
    .limit(limit);

export const countUnchainedEvents = async (db: Db): Promise<number> => {
  const [row] = await db.select({ n: count() }).from(auditEvents).where(isNull(auditEvents.chainSeq));
  return row?.n ?? 0;
};

export const findChainHeadsOf = (tx: Tx, chains: string[]): Promise<AuditChainHeadRow[]> =>
  tx.select().from(auditChainHeads).where(inArray(auditChainHeads.chain, chains));

export type Link = { seq: number; chainSeq: number; prevHash: string; hash: string };

// Stores the links the chainer computed (one statement for the batch) and moves each chain's head.
export const storeLinks = async (tx: Tx, links: Link[], heads: AuditChainHeadRow[]): Promise<void> => {
  if (links.length === 0) return;
  const values = sql.join(
    links.map(
      (link) =>
        sql`(${link.seq}::bigint, ${link.chainSeq}::bigint, ${link.prevHash}::text, ${link.hash}::text)`,
    ),
    sql`, `,
  );
  await tx.execute(sql`
    update ${auditEvents} as e
    set chain_seq = v.chain_seq, prev_hash = v.prev_hash, hash = v.hash
    from (values ${values}) as v(seq, chain_seq, prev_hash, hash)
    where e.seq = v.seq and e.chain_seq is null`);
  await tx
    .insert(auditChainHeads)
    .values(heads)
    .onConflictDoUpdate({
      target: auditChainHeads.chain,
      set: {
        seq: sql`excluded.seq`,
        prevHash: sql`excluded.prev_hash`,
        hash: sql`excluded.hash`,
      },
    });
};

export const findChainHeads = (db: Db): Promise<AuditChainHeadRow[]> => db.select().from(auditChainHeads);

// One page of chained events in (chain, chain_seq) order, after the given place (from the start when null).
export const findAuditEventsAfter = (
  db: Db,
  from: { chain: string; chainSeq: number } | null,
  limit: number,
): Promise<ChainedEventRow[]> =>
  db
    .select()
    .from(auditEvents)
    .where(
      and(
        isNotNull(auditEvents.chainSeq),
        from
          ? sql`(${auditEvents.chain}, ${auditEvents.chainSeq}) > (${from.chain}, ${from.chainSeq})`
          : undefined,
      ),
    )
    .orderBy(asc(auditEvents.chain), asc(auditEvents.chainSeq))
    .limit(limit) as Promise<ChainedEventRow[]>;

export type AuditListFilter = {
  scope: SQL | undefined;
  entityType?: string | undefined;
  entityId?: string | undefined;
  // a current action name also finds the events stored under its legacy name
  action?: string | undefined;
  // issue 13 item 4: the person who acted, by (part of) their name
  actorName?: string | undefined;
  page: number;
  pageSize: number;
};

export const listAuditEvents = async (db: Db, filter: AuditListFilter) => {
  const where = and(
    filter.scope,
    filter.entityType ? eq(auditEvents.entityType, filter.entityType) : undefined,
    filter.entityId ? eq(auditEvents.entityId, filter.entityId) : undefined,
    filter.action
      ? inArray(
          auditEvents.action,
          isAuditAction(filter.action) ? storedActionNames(filter.action) : [filter.action],
        )
      : undefined,
    filter.actorName
      ? ilike(auditEvents.actorName, `%${filter.actorName.replace(/[\\%_]/g, (c) => `\\${c}`)}%`)
      : undefined,
  );
  const [rows, [total]] = await Promise.all([
    db
      .select()
      .from(auditEvents)
      .where(where)
      .orderBy(desc(auditEvents.seq))
      .limit(filter.pageSize)
      .offset((filter.page - 1) * filter.pageSize),
    db.select({ n: count() }).from(auditEvents).where(where),
  ]);
  return { rows, total: total?.n ?? 0 };
};

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

// How each entity type is named for a reader: resolved when the events are read, so events written before
// names were shown are named too. The audit log outlives the modules' shapes, so it names their tables here
// rather than importing them.
const NAME_QUERIES: Record<string, (ids: SQL) => SQL> = {
  enterprise: (ids) => sql`select id::text as id, name from enterprises where id in (${ids})`,
  organisation: (ids) => sql`select id::text as id, name from organisations where id in (${ids})`,
  officer: (ids) => sql`select id::text as id, name from officers where id in (${ids})`,
  user: (ids) => sql`select id::text as id, display_name as name from users where id in (${ids})`,
  inspection: (ids) =>
    sql`select id::text as id, enterprise_name || '（' || planned_on::text || ' 检查）' as name from inspections where id in (${ids})`,
  annual_plan: (ids) =>
    sql`select id::text as id, year || ' 年度监督检查计划（第 ' || version || ' 版）' as name from annual_plans where id in (${ids})`,
  monthly_plan: (ids) =>
    sql`select id::text as id, year || ' 年 ' || month || ' 月工作计划' as name from monthly_plans where id in (${ids})`,
  guide_list: (ids) =>
    sql`select id::text as id, year || ' 年度重点企业指导名单' as name from guide_lists where id in (${ids})`,
  draw: (ids) => sql`select id::text as id, title as name from draws where id in (${ids})`,
  // a report by its receipt code (never anything of the reporter)
  report: (ids) =>
    sql`select id::text as id, '举报 ' || receipt_code as name from reports where id in (${ids})`,
  regrade_run: (ids) =>
    sql`select id::text as id, for_date::text || ' ' || case kind when 'nightly' then '每日重新分级'
          when 'manual' then '手动重新分级' else '初始分级' end as name
        from regrade_runs where id in (${ids})`,
};

// Objects that are no row of a table, named by their fixed id.
const FIXED_NAMES: Record<string, string> = {
  'system:demo': '演示数据',
  'system:demo-inspections': '演示数据（检查记录）',
  'system:demo-supervision': '演示数据（执法监督）',
};

// entityType → entityId → display name, for the entities of one page of events.
export const entityNames = async (
  db: Db,
  refs: { entityType: string; entityId: string }[],
): Promise<Map<string, string>> => {
  const byType = new Map<string, Set<string>>();
  for (const ref of refs) {
    if (!NAME_QUERIES[ref.entityType] || !uuidPattern.test(ref.entityId)) continue;
    const ids = byType.get(ref.entityType) ?? new Set<string>();
    ids.add(ref.entityId.toLowerCase());
    byType.set(ref.entityType, ids);
  }
  const names = new Map<string, string>();
  for (const ref of refs) {
    const key = `${ref.entityType}:${ref.entityId.toLowerCase()}`;
    if (FIXED_NAMES[key]) names.set(key, FIXED_NAMES[key]);
  }
  await Promise.all(
    [...byType].map(async ([type, ids]) => {
      const list = sql.join(
        [...ids].map((id) => sql`${id}::uuid`),
        sql`, `,
      );
      const result = await db.execute(NAME_QUERIES[type]!(list));
      for (const row of (result as unknown as { rows: { id: string; name: string }[] }).rows) {
        names.set(`${type}:${row.id}`, row.name);
      }
    }),
  );
  return names;
};

export const entityNameOf = (names: Map<string, string>, event: { entityType: string; entityId: string }) =>
  names.get(`${event.entityType}:${event.entityId.toLowerCase()}`) ?? null;
