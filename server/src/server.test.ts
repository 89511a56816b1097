import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readConfig } from './platform/config.ts';
import { demoPassword } from './demo/accounts.ts';
import { startServer } from './server.ts';

describe('starting the server', () => {
  it('creates nothing demo with NODE_ENV=production: no accounts, no admin with the published password', async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'inspecta-production-'));
    const config = readConfig({ NODE_ENV: 'production', DATA_DIR: dataDir, PORT: '1', HOST: '127.0.0.1' });
    const server = await startServer({ ...config, port: 0, webDist: undefined }, { logger: false });
    try {
      const count = async (table: string) => {
        const result = await server.database.db.execute(`select count(*)::int as n from ${table}`);
        return (result as unknown as { rows: { n: number }[] }).rows[0]!.n;
      };
      // only the system user (migration 0011), which cannot log in
      expect(await count('users where active')).toBe(0);
      expect(await count('users')).toBe(1);
      expect(await count('organisations')).toBe(0);
      expect(await count('enterprises')).toBe(0);
      expect(await count('audit_events')).toBe(0);
      const login = await server.app.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        payload: { username: 'admin', password: demoPassword },
      });
      expect(login.statusCode).toBe(401);
    } finally {
      await server.stop();
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  }, 120_000);

  it('reads where the nightly backups go and how many are kept, and refuses a count that is not one', () => {
    const defaults = readConfig({ DATA_DIR: '/srv/inspecta' });
    expect(defaults).toMatchObject({ backupDir: '/srv/inspecta/backups', backupKeep: 7 });
    expect(readConfig({ DATA_DIR: '/srv/x', BACKUP_DIR: '/backups', BACKUP_KEEP: '0' })).toMatchObject({
      backupDir: '/backups',
      backupKeep: 0,
    });
    expect(() => readConfig({ BACKUP_KEEP: '-1' })).toThrow(/配置错误[\s\S]*BACKUP_KEEP/);
    expect(() => readConfig({ BACKUP_KEEP: 'seven' })).toThrow(/BACKUP_KEEP/);
  });
});
