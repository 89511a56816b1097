import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import pg from 'pg';
import type { Database, DatabaseKind } from './client.ts';

// Issue 18 item 8: a backup of the whole database, uploaded files included (they are stored in it), taken while
// the server runs, and its restore into a new, empty database. PostgreSQL: pg_dump's custom format, one
// consistent snapshot. PGlite: its data directory as a gzipped tar, dumped by the running instance between two
// statements (it runs one at a time), so the copy is consistent. Neither holds the keys kept outside the database
// (DATA_DIR/session-secret, DATA_DIR/report-identity-key): those are backed up apart, on purpose.

export type BackupTarget = { kind: 'postgresql'; url: string } | { kind: 'pglite'; dataDir: string };

const extension: Record<DatabaseKind, string> = { postgresql: 'pgdump', pglite: 'pglite.tar.gz' };
const NAME = /^inspecta-(\d{4}-\d{2}-\d{2})\.(pgdump|pglite\.tar\.gz)$/;

// The backup of a day, named by the day (Asia/Shanghai) so that yesterday's is found by its name.
export const backupFileName = (kind: DatabaseKind, day: string) => `inspecta-${day}.${extension[kind]}`;

export const dayOf = (at: Date): string =>
  new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', dateStyle: 'short' }).format(at);

// Runs a PostgreSQL client program; rejects with what it wrote to stderr.
const runTool = (command: string, args: string[]): Promise<void> =>
  new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString('utf8');
    });
    child.once('error', (error) => reject(new Error(`${command} 无法运行：${error.message}`)));
    child.once('exit', (code) =>
      code === 0 ? resolve() : reject(new Error(`${command} 失败（退出码 ${code}）：${stderr.trim()}`)),
    );
  });

// Written beside its final name and renamed once complete and on disk: a crash leaves no half backup under the
// name a restore would pick.
const writeAtomically = async (file: string, write: (part: string) => Promise<void>) => {
  const part = `${file}.part`;
  fs.rmSync(part, { force: true });
  await write(part);
  const handle = fs.openSync(part, 'r');
  fs.fsyncSync(handle);
  fs.closeSync(handle);
  fs.renameSync(part, file);
};

export type BackupResult = { file: string; bytes: number };

export const takeBackup = async (
  database: Database,
  options: { dir: string; day: string },
): Promise<BackupResult> => {
  fs.mkdirSync(options.dir, { recursive: true });
  const file = path.join(options.dir, backupFileName(database.kind, options.day));
  await writeAtomically(file, async (part) => {
    if (database.kind === 'postgresql') {
      if (!database.url) throw new Error('PostgreSQL 备份须提供数据库地址');
      await runTool('pg_dump', [
        '--format=custom',
        '--no-owner',
        '--no-privileges',
        `--file=${part}`,
        `--dbname=${database.url}`,
      ]);
    } else {
      if (!database.dumpDataDir) throw new Error('此数据库不能导出数据目录');
      const tar = await database.dumpDataDir('gzip');
      fs.writeFileSync(part, Buffer.from(await tar.arrayBuffer()));
    }
  });
  return { file, bytes: fs.statSync(file).size };
};

// The backups in a folder, newest first.
export const listBackups = (dir: string): { file: string; day: string }[] =>
  (fs.existsSync(dir) ? fs.readdirSync(dir) : [])
    .map((name) => ({ name, match: NAME.exec(name) }))
    .filter((entry) => entry.match !== null)
    .map((entry) => ({ file: path.join(dir, entry.name), day: entry.match![1]! }))
    .sort((a, b) => (a.day < b.day ? 1 : a.day > b.day ? -1 : 0));

// Keeps the newest `keep` backups of the folder, and removes the older ones.
export const pruneBackups = (dir: string, keep: number): string[] => {
  const removed = listBackups(dir)
    .slice(keep)
    .map((entry) => entry.file);
  for (const file of removed) fs.rmSync(file, { force: true });
  return removed;
};

const isEmptyDir = (dir: string) => !fs.existsSync(dir) || fs.readdirSync(dir).length === 0;

// Restores a backup into a new database: an empty PostgreSQL database, or a PGlite data directory that does not
// exist yet (or is empty). Never over existing data. The server migrates it at start, as it does any database
// of an earlier release.
export const restoreBackup = async (file: string, target: BackupTarget): Promise<void> => {
  if (!fs.existsSync(file)) throw new Error(`找不到备份文件：${file}`);
  const kind: DatabaseKind = file.endsWith('.pgdump') ? 'postgresql' : 'pglite';
  if (kind !== target.kind)
    throw new Error(
      kind === 'postgresql'
        ? '这是 PostgreSQL 的备份，只能恢复到 PostgreSQL 数据库'
        : '这是内嵌数据库（PGlite）的备份，只能恢复到数据目录',
    );
  if (target.kind === 'postgresql') {
    const client = new pg.Client({ connectionString: target.url });
    await client.connect();
    try {
      const { rows } = await client.query<{ n: number }>(
        `select count(*)::int as n from pg_class c join pg_namespace s on s.oid = c.relnamespace
         where c.relkind = 'r' and s.nspname not in ('pg_catalog', 'information_schema')`,
      );
      if (rows[0]!.n > 0) throw new Error('目标数据库不是空的：恢复只写入新建的空数据库');
    } finally {
      await client.end();
    }
    await runTool('pg_restore', [
      '--no-owner',
      '--no-privileges',
      '--exit-on-error',
      `--dbname=${target.url}`,
      file,
    ]);
    return;
  }
  if (!isEmptyDir(target.dataDir)) throw new Error(`数据目录已有内容：${target.dataDir}，恢复只写入新的目录`);
  fs.mkdirSync(target.dataDir, { recursive: true });
  // PGlite reads the tar itself; it is unpacked from gzip here so that a damaged file says so plainly
  let tar: Buffer;
  try {
    tar = gunzipSync(fs.readFileSync(file));
  } catch {
    throw new Error(`备份文件已损坏，无法解压：${file}`);
  }
  const client = await PGlite.create({
    dataDir: target.dataDir,
    loadDataDir: new Blob([tar]),
    extensions: { pg_trgm },
  });
  await client.close();
};
