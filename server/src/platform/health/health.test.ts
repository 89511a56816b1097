import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../../../test/helpers.ts';

describe('health and API description', () => {
  let t: TestContext;
  beforeAll(async () => {
    t = await createTestContext({ seed: false });
  });
  afterAll(() => t.close());

  it('reports status, database driver and version without login', async () => {
    const response = await t.app.inject({ url: '/api/v1/health' });
    expect(response.json()).toEqual({ status: 'ok', database: t.database.kind, version: 'test' });
    expect(['pglite', 'postgresql']).toContain(t.database.kind);
  });

  it('publishes an OpenAPI description generated from the schemas, and a browsable page', async () => {
    const spec = (await t.app.inject({ url: '/api/openapi.json' })).json() as {
      openapi: string;
      paths: Record<string, unknown>;
    };
    expect(spec.openapi).toMatch(/^3\./);
    expect(Object.keys(spec.paths)).toEqual(
      expect.arrayContaining(['/api/v1/enterprises', '/api/v1/audit/verify', '/api/v1/health']),
    );
    const docs = await t.app.inject({ url: '/api/docs' });
    expect(docs.statusCode).toBeLessThan(400);
  });

  it('loads the demo data only once', async () => {
    const { seedDemoData } = await import('../../demo/seed.ts');
    expect(await seedDemoData(t.ctx)).toMatchObject({ enterprises: 300 });
    expect(await seedDemoData(t.ctx)).toBeNull();
  });
});
