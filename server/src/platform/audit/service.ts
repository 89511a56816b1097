import { randomUUID } from 'node:crypto';
import type { Db, Tx } from '../db/client.ts';
import { chainedBody, chainedHash, eventHash, genesisHash } from './canonical.ts';
import {
  findAuditEventsAfter,
  findChainHeads,
  insertChainedEvent,
  insertChainedEvents,
  lockChainHead,
  type ChainedEventRow,
  type UnchainedEvent,
} from './repository.ts';
import {
  auditActions,
  isAuditAction,
  type AuditAction,
  type AuditEntityType,
  type AuditPayload,
} from './actions.ts';

export type { AuditAction, AuditEntityType, AuditPayload } from './actions.ts';

export type AuditActor = { id: string | null; displayName: string };

// `at` is the request's clock (ctx.clock.now()), never the machine's: the audit agrees with the change it records.
export type AuditEventInput<A extends AuditAction = AuditAction> = {
  actor: AuditActor;
  action: A;
  entityType: AuditEntityType;
  entityId: string;
  territory: string;
  payload: AuditPayload<A>;
  at: Date;
};

// An event the registry does not allow: a bug in the caller, refused before anything is written.
export class AuditEventRefused extends Error {}

const checked = (input: AuditEventInput): void => {
  if (!isAuditAction(input.action))
    throw new AuditEventRefused(`unknown audit action ${String(input.action)}`);
  const definition = auditActions[input.action];
  if (!(definition.entityTypes as readonly string[]).includes(input.entityType)) {
    throw new AuditEventRefused(
      `${input.action} is about ${definition.entityTypes.join('/')}, not ${input.entityType}`,
    );
  }
  const parsed = definition.payload.safeParse(input.payload);
  if (!parsed.success) {
    throw new AuditEventRefused(
      `${input.action}: payload does not match its schema: ${parsed.error.message}`,
    );
  }
};

// Must be called inside the transaction that makes the change it records. The event joins the chain of its
// bureau (its territory), so writers of one bureau queue while other bureaus write on.
export const appendAuditEvent = async <A extends AuditAction>(
  tx: Tx,
  input: AuditEventInput<A>,
): Promise<void> => {
  checked(input as AuditEventInput);
  const chain = input.territory;
  const fields = {
    chain,
    id: randomUUID(),
    at: input.at,
    actorId: input.actor.id,
    actorName: input.actor.displayName,
    action: input.action,
    entityType: input.entityType,
    entityId: input.entityId,
    territory: input.territory,
    // hashed exactly as jsonb will hold it (a Date becomes its ISO string, an undefined key disappears)
    payload: JSON.parse(JSON.stringify(input.payload ?? null)) as unknown,
  };
  await insertChainedEvent(tx, fields, chainedBody(fields));
};

// Many events at once (a workbook import), in their order: the same chain, numbers and hashes as one
// appendAuditEvent per event, in a few statements per bureau instead of one round trip per event.
export const appendAuditEvents = async <A extends AuditAction>(
  tx: Tx,
  inputs: AuditEventInput<A>[],
): Promise<void> => {
  if (inputs.length === 0) return;
  const byChain = new Map<string, UnchainedEvent[]>();
  for (const input of inputs) {
    checked(input as AuditEventInput);
    const fields: UnchainedEvent = {
      chain: input.territory,
      id: randomUUID(),
      at: input.at,
      actorId: input.actor.id,
      actorName: input.actor.displayName,
      action: input.action,
      entityType: input.entityType,
      entityId: input.entityId,
      territory: input.territory,
      payload: JSON.parse(JSON.stringify(input.payload ?? null)) as unknown,
    };
    const list = byChain.get(fields.chain) ?? [];
    list.push(fields);
    byChain.set(fields.chain, list);
  }
  for (const [chain, events] of [...byChain].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    let { seq, hash } = await lockChainHead(tx, chain);
    const rows: ChainedEventRow[] = events.map((fields) => {
      seq += 1;
      const prevHash = hash;
      hash = chainedHash(prevHash, seq, chainedBody(fields));
      return { ...fields, chainSeq: seq, prevHash, hash };
    });
    for (let i = 0; i < rows.length; i += 2000) await insertChainedEvents(tx, chain, rows.slice(i, i + 2000));
  }
};

export type BrokenLink = {
  // the event found broken, or after a gap the event that follows it (null when the gap is at the chain's end)
  seq: number | null;
  id: string | null;
  chain: string;
  chainSeq: number;
  reason: string;
};

export type ChainVerdict =
  | { intact: true; count: number; chains: number }
  | { intact: false; count: number; chains: number; firstBroken: BrokenLink };

type Link = { chain: string; chainSeq: number; hash: string };

// Walks every chain in (chain, chain_seq) order, in pages, recomputing every hash, and checks each chain ends
// where its head row says (so a deleted last event shows too).
export const verifyAuditChain = async (db: Db, batchSize = 2000): Promise<ChainVerdict> => {
  const heads = new Map((await findChainHeads(db)).map((head) => [head.chain, head]));
  let count = 0;
  let chains = 0;
  let last = null as Link | null;
  const broken = (firstBroken: BrokenLink): ChainVerdict => ({ intact: false, count, chains, firstBroken });
  const endOf = (link: Link): BrokenLink | null => {
    const head = heads.get(link.chain);
    heads.delete(link.chain);
    if (head && head.seq === link.chainSeq && head.hash === link.hash) return null;
    const missing = head && head.seq > link.chainSeq;
    return {
      seq: null,
      id: null,
      chain: link.chain,
      chainSeq: link.chainSeq + 1,
      reason: missing
        ? `${link.chain} 链缺少第 ${link.chainSeq + 1}–${head.seq} 条事件（链尾可能被删除）`
        : `${link.chain} 链的链头与最后一条事件不符`,
    };
  };
  for (;;) {
    const from: Link | null = last;
    const rows = await findAuditEventsAfter(db, from, batchSize);
    for (const row of rows) {
      if (last === null || last.chain !== row.chain) {
        if (last) {
          const end = endOf(last);
          if (end) return broken(end);
        }
        last = { chain: row.chain, chainSeq: 0, hash: genesisHash };
        chains += 1;
      }
      const at = { seq: row.seq, id: row.id, chain: row.chain, chainSeq: row.chainSeq };
      if (row.chainSeq !== last.chainSeq + 1) {
        return broken({
          ...at,
          id: null,
          chainSeq: last.chainSeq + 1,
          reason: `${row.chain} 链缺少第 ${last.chainSeq + 1} 条事件（可能被删除）`,
        });
      }
      if (row.prevHash !== last.hash) return broken({ ...at, reason: '前序哈希与上一条事件不符' });
      if (eventHash(last.hash, row) !== row.hash)
        return broken({ ...at, reason: '事件内容与其哈希不符（内容被修改）' });
      last = { chain: row.chain, chainSeq: row.chainSeq, hash: row.hash };
      count += 1;
    }
    if (rows.length < batchSize) break;
  }
  if (last) {
    const end = endOf(last);
    if (end) return broken(end);
  }
  for (const head of heads.values()) {
    return broken({
      seq: null,
      id: null,
      chain: head.chain,
      chainSeq: 1,
      reason: `${head.chain} 链的全部 ${head.seq} 条事件都不见了（可能被删除）`,
    });
  }
  return { intact: true, count, chains };
};
