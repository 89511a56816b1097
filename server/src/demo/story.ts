import { randomBytes, randomUUID } from 'node:crypto';
import type { FastifyInstance, InjectOptions } from 'fastify';
import { buildApp } from '../app.ts';
import { escalateOverdueOrders } from '../modules/inspections/index.ts';
import type { AppContext } from '../platform/http/context.ts';
import { shanghaiDate } from '../platform/http/dates.ts';
import { hashPassword } from '../platform/auth/service.ts';
import { sessionCookie } from '../platform/auth/authenticate.ts';
import { demoPassword } from './accounts.ts';
import { multipartBody, signaturePng } from './images.ts';
import { enterpriseUsersEnterprise, enterprisesWithoutInspections, insertStoryUsers } from './repository.ts';

// Issue 13 item 8: the demo tells the whole story of a year, done as its people do it, through the API: the
// city's and 蓬江区's annual plans approved and published, the key-enterprise guide list published, monthly
// plans (one filed late), and 蓬江区's inspections in every stage of their lifecycle with their documents, open
// and overdue orders, and a penalty case carried to its end. Each step runs on the day it happened: the story
// has a clock of its own that walks the past weeks, so deadlines fall due as they would have.

type Json = Record<string, unknown>;

const TERRITORY = '440703';
const DAY = 86_400_000;

// the enterprises that arrive in the story sign in to register the team's arrival (亮码入企) and to send proofs
export const storyEnterpriseAccounts = [
  { username: 'enterprise.story1', displayName: '企业安全负责人 甄文博' },
  { username: 'enterprise.story2', displayName: '企业安全负责人 司徒海燕' },
  { username: 'enterprise.story3', displayName: '企业安全负责人 区子豪' },
  { username: 'enterprise.story4', displayName: '企业安全负责人 关雅琪' },
  { username: 'enterprise.story5', displayName: '企业安全负责人 邓启航' },
];

export type StorySummary = { inspections: number; annualPlans: number; monthlyPlans: number; cases: number };

class StoryFailed extends Error {}

