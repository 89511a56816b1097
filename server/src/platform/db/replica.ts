import { AsyncLocalStorage } from 'node:async_hooks';
import { sql } from 'drizzle-orm';
import type { Db } from './client.ts';

// Issue 18 item 6: reads that may lag go to a streaming replica; a user's own writes are read back from the
// primary. A route opts in (`config: { readsMayLag: true }`); every other request, every write, the session
// lookup, the jobs and LISTEN stay on the primary.
//
// Read-your-writes by position in the write-ahead log: a successful write answers with a cookie holding the
// primary's WAL position after it (pg_current_wal_lsn()); a lagging read with that cookie goes to the replica
// only once the replica has replayed that far (pg_last_wal_replay_lsn()), to the primary before. A replica that
// does not answer sends every read to the primary until it answers again.

export const readAfterCookie = 'inspecta_read_after';

// A WAL position as PostgreSQL prints it ("16/B374D848": two hexadecimal halves of a 64-bit number).
const lsnPattern = /^[0-9A-F]{1,8}\/[0-9A-F]{1,8}$/i;
export const parseLsn = (text: string | undefined | null): bigint | null => {
  if (!text || !lsnPattern.test(text)) return null;
  const [high, low] = text.split('/') as [string, string];
  return (BigInt(`0x${high}`) << 32n) + BigInt(`0x${low}`);
};

declare module 'fastify' {
  // eslint-disable-next-line @typescript-eslint/consistent-type-definitions -- a module augmentation merges only an interface
  interface FastifyContextConfig {
    // a GET whose answer may be a moment old (lists, searches, dashboards, the public portal): it may be read
    // from the replica. It must not write.
    readsMayLag?: boolean;
  }
}

// node-postgres answers `execute` with its QueryResult
const rowsOf = <T>(result: unknown): T[] => (result as { rows: T[] }).rows;

type Replayed = { lsn: bigint; at: number } | { down: true; at: number };

export type ReadRouting = {
  // the database the services see: the replica inside a `route` to it, the primary everywhere else
  db: Db;
  // runs `work` reading from the replica, when it has replayed `after` (or is fresh enough without one)
  route: <T>(after: bigint | null, work: () => T) => Promise<T>;
  // the primary's WAL position now (after a write's commit)
  primaryPosition: () => Promise<string>;
};

// How long a replica's replayed position is trusted before it is asked again, and how long a replica that did not
// answer is left alone.
const replayedHoldMs = 200;
const downHoldMs = 5_000;

export type ReadRoutingOptions = {
  now?: () => number;
  // the replica's replayed WAL position as it prints it (null once promoted); by default asked of the replica
  replayPosition?: () => Promise<string | null>;
};

export const readRouting = (primary: Db, replica: Db, options: ReadRoutingOptions = {}): ReadRouting => {
  const now = options.now ?? Date.now;
  const replayPosition =
    options.replayPosition ??
    (async () => {
      const result = await replica.execute(sql`select pg_last_wal_replay_lsn()::text as lsn`);
      return rowsOf<{ lsn: string | null }>(result)[0]?.lsn ?? null;
    });
  const storage = new AsyncLocalStorage<Db>();
  let replayed: Replayed | null = null;

  // one Db whose every method goes to the database of the request being served
  const db = new Proxy(primary, {
    get: (target, property) => {
      const current = storage.getStore() ?? target;
      const value: unknown = Reflect.get(current, property, current);
      return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(current) : value;
    },
  });

  const replicaPosition = async (): Promise<Replayed> => {
    try {
      const lsn = parseLsn(await replayPosition());
      // null: not a standby (a promoted replica is a primary; its reads are current)
      return { lsn: lsn ?? BigInt('0xFFFFFFFFFFFFFFFF'), at: now() };
    } catch {
      return { down: true, at: now() };
    }
  };

  const replicaServes = async (after: bigint | null): Promise<boolean> => {
    const known = replayed;
    const fresh = known && now() - known.at < ('down' in known ? downHoldMs : replayedHoldMs);
    if (known && fresh && 'down' in known) return false;
    if (known && fresh && !('down' in known) && (after === null || known.lsn >= after)) return true;
    replayed = await replicaPosition();
    return !('down' in replayed) && (after === null || replayed.lsn >= after);
  };

  return {
    db,
    route: async (after, work) => ((await replicaServes(after)) ? storage.run(replica, work) : work()),
    primaryPosition: async () => {
      const result = await primary.execute(sql`select pg_current_wal_lsn()::text as lsn`);
      return rowsOf<{ lsn: string }>(result)[0]!.lsn;
    },
  };
};
