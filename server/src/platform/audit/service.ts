import { randomUUID } from 'node:crypto';
import type { Db, Tx } from '../db/client.ts';
import { chainedBody, chainedHash, eventHash, genesisHash } from './canonical.ts';
import {
  countUnchainedEvents,
  findAuditEventsAfter,
  findChainHeads,
  findChainHeadsOf,
  findUnchainedEvents,
  insertUnchainedEvents,
  lockChainer,
  storeLinks,
  type AuditChainHeadRow,
  type Link,
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

// Must be called inside the transaction that makes the change it records. Sequence first, chain after: the
// event is stored with its number and no hash, taking no lock, so audited writes never queue behind each other;
// the chainer (below) hashes it into its bureau's chain (its territory) once it is committed.
export const appendAuditEvent = async <A extends AuditAction>(
  tx: Tx,
  input: AuditEventInput<A>,
): Promise<void> => appendAuditEvents(tx, [input]);

// The chainer: links the committed, unchained events into their chains in `seq` order, a batch per
// transaction, under a lock only chainers take. An event whose transaction commits after a later-numbered one
// was chained simply joins its chain after it: the chain's order is `chain_seq`, gapless, and `seq` only orders
// the display. With `wait` false it returns at once (0) when another chainer is at work. Returns how many
// events it chained.
export const chainPendingEvents = async (
  db: Db,
  options: { wait?: boolean; batchSize?: number } = {},
): Promise<number> => {
  const batchSize = options.batchSize ?? 1000;
  let chained = 0;
  for (;;) {
    const linked = await db.transaction(async (tx) => {
      if (!(await lockChainer(tx, options.wait ?? true))) return null;
      const events = await findUnchainedEvents(tx, batchSize);
      if (events.length === 0) return 0;
      const heads = new Map<string, AuditChainHeadRow>(
        (await findChainHeadsOf(tx, [...new Set(events.map((event) => event.chain))])).map((head) => [
          head.chain,
          head,
        ]),
      );
      const links: Link[] = [];
      for (const event of events) {
        const head = heads.get(event.chain) ?? {
          chain: event.chain,
          seq: 0,
          prevHash: '',
          hash: genesisHash,
        };
        const chainSeq = head.seq + 1;
        const hash = chainedHash(head.hash, chainSeq, chainedBody(event));
        links.push({ seq: event.seq, chainSeq, prevHash: head.hash, hash });
        heads.set(event.chain, { chain: event.chain, seq: chainSeq, prevHash: head.hash, hash });
      }
      await storeLinks(tx, links, [...heads.values()]);
      return events.length;
    });
    if (linked === null) return chained;
    chained += linked;
    if (linked < batchSize) return chained;
  }
};

// Runs the chainer every `intervalMs` in the background (one server process chains at a time; the others find
// the lock taken and skip). Returns the function that stops it.
export const startAuditChainer = (
  db: Db,
  options: { intervalMs?: number; onError: (error: unknown) => void },
): (() => void) => {
  let running = false;
  const timer = setInterval(() => {
    if (running) return;
    running = true;
    chainPendingEvents(db, { wait: false })
      .catch(options.onError)
      .finally(() => (running = false));
  }, options.intervalMs ?? 1000);
  timer.unref();
  return () => clearInterval(timer);
};

// Many events at once (a workbook import), in their order: the same chain, numbers and hashes as one
// appendAuditEvent per event, in a few statements per bureau instead of one round trip per event.
export const appendAuditEvents = async <A extends AuditAction>(
  tx: Tx,
  inputs: AuditEventInput<A>[],
): Promise<void> => {
  const events = inputs.map((input) => {
    checked(input as AuditEventInput);
    return {
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
  });
  // numbered in the order given, unlinked, like appendAuditEvent: the chainer links them after commit
  for (let i = 0; i < events.length; i += 2000) await insertUnchainedEvents(tx, events.slice(i, i + 2000));
};

export type BrokenLink = {
  // the event found broken, or after a gap the event that follows it (null when the gap is at the chain's end)
  seq: number | null;
  id: string | null;
  chain: string;
  chainSeq: number;
  reason: string;
};

// `unchained`: events committed but not yet in a chain when the verification ended (their transactions
// committed after the chainer's last pass); they are checked once chained.
export type ChainVerdict =
  | { intact: true; count: number; chains: number; unchained: number }
  | { intact: false; count: number; chains: number; unchained: number; firstBroken: BrokenLink };

type ChainEnd = { chain: string; chainSeq: number; hash: string };

// First chains the events waiting for the chainer, then walks every chain in (chain, chain_seq) order, in
// pages, recomputing every hash, and checks each chain ends where its head row says (so a deleted last event
// shows too). Events still unchained at the end are counted, not trusted.
export const verifyAuditChain = async (db: Db, batchSize = 2000): Promise<ChainVerdict> => {
  await chainPendingEvents(db);
  const verdict = await walkChains(db, batchSize);
  return { ...verdict, unchained: await countUnchainedEvents(db) };
};

const walkChains = async (
  db: Db,
  batchSize: number,
): Promise<
  | { intact: true; count: number; chains: number }
  | { intact: false; count: number; chains: number; firstBroken: BrokenLink }
> => {
  const heads = new Map((await findChainHeads(db)).map((head) => [head.chain, head]));
  let count = 0;
  let chains = 0;
  let last = null as ChainEnd | null;
  const broken = (firstBroken: BrokenLink) => ({ intact: false as const, count, chains, firstBroken });
  const endOf = (link: ChainEnd): BrokenLink | null => {
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
    const from: ChainEnd | null = last;
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
  return { intact: true as const, count, chains };
};