export const seedStory = async (ctx: AppContext): Promise<StorySummary> => {
  const end = ctx.clock.now();
  let now = end;
  const story: AppContext = { ...ctx, clock: { now: () => now } };
  const app = await buildApp({
    ctx: story,
    sessionSecret: randomBytes(32).toString('base64url'),
    webDist: null,
  });
  await app.ready();
  try {
    const today = shanghaiDate(end);
    const dayOf = (offset: number) =>
      new Date(Date.parse(`${today}T00:00:00Z`) + offset * DAY).toISOString().slice(0, 10);
    // The clock at hh:mm (Beijing) `offset` days from today; today's steps happen in the minutes before now.
    let todayStep = 0;
    const at = (offset: number, time = '09:30') => {
      if (offset >= 0) {
        todayStep += 1;
        now = new Date(
          Math.max(Date.parse(`${today}T00:00:00+08:00`), end.getTime() - 3_600_000 + todayStep * 10_000),
        );
      } else now = new Date(`${dayOf(offset)}T${time}:00+08:00`);
    };
    const client = await storyClient(app, end, {
      get: () => now,
      set: (instant) => (now = instant),
    });
    const { call, upload } = client;
    const year = Number(today.slice(0, 4));
    const month = Number(today.slice(5, 7));

    // --- measure 1: the annual plans, approved by the government at the turn of the year and published ---
    const annualPlans: string[] = [];
    for (const [reviewer, workdays, number] of [
      ['city.reviewer', { licensing: 300, duty_shifts: 200 }, `江府函〔${year - 1}〕186号`],
      ['pengjiang.reviewer', { licensing: 120, duty_shifts: 80 }, `蓬府函〔${year - 1}〕97号`],
    ] as const) {
      now = new Date(`${year - 1}-12-08T10:00:00+08:00`);
      const plan = await call<{ id: string }>(reviewer, 'POST', '/annual-plans/compute', { year, workdays });
      const step = (path: string, day: string, body: Json) => {
        now = new Date(`${year - 1}-12-${day}T10:00:00+08:00`);
        return call(reviewer, 'POST', `/annual-plans/${plan.id}/${path}`, body);
      };
      await step('submit', '12', { discussedOn: `${year - 1}-12-11`, submittedOn: `${year - 1}-12-12` });
      await step('approve', '22', { documentNumber: number, approvedOn: `${year - 1}-12-22` });
      await step('file', '24', { filedOn: `${year - 1}-12-24` });
      await step('publish', '28', { publishedOn: `${year - 1}-12-28` });
      annualPlans.push(plan.id);
    }

    // --- measure 4: the key-enterprise guide list, drawn up by the reviewer, approved by the head, published ---
    now = new Date(`${year - 1}-12-15T10:00:00+08:00`);
    const list = await call<{ id: string }>('city.reviewer', 'POST', '/guide-lists', { year });
    now = new Date(`${year - 1}-12-18T10:00:00+08:00`);
    await call('city.head', 'POST', `/guide-lists/${list.id}/approve`, { comment: '同意，按程序公布' });
    now = new Date(`${year - 1}-12-20T10:00:00+08:00`);
    await call('city.reviewer', 'POST', `/guide-lists/${list.id}/publish`, {});

    // --- measure 2: 蓬江区's monthly plans: last month's filed late, this month's on time, next month's a draft ---
    let monthlyPlans = 0;
    const monthStart = (m: number) => `${year}-${String(m).padStart(2, '0')}-01`;
    const shift = (date: string, days: number) =>
      new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY).toISOString().slice(0, 10);
    const monthly = async (m: number, createdOn: string, submittedOn: string | null) => {
      now = new Date(`${createdOn}T09:00:00+08:00`);
      const plan = await call<{ id: string }>('pengjiang.unithead', 'POST', '/monthly-plans', {
        year,
        month: m,
      });
      monthlyPlans += 1;
      if (!submittedOn) return;
      now = new Date(`${submittedOn}T16:00:00+08:00`);
      await call('pengjiang.unithead', 'POST', `/monthly-plans/${plan.id}/submit`, {});
      now = new Date(`${shift(submittedOn, 1)}T10:00:00+08:00`);
      await call('pengjiang.reviewer', 'POST', `/monthly-plans/${plan.id}/file`, {});
    };
    if (month > 1)
      await monthly(month - 1, shift(monthStart(month - 1), -6), shift(monthStart(month - 1), 3));
    if (shift(monthStart(month), -2) < today)
      await monthly(month, shift(monthStart(month), -5), shift(monthStart(month), -3));
    if (month < 12) await monthly(month + 1, dayOf(-1), null);

    // --- measures 5–15: 蓬江区's inspections, one in each stage ---
    const portal = await enterpriseUsersEnterprise(ctx.db);
    const picked = await enterprisesWithoutInspections(ctx.db, TERRITORY, 16);
    const enterprisesLeft = picked.filter((row) => row.id !== portal);
    const next = () => {
      const row = enterprisesLeft.shift();
      if (!row) throw new StoryFailed('演示故事：蓬江区可用的企业不足');
      return row.id;
    };
    const accounts = new Map<string, string>();
    const withAccount = async (enterpriseId: string) => {
      const account = storyEnterpriseAccounts[accounts.size]!;
      accounts.set(enterpriseId, account.username);
      return enterpriseId;
    };
    const accountIds: string[] = [];
    for (let i = 0; i < storyEnterpriseAccounts.length; i += 1) accountIds.push(await withAccount(next()));
    await insertStoryUsers(
      ctx.db,
      storyEnterpriseAccounts.map((account, i) => ({
        username: account.username,
        displayName: account.displayName,
        enterpriseId: accountIds[i]!,
        territory: TERRITORY,
      })),
      await hashPassword(demoPassword),
    );
    await client.logIn([...storyEnterpriseAccounts.map((a) => a.username)]);
    if (portal) accounts.set(portal, 'enterprise.demo');

    const inspector = 'pengjiang.inspector';
    const head = 'pengjiang.head';
    const team = await client.certifiedTeam(inspector);
    let complaints = 0;
    const planInspection = async (enterpriseId: string, plannedOn: string) => {
      complaints += 1;
      const planned = await call<{ inspection: { id: string } }>(inspector, 'POST', '/inspections', {
        enterpriseId,
        plannedOn,
        kind: 'targeted',
        matters: ['work_safety_general'],
        trigger: 'complaint_or_report',
        triggerReference: `12345-${year}-${String(1100 + complaints * 37).padStart(5, '0')}`,
      });
      return planned.inspection.id;
    };
    const draft = (id: string, plannedOn: string) =>
      call(inspector, 'POST', `/inspections/${id}/onsite-plan`, {
        officers: team,
        scheduledAt: `${plannedOn}T09:30:00+08:00`,
      });
    const submit = (id: string) => call(inspector, 'POST', `/inspections/${id}/onsite-plan/submit`, {});
    const approve = (id: string) =>
      call(head, 'POST', `/inspections/${id}/onsite-plan/decision`, { approve: true, comment: '同意' });
    const notify = (id: string) =>
      call(inspector, 'POST', `/inspections/${id}/notify`, { selfCheckList: true });
    // planned `days` from today: planned, drafted, submitted, approved and notified over the days before
    const approvedAndNotified = async (enterpriseId: string, offset: number) => {
      const plannedOn = dayOf(offset);
      at(Math.min(offset, 0) - 6);
      const id = await planInspection(enterpriseId, plannedOn);
      await draft(id, plannedOn);
      await submit(id);
      at(Math.min(offset, 0) - 5, '15:00');
      await approve(id);
      at(Math.min(offset, 0) - 4, '10:00');
      await notify(id);
      return id;
    };
    // the team arrives on the planned day and records what it finds; the enterprise head signs
    const visited = async (
      enterpriseId: string,
      offset: number,
      found: { description: string; fixed?: boolean }[],
    ) => {
      const id = await approvedAndNotified(enterpriseId, offset);
      at(offset, '09:35');
      const { token } = await call<{ token: string }>(inspector, 'GET', `/inspections/${id}/checkin-code`);
      await call(accounts.get(enterpriseId)!, 'POST', `/public/checkin/${token}/arrive`, {
        location: { latitude: 22.59, longitude: 113.07, accuracy: 12 },
      });
      at(offset, '10:40');
      const form = await call<{ form: { sections: { items: { code: string }[] }[] } }>(
        inspector,
        'GET',
        `/inspections/${id}/form`,
      );
      const items = form.form.sections.flatMap((section) => section.items.map((item) => item.code));
      const findingIds: string[] = [];
      const findings = [];
      for (const [index, finding] of found.entries()) {
        const findingId = randomUUID();
        findingIds.push(findingId);
        const fixed = finding.fixed
          ? {
              proofIds: [await upload(inspector, `/inspections/${id}/files`, { kind: 'photo' }, 30 + index)],
              note: '已当场整改，见整改后照片',
            }
          : undefined;
        findings.push({
          id: findingId,
          itemCode: items[index + 1] ?? items[0]!,
          description: finding.description,
          majorHiddenDanger: false,
          photoIds: [await upload(inspector, `/inspections/${id}/files`, { kind: 'photo' }, 40 + index)],
          bodyCameraRefs: [],
          recordedAt: now.toISOString(),
          ...(fixed ? { fixedOnSpot: fixed } : {}),
        });
      }
      await call(inspector, 'POST', `/inspections/${id}/sync`, {
        entries: items.slice(found.length + 1, found.length + 5).map((itemCode) => ({
          id: randomUUID(),
          itemCode,
          outcome: 'conforming',
          recordedAt: now.toISOString(),
        })),
        findings,
      });
      return { id, findingIds: findingIds.filter((_, index) => !found[index]!.fixed) };
    };
    const signAndConclude = async (id: string, signer: string) => {
      const signatureFileId = await upload(inspector, `/inspections/${id}/files`, { kind: 'signature' }, 28);
      await call(inspector, 'POST', `/inspections/${id}/acknowledgement`, {
        signed: true,
        signerName: signer,
        signerPosition: '安全生产管理负责人',
        signatureFileId,
      });
      await call(inspector, 'POST', `/inspections/${id}/conclude`, {});
    };
    const order = async (id: string, findingIds: string[], workdays: number) => {
      const issued = await call<{ id: string }>(
        inspector,
        'POST',
        `/inspections/${id}/rectification-orders`,
        {
          findingIds,
          requirements: '逐项整改到位，整改期间落实临时管控措施，整改完成后上传整改材料',
          deadline: { workdays },
        },
      );
      return issued.id;
    };
    const proof = (enterpriseId: string, orderId: string, size: number) =>
      upload(
        accounts.get(enterpriseId)!,
        `/rectification-orders/${orderId}/proofs`,
        { note: '已按要求整改，附整改后照片' },
        size,
      );

    const stages: string[] = [];
    // a remote check found nothing: no visit (measure 7)
    {
      at(-16);
      const id = await planInspection(next(), dayOf(-14));
      at(-15, '14:00');
      await call(inspector, 'POST', `/inspections/${id}/remote-check`, {
        mode: 'written',
        checkedOn: dayOf(-15),
        violation: false,
        note: '调阅企业安全生产台账与隐患排查记录，书面核查未发现违法行为',
      });
      stages.push(id);
    }
    // planned, the date passed without a visit
    at(-10);
    stages.push(await planInspection(next(), dayOf(-3)));
    // planned for a fortnight from now
    at(-1);
    stages.push(await planInspection(next(), dayOf(14)));
    // on-site plan drafted
    {
      at(-2);
      const id = await planInspection(next(), dayOf(9));
      await draft(id, dayOf(9));
      stages.push(id);
    }
    // on-site plan waiting for the head's approval
    {
      at(-1, '11:00');
      const id = await planInspection(next(), dayOf(8));
      await draft(id, dayOf(8));
      await submit(id);
      stages.push(id);
    }
    // on-site plan returned to the inspector
    {
      at(-3);
      const id = await planInspection(next(), dayOf(7));
      await draft(id, dayOf(7));
      await submit(id);
      at(-2, '16:00');
      await call(head, 'POST', `/inspections/${id}/onsite-plan/decision`, {
        approve: false,
        comment: '检查组须有具备危险化学品专业资质的人员，请调整后重新报批',
      });
      stages.push(id);
    }
    // approved, the enterprise not yet notified
    {
      at(-2);
      const id = await planInspection(next(), dayOf(5));
      await draft(id, dayOf(5));
      await submit(id);
      at(-1, '15:00');
      await approve(id);
      stages.push(id);
    }
    // notified, the visit due in two days
    stages.push(await approvedAndNotified(next(), 2));
    // the team on site today
    {
      const enterpriseId = accountIds[0]!;
      const id = await approvedAndNotified(enterpriseId, 0);
      at(0);
      const { token } = await call<{ token: string }>(inspector, 'GET', `/inspections/${id}/checkin-code`);
      await call(accounts.get(enterpriseId)!, 'POST', `/public/checkin/${token}/arrive`, {
        location: { latitude: 22.59, longitude: 113.07, accuracy: 12 },
      });
      stages.push(id);
    }
    // findings recorded yesterday, the record not yet concluded
    stages.push(
      (
        await visited(accountIds[1]!, -1, [
          { description: '配电箱前堆放杂物，影响操作和检修' },
          { description: '部分岗位员工未按规定佩戴防护口罩', fixed: true },
        ])
      ).id,
    );
    // concluded with an order; the enterprise has sent its proof, waiting for review
    if (portal) {
      const { id, findingIds } = await visited(portal, -12, [
        { description: '粉尘清扫制度未落实，车间积尘明显' },
        { description: '应急疏散指示标志损坏', fixed: true },
      ]);
      const orderId = await order(id, findingIds, 20);
      await signAndConclude(id, '周斌');
      at(-2, '16:20');
      await proof(portal, orderId, 31);
      stages.push(id);
    }
    // concluded with an order now overdue
    {
      const { id, findingIds } = await visited(accountIds[2]!, -20, [
        { description: '有限空间作业未设置警示标志，未制定作业审批制度' },
      ]);
      await order(id, findingIds, 5);
      await signAndConclude(id, '区子豪');
      stages.push(id);
    }
    // the order reviewed and passed, the inspection closed
    {
      const enterpriseId = accountIds[3]!;
      const { id, findingIds } = await visited(enterpriseId, -30, [
        { description: '叉车司机未取得特种设备作业人员证' },
        { description: '消防通道被货物占用', fixed: true },
      ]);
      const orderId = await order(id, findingIds, 10);
      await signAndConclude(id, '关雅琪');
      at(-22, '11:00');
      await proof(enterpriseId, orderId, 33);
      at(-20, '15:00');
      await call(inspector, 'POST', `/rectification-orders/${orderId}/review`, {
        passed: true,
        comment: '经现场复查，叉车司机已取得作业人员证，整改到位',
      });
      at(-19, '10:00');
      await call(inspector, 'POST', `/inspections/${id}/close`, {});
      stages.push(id);
    }
    // the order ignored: a penalty case opened on it and carried to its end (measure 15)
    let cases = 0;
    {
      const { id, findingIds } = await visited(accountIds[4]!, -45, [
        { description: '未对重大危险源进行定期检测、评估和监控' },
      ]);
      const enterpriseId = accountIds[4]!;
      const orderId = await order(id, findingIds, 5);
      await signAndConclude(id, '邓启航');
      at(-38, '17:00');
      await proof(enterpriseId, orderId, 35);
      at(-36, '10:00');
      await call(inspector, 'POST', `/rectification-orders/${orderId}/review`, {
        passed: false,
        comment: '复查发现重大危险源在线监控设施仍未安装，整改不到位',
      });
      // the next morning's scan escalates the order, past its deadline and failed at review (移交立案候选)
      at(-34, '07:00');
      await escalateOverdueOrders(story);
      at(-34, '10:00');
      const opened = await call<{ id: string }>('pengjiang.reviewer', 'POST', '/penalty-cases', {
        source: 'overdue_order',
        rectificationOrderId: orderId,
      });
      const act = (who: string, body: Json) =>
        call<Json>(who, 'POST', `/penalty-cases/${opened.id}/actions`, body);
      at(-33, '10:00');
      await call(inspector, 'PUT', `/penalty-cases/${opened.id}/facts`, {
        violationCode: 'wsl_102_1',
        committedOn: dayOf(-45),
        circumstances: ['refused_to_correct'],
        foundBy: 'inspection',
      });
      await call(inspector, 'POST', `/penalty-cases/${opened.id}/evidence`, {
        kind: 'inquiry_record',
        description: '询问笔录：企业负责人承认逾期未完成整改',
      });
      await call(inspector, 'POST', `/penalty-cases/${opened.id}/evidence`, {
        kind: 'photo',
        description: '复查现场照片：重大危险源监控设施仍未安装',
      });
      const proposed = await call<{
        proposal: { tier: string; amountFen: number | null };
        needsCollectiveDiscussion: boolean;
      }>(inspector, 'POST', `/penalty-cases/${opened.id}/proposal`);
      await act(inspector, { action: 'submit_for_review' });
      at(-31, '15:00');
      await act('pengjiang.reviewer', { action: 'approve_review', note: '事实清楚，证据确凿，裁量适当' });
      if (proposed.needsCollectiveDiscussion) {
        at(-30, '16:00');
        await act(head, { action: 'record_discussion', note: '局务会集体讨论，同意裁量建议' });
      }
      at(-29, '10:00');
      await act(inspector, { action: 'notify', notifiedOn: dayOf(-29) });
      at(-15, '10:00');
      await act(head, {
        action: 'decide',
        tier: proposed.proposal.tier,
        amountFen: proposed.proposal.amountFen,
      });
      at(-14, '10:00');
      await act(inspector, { action: 'serve', servedOn: dayOf(-14), withCreditRepairNotice: true });
      // 履行: the fine paid at the bank within its fifteen days, then the case closes
      at(-9, '10:00');
      if (proposed.proposal.amountFen)
        await call(inspector, 'POST', `/penalty-cases/${opened.id}/fine-payments`, {
          paidOn: dayOf(-10),
          amountFen: proposed.proposal.amountFen,
          reference: `JM${dayOf(-10).replaceAll('-', '')}${String(cases + 1).padStart(4, '0')}`,
        });
      at(-8, '10:00');
      await act(inspector, { action: 'close' });
      cases += 1;
      at(-7, '11:00');
      await call(inspector, 'POST', `/inspections/${id}/close`, {});
      stages.push(id);
    }
    // measure 30: a complaint about an officer's handling, drafted by the legal reviewer and waiting for the bureau
    // head (criticism and education: no certificate changes, so no scenario's team does)
    at(-3, '15:00');
    const roster = await call<{ items: { id: string }[] }>(
      'pengjiang.reviewer',
      'GET',
      `/officers?territory=${TERRITORY}&pageSize=50&onRoster=true`,
    );
    const record = await call<{ id: string }>('pengjiang.reviewer', 'POST', '/accountability-records', {
      kind: 'improper',
      facts: '检查中未出示执法证件、未告知企业申请回避的权利，经企业投诉核实',
      origin: 'complaint',
      originReference: '12345-2026-1126',
      correction: { kind: 'correct', detail: '向企业说明情况并补充告知', deadline: null },
      persons: [{ officerId: roster.items.at(-1)!.id, sanction: 'criticism_education', note: '' }],
    });
    await call('pengjiang.reviewer', 'POST', `/accountability-records/${record.id}/submission`, {});
    return { inspections: stages.length, annualPlans: annualPlans.length, monthlyPlans, cases };
  } finally {
    await app.close();
  }
};

