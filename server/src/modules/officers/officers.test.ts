import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../../../test/helpers.ts';
import { expectProblem } from '../../../test/problem.ts';

type Officer = {
  id: string;
  name: string;
  onRoster: boolean;
  certificates: { id: string; number: string; status: string; statusToday: string }[];
  mayInspectToday: { ok: boolean; code?: string; measure?: number };
};
type Page = { items: Officer[]; total: number };

describe('officers, certificates and the roster (measure 10)', () => {
  let t: TestContext;
  let admin: string;
  let officers: Officer[];
  beforeAll(async () => {
    t = await createTestContext();
    admin = await t.login('admin');
    officers = (
      (
        await t.app.inject({ url: '/api/v1/officers?pageSize=200', headers: { cookie: admin } })
      ).json() as Page
    ).items;
  });
  afterAll(() => t.close());

  it('has about sixty demo officers, a few of whom may not inspect today, each for a stated reason', () => {
    expect(officers.length).toBeGreaterThanOrEqual(55);
    const refused = officers.filter((o) => !o.mayInspectToday.ok);
    const codes = new Set(refused.map((o) => o.mayInspectToday.code));
    expect(codes).toEqual(
      new Set([
        'CERTIFICATE_EXPIRED',
        'CERTIFICATE_REVOKED',
        'CERTIFICATE_SUSPENDED',
        'OFFICER_NOT_ON_ROSTER',
      ]),
    );
    expect(refused.every((o) => o.mayInspectToday.measure === 10)).toBe(true);
  });

  it('refuses an officer whose certificate is revoked, from that moment on', async () => {
    const officer = officers.find((o) => o.mayInspectToday.ok)!;
    const cert = officer.certificates[0]!;
    const revoked = await t.app.inject({
      method: 'PATCH',
      url: `/api/v1/officers/${officer.id}/certificates/${cert.id}`,
      headers: { cookie: admin },
      payload: { status: 'revoked', reason: '违法执法' },
    });
    expect(revoked.json()).toMatchObject({
      mayInspectToday: { ok: false, code: 'CERTIFICATE_REVOKED', measure: 10 },
    });
    const restore = await t.app.inject({
      method: 'PATCH',
      url: `/api/v1/officers/${officer.id}/certificates/${cert.id}`,
      headers: { cookie: admin },
      payload: { status: 'valid', reason: '误操作' },
    });
    expectProblem(restore, 409, 'CERTIFICATE_REVOKED_FINAL');
  });

  it('answers eligibility for a given date', async () => {
    const officer = officers.find((o) => o.mayInspectToday.ok && o.id !== officers[0]!.id)!;
    const past = await t.app.inject({
      url: `/api/v1/officers/${officer.id}/eligibility?date=2019-01-01`,
      headers: { cookie: admin },
    });
    expect(past.json()).toMatchObject({ ok: false, code: 'CERTIFICATE_NOT_YET_VALID' });
    const bad = await t.app.inject({
      url: `/api/v1/officers/${officer.id}/eligibility?date=2026-13-01`,
      headers: { cookie: admin },
    });
    expectProblem(bad, 400);
  });

  it('removes an officer from the roster with a reason, once', async () => {
    const officer = officers.filter((o) => o.onRoster)[5]!;
    const removal = await t.app.inject({
      method: 'POST',
      url: `/api/v1/officers/${officer.id}/removal`,
      headers: { cookie: admin },
      payload: { date: '2026-11-01', reason: '考核不合格' },
    });
    expect(removal.json()).toMatchObject({
      onRoster: false,
      mayInspectToday: { ok: false, code: 'OFFICER_NOT_ON_ROSTER' },
    });
    const again = await t.app.inject({
      method: 'POST',
      url: `/api/v1/officers/${officer.id}/removal`,
      headers: { cookie: admin },
      payload: { date: '2026-11-02', reason: '重复' },
    });
    expectProblem(again, 409, 'OFFICER_ALREADY_REMOVED');
  });

  it('adds an officer with a certificate and refuses a duplicate certificate number', async () => {
    const orgs = (
      await t.app.inject({
        url: '/api/v1/organisations?kind=bureau&territory=440704',
        headers: { cookie: admin },
      })
    ).json() as { items: { id: string }[] };
    const payload = {
      name: '新队员',
      organisationId: orgs.items[0]!.id,
      qualifications: ['registered_safety_engineer'],
      certificate: {
        number: 'NEW-0001',
        issuingAuthority: '广东省人民政府',
        validFrom: '2026-01-01',
        validTo: '2029-12-31',
      },
    };
    const created = await t.app.inject({
      method: 'POST',
      url: '/api/v1/officers',
      headers: { cookie: admin },
      payload,
    });
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({ territory: '440704', mayInspectToday: { ok: true } });
    expectProblem(
      await t.app.inject({ method: 'POST', url: '/api/v1/officers', headers: { cookie: admin }, payload }),
      409,
      'CERTIFICATE_NUMBER_EXISTS',
    );
  });

  it('does not count a certificate from an issuer outside Guangdong, naming that issuer (issue 11 item 6)', async () => {
    const orgs = (
      await t.app.inject({
        url: '/api/v1/organisations?kind=bureau&territory=440704',
        headers: { cookie: admin },
      })
    ).json() as { items: { id: string }[] };
    const created = await t.app.inject({
      method: 'POST',
      url: '/api/v1/officers',
      headers: { cookie: admin },
      payload: {
        name: '外省调入队员',
        organisationId: orgs.items[0]!.id,
        qualifications: [],
        certificate: {
          number: 'HN-0001',
          issuingAuthority: '湖南省人民政府',
          validFrom: '2026-01-01',
          validTo: '2029-12-31',
        },
      },
    });
    expect(created.statusCode).toBe(201);
    const answer = (created.json() as { mayInspectToday: { ok: boolean; code?: string; message: string } })
      .mayInspectToday;
    expect(answer).toMatchObject({ ok: false, code: 'CERTIFICATE_ISSUER_NOT_ACCEPTED' });
    expect(answer.message).toContain('“湖南省人民政府”');
  });

  it('lets an inspector read officers but not change them', async () => {
    const inspector = await t.login('pengjiang.inspector');
    const list = await t.app.inject({ url: '/api/v1/officers', headers: { cookie: inspector } });
    expect(list.statusCode).toBe(200);
    const own = (list.json() as Page).items[0]!;
    const edit = await t.app.inject({
      method: 'PATCH',
      url: `/api/v1/officers/${own.id}`,
      headers: { cookie: inspector },
      payload: { position: '队长' },
    });
    expectProblem(edit, 403, 'FORBIDDEN');
  });
});
