import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq, sql } from 'drizzle-orm';
import { createTestContext, type TestContext } from '../../../test/helpers.ts';
import { auditChainHeads, auditEvents } from './schema.ts';
import { appendAuditEvent, AuditEventRefused, chainPendingEvents, verifyAuditChain } from './service.ts';
import { systemActor, systemUserId } from '../auth/system-user.ts';
import { auditActions, legacyActionNames } from './actions.ts';
import { expectProblem } from '../../../test/problem.ts';

describe('audit trail', () => {
  let t: TestContext;
  let reviewer: string;
  beforeAll(async () => {
    t = await createTestContext();
    reviewer = await t.login('city.reviewer');
  });
  afterAll(() => t.close());

  it('appends an event in the same transaction as every change', async () => {
    const admin = await t.login('admin');
    const before = await verifyAuditChain(t.ctx.db);
    const response = await t.app.inject({
      method: 'PATCH',
      url: `/api/v1/enterprises/${await firstEnterpriseId(t, admin)}`,
      headers: { cookie: admin },
      payload: { contactPhone: '0750-1111111' },
    });
    expect(response.statusCode).toBe(200);
    const after = await verifyAuditChain(t.ctx.db);
    expect(after).toMatchObject({ intact: true });
    expect(after.count).toBe(before.count + 1);
    const [last] = await t.ctx.db
      .select()
      .from(auditEvents)
      .orderBy(sql`seq desc`)
      .limit(1);
    expect(last).toMatchObject({ action: 'enterprise.updated', entityType: 'enterprise' });
    // the bureau's own chain, not one chain for the whole system
    expect(last!.chain).toBe(last!.territory);
  });

  it('keeps one chain per bureau, each numbered from 1 without gaps', async () => {
    await chainPendingEvents(t.ctx.db);
    const chains = await t.ctx.db
      .select({
        chain: auditEvents.chain,
        n: sql<number>`count(*)::int`,
        max: sql<number>`max(${auditEvents.chainSeq})::int`,
      })
      .from(auditEvents)
      .groupBy(auditEvents.chain);
    expect(chains.length).toBeGreaterThan(1);
    for (const chain of chains) expect(chain.max).toBe(chain.n);
    expect((await verifyAuditChain(t.ctx.db)).chains).toBe(chains.length);
  });

  it('names every action by one grammar and labels it in Chinese', () => {
    for (const [name, definition] of Object.entries(auditActions)) {
      expect(name).toMatch(/^[a-z]+(_[a-z]+)*(\.[a-z]+(_[a-z]+)*){1,2}$/);
      expect(name.split('.').at(-1)).toMatch(/(ed|en|t)$/);
      expect(definition.label).toMatch(/[\u4e00-\u9fff]/);
    }
    for (const current of Object.values(legacyActionNames)) expect(auditActions).toHaveProperty([current]);
  });

  it('refuses an unknown action, a wrong entity type or a payload that does not match its schema', async () => {
    const base = {
      actor: { id: null, displayName: '测试' },
      entityId: 'x',
      territory: '440703',
      at: t.ctx.clock.now(),
    };
    const attempt = (run: Parameters<typeof t.ctx.db.transaction>[0]) => t.ctx.db.transaction(run);
    await expect(
      attempt((tx) =>
        appendAuditEvent(tx, {
          ...base,
          // @ts-expect-error: not an action of the registry
          action: 'enterprise.vanished',
          entityType: 'enterprise',
          payload: {},
        }),
      ),
    ).rejects.toThrow(AuditEventRefused);
    await expect(
      attempt((tx) =>
        appendAuditEvent(tx, {
          ...base,
          action: 'user.account.locked',
          entityType: 'enterprise',
          payload: { failures: 5 },
        }),
      ),
    ).rejects.toThrow(/not enterprise/);
    await expect(
      attempt((tx) =>
        appendAuditEvent(tx, {
          ...base,
          action: 'user.account.locked',
          entityType: 'user',
          // @ts-expect-error: failures is a number
          payload: { failures: 'five' },
        }),
      ),
    ).rejects.toThrow(/payload does not match/);
    expect(await verifyAuditChain(t.ctx.db)).toMatchObject({ intact: true });
  });

  it('reports an intact chain to a legal reviewer', async () => {
    const response = await t.app.inject({ url: '/api/v1/audit/verify', headers: { cookie: reviewer } });
    expect(response.json()).toMatchObject({ intact: true });
  });

  it('refuses the audit trail to an inspector', async () => {
    const inspector = await t.login('pengjiang.inspector');
    expectProblem(
      await t.app.inject({ url: '/api/v1/audit/verify', headers: { cookie: inspector } }),
      403,
      'FORBIDDEN',
    );
    expectProblem(
      await t.app.inject({ url: '/api/v1/audit/events', headers: { cookie: inspector } }),
      403,
      'FORBIDDEN',
    );
  });

  it('lists events newest first with their hashes, a Chinese label and the object’s name', async () => {
    const response = await t.app.inject({
      url: '/api/v1/audit/events?pageSize=5',
      headers: { cookie: reviewer },
    });
    const body = response.json() as {
      items: {
        seq: number;
        chain: string;
        chainSeq: number;
        hash: string;
        prevHash: string;
        action: string;
        actionLabel: string;
        entityType: string;
        entityName: string | null;
      }[];
      total: number;
    };
    expect(body.items).toHaveLength(5);
    expect(body.items[0]!.seq).toBeGreaterThan(body.items[1]!.seq);
    const [newest] = body.items;
    const previous = await t.ctx.db
      .select({ hash: auditEvents.hash })
      .from(auditEvents)
      .where(and(eq(auditEvents.chain, newest!.chain), eq(auditEvents.chainSeq, newest!.chainSeq - 1)));
    expect(previous[0]!.hash).toBe(newest!.prevHash);
    expect(body.items.find((item) => item.action === 'enterprise.updated')).toMatchObject({
      actionLabel: '修改企业信息',
      entityName: expect.stringMatching(/\S/),
    });
    const login = body.items.find((item) => item.action === 'user.session.opened')!;
    expect(login).toMatchObject({ actionLabel: '登录', entityName: expect.stringMatching(/\S/) });
  });

  it('names a regrade run and the demo load, not by their ids', async () => {
    const named = async (entityType: string) => {
      const response = await t.app.inject({
        url: `/api/v1/audit/events?pageSize=1&entityType=${entityType}`,
        headers: { cookie: reviewer },
      });
      return (response.json() as { items: { entityName: string | null }[] }).items[0]?.entityName;
    };
    expect(await named('system')).toMatch(/^演示数据/);
    expect(await named('regrade_run')).toMatch(/^\d{4}-\d{2}-\d{2} (每日重新分级|手动重新分级|初始分级)$/);
  });

  it('writes an event with its number and no link, taking no chain head; the chainer links it afterwards', async () => {
    const heads = await t.ctx.db.select().from(auditChainHeads);
    const event = {
      actor: systemActor('测试'),
      action: 'user.account.locked' as const,
      entityType: 'user' as const,
      territory: '440785',
      payload: { failures: 5 },
      at: t.ctx.clock.now(),
    };
    await t.ctx.db.transaction((tx) => appendAuditEvent(tx, { ...event, entityId: 'first' }));
    await t.ctx.db.transaction((tx) => appendAuditEvent(tx, { ...event, entityId: 'second' }));
    const written = await t.ctx.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.chain, '440785'), sql`entity_id in ('first', 'second')`))
      .orderBy(auditEvents.seq);
    expect(written.map((row) => [row.entityId, row.chainSeq, row.hash])).toEqual([
      ['first', null, null],
      ['second', null, null],
    ]);
    expect(await t.ctx.db.select().from(auditChainHeads)).toEqual(heads);

    // the first one's transaction "commits" after the chainer has linked the second: it joins the chain after it
    const [first, second] = written;
    await t.ctx.db.delete(auditEvents).where(eq(auditEvents.seq, first!.seq));
    expect(await chainPendingEvents(t.ctx.db)).toBeGreaterThanOrEqual(1);
    await t.ctx.db.insert(auditEvents).values(first!);
    expect(await chainPendingEvents(t.ctx.db)).toBe(1);
    const linked = await t.ctx.db
      .select({
        seq: auditEvents.seq,
        chainSeq: auditEvents.chainSeq,
        prevHash: auditEvents.prevHash,
        hash: auditEvents.hash,
      })
      .from(auditEvents)
      .where(sql`seq in (${first!.seq}, ${second!.seq})`);
    const byNumber = new Map(linked.map((row) => [row.seq, row]));
    expect(byNumber.get(first!.seq)!.chainSeq).toBe(byNumber.get(second!.seq)!.chainSeq! + 1);
    expect(byNumber.get(first!.seq)!.prevHash).toBe(byNumber.get(second!.seq)!.hash);
    expect(await verifyAuditChain(t.ctx.db)).toMatchObject({ intact: true, unchained: 0 });
  });

  it('names a user as the actor of every event: the system acts as the system user, who cannot log in', async () => {
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { username: 'inspecta.system', password: '!' },
    });
    expect(response.statusCode).toBe(401);
    const stranger = '11111111-1111-4111-8111-111111111111';
    await expect(
      t.ctx.db.transaction((tx) =>
        appendAuditEvent(tx, {
          actor: { id: stranger, displayName: '无此用户' },
          action: 'user.account.locked',
          entityType: 'user',
          entityId: stranger,
          territory: '440703',
          payload: { failures: 5 },
          at: t.ctx.clock.now(),
        }),
      ),
    ).rejects.toThrow();
    const actors = await t.ctx.db.execute(
      sql`select count(*)::int as n from audit_events where actor_id = ${systemUserId}`,
    );
    expect((actors as unknown as { rows: { n: number }[] }).rows[0]!.n).toBeGreaterThan(0);
  });

  it('finds an event edited behind the application’s back', async () => {
    await t.ctx.db.execute(sql`update audit_events set payload = '{"forged":true}'::jsonb where seq = 2`);
    const response = await t.app.inject({ url: '/api/v1/audit/verify', headers: { cookie: reviewer } });
    expect(response.json()).toMatchObject({ intact: false, firstBroken: { seq: 2 } });
  });

  it('finds an event deleted behind the application’s back, in the middle of its chain or at its end', async () => {
    const fresh = await createTestContext();
    try {
      await fresh.login('admin');
      await fresh.login('city.reviewer');
      await chainPendingEvents(fresh.ctx.db);
      const [victim] = await fresh.ctx.db.select().from(auditEvents).where(eq(auditEvents.seq, 2));
      await fresh.ctx.db.delete(auditEvents).where(eq(auditEvents.seq, 2));
      expect(await verifyAuditChain(fresh.ctx.db)).toMatchObject({
        intact: false,
        firstBroken: { chain: victim!.chain, chainSeq: victim!.chainSeq },
      });
      await fresh.ctx.db.insert(auditEvents).values(victim!);
      expect(await verifyAuditChain(fresh.ctx.db)).toMatchObject({ intact: true });
      const [head] = await fresh.ctx.db
        .select()
        .from(auditChainHeads)
        .where(eq(auditChainHeads.chain, victim!.chain));
      await fresh.ctx.db
        .delete(auditEvents)
        .where(and(eq(auditEvents.chain, head!.chain), eq(auditEvents.chainSeq, head!.seq)));
      expect(await verifyAuditChain(fresh.ctx.db)).toMatchObject({
        intact: false,
        firstBroken: { seq: null, chain: head!.chain, chainSeq: head!.seq },
      });
    } finally {
      await fresh.close();
    }
  });
});

const firstEnterpriseId = async (t: TestContext, cookie: string) => {
  const list = await t.app.inject({ url: '/api/v1/enterprises?pageSize=1', headers: { cookie } });
  return (list.json() as { items: { id: string }[] }).items[0]!.id;
};
