import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../app.ts';
import { createTestContext, type TestContext } from '../../../test/helpers.ts';
import { demoPassword } from '../../demo/accounts.ts';
import { sessionCookie } from '../auth/authenticate.ts';
import type { Db } from './client.ts';
import { parseLsn, readAfterCookie, readRouting } from './replica.ts';

// Issue 18 item 6: the routes whose reads may lag read from the replica, once it has replayed the requester's own
// last write; everything else stays on the primary.

describe('WAL positions', () => {
  it('reads the two hexadecimal halves PostgreSQL prints, and nothing else', () => {
    expect(parseLsn('0/0')).toBe(0n);
    expect(parseLsn('16/B374D848')).toBe((0x16n << 32n) + 0xb374d848n);
    expect(parseLsn('1/0')! > parseLsn('0/FFFFFFFF')!).toBe(true);
    for (const junk of ['', '16', '16/', 'G/1', '1/2/3', '123456789/0', ' 0/1', null, undefined]) {
      expect(parseLsn(junk)).toBeNull();
    }
  });
});

// A database that only counts the statements started on it.
const countingDb = (db: Db) => {
  const counted = { statements: 0 };
  const proxy = new Proxy(db, {
    get: (target, property) => {
      const value: unknown = Reflect.get(target, property, target);
      if (typeof value !== 'function') return value;
      if (
        ['select', 'selectDistinct', 'execute', 'transaction', 'insert', 'update', 'delete'].includes(
          String(property),
        )
      )
        counted.statements += 1;
      return (value as (...args: unknown[]) => unknown).bind(target);
    },
  });
  return { db: proxy, counted };
};

describe('reads routed to a replica', () => {
  let t: TestContext;
  let app: FastifyInstance;
  let clock = 1_000_000;
  // what the replica says it has replayed; a throw is a replica that does not answer
  let replayed: () => Promise<string | null> = async () => null;
  const replica = { counted: { statements: 0 } };
  let routing: ReturnType<typeof readRouting>;

  beforeAll(async () => {
    t = await createTestContext();
    const counting = countingDb(t.ctx.db);
    replica.counted = counting.counted;
    routing = readRouting(t.ctx.db, counting.db, {
      now: () => clock,
      replayPosition: () => replayed(),
    });
    app = await buildApp({
      ctx: { ...t.ctx, db: routing.db },
      readRouting: routing,
      sessionSecret: 'replica-secret-'.padEnd(40, 'x'),
      webDist: null,
    });
    await app.ready();
  });
  afterAll(async () => {
    await app.close();
    await t.close();
  });

  // each request after the replica's replayed position is no longer trusted
  const later = () => {
    clock += 1_000;
  };
  const login = async () => {
    const response = await app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { username: 'pengjiang.inspector', password: demoPassword },
      remoteAddress: '10.9.0.1',
    });
    expect(response.statusCode, response.body).toBe(200);
    const cookie = (name: string) => response.cookies.find((c) => c.name === name)!;
    return {
      session: `${sessionCookie}=${cookie(sessionCookie).value}`,
      readAfter: cookie(readAfterCookie),
    };
  };
  const onReplica = async (url: string, cookie: string) => {
    later();
    const before = replica.counted.statements;
    const response = await app.inject({ url, headers: { cookie } });
    expect(response.statusCode).toBe(200);
    return replica.counted.statements - before;
  };

  it('answers a write with the WAL position to read it back from', async () => {
    const { readAfter } = await login();
    expect(parseLsn(readAfter.value)).not.toBeNull();
    expect(readAfter).toMatchObject({ path: '/api', httpOnly: true, sameSite: 'Lax' });
  });

  it('reads a list from a replica that has replayed the requester’s write, and from the primary before', async () => {
    const { session, readAfter } = await login();
    const written = parseLsn(readAfter.value)!;
    const withWrite = `${session}; ${readAfterCookie}=${readAfter.value}`;
    const lsnText = (lsn: bigint) => `${(lsn >> 32n).toString(16)}/${(lsn & 0xffffffffn).toString(16)}`;

    replayed = async () => lsnText(written - 1n);
    expect(await onReplica('/api/v1/enterprises?q=五金', withWrite)).toBe(0);
    // a requester without a write of their own may read what the replica has
    expect(await onReplica('/api/v1/enterprises?q=五金', session)).toBeGreaterThan(0);
    replayed = async () => lsnText(written);
    expect(await onReplica('/api/v1/enterprises?q=五金', withWrite)).toBeGreaterThan(0);
    expect(await onReplica('/api/v1/inspections', withWrite)).toBeGreaterThan(0);
    expect(await onReplica('/api/v1/workbench', withWrite)).toBeGreaterThan(0);
  });

  it('keeps the session lookup, unmarked reads and writes on the primary', async () => {
    replayed = async () => null;
    const { session } = await login();
    expect(await onReplica('/api/v1/auth/me', session)).toBe(0);
    const list = await app.inject({ url: '/api/v1/enterprises', headers: { cookie: session } });
    const id = list.json().items[0].id as string;
    expect(await onReplica(`/api/v1/enterprises/${id}`, session)).toBe(0);
    later();
    const before = replica.counted.statements;
    const logout = await app.inject({
      method: 'POST',
      url: '/api/v1/auth/logout',
      headers: { cookie: session },
    });
    expect(logout.statusCode).toBe(204);
    expect(replica.counted.statements - before).toBe(0);
  });

  it('reads from the primary while the replica does not answer, and from the replica once it does', async () => {
    const { session } = await login();
    let asked = 0;
    replayed = async () => {
      asked += 1;
      throw new Error('connection refused');
    };
    expect(await onReplica('/api/v1/enterprises', session)).toBe(0);
    // left alone for a while: not asked on every request
    clock += 1;
    const response = await app.inject({ url: '/api/v1/enterprises', headers: { cookie: session } });
    expect(response.statusCode).toBe(200);
    expect(asked).toBe(1);
    clock += 5_000;
    replayed = async () => null;
    expect(await onReplica('/api/v1/enterprises', session)).toBeGreaterThan(0);
  });
});
