import { randomUUID } from 'node:crypto';
import { asc, eq } from 'drizzle-orm';
import { caseReferrals, findings, inspections } from '../src/modules/inspections/schema.ts';
import type { TestContext } from './helpers.ts';

// A 移交立案审查 item as concluding an inspection leaves it: a major hidden danger (found by the inspection unless
// told otherwise) on the territory's first inspection, the item open for the legal reviewer.
export const insertCaseReferral = async (
  t: TestContext,
  foundBy: 'inspection' | 'enterprise_self_check' = 'inspection',
  territory = '440703',
) => {
  const [inspection] = await t.ctx.db
    .select({
      id: inspections.id,
      territory: inspections.territory,
      enterpriseName: inspections.enterpriseName,
    })
    .from(inspections)
    .where(eq(inspections.territory, territory))
    .orderBy(asc(inspections.id))
    .limit(1);
  const now = t.ctx.clock.now();
  const findingId = randomUUID();
  await t.ctx.db.insert(findings).values({
    id: findingId,
    inspectionId: inspection!.id,
    territory: inspection!.territory,
    itemCode: 'test_item',
    description: '除尘器未设泄爆装置',
    majorHiddenDanger: true,
    basis: '《工贸企业重大事故隐患判定标准》',
    howToFix: '加装泄爆装置',
    status: 'ordered',
    foundBy,
    recordedAt: now,
    recordedByName: '测试',
    syncedAt: now,
  });
  const [row] = await t.ctx.db
    .insert(caseReferrals)
    .values({
      inspectionId: inspection!.id,
      findingId,
      territory: inspection!.territory,
      enterpriseName: inspection!.enterpriseName,
      description: '除尘器未设泄爆装置',
      status: 'open',
      openedAt: now,
    })
    .returning();
  return row!;
};

// A JSON call to the API as the holder of a session cookie (or none, for the public endpoints).
export const apiCaller =
  (t: TestContext) =>
  (method: 'GET' | 'POST' | 'PUT', path: string, cookie: string | null, payload?: unknown) =>
    t.app.inject({
      method,
      url: `/api/v1${path}`,
      headers: cookie ? { cookie } : {},
      ...(payload === undefined ? {} : { payload: payload as Record<string, unknown> }),
    });
