import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import JSZip from 'jszip';
import { createTestContext, type TestContext } from '../../../../test/helpers.ts';
import { requester } from '../../../../test/plan-fixtures.ts';
import { draws } from '../../draws/schema.ts';
import { officers } from '../../officers/schema.ts';
import { organisations } from '../../organisations/schema.ts';
import { inspections } from '../schema.ts';

// measure 6 (issue 13 item 8): the demo's double-random draw joins 江门市消防救援支队. Its drawn officers are in
// the on-site plan drafted from the draw, each with its department, and on the page the enterprise sees when
// it scans the check-in code.

let t: TestContext;
let inspector: string;
let head: string;
let fireName: string;

const http = () => requester(t);

type PlanOfficer = { certificate: string; name: string; organisationName: string | null };
type CheckInOfficer = {
  certificate: string;
  name: string;
  organisationName: string;
  partner: boolean;
  validToday: boolean;
};

beforeAll(async () => {
  t = await createTestContext({ seed: true, now: new Date('2026-12-03T01:00:00Z') });
  inspector = await t.login('pengjiang.inspector');
  head = await t.login('pengjiang.head');
  const [fire] = await t.ctx.db
    .select({ name: organisations.name })
    .from(organisations)
    .where(eq(organisations.departmentType, 'fire_rescue'));
  fireName = fire!.name;
});
afterAll(() => t.close());

describe('the demo roster', () => {
  it('gives no two officers of one organisation the same name', async () => {
    const rows = await t.ctx.db
      .select({ organisationId: officers.organisationId, name: officers.name })
      .from(officers);
    const byOrganisation = new Map<string, string[]>();
    for (const row of rows)
      byOrganisation.set(row.organisationId, [...(byOrganisation.get(row.organisationId) ?? []), row.name]);
    const shared = [...byOrganisation.values()].flatMap((names) =>
      names.filter((name, index) => names.indexOf(name) !== index),
    );
    expect(shared).toEqual([]);
  });

  it('names every partner department’s officer apart from every other officer', async () => {
    const rows = await t.ctx.db
      .select({ name: officers.name, kind: organisations.kind })
      .from(officers)
      .innerJoin(organisations, eq(organisations.id, officers.organisationId));
    const partners = rows.filter((row) => row.kind === 'department').map((row) => row.name);
    const others = new Set(rows.filter((row) => row.kind !== 'department').map((row) => row.name));
    expect(partners.length).toBeGreaterThanOrEqual(24);
    expect(new Set(partners).size).toBe(partners.length);
    expect(partners.filter((name) => others.has(name))).toEqual([]);
  });
});

