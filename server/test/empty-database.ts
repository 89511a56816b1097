import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { sql } from 'drizzle-orm';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { migrate as migratePostgres } from 'drizzle-orm/node-postgres/migrator';
import type { PgliteDatabase } from 'drizzle-orm/pglite';
import type { NodePgDatabase } from 'drizzle-orm/node-postgres';
import pg from 'pg';
import { inject } from 'vitest';
import { openDatabase, type Database } from '../src/platform/db/client.ts';

// What the upgrade tests share: a database with no migration applied (PGlite in memory, or a new database on the
// run's PostgreSQL), the migrations folder as it was up to a given migration, and every table's row count.

export const drizzleFolder = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../drizzle');

export type Opened = { database: Database; drop: () => Promise<void> };

// Closes and drops what a test opened, and removes the migrations folder it cut.
export const discard = async (opened: Opened | undefined, migrations: string | undefined) => {
  await opened?.database.close();
  await opened?.drop();
  if (migrations) fs.rmSync(migrations, { recursive: true, force: true });
};

export const openEmptyDatabase = async (): Promise<Opened> => {
  const template = inject('pgTemplate');
  if (!template) {
    const database = await openDatabase({ kind: 'pglite', dataDir: null });
    return { database, drop: async () => {} };
  }
  const name = `inspecta_t_${process.ppid}_up_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: template.maintenanceUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  const url = new URL(template.maintenanceUrl);
  url.pathname = `/${name}`;
  const database = await openDatabase({ kind: 'postgresql', url: url.toString(), poolSize: 2 });
  return {
    database,
    // after the database is closed
    drop: async () => {
      await admin.query(`drop database if exists ${name} with (force)`);
      await admin.end();
    },
  };
};

// The migrations folder as a release had it: the same files, the journal cut before `tag` (or just after it).
export const migrationsUpTo = (tag: string, options: { including: boolean }): string => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'inspecta-migrations-'));
  fs.cpSync(drizzleFolder, dir, { recursive: true });
  const journalPath = path.join(dir, 'meta', '_journal.json');
  const journal = JSON.parse(fs.readFileSync(journalPath, 'utf8')) as { entries: { tag: string }[] };
  const at = journal.entries.findIndex((entry) => entry.tag === tag);
  if (at < 0) throw new Error(`no migration ${tag}`);
  journal.entries = journal.entries.slice(0, options.including ? at + 1 : at);
  fs.writeFileSync(journalPath, JSON.stringify(journal));
  return dir;
};

export const migrateFrom = (database: Database, migrationsFolder: string) =>
  database.kind === 'pglite'
    ? migratePglite(database.db as unknown as PgliteDatabase, { migrationsFolder })
    : migratePostgres(database.db as unknown as NodePgDatabase, { migrationsFolder });

export const tableCounts = async (database: Database): Promise<Record<string, number>> => {
  const tables = (
    (await database.db.execute(
      sql`select table_name from information_schema.tables
          where table_schema = 'public' and table_type = 'BASE TABLE' order by table_name`,
    )) as unknown as { rows: { table_name: string }[] }
  ).rows;
  const counts: Record<string, number> = {};
  for (const { table_name: table } of tables) {
    const result = (await database.db.execute(
      sql`select count(*)::int as n from ${sql.identifier(table)}`,
    )) as unknown as { rows: { n: number }[] };
    counts[table] = result.rows[0]!.n;
  }
  return counts;
};
