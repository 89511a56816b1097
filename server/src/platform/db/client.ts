import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { drizzle as drizzlePostgres } from 'drizzle-orm/node-postgres';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { migrate as migratePostgres } from 'drizzle-orm/node-postgres/migrator';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import pg from 'pg';

// Both drivers produce a PgDatabase; repositories only ever see this type. Queries name their tables, so
// the client needs no schema of its own (and the platform does not depend on the modules' tables).
export type Db = PgDatabase<PgQueryResultHKT>;
export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];
export type DatabaseKind = 'pglite' | 'postgresql';

// LISTEN on a channel: `onNotify` runs for each notification, and also after a lost connection is opened again
// (notifications sent meanwhile are lost, so the listener re-reads what it follows). Returns how to stop.
export type Listen = (channel: string, onNotify: () => void) => Promise<() => Promise<void>>;

export type Database = {
  db: Db;
  kind: DatabaseKind;
  listen: Listen;
  migrate: () => Promise<void>;
  close: () => Promise<void>;
  // Runs a script of several statements (a pg_dump in plain text), on a connection of its own where there are
  // several, so that the script's session settings go with it.
  execScript: (text: string) => Promise<void>;
  // PostgreSQL only: where it is (pg_dump reads it for a backup)
  url?: string;
  // PGlite only: the whole data directory as a tar, to open again with `loadDataDir` (the tests' seeded snapshot,
  // and the backups)
  dumpDataDir?: (compression?: 'none' | 'gzip') => Promise<Blob>;
};

const migrationsFolder = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../drizzle');

// Pino's shape (Fastify's app.log fits); the default writes one JSON line to stderr.
export type DatabaseLogger = { error: (details: object, message: string) => void };

const stderrLogger: DatabaseLogger = {
  error: (details, message) =>
    process.stderr.write(`${JSON.stringify({ level: 50, time: Date.now(), msg: message, ...details })}\n`),
};

// `onQuery` sees the text of every statement the app sends through Drizzle, before it is sent (issue 18 item 9:
// the tests check that each one is scoped to a territory or reads a table every territory shares).
export type DatabaseOptions =
  | { kind: 'postgresql'; url: string; poolSize?: number; logger?: DatabaseLogger; onQuery?: OnQuery }
  | { kind: 'pglite'; dataDir: string | null; loadDataDir?: Blob; onQuery?: OnQuery };

export type OnQuery = (text: string) => void;

const drizzleOptions = (onQuery: OnQuery | undefined) =>
  onQuery ? { logger: { logQuery: (text: string) => onQuery(text) } } : {};

// The database the configuration names: PostgreSQL at DATABASE_URL, else the PGlite files under DATA_DIR/pglite
// (the server and every command open the same one).
export const configuredDatabase = (
  config: { databaseUrl: string | undefined; dataDir: string },
  logger?: DatabaseLogger,
): DatabaseOptions =>
  config.databaseUrl
    ? { kind: 'postgresql', url: config.databaseUrl, ...(logger ? { logger } : {}) }
    : { kind: 'pglite', dataDir: path.join(config.dataDir, 'pglite') };

const quoteIdentifier = (name: string) => `"${name.replaceAll('"', '""')}"`;

// A dedicated connection outside the pool (a pooled one would be handed to queries), opened again after a loss
// with a growing pause (up to 5 s); each new connection calls onNotify once, as notifications may have been missed.
const listenPostgres = async (
  url: string,
  channel: string,
  onNotify: () => void,
  logger: DatabaseLogger,
): Promise<() => Promise<void>> => {
  let stopped = false;
  let client: pg.Client | null = null;
  let timer: NodeJS.Timeout | null = null;
  let pause = 100;
  const connect = async (first: boolean): Promise<void> => {
    const next = new pg.Client({ connectionString: url });
    next.on('notification', (message) => {
      if (message.channel === channel) onNotify();
    });
    const lost = (error?: Error) => {
      if (client !== next) return;
      client = null;
      next.removeAllListeners('error');
      next.on('error', () => {});
      void next.end().catch(() => {});
      if (stopped) return;
      logger.error({ err: { message: error?.message ?? 'connection ended' } }, 'PostgreSQL listener lost');
      schedule();
    };
    next.on('error', lost);
    next.on('end', () => lost());
    try {
      client = next;
      await next.connect();
      await next.query(`LISTEN ${quoteIdentifier(channel)}`);
      pause = 100;
      if (!first) onNotify();
    } catch (error) {
      if (first) {
        client = null;
        throw error;
      }
      lost(error as Error);
    }
  };
  const schedule = () => {
    timer = setTimeout(() => {
      timer = null;
      if (!stopped) void connect(false);
    }, pause);
    timer.unref();
    pause = Math.min(pause * 2, 5000);
  };
  await connect(true);
  return async () => {
    stopped = true;
    if (timer) clearTimeout(timer);
    const current = client;
    client = null;
    if (current) await current.end().catch(() => {});
  };
};

export const openDatabase = async (options: DatabaseOptions): Promise<Database> => {
  if (options.kind === 'postgresql') {
    const pool = new pg.Pool({ connectionString: options.url, max: options.poolSize ?? 10 });
    // An idle connection the server drops (restart, failover) must not crash the process: the pool
    // discards it and the next query opens a new one. The operator still wants to know it happened.
    const logger = options.logger ?? stderrLogger;
    pool.on('error', (error) => {
      logger.error(
        { err: { message: error.message, code: (error as { code?: string }).code } },
        'PostgreSQL idle connection error',
      );
    });
    // A connection lost while checked out, between two statements of a transaction (the primary lost, issue 18
    // item 6), emits an error no query is waiting for; unheard, it would end the process. The transaction's next
    // statement fails instead, and the pool discards the connection when it comes back.
    pool.on('connect', (client) => {
      client.on('error', (error) => {
        logger.error(
          { err: { message: error.message, code: (error as { code?: string }).code } },
          'PostgreSQL connection lost while in use',
        );
      });
    });
    const db = drizzlePostgres(pool, drizzleOptions(options.onQuery)) as unknown as Db;
    return {
      db,
      kind: 'postgresql',
      url: options.url,
      execScript: async (text) => {
        const client = await pool.connect();
        try {
          await client.query(text);
        } finally {
          client.release(true);
        }
      },
      listen: (channel, onNotify) => listenPostgres(options.url, channel, onNotify, logger),
      migrate: () => migratePostgres(drizzlePostgres(pool), { migrationsFolder }),
      close: () => pool.end(),
    };
  }
  if (options.dataDir) fs.mkdirSync(options.dataDir, { recursive: true });
  const client = await PGlite.create({
    ...(options.dataDir ? { dataDir: options.dataDir } : {}),
    ...(options.loadDataDir ? { loadDataDir: options.loadDataDir } : {}),
    extensions: { pg_trgm },
  });
  const db = drizzlePglite(client, drizzleOptions(options.onQuery)) as unknown as Db;
  return {
    db,
    kind: 'pglite',
    // one embedded connection: its own commits notify it
    listen: async (channel, onNotify) => {
      const stop = await client.listen(channel, () => onNotify());
      return async () => {
        if (!client.closed) await stop();
      };
    },
    migrate: () => migratePglite(drizzlePglite(client), { migrationsFolder }),
    close: () => client.close(),
    execScript: async (text) => {
      await client.exec(text);
      await client.exec('RESET ALL');
    },
    // inside PGlite's transaction lock: no transaction of the app is half done in the copy
    dumpDataDir: (compression = 'none') => client.transaction(() => client.dumpDataDir(compression)),
  };
};