describe('a joint inspection from the demo draw (measure 6)', () => {
  let inspectionId = '';
  let partnerTeam: { certificate: string; name: string }[] = [];

  it('drafts on-site plans whose team holds the partner department’s drawn officers, with their department', async () => {
    const [draw] = await t.ctx.db.select({ id: draws.id }).from(draws).where(eq(draws.territory, '440703'));
    const drafted = await http().post(`/api/v1/draws/${draw!.id}/onsite-plans`, inspector, {});
    expect(drafted.statusCode, drafted.body).toBe(200);
    const rows = await t.ctx.db
      .select()
      .from(inspections)
      .where(and(eq(inspections.drawId, draw!.id), eq(inspections.stage, 'plan_drafted')));
    expect(rows.length).toBe((drafted.json() as { drafted: number }).drafted);
    const row = rows[0]!;
    inspectionId = row.id;
    partnerTeam = row.partners[0]!.team;
    expect(row.partners[0]!.organisationName).toBe(fireName);
    expect(partnerTeam).toHaveLength(2);

    const overview = (await http().get(`/api/v1/inspections/${row.id}/onsite`, inspector)).json() as {
      plan: { content: { officers: PlanOfficer[] } };
    };
    const team = overview.plan.content.officers;
    expect(team.map((officer) => officer.certificate)).toEqual([
      ...row.team.map((member) => member.certificate),
      ...partnerTeam.map((member) => member.certificate),
    ]);
    expect(team.slice(-2)).toEqual(
      partnerTeam.map(({ certificate, name }) => ({
        certificate,
        officerId: expect.any(String),
        name,
        organisationName: fireName,
      })),
    );
    expect(team[0]!.organisationName).toBe(row.team[0]!.organisationName);
    expect(team[0]!.organisationName).not.toBe(fireName);
  });

  it('shows the enterprise, when it scans the code, the partner officers with their department beside the bureau’s', async () => {
    const submitted = await http().post(
      `/api/v1/inspections/${inspectionId}/onsite-plan/submit`,
      inspector,
      {},
    );
    expect(submitted.statusCode, submitted.body).toBe(200);
    const decided = await http().post(`/api/v1/inspections/${inspectionId}/onsite-plan/decision`, head, {
      approve: true,
    });
    expect(decided.statusCode, decided.body).toBe(200);
    const notified = await http().post(`/api/v1/inspections/${inspectionId}/notify`, inspector, {});
    expect(notified.statusCode, notified.body).toBe(200);
    const code = await http().get(`/api/v1/inspections/${inspectionId}/checkin-code`, inspector);
    expect(code.statusCode, code.body).toBe(200);
    const { token } = code.json() as { token: string };

    // the signed code itself names the partner officers' department (read offline too); the bureau's own
    // officers are the subject's
    const payload = JSON.parse(Buffer.from(token.split('.')[0]!, 'base64url').toString('utf8')) as {
      o: string[][];
    };
    expect(payload.o.slice(0, 2).every((officer) => officer.length === 2)).toBe(true);
    expect(payload.o.slice(-2)).toEqual(
      partnerTeam.map(({ certificate, name }) => [certificate, name, fireName]),
    );

    const shown = (await t.app.inject({ url: `/api/v1/public/checkin/${token}` })).json() as {
      valid: boolean;
      inspection: { bureau: string; officers: CheckInOfficer[] };
    };
    expect(shown.valid).toBe(true);
    const { officers: listed } = shown.inspection;
    expect(listed).toHaveLength(4);
    expect(listed.filter((officer) => officer.partner)).toEqual(
      partnerTeam.map(({ certificate, name }) =>
        expect.objectContaining({ certificate, name, organisationName: fireName, validToday: true }),
      ),
    );
    const own = listed.filter((officer) => !officer.partner);
    expect(own).toHaveLength(2);
    expect(own.every((officer) => officer.organisationName === shown.inspection.bureau)).toBe(true);
  });
  it('names each partner officer’s department in the plan and the notice the enterprise is served', async () => {
    const listed = await http().get(`/api/v1/inspections/${inspectionId}/documents`, inspector);
    expect(listed.statusCode, listed.body).toBe(200);
    const documents = (listed.json() as { items: { id: string; type: string }[] }).items;
    const types = ['onsite_plan', 'inspection_notice'];
    expect(documents.map((document) => document.type)).toEqual(expect.arrayContaining(types));
    for (const type of types) {
      const document = documents.find((item) => item.type === type)!;
      const docx = await t.app.inject({
        url: `/api/v1/documents/${document.id}.docx`,
        headers: { cookie: inspector },
      });
      expect(docx.statusCode, type).toBe(200);
      const zip = await JSZip.loadAsync(docx.rawPayload);
      const text = (await zip.file('word/document.xml')!.async('string')).replace(/<[^>]+>/g, '');
      for (const { certificate, name } of partnerTeam)
        expect(text, type).toContain(`${name}（${fireName}，执法证号：${certificate}）`);
      // the bureau's own officers are named without a department
      expect(text.split(`（${fireName}，`).length - 1, type).toBe(partnerTeam.length);
    }
  });
});
