import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { addDays } from '@inspecta/domain';
import { createTestContext, type TestContext } from '../../../test/helpers.ts';
import { multipartBody, sitePhoto } from '../../../test/images.ts';
import { users } from '../../platform/auth/schema.ts';
import { hashPassword } from '../../platform/auth/service.ts';
import { demoPassword } from '../../demo/accounts.ts';
import { buildApp } from '../../app.ts';

// Measure 27: a report from the public, followed by its receipt code; the reporter's identity encrypted at
// rest and readable only by the 举报受理员, every read audited; handling, extension, reward.
const IDENTITY = {
  name: '梁秀英',
  phone: '13800138000',
  idNumber: '44070319800101123X',
  contact: '蓬江区白沙街道',
};

// every string value of a JSON answer, however deep
const strings = (value: unknown): string[] =>
  typeof value === 'string'
    ? [value]
    : Array.isArray(value)
      ? value.flatMap(strings)
      : value && typeof value === 'object'
        ? Object.values(value).flatMap(strings)
        : [];
const carriesIdentity = (body: string) =>
  Object.values(IDENTITY).some((part) => body.includes(part)) ||
  strings(JSON.parse(body)).some((text) => Object.values(IDENTITY).some((part) => text.includes(part)));

describe('reports (issue 17 items 1–2)', () => {
  let t: TestContext;
  let enterprise: { id: string; name: string };
  let named: { receiptCode: string; password: string; id: string };
  let cookies: Record<string, string>;

  const api = (user: string | null, method: 'GET' | 'POST', url: string, payload?: unknown) =>
    t.app.inject({
      method,
      url: `/api/v1${url}`,
      headers: user ? { cookie: cookies[user]! } : {},
      ...(payload === undefined ? {} : { payload: payload as Record<string, unknown> }),
    });
  const rowsOf = async <T>(query: ReturnType<typeof sql>) =>
    ((await t.ctx.db.execute(query)) as unknown as { rows: T[] }).rows;
  const idOf = async (receiptCode: string) =>
    (await rowsOf<{ id: string }>(sql`select id from reports where receipt_code = ${receiptCode}`))[0]!.id;

  beforeAll(async () => {
    t = await createTestContext();
    enterprise = (
      await rowsOf<{ id: string; name: string }>(
        sql`select e.id, e.name from enterprises e where e.territory = '440703' and e.industry = 'machinery' and not exists (select 1 from internal_reporting_systems s where s.enterprise_id = e.id) order by e.name limit 1`,
      )
    )[0]!;
    cookies = {};
    for (const user of [
      'pengjiang.reports',
      'pengjiang.inspector',
      'pengjiang.unithead',
      'pengjiang.head',
      'xinhui.inspector',
      'city.reviewer',
    ])
      cookies[user] = await t.login(user);
    const filed = await api(null, 'POST', '/public/reports', {
      kind: 'major_hidden_danger',
      content: '车间粉尘清扫不及时，除尘器长期停用，夜班赶工',
      enterpriseId: enterprise.id,
      location: '车间二楼',
      anonymous: false,
      employeeOfEnterprise: true,
      reporter: IDENTITY,
    });
    expect(filed.statusCode, filed.body).toBe(201);
    const receipt = filed.json() as { receiptCode: string; password: string };
    named = { ...receipt, id: await idOf(receipt.receiptCode) };
  }, 300_000);
  afterAll(() => t.close());

  it('keeps the identity only as an envelope and the password only as a hash', async () => {
    const row = (
      await rowsOf<Record<string, unknown>>(sql`select * from reports where id = ${named.id}`)
    )[0]!;
    expect(JSON.stringify(row)).not.toContain(IDENTITY.name);
    expect(JSON.stringify(row)).not.toContain(IDENTITY.phone);
    expect(String(row['identity_cipher'])).toMatch(/^v1\./);
    expect(String(row['password_hash'])).toMatch(/^\$argon2id\$/);
    const audit = await rowsOf(sql`select payload from audit_events where entity_id = ${named.id}`);
    expect(JSON.stringify(audit)).not.toContain(IDENTITY.name);
  });

  it('asks an employee reporting on the own employer for a real name and contact (应急〔2020〕69号)', async () => {
    const res = await api(null, 'POST', '/public/reports', {
      kind: 'hidden_danger',
      content: '本单位叉车司机无证驾驶，已多次发生剐蹭',
      enterpriseId: enterprise.id,
      anonymous: true,
      employeeOfEnterprise: true,
    });
    expect(res.statusCode).toBe(422);
    expect(res.json()).toMatchObject({ code: 'REPORT_EMPLOYEE_NEEDS_NAME' });
  });

  it('takes photos by receipt code and password, and follows the report', async () => {
    const upload = multipartBody(
      { receiptCode: named.receiptCode, password: named.password },
      { name: 'p.jpg', type: 'image/jpeg', data: sitePhoto() },
    );
    const photo = await t.app.inject({
      method: 'POST',
      url: '/api/v1/public/reports/photos',
      headers: upload.headers,
      payload: upload.payload,
    });
    expect(photo.statusCode, photo.body).toBe(201);
    const followed = await api(null, 'POST', '/public/reports/follow', {
      receiptCode: named.receiptCode.toLowerCase(),
      password: named.password,
    });
    expect(followed.statusCode, followed.body).toBe(200);
    expect(followed.json()).toMatchObject({ state: 'received', stateName: '待受理' });
    expect(carriesIdentity(followed.body)).toBe(false);
    const wrong = await api(null, 'POST', '/public/reports/follow', {
      receiptCode: named.receiptCode,
      password: 'WRONG',
    });
    expect(wrong.statusCode).toBe(404);
  });

  it('rate-limits failed lookups from one address', async () => {
    const attempt = () =>
      t.app.inject({
        method: 'POST',
        url: '/api/v1/public/reports/follow',
        payload: { receiptCode: 'JBNOSUCHCODE', password: 'X' },
        remoteAddress: '198.51.100.9',
      });
    for (let i = 0; i < 10; i += 1) expect((await attempt()).statusCode).toBe(404);
    const limited = await attempt();
    expect(limited.statusCode).toBe(429);
    expect(limited.json()).toMatchObject({ code: 'REPORT_LOOKUP_RATE_LIMITED' });
  }, 120_000);

  it('shows officers the report without the identity; only the 举报受理员 reads it, audited', async () => {
    for (const user of ['pengjiang.inspector', 'pengjiang.head', 'pengjiang.reports']) {
      const list = await api(user, 'GET', '/reports?pageSize=200');
      expect(list.statusCode, list.body).toBe(200);
      expect(list.body).toContain(named.receiptCode);
      expect(carriesIdentity(list.body)).toBe(false);
      const detail = await api(user, 'GET', `/reports/${named.id}`);
      expect(detail.statusCode).toBe(200);
      expect(carriesIdentity(detail.body)).toBe(false);
    }
    for (const user of ['pengjiang.inspector', 'pengjiang.head', 'city.reviewer']) {
      const refused = await api(user, 'POST', `/reports/${named.id}/identity`, { reason: '核实情况' });
      expect(refused.statusCode).toBe(403);
      expect(carriesIdentity(refused.body)).toBe(false);
    }
    expect((await api('xinhui.inspector', 'GET', `/reports/${named.id}`)).statusCode).toBe(404);
    const read = await api('pengjiang.reports', 'POST', `/reports/${named.id}/identity`, {
      reason: '回访举报人',
    });
    expect(read.statusCode, read.body).toBe(200);
    expect(read.json()).toEqual(IDENTITY);
    const events = await rowsOf(
      sql`select action, payload from audit_events where entity_id = ${named.id} and action = 'report.identity.viewed'`,
    );
    expect(events).toHaveLength(1);
    expect(JSON.stringify(events)).not.toContain(IDENTITY.name);
  });

  it('never writes the identity into a log line or an error, whatever the request', async () => {
    const lines: string[] = [];
    const logged = await buildApp({
      ctx: t.ctx,
      sessionSecret: 'test-secret-'.padEnd(40, 'x'),
      webDist: null,
      logStream: { write: (line) => void lines.push(line) },
    });
    await logged.ready();
    try {
      const call = (url: string, payload: unknown, cookie?: string) =>
        logged.inject({
          method: 'POST',
          url: `/api/v1${url}`,
          headers: cookie ? { cookie } : {},
          payload: payload as Record<string, unknown>,
        });
      const filed = await call('/public/reports', {
        kind: 'hidden_danger',
        content: '仓库消防通道堆放货物',
        enterpriseId: enterprise.id,
        anonymous: false,
        employeeOfEnterprise: false,
        reporter: IDENTITY,
      });
      expect(filed.statusCode, filed.body).toBe(201);
      const id = await idOf((filed.json() as { receiptCode: string }).receiptCode);
      // refused: a reporter's fields too long, an unknown field beside them, an employee without a name
      const refusals = [
        await call('/public/reports', {
          kind: 'hidden_danger',
          content: '仓库消防通道堆放货物',
          anonymous: false,
          employeeOfEnterprise: false,
          reporter: { ...IDENTITY, phone: `${IDENTITY.phone}${'9'.repeat(200)}` },
        }),
        await call('/public/reports', {
          kind: 'hidden_danger',
          content: '仓库消防通道堆放货物',
          anonymous: false,
          employeeOfEnterprise: false,
          reporter: { ...IDENTITY, nickname: IDENTITY.name },
        }),
        await call('/public/reports', {
          kind: 'hidden_danger',
          content: IDENTITY.name,
          enterpriseId: enterprise.id,
          anonymous: true,
          employeeOfEnterprise: true,
        }),
      ];
      for (const refused of refusals) {
        expect(refused.statusCode, refused.body).toBeGreaterThanOrEqual(400);
        expect(refused.statusCode).toBeLessThan(500);
      }
      expect(refusals.slice(0, 2).map((refused) => carriesIdentity(refused.body))).toEqual([false, false]);
      const read = await call(
        `/reports/${id}/identity`,
        { reason: '核实举报内容' },
        cookies['pengjiang.reports'],
      );
      expect(read.statusCode, read.body).toBe(200);
      expect((read.json() as { name: string }).name).toBe(IDENTITY.name);
      const refusedRead = await call(
        `/reports/${id}/identity`,
        { reason: '查看' },
        cookies['pengjiang.inspector'],
      );
      expect(refusedRead.statusCode).toBe(403);
      expect(carriesIdentity(refusedRead.body)).toBe(false);
    } finally {
      await logged.close();
    }
    // the log did record these requests (a line as each came in, naming it, and one as it was answered), and
    // nothing of the identity
    expect(lines.filter((line) => line.includes('/reports')).length).toBeGreaterThanOrEqual(6);
    expect(lines.length).toBeGreaterThanOrEqual(12);
    expect(lines.filter((line) => Object.values(IDENTITY).some((part) => line.includes(part)))).toEqual([]);
  });

  it('does not open an envelope moved to another report', async () => {
    const other = await api(null, 'POST', '/public/reports', {
      kind: 'other',
      content: '仓库夜间有人在货架旁吸烟',
      enterpriseId: enterprise.id,
      anonymous: false,
      employeeOfEnterprise: false,
      reporter: { name: '路人甲', phone: '13900000000' },
    });
    const otherId = await idOf((other.json() as { receiptCode: string }).receiptCode);
    await t.ctx.db.execute(
      sql`update reports set identity_cipher = (select identity_cipher from reports where id = ${named.id}) where id = ${otherId}`,
    );
    const read = await api('pengjiang.reports', 'POST', `/reports/${otherId}/identity`, { reason: '核实' });
    expect(read.statusCode).toBe(409);
    expect(carriesIdentity(read.body)).toBe(false);
  });

  it('handles the report: accept, extension approved by another, targeted inspection, verify, answer', async () => {
    expect(
      (
        await api('pengjiang.reports', 'POST', `/reports/${named.id}/handling`, {
          step: 'accept',
          note: null,
        })
      ).statusCode,
    ).toBe(200);
    const asked = await api('pengjiang.inspector', 'POST', `/reports/${named.id}/extension`, {
      days: 31,
      reason: '需检测',
    });
    expect(asked.statusCode).toBe(422);
    expect(
      (
        await api('pengjiang.inspector', 'POST', `/reports/${named.id}/extension`, {
          days: 30,
          reason: '需委托检测机构检测',
        })
      ).statusCode,
    ).toBe(204);
    expect(
      (
        await api('pengjiang.inspector', 'POST', `/reports/${named.id}/extension/decision`, {
          approved: true,
        })
      ).statusCode,
    ).toBe(403);
    expect(
      (await api('pengjiang.head', 'POST', `/reports/${named.id}/extension/decision`, { approved: true }))
        .statusCode,
    ).toBe(204);
    const detail = (await api('pengjiang.inspector', 'GET', `/reports/${named.id}`)).json() as {
      extensionDays: number;
      verifyBy: string;
      acceptedOn: string;
    };
    expect(detail.extensionDays).toBe(30);
    expect(detail.verifyBy > detail.acceptedOn).toBe(true);
    const inspection = await api('pengjiang.inspector', 'POST', `/reports/${named.id}/inspection`, {
      matters: ['work_safety_general'],
    });
    expect(inspection.statusCode, inspection.body).toBe(201);
    const { inspectionId } = inspection.json() as { inspectionId: string };
    const planned = await api('pengjiang.inspector', 'GET', `/inspections/${inspectionId}`);
    expect(planned.body).toContain(named.receiptCode);
    expect(carriesIdentity(planned.body)).toBe(false);
    expect(
      (
        await api('pengjiang.inspector', 'POST', `/reports/${named.id}/handling`, {
          step: 'verify',
          outcome: 'substantiated',
          findings: '现场查实除尘系统停用，已责令停产整改',
        })
      ).statusCode,
    ).toBe(200);
  });

  it('rewards: computed from the catalogue, approved by someone other than the proposer, paid once, followed by the reporter', async () => {
    const preview = await api('pengjiang.reports', 'POST', '/reports/reward-preview', {
      kind: 'major_hidden_danger',
      fineYuan: 100000,
      employeeOfEnterprise: false,
    });
    expect(preview.json()).toMatchObject({ amountYuan: 15000, verified: true });
    const proposed = await api('pengjiang.reports', 'POST', `/reports/${named.id}/reward`, {
      kind: 'major_hidden_danger',
      fineYuan: 100000,
    });
    expect(proposed.statusCode, proposed.body).toBe(201);
    // the employee uplift (unverified) applies: 15,000 × 1.2
    expect(proposed.json()).toMatchObject({ amountYuan: 18000 });
    expect(
      (await api('pengjiang.inspector', 'POST', `/reports/${named.id}/reward/decision`, { approved: true }))
        .statusCode,
    ).toBe(403);
    expect(
      (
        await api('pengjiang.head', 'POST', `/reports/${named.id}/reward/decision`, {
          approved: true,
          note: null,
        })
      ).statusCode,
    ).toBe(204);
    const notice = await api('pengjiang.reports', 'POST', `/reports/${named.id}/reward/notice`);
    expect(notice.statusCode, notice.body).toBe(200);
    const followed = (
      await api(null, 'POST', '/public/reports/follow', {
        receiptCode: named.receiptCode,
        password: named.password,
      })
    ).json() as { reward: { amountYuan: number; collectBy: string } };
    expect(followed.reward.amountYuan).toBe(18000);
    expect(followed.reward.collectBy).toBe((notice.json() as { collectBy: string }).collectBy);

    // the payment: dated between the notice and today, recorded once, audited, shown to the reporter
    const { noticeOn } = notice.json() as { noticeOn: string };
    for (const paidOn of [addDays(noticeOn, -1), addDays(noticeOn, 1)]) {
      const refused = await api('pengjiang.reports', 'POST', `/reports/${named.id}/reward/payment`, {
        paidOn,
        method: '银行转账',
        reference: null,
      });
      expect(refused.statusCode, refused.body).toBe(400);
      expect(refused.body).toContain('发放日期应在领奖通知之后、不晚于今天');
    }
    const payment = { paidOn: noticeOn, method: '银行转账', reference: '转账凭证 0042' };
    expect(
      (await api('pengjiang.inspector', 'POST', `/reports/${named.id}/reward/payment`, payment)).statusCode,
    ).toBe(403);
    const paid = await api('pengjiang.reports', 'POST', `/reports/${named.id}/reward/payment`, payment);
    expect(paid.statusCode, paid.body).toBe(204);
    const again = await api('pengjiang.reports', 'POST', `/reports/${named.id}/reward/payment`, payment);
    expect(again.statusCode, again.body).toBe(409);
    expect(
      (await api('pengjiang.reports', 'GET', `/reports/${named.id}`)).json() as { reward: unknown },
    ).toMatchObject({
      reward: {
        stateName: '已发放',
        paidOn: noticeOn,
        paymentMethod: '银行转账',
        paymentReference: '转账凭证 0042',
        paymentByName: expect.any(String),
      },
    });
    const audited = await rowsOf<{ payload: { paidOn: string; method: string; amountYuan: number } }>(
      sql`select payload from audit_events where entity_id = ${named.id} and action = 'report.reward.payment_recorded'`,
    );
    expect(audited.map((row) => row.payload)).toEqual([
      expect.objectContaining({ paidOn: noticeOn, method: '银行转账', amountYuan: 18000 }),
    ]);
    const followedPaid = (
      await api(null, 'POST', '/public/reports/follow', {
        receiptCode: named.receiptCode,
        password: named.password,
      })
    ).json() as { reward: { stateName: string; paidOn: string } };
    expect(followedPaid.reward).toMatchObject({ stateName: '已发放', paidOn: noticeOn });
  });

  it('merges a duplicate into the first valid report and keeps its reporter', async () => {
    const second = await api(null, 'POST', '/public/reports', {
      kind: 'major_hidden_danger',
      content: '同一家企业除尘器停用，车间粉尘很大',
      enterpriseId: enterprise.id,
      anonymous: true,
      employeeOfEnterprise: false,
    });
    const secondId = await idOf((second.json() as { receiptCode: string }).receiptCode);
    // not the later into the earlier's place: the first is kept
    const backwards = await api('pengjiang.reports', 'POST', `/reports/${named.id}/handling`, {
      step: 'merge',
      intoId: secondId,
      note: null,
    });
    expect(backwards.statusCode).toBe(422);
    const merged = await api('pengjiang.reports', 'POST', `/reports/${secondId}/handling`, {
      step: 'merge',
      intoId: named.id,
      note: '同一事项',
    });
    expect(merged.statusCode, merged.body).toBe(200);
    expect(merged.json()).toMatchObject({ state: 'merged' });
  });

  it('registers an enterprise internal reporting mechanism and flags a key-industry enterprise without one', async () => {
    const before = (
      await api('pengjiang.inspector', 'GET', `/enterprises/${enterprise.id}/internal-reporting`)
    ).json() as {
      flagged: boolean;
    };
    expect(before.flagged).toBe(true);
    // issue 17 item 2: the missing mechanism is among the grade's reasons, marked unverified
    type GradeAnswer = {
      grade: { reasons: { rule: string; factor: string; verified: boolean; text: string }[] };
      history: { trigger: string; summary: string }[];
    };
    const gradeOf = async () =>
      (await api('pengjiang.inspector', 'GET', `/enterprises/${enterprise.id}/grade`)).json() as GradeAnswer;
    const missing = (await gradeOf()).grade.reasons.filter((r) => r.rule === 'internal_reporting_missing');
    expect(missing).toEqual([expect.objectContaining({ factor: 'internal_reporting', verified: false })]);
    expect(
      (
        await api('pengjiang.inspector', 'POST', `/enterprises/${enterprise.id}/internal-reporting`, {
          establishedOn: '2025-05-20',
          channels: '班组长、安全员、意见箱、企业微信',
          rewardRule: '查实一般隐患奖励 50–200 元，重大隐患 1000 元以上',
        })
      ).statusCode,
    ).toBe(201);
    expect(
      (
        await api('pengjiang.inspector', 'POST', `/enterprises/${enterprise.id}/internal-reporting/payouts`, {
          paidOn: '2025-09-01',
          amountYuan: 200,
          hazard: '配电箱门缺失',
        })
      ).statusCode,
    ).toBe(204);
    const after = (
      await api('pengjiang.inspector', 'GET', `/enterprises/${enterprise.id}/internal-reporting`)
    ).json() as {
      flagged: boolean;
      totalPaidYuan: number;
    };
    expect(after).toMatchObject({ flagged: false, totalPaidYuan: 200 });
    // registering it regraded the enterprise at once: the reason is gone, the change recorded
    const regraded = await gradeOf();
    expect(regraded.grade.reasons.map((r) => r.rule)).not.toContain('internal_reporting_missing');
    // (the test clock stands still, so the change is found by its trigger, not its place)
    const change = regraded.history.find((h) => h.trigger === 'fact');
    expect(change?.summary).toContain('不再适用');
    expect(
      (await api('xinhui.inspector', 'GET', `/enterprises/${enterprise.id}/internal-reporting`)).statusCode,
    ).toBe(404);
  });

  // issue 17 item 1: a verified report of a violation opens a penalty case
  const verifiedReport = async (kind: string, verify = true) => {
    const filed = await api(null, 'POST', '/public/reports', {
      kind,
      content: `${IDENTITY.name} 举报：厂区夜间无证生产，未办理安全生产许可`,
      enterpriseId: enterprise.id,
      anonymous: false,
      employeeOfEnterprise: false,
      reporter: IDENTITY,
    });
    expect(filed.statusCode, filed.body).toBe(201);
    const receiptCode = (filed.json() as { receiptCode: string }).receiptCode;
    const id = await idOf(receiptCode);
    const step = async (user: string, body: Record<string, unknown>) =>
      expect((await api(user, 'POST', `/reports/${id}/handling`, body)).statusCode).toBe(200);
    await step('pengjiang.reports', { step: 'accept', note: null });
    if (verify)
      await step('pengjiang.inspector', {
        step: 'verify',
        outcome: 'substantiated',
        findings: '现场查实夜间违法生产',
      });
    return { id, receiptCode };
  };

  it('opens a penalty case from a verified report: officers who open cases only, same bureau, once', async () => {
    const report = await verifiedReport('illegal_production');
    for (const user of ['pengjiang.inspector', 'pengjiang.reports']) {
      const refused = await api(user, 'POST', `/reports/${report.id}/penalty-case`);
      expect(refused.statusCode, refused.body).toBe(403);
    }
    // an officer who opens cases, of another bureau: the report is not his to see
    await t.ctx.db.insert(users).values({
      username: 'xinhui.unithead.test',
      passwordHash: await hashPassword(demoPassword),
      displayName: '新会区执法大队 测试',
      role: 'unit_head',
      territory: '440705',
    });
    cookies['xinhui.unithead.test'] = await t.login('xinhui.unithead.test');
    const elsewhere = await api('xinhui.unithead.test', 'POST', `/reports/${report.id}/penalty-case`);
    expect(elsewhere.statusCode).toBe(404);
    expect(carriesIdentity(elsewhere.body)).toBe(false);
    const opened = await api('pengjiang.unithead', 'POST', `/reports/${report.id}/penalty-case`);
    expect(opened.statusCode, opened.body).toBe(201);
    const { penaltyCaseId } = opened.json() as { penaltyCaseId: string };
    const again = await api('pengjiang.unithead', 'POST', `/reports/${report.id}/penalty-case`);
    expect(again.statusCode).toBe(422);
    expect(again.json()).toMatchObject({ code: 'REPORT_CASE_EXISTS', title: '该举报已立案，不能重复立案' });

    const theCase = await api('pengjiang.inspector', 'GET', `/penalty-cases/${penaltyCaseId}`);
    expect(theCase.statusCode, theCase.body).toBe(200);
    expect(theCase.json()).toMatchObject({
      source: 'report',
      sourceName: '举报',
      reportId: report.id,
      originReference: `举报 ${report.receiptCode}`,
      enterpriseName: enterprise.name,
      status: 'investigating',
    });
    expect(carriesIdentity(theCase.body)).toBe(false);
    const list = await api('pengjiang.inspector', 'GET', '/penalty-cases?pageSize=200');
    expect(list.body).toContain(report.receiptCode);
    expect(carriesIdentity(list.body)).toBe(false);
    const shown = (await api('pengjiang.inspector', 'GET', `/reports/${report.id}`)).json() as {
      penaltyCaseId: string;
      penaltyCase: { id: string; decided: boolean };
    };
    expect(shown.penaltyCaseId).toBe(penaltyCaseId);
    expect(shown.penaltyCase).toMatchObject({ id: penaltyCaseId, decided: false });

    const events = await rowsOf<{ action: string; payload: unknown; territory: string }>(
      sql`select action, payload, territory from audit_events where (entity_id = ${report.id} and payload->>'step' = 'open_case') or (entity_id = ${penaltyCaseId} and action = 'penalty_case.opened')`,
    );
    expect(events.map((e) => e.action).sort()).toEqual(['penalty_case.opened', 'report.handled']);
    expect(JSON.stringify(events)).not.toContain(IDENTITY.name);
  });

  it('refuses a case from a report not verified, or whose matter is not a violation', async () => {
    const accepted = await verifiedReport('major_hidden_danger', false);
    const early = await api('pengjiang.unithead', 'POST', `/reports/${accepted.id}/penalty-case`);
    expect(early.statusCode).toBe(422);
    expect(early.json()).toMatchObject({ code: 'REPORT_CASE_NOT_VERIFIED' });
    const general = await verifiedReport('hidden_danger');
    const notViolation = await api('pengjiang.unithead', 'POST', `/reports/${general.id}/penalty-case`);
    expect(notViolation.statusCode).toBe(422);
    expect(notViolation.json()).toMatchObject({ code: 'REPORT_CASE_NOT_A_VIOLATION' });
    expect(carriesIdentity(notViolation.body)).toBe(false);
  });

  it('rewards a report that opened a case on the fine the case decided', async () => {
    const report = await verifiedReport('major_hidden_danger');
    const opened = await api('pengjiang.unithead', 'POST', `/reports/${report.id}/penalty-case`);
    const { penaltyCaseId, reference } = opened.json() as { penaltyCaseId: string; reference: string };
    const propose = () =>
      api('pengjiang.reports', 'POST', `/reports/${report.id}/reward`, {
        kind: 'major_hidden_danger',
        fineYuan: 1_000_000,
      });
    const early = await propose();
    expect(early.statusCode).toBe(409);
    expect(early.json()).toMatchObject({ code: 'REWARD_CASE_NOT_DECIDED' });
    await t.ctx.db.execute(
      sql`update penalty_cases set status = 'decided', decided_on = '2026-03-02', decision_amount_fen = 8000000 where id = ${penaltyCaseId}`,
    );
    const proposed = await propose();
    expect(proposed.statusCode, proposed.body).toBe(201);
    // 15 % of the decided 80,000 元, not of the 1,000,000 typed
    expect(proposed.json()).toMatchObject({ amountYuan: 12000 });
    expect((proposed.json() as { warnings: string[] }).warnings[0]).toContain(reference);
    const shown = (await api('pengjiang.reports', 'GET', `/reports/${report.id}`)).json() as {
      penaltyCase: { decided: boolean; fineYuan: number };
      reward: { fineYuan: number };
    };
    expect(shown.penaltyCase).toMatchObject({ decided: true, fineYuan: 80000 });
    expect(shown.reward.fineYuan).toBe(80000);
  });
});
