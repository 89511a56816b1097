import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { buildApp } from '../../app.ts';
import { openDatabase } from '../db/client.ts';
import { createTestContext, type TestContext } from '../../../test/helpers.ts';
import { sessions, users } from './schema.ts';
import { defaultSessionCacheOptions } from './session-cache.ts';

// Issue 18 item 2: a request resolves its session from the cache, which a logout clears at once, in this server
// process and (NOTIFY) in every other one.
const me = (t: { app: TestContext['app'] }, cookie: string) =>
  t.app.inject({ url: '/api/v1/auth/me', headers: { cookie } });
const logout = (t: { app: TestContext['app'] }, cookie: string) =>
  t.app.inject({ method: 'POST', url: '/api/v1/auth/logout', headers: { cookie } });

describe('sessions held in the cache', () => {
  let t: TestContext;
  let now = new Date('2026-11-26T02:00:00Z');
  beforeAll(async () => {
    t = await createTestContext({ now });
  });
  afterAll(() => t.close());

  const advance = (ms: number) => {
    now = new Date(now.getTime() + ms);
    t.setNow(now);
  };

  it('answers a session without the database within the hold, and asks again after it', async () => {
    const cookie = await t.login('pengjiang.inspector');
    expect((await me(t, cookie)).statusCode).toBe(200);
    // the row goes behind the cache's back: the cache answers until its hold ends, and no longer
    const [user] = await t.ctx.db.select().from(users).where(eq(users.username, 'pengjiang.inspector'));
    await t.ctx.db.delete(sessions).where(eq(sessions.userId, user!.id));
    expect((await me(t, cookie)).statusCode).toBe(200);
    advance(defaultSessionCacheOptions.holdMs);
    expect((await me(t, cookie)).statusCode).toBe(401);
  });

  it('refuses a session at once after its logout', async () => {
    const cookie = await t.login('pengjiang.inspector');
    expect((await me(t, cookie)).statusCode).toBe(200);
    expect((await logout(t, cookie)).statusCode).toBe(204);
    expect((await me(t, cookie)).statusCode).toBe(401);
  });

  it('keeps each session to its own user', async () => {
    const inspector = await t.login('pengjiang.inspector');
    const head = await t.login('city.head');
    for (let round = 0; round < 3; round++) {
      expect((await me(t, inspector)).json().user.username).toBe('pengjiang.inspector');
      expect((await me(t, head)).json().user.username).toBe('city.head');
    }
  });

  // Two server processes have two caches; on PGlite one embedded database cannot be opened twice.
  it.skipIf(!process.env.TEST_DATABASE_URL)(
    'refuses a session in another server process once it logged out in this one',
    async () => {
      if (t.database.kind !== 'postgresql') throw new Error('PostgreSQL expected');
      const second = await openDatabase({ kind: 'postgresql', url: t.database.url!, poolSize: 2 });
      const other = await buildApp({
        ctx: { ...t.ctx, db: second.db, listen: second.listen },
        sessionSecret: 'test-secret-'.padEnd(40, 'x'),
        webDist: null,
      });
      await other.ready();
      try {
        const cookie = await t.login('pengjiang.inspector');
        // the other process holds the session in its own cache now
        expect((await me({ app: other }, cookie)).statusCode).toBe(200);
        expect((await me({ app: other }, cookie)).statusCode).toBe(200);
        expect((await logout(t, cookie)).statusCode).toBe(204);
        // the clock stands still: only the notification can clear the other cache
        await expect.poll(async () => (await me({ app: other }, cookie)).statusCode).toBe(401);
      } finally {
        await other.close();
        await second.close();
      }
    },
  );
});
