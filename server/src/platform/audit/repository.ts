import { and, asc, count, desc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import type { Db, Tx } from '../db/client.ts';
import { auditChainHeads, auditEvents } from './schema.ts';
import { genesisHash } from './canonical.ts';
import { storedActionNames, isAuditAction } from './actions.ts';

export type AuditEventRow = typeof auditEvents.$inferSelect;
export type AuditChainHeadRow = typeof auditChainHeads.$inferSelect;

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

// Appends one event to its chain. `body` is chainedBody(fields), the canonical text the hash covers.
export const insertChainedEvent = async (tx: Tx, fields: UnchainedEvent, body: string): Promise<void> => {
  const { chain } = fields;
  // chainedHash in SQL: sha256(prev_hash \n chain_seq \n body), over the head row's values
  const next = (prev: SQL, seq: SQL) =>
    sql`encode(sha256(convert_to(${prev} || chr(10) || (${seq})::text || chr(10) || ${body}::text, 'UTF8')), 'hex')`;
  // One round trip: the upsert takes the chain head's row lock (held to the end of the transaction, so only
  // writers of the same bureau wait), numbers the event and hashes it; the insert stores it.
  await tx.execute(sql`
    with head as (
      insert into ${auditChainHeads} as h (chain, seq, prev_hash, hash)
      values (${chain}, 1, ${genesisHash}, ${next(sql`${genesisHash}::text`, sql`1`)})
      on conflict (chain) do update
        set seq = h.seq + 1, prev_hash = h.hash, hash = ${next(sql`h.hash`, sql`h.seq + 1`)}
      returning seq, prev_hash, hash)
    insert into ${auditEvents} (seq, id, at, actor_id, actor_name, action, entity_type, entity_id, territory,
      payload, chain, chain_seq, prev_hash, hash)
    select nextval('audit_event_seq'), ${fields.id}, ${fields.at.toISOString()}::timestamptz,
      ${fields.actorId}::uuid, ${fields.actorName}, ${fields.action}, ${fields.entityType}, ${fields.entityId},
      ${fields.territory}, ${JSON.stringify(fields.payload)}::jsonb, ${chain}, head.seq, head.prev_hash, head.hash
    from head`);
};

// For a batch of events: takes the chain head's row lock (creating the head at the genesis when the chain is
// new) and returns where the chain stands, so the caller numbers and hashes its events in order.
export const lockChainHead = async (tx: Tx, chain: string): Promise<{ seq: number; hash: string }> => {
  await tx.execute(sql`
    insert into ${auditChainHeads} (chain, seq, prev_hash, hash) values (${chain}, 0, ${genesisHash}, ${genesisHash})
    on conflict (chain) do nothing`);
  const result = (await tx.execute(
    sql`select seq, hash from ${auditChainHeads} where chain = ${chain} for update`,
  )) as unknown as { rows: { seq: string | number; hash: string }[] };
  const head = result.rows[0]!;
  return { seq: Number(head.seq), hash: head.hash };
};

export type ChainedEventRow = UnchainedEvent & { chainSeq: number; prevHash: string; hash: string };

// Stores events already numbered and hashed (one statement), in their chain order, and moves the head to the
// last of them. The caller holds the head's lock (lockChainHead) in the same transaction.
export const insertChainedEvents = async (
  tx: Tx,
  chain: string,
  events: ChainedEventRow[],
): Promise<void> => {
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
      chain_seq: e.chainSeq,
      prev_hash: e.prevHash,
      hash: e.hash,
    })),
  );
  await tx.execute(sql`
    insert into ${auditEvents} (seq, id, at, actor_id, actor_name, action, entity_type, entity_id, territory,
      payload, chain, chain_seq, prev_hash, hash)
    select nextval('audit_event_seq'), x.id, x.at, x.actor_id, x.actor_name, x.action, x.entity_type, x.entity_id,
      x.territory, x.payload, ${chain}, x.chain_seq, x.prev_hash, x.hash
    from (select * from jsonb_to_recordset(${rows}::jsonb) as r(id uuid, at timestamptz, actor_id uuid,
      actor_name text, action text, entity_type text, entity_id text, territory text, payload jsonb,
      chain_seq bigint, prev_hash text, hash text) order by r.chain_seq) as x`);
  const last = events[events.length - 1]!;
  await tx.execute(sql`
    update ${auditChainHeads} set seq = ${last.chainSeq}, prev_hash = ${last.prevHash}, hash = ${last.hash}
    where chain = ${chain}`);
};

export const findChainHeads = (db: Db): Promise<AuditChainHeadRow[]> => db.select().from(auditChainHeads);

// One page of events in (chain, chain_seq) order, after the given place (from the start when null).
export const findAuditEventsAfter = (
  db: Db,
  from: { chain: string; chainSeq: number } | null,
  limit: number,
): Promise<AuditEventRow[]> =>
  db
    .select()
    .from(auditEvents)
    .where(
      from
        ? sql`(${auditEvents.chain}, ${auditEvents.chainSeq}) > (${from.chain}, ${from.chainSeq})`
        : undefined,
    )
    .orderBy(asc(auditEvents.chain), asc(auditEvents.chainSeq))
    .limit(limit);

export type AuditListFilter = {
  scope: SQL | undefined;
  entityType?: string | undefined;
  entityId?: string | undefined;
  // a current action name also finds the events stored under its legacy name
  action?: string | undefined;
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