// Requests as the demo accounts, each signed in once at the story's last moment (a session is valid until it
// expires, so it serves every earlier step); a refusal stops the story with what was refused.
const storyClient = async (
  app: FastifyInstance,
  end: Date,
  clock: { get: () => Date; set: (instant: Date) => void },
) => {
  const cookies = new Map<string, string>();
  let addresses = 0;
  const logIn = async (usernames: string[]) => {
    const saved = clock.get();
    clock.set(end);
    for (const username of usernames) {
      addresses += 1;
      const response = await app.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        payload: { username, password: demoPassword },
        remoteAddress: `10.9.${Math.floor(addresses / 250)}.${addresses % 250}`,
      });
      if (response.statusCode !== 200)
        throw new StoryFailed(`演示故事：${username} 登录失败 ${response.body}`);
      const cookie = response.cookies.find((c) => c.name === sessionCookie)!;
      cookies.set(username, `${sessionCookie}=${cookie.value}`);
    }
    clock.set(saved);
  };
  await logIn([
    'city.reviewer',
    'city.head',
    'pengjiang.reviewer',
    'pengjiang.unithead',
    'pengjiang.inspector',
    'pengjiang.head',
    'enterprise.demo',
  ]);
  const send = async <T>(username: string, options: InjectOptions): Promise<T> => {
    const response = await app.inject({
      ...options,
      headers: { ...options.headers, cookie: cookies.get(username)! },
    });
    if (response.statusCode >= 300)
      throw new StoryFailed(
        `演示故事：${username} ${options.method ?? 'GET'} ${String(options.url)} → ${response.statusCode} ${response.body}`,
      );
    return (response.body ? response.json() : {}) as T;
  };
  const call = <T = Json>(username: string, method: 'GET' | 'POST' | 'PUT', path: string, body?: Json) =>
    send<T>(username, { method, url: `/api/v1${path}`, ...(body === undefined ? {} : { payload: body }) });
  // a PNG as a file: a signature, or a photo of the site or of the fix (each size a different picture)
  const upload = async (username: string, path: string, fields: Json, size: number): Promise<string> => {
    const id = randomUUID();
    const { payload, headers } = multipartBody(
      { id, ...(fields as Record<string, string>) },
      { name: `IMG_${size}.png`, type: 'image/png', data: signaturePng(size) },
    );
    await send(username, { method: 'POST', url: `/api/v1${path}`, headers, payload });
    return id;
  };
  // two of 蓬江区's officers whose certificates are valid today
  const certifiedTeam = async (username: string): Promise<string[]> => {
    const officers = await call<{
      items: { certificates: { number: string; statusToday: string }[]; mayInspectToday: { ok: boolean } }[];
    }>(username, 'GET', `/officers?territory=${TERRITORY}&pageSize=50&onRoster=true`);
    return officers.items
      .filter((officer) => officer.mayInspectToday.ok)
      .flatMap((officer) =>
        officer.certificates.filter((c) => c.statusToday === 'valid').map((c) => c.number),
      )
      .slice(0, 2);
  };
  return { call, upload, logIn, certifiedTeam };
};
