import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../../../test/helpers.ts';
import { permissionsOf } from '../policy/policy.ts';

type Me = { user: { role: 'inspector' | 'enterprise'; permissions: string[]; scope: string } };

describe('GET /auth/me: the effective permissions', () => {
  let t: TestContext;
  beforeAll(async () => {
    t = await createTestContext();
  });
  afterAll(() => t.close());

  const me = async (username: string) =>
    (
      await t.app.inject({ url: '/api/v1/auth/me', headers: { cookie: await t.login(username) } })
    ).json() as Me;

  it('tells an inspector it reads officers and organisations, as the server lets it', async () => {
    const cookie = await t.login('pengjiang.inspector');
    const { user } = (await t.app.inject({ url: '/api/v1/auth/me', headers: { cookie } })).json() as Me;
    expect(user.scope).toBe('territory');
    expect(user.permissions).toEqual(expect.arrayContaining(['officer:read', 'organisation:read']));
    expect(user.permissions).not.toContain('officer:create');
    expect(user.permissions).not.toContain('audit:read');
    // the server grants what /me says
    expect((await t.app.inject({ url: '/api/v1/officers', headers: { cookie } })).statusCode).toBe(200);
    expect((await t.app.inject({ url: '/api/v1/audit/events', headers: { cookie } })).statusCode).toBe(403);
  });

  it('reads the permissions from the grant table the server enforces', async () => {
    const { user } = await me('pengjiang.inspector');
    expect(user.permissions).toEqual(permissionsOf({ role: 'inspector' }));
  });

  it('tells an enterprise user its reach is its own enterprise', async () => {
    const { user } = await me('enterprise.demo');
    expect(user).toMatchObject({
      role: 'enterprise',
      scope: 'own_enterprise',
      permissions: ['enterprise:read'],
    });
  });

  it('answers the same permissions at login', async () => {
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { username: 'city.inspector', password: 'Inspecta@2026' },
    });
    expect((response.json() as Me).user.permissions).toEqual(permissionsOf({ role: 'inspector' }));
  });
});
