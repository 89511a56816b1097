import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../../../test/helpers.ts';
import { expectProblem } from '../../../test/problem.ts';

// measures 25, 26 (issue 17 item 7): qualification statistics per bureau, training hours per officer, and a
// selection with one vote per voter, never for oneself, and its result.

describe('the team', () => {
  let t: TestContext;
  let cityHead: string;
  let cityInspector: string;
  let cityUnitHead: string;
  let reviewer: string;
  const now = new Date('2026-12-03T03:00:00Z');
  const post = (cookie: string, url: string, payload?: unknown) =>
    t.app.inject({
      method: 'POST',
      url: `/api/v1${url}`,
      headers: { cookie },
      payload: (payload ?? {}) as object,
    });
  const get = (cookie: string, url: string) => t.app.inject({ url: `/api/v1${url}`, headers: { cookie } });

  beforeAll(async () => {
    t = await createTestContext({ now });
    cityHead = await t.login('city.head');
    cityInspector = await t.login('city.inspector');
    cityUnitHead = await t.login('city.unithead');
    reviewer = await t.login('city.reviewer');
  });
  afterAll(() => t.close());

  it('counts certificates and the recorded qualifications per bureau', async () => {
    const before = (await get(cityUnitHead, '/team/statistics')).json() as {
      bureaus: { territory: string; certificates: number; qualifications: Record<string, number> }[];
    };
    const city = before.bureaus.find((b) => b.territory === '440700')!;
    expect(city.certificates).toBeGreaterThan(0);
    expect(
      (
        await post(cityUnitHead, '/team/qualifications', {
          kind: 'technical_inspector',
          personName: '赵工',
          validFrom: '2026-01-01',
        })
      ).statusCode,
    ).toBe(201);
    const after = (await get(cityUnitHead, '/team/statistics')).json() as typeof before;
    expect(after.bureaus.find((b) => b.territory === '440700')!.qualifications.technical_inspector).toBe(
      city.qualifications.technical_inspector! + 1,
    );
    expect((await get(await t.login('enterprise.demo'), '/team/statistics')).statusCode).toBe(403);
  });

  it('counts training hours per officer in the year, each attendance once', async () => {
    const officers = (
      (await get(cityUnitHead, '/team/officers')).json() as { items: { id: string; name: string }[] }
    ).items;
    const course = (
      await post(cityUnitHead, '/team/training', {
        title: '执法记录仪使用培训',
        heldOn: '2026-11-20',
        hours: 3.5,
      })
    ).json() as { id: string };
    const officer = officers[officers.length - 1]!;
    const before =
      (
        (await get(cityUnitHead, '/team/training?year=2026')).json() as {
          hoursByOfficer: { officerId: string; hours: number }[];
        }
      ).hoursByOfficer.find((o) => o.officerId === officer.id)?.hours ?? 0;
    expect(
      (await post(cityUnitHead, `/team/training/${course.id}/attendances`, { officerId: officer.id }))
        .statusCode,
    ).toBe(204);
    await expectProblem(
      await post(cityUnitHead, `/team/training/${course.id}/attendances`, { officerId: officer.id }),
      409,
      'TEAM_ALREADY_ATTENDED',
    );
    const after = (
      (await get(cityUnitHead, '/team/training?year=2026')).json() as {
        hoursByOfficer: { officerId: string; hours: number }[];
      }
    ).hoursByOfficer.find((o) => o.officerId === officer.id)!.hours;
    expect(after).toBe(before + 3.5);
  });

  it('runs a selection: nominations, one vote each, none for oneself, and the result', async () => {
    const created = await post(cityHead, '/team/selections', {
      kind: 'enforcement_expert',
      title: '测试评选',
      year: 2026,
      places: 1,
    });
    expect(created.statusCode).toBe(201);
    const selectionId = (created.json() as { id: string }).id;
    const candidates = (await get(cityHead, '/team/selections/candidates')).json() as {
      staff: { id: string; displayName: string }[];
    };
    const inspector = candidates.staff.find((s) => s.displayName.includes('黄嘉欣'))!;
    const unitHead = candidates.staff.find((s) => s.displayName.includes('李志明'))!;
    await post(cityHead, `/team/selections/${selectionId}/nominations`, {
      nomineeUserId: inspector.id,
      reason: '办案规范',
    });
    const nominated = (
      await post(cityHead, `/team/selections/${selectionId}/nominations`, {
        nomineeUserId: unitHead.id,
        reason: '带队有方',
      })
    ).json() as {
      nominations: { id: string; nomineeName: string; votes: number | null }[];
    };
    const forInspector = nominated.nominations.find((n) => n.nomineeName.includes('黄嘉欣'))!;
    const forUnitHead = nominated.nominations.find((n) => n.nomineeName.includes('李志明'))!;
    // a case may not be nominated for 执法能手
    await expectProblem(
      await post(cityHead, `/team/selections/${selectionId}/nominations`, {
        caseId: forInspector.id,
        reason: 'x',
      }),
      400,
      'TEAM_NOMINEE_KIND',
    );
    await expectProblem(
      await post(cityInspector, `/team/selections/${selectionId}/votes`, { nominationId: forInspector.id }),
      422,
      'SELECTION_SELF_VOTE',
    );
    expect(
      (await post(cityInspector, `/team/selections/${selectionId}/votes`, { nominationId: forUnitHead.id }))
        .statusCode,
    ).toBe(200);
    await expectProblem(
      await post(cityInspector, `/team/selections/${selectionId}/votes`, { nominationId: forUnitHead.id }),
      422,
      'SELECTION_ALREADY_VOTED',
    );
    expect(
      (await post(reviewer, `/team/selections/${selectionId}/votes`, { nominationId: forUnitHead.id }))
        .statusCode,
    ).toBe(200);
    // only the bureau head announces the result
    expect((await post(cityUnitHead, `/team/selections/${selectionId}/close`)).statusCode).toBe(403);
    const closed = (await post(cityHead, `/team/selections/${selectionId}/close`)).json() as {
      state: string;
      nominations: { nomineeName: string; votes: number; winner: boolean }[];
    };
    expect(closed.state).toBe('closed');
    expect(closed.nominations[0]).toMatchObject({ votes: 2, winner: true });
    expect(closed.nominations[0]!.nomineeName).toContain('李志明');
    await expectProblem(
      await post(cityHead, `/team/selections/${selectionId}/votes`, { nominationId: forInspector.id }),
      422,
      'SELECTION_CLOSED',
    );
  });
});
