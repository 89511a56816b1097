import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq, sql } from 'drizzle-orm';
import { createTestContext, type TestContext } from '../../../test/helpers.ts';
import { auditEvents } from './schema.ts';
import { verifyAuditChain } from './service.ts';
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
    expect(last).toMatchObject({ action: 'enterprise.update', entityType: 'enterprise' });
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

  it('lists events newest first with their hashes', async () => {
    const response = await t.app.inject({
      url: '/api/v1/audit/events?pageSize=5',
      headers: { cookie: reviewer },
    });
    const body = response.json() as {
      items: { seq: number; hash: string; prevHash: string }[];
      total: number;
    };
    expect(body.items).toHaveLength(5);
    expect(body.items[0]!.seq).toBeGreaterThan(body.items[1]!.seq);
    expect(body.items[1]!.hash).toBe(body.items[0]!.prevHash);
  });

  it('finds an event edited behind the application’s back', async () => {
    await t.ctx.db.execute(sql`update audit_events set payload = '{"forged":true}'::jsonb where seq = 2`);
    const response = await t.app.inject({ url: '/api/v1/audit/verify', headers: { cookie: reviewer } });
    expect(response.json()).toMatchObject({ intact: false, count: 1, firstBroken: { seq: 2 } });
  });

  it('finds an event deleted behind the application’s back', async () => {
    const fresh = await createTestContext();
    try {
      await fresh.login('admin');
      await fresh.login('city.reviewer');
      await fresh.ctx.db.delete(auditEvents).where(eq(auditEvents.seq, 2));
      const verdict = await verifyAuditChain(fresh.ctx.db);
      expect(verdict).toMatchObject({ intact: false, firstBroken: { seq: 2 } });
    } finally {
      await fresh.close();
    }
  });
});

const firstEnterpriseId = async (t: TestContext, cookie: string) => {
  const list = await t.app.inject({ url: '/api/v1/enterprises?pageSize=1', headers: { cookie } });
  return (list.json() as { items: { id: string }[] }).items[0]!.id;
};
