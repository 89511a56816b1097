import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { openDatabase } from './client.ts';

// Needs a PostgreSQL server (TEST_DATABASE_URL); PGlite has no pool and no connection to lose.
const url = process.env.TEST_DATABASE_URL;

describe.skipIf(!url)('the PostgreSQL pool', () => {
  it('logs an idle connection the server drops, and keeps serving queries', async () => {
    const logged: { details: object; message: string }[] = [];
    const database = await openDatabase({
      kind: 'postgresql',
      url: url!,
      poolSize: 1,
      logger: { error: (details, message) => logged.push({ details, message }) },
    });
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    try {
      const first = await database.db.execute<{ pid: number }>('select pg_backend_pid() as pid');
      const pid = (first as unknown as { rows: { pid: number }[] }).rows[0]!.pid;
      await admin.query('select pg_terminate_backend($1)', [pid]);
      await expect.poll(() => logged.length, { timeout: 5000 }).toBeGreaterThan(0);
      expect(logged[0]!.message).toContain('PostgreSQL');
      expect(logged[0]!.details).toMatchObject({ err: { code: '57P01' } });
      const again = await database.db.execute<{ n: number }>('select 1 as n');
      expect((again as unknown as { rows: { n: number }[] }).rows[0]!.n).toBe(1);
    } finally {
      await admin.end();
      await database.close();
    }
  });

  it('survives a connection lost in the middle of a transaction, and keeps serving queries', async () => {
    const logged: string[] = [];
    const database = await openDatabase({
      kind: 'postgresql',
      url: url!,
      poolSize: 1,
      logger: { error: (_details, message) => logged.push(message) },
    });
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    try {
      const failed = database.db.transaction(async (tx) => {
        const first = await tx.execute<{ pid: number }>('select pg_backend_pid() as pid');
        const pid = (first as unknown as { rows: { pid: number }[] }).rows[0]!.pid;
        // the connection is lost while the transaction holds it and no statement is running
        await admin.query('select pg_terminate_backend($1)', [pid]);
        await expect.poll(() => logged.length, { timeout: 5000 }).toBeGreaterThan(0);
        await tx.execute('select 1');
      });
      await expect(failed).rejects.toThrow();
      expect(logged).toContain('PostgreSQL connection lost while in use');
      const again = await database.db.execute<{ n: number }>('select 1 as n');
      expect((again as unknown as { rows: { n: number }[] }).rows[0]!.n).toBe(1);
    } finally {
      await admin.end();
      await database.close();
    }
  });

  it('listens on a dedicated connection, and listens again after losing it', async () => {
    const database = await openDatabase({
      kind: 'postgresql',
      url: url!,
      poolSize: 1,
      logger: { error: () => {} },
    });
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    let heard = 0;
    const stop = await database.listen('inspecta_listen_test', () => (heard += 1));
    try {
      await admin.query(`select pg_notify('inspecta_listen_test', '')`);
      await expect.poll(() => heard, { timeout: 5000 }).toBe(1);
      const listener = await admin.query<{ pid: number }>(
        `select pid from pg_stat_activity where query = 'LISTEN "inspecta_listen_test"'`,
      );
      await admin.query('select pg_terminate_backend($1)', [listener.rows[0]!.pid]);
      // opened again: it wakes its listener once (notifications may have been missed), then hears again
      await expect.poll(() => heard, { timeout: 5000 }).toBe(2);
      await admin.query(`select pg_notify('inspecta_listen_test', '')`);
      await expect.poll(() => heard, { timeout: 5000 }).toBe(3);
    } finally {
      await stop();
      await admin.end();
      await database.close();
    }
  });
});
