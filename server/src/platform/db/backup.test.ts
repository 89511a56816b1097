import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { makeCreditCode } from '@inspecta/domain';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, serveDatabase, type TestContext } from '../../../test/helpers.ts';
import { defaultTestNow } from '../../../test/clock.ts';
import { nightlyBackup } from '../../schedule.ts';
import { verifyAuditChain } from '../audit/service.ts';
import { openDatabase, type Database } from './client.ts';
import {
  backupFileName,
  dayOf,
  listBackups,
  pruneBackups,
  restoreBackup,
  type BackupTarget,
} from './backup.ts';

// Issue 18 item 8: the nightly backup of a running server, restored the next day into a new database, on which the
// app starts with yesterday's data and its audit chains intact; and a restore never writes over data.

const quiet = { info: () => {}, error: () => {} };
const day = 24 * 3600_000;

describe('backup and restore', () => {
  let t: TestContext;
  let dir: string;
  const made: { database?: Database; drop?: () => Promise<void> }[] = [];
  let targets = 0;

  // a new, empty target of the kind the tests run on
  const newTarget = async (): Promise<BackupTarget> => {
    targets += 1;
    if (t.database.kind === 'pglite')
      return { kind: 'pglite', dataDir: path.join(dir, `restored-${targets}`) };
    const url = new URL(t.database.url!);
    const name = `inspecta_restore_${process.pid}_${targets}`;
    const admin = new pg.Client({
      connectionString: Object.assign(new URL(url), { pathname: '/postgres' }).toString(),
    });
    await admin.connect();
    await admin.query(`drop database if exists ${name} with (force)`);
    await admin.query(`create database ${name}`);
    await admin.end();
    made.push({
      drop: async () => {
        const again = new pg.Client({
          connectionString: Object.assign(new URL(url), { pathname: '/postgres' }).toString(),
        });
        await again.connect();
        await again.query(`drop database if exists ${name} with (force)`);
        await again.end();
      },
    });
    return { kind: 'postgresql', url: Object.assign(new URL(url), { pathname: `/${name}` }).toString() };
  };
  const open = async (target: BackupTarget) => {
    const database = await openDatabase(
      target.kind === 'postgresql' ? target : { kind: 'pglite', dataDir: target.dataDir },
    );
    made.push({ database });
    return database;
  };

  beforeAll(async () => {
    t = await createTestContext();
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'inspecta-backups-'));
  });
  afterAll(async () => {
    for (const each of made) await each.database?.close();
    for (const each of made) await each.drop?.();
    await t.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('restores yesterday’s nightly backup into a new database, and the app starts on it with that day’s data', async () => {
    const yesterday = new Date(defaultTestNow.getTime() - day);
    t.setNow(yesterday);
    const cookie = await t.login('pengjiang.inspector');
    const enterprisesAt = async (app: TestContext['app'], session: string) =>
      (await app.inject({ url: '/api/v1/enterprises?pageSize=1', headers: { cookie: session } })).json() as {
        total: number;
      };
    const atBackup = await enterprisesAt(t.app, cookie);
    const chainAtBackup = await verifyAuditChain(t.ctx.db);
    const taken = await nightlyBackup(t.ctx, { database: t.database, dir, keep: 7 }, quiet);
    expect(path.basename(taken.file)).toBe(backupFileName(t.database.kind, dayOf(yesterday)));
    expect(taken.bytes).toBeGreaterThan(0);
    expect(fs.readdirSync(dir).filter((name) => name.endsWith('.part'))).toEqual([]);

    // today: one more enterprise, which the backup does not hold
    t.setNow(defaultTestNow);
    const added = await t.app.inject({
      method: 'POST',
      url: '/api/v1/enterprises',
      headers: { cookie: await t.login('pengjiang.inspector') },
      payload: {
        creditCode: makeCreditCode('91440703MA4BACK01'),
        name: '江门市备份之后五金有限公司',
        address: '江门市蓬江区备份路1号',
        territory: '440703',
        industry: 'machinery',
        scale: 'small',
        workforce: 20,
      },
    });
    expect(added.statusCode).toBe(201);

    const yesterdays = listBackups(dir).find(
      (entry) => entry.day === dayOf(new Date(defaultTestNow.getTime() - day)),
    );
    expect(yesterdays).toBeDefined();
    const target = await newTarget();
    await restoreBackup(yesterdays!.file, target);
    const restored = await open(target);
    await restored.migrate();
    const chain = await verifyAuditChain(restored.db);
    expect(chain).toMatchObject({ intact: true, count: chainAtBackup.count });

    const { app, login } = await serveDatabase(restored, defaultTestNow);
    try {
      const session = await login('pengjiang.inspector');
      expect(await enterprisesAt(app, session)).toMatchObject({ total: atBackup.total });
      const search = (
        await app.inject({
          url: `/api/v1/enterprises?q=${encodeURIComponent('备份之后')}`,
          headers: { cookie: session },
        })
      ).json() as { total: number };
      expect(search.total).toBe(0);
      expect((await app.inject({ url: '/api/v1/health' })).statusCode).toBe(200);
    } finally {
      await app.close();
    }
  });

  it('restores only into a new, empty database, and says so in Chinese', async () => {
    const file = listBackups(dir)[0]!.file;
    const target = await newTarget();
    await restoreBackup(file, target);
    await expect(restoreBackup(file, target)).rejects.toThrow(
      target.kind === 'pglite' ? /数据目录已有内容/ : /目标数据库不是空的/,
    );
    const other: BackupTarget =
      target.kind === 'pglite'
        ? { kind: 'postgresql', url: 'postgres://nobody@127.0.0.1:1/none' }
        : {
            kind: 'pglite',
            dataDir: path.join(dir, 'never'),
          };
    await expect(restoreBackup(file, other)).rejects.toThrow(/只能恢复到/);
    await expect(restoreBackup(path.join(dir, 'missing.pgdump'), target)).rejects.toThrow(/找不到备份文件/);
  });

  it('refuses a damaged backup without leaving a database behind', async () => {
    const damaged = path.join(dir, `damaged.${t.database.kind === 'pglite' ? 'pglite.tar.gz' : 'pgdump'}`);
    fs.writeFileSync(damaged, 'not a backup');
    const target = await newTarget();
    await expect(restoreBackup(damaged, target)).rejects.toThrow(/损坏|失败/);
    // nothing was left behind: the same target takes a sound backup afterwards
    await restoreBackup(listBackups(dir)[0]!.file, target);
    const database = await open(target);
    expect(await verifyAuditChain(database.db)).toMatchObject({ intact: true });
  });

  it('keeps the newest backups, as many as it is told, and removes the older ones', () => {
    const kept = path.join(dir, 'prune');
    fs.mkdirSync(kept);
    for (const name of [
      'inspecta-2026-11-20.pgdump',
      'inspecta-2026-11-22.pglite.tar.gz',
      'inspecta-2026-11-21.pgdump',
    ])
      fs.writeFileSync(path.join(kept, name), 'x');
    fs.writeFileSync(path.join(kept, 'notes.txt'), 'not a backup');
    expect(pruneBackups(kept, 2).map((file) => path.basename(file))).toEqual(['inspecta-2026-11-20.pgdump']);
    expect(fs.readdirSync(kept).sort()).toEqual([
      'inspecta-2026-11-21.pgdump',
      'inspecta-2026-11-22.pglite.tar.gz',
      'notes.txt',
    ]);
  });
});
