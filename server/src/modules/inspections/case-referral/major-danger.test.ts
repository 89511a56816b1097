import { randomUUID } from 'node:crypto';
import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import JSZip from 'jszip';
import { OPEN_STAGES } from '@inspecta/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../../../../test/helpers.ts';
import { multipartBody, sitePhoto } from '../../../../test/images.ts';
import { expectProblem } from '../../../../test/problem.ts';
import { organisations } from '../../organisations/schema.ts';
import { inspections } from '../schema.ts';

// Issue 11 items 8 and 9 (measures 14, 15; 安全生产法 第六十五条第一款第（三）项、第六十八条、第一百零二条): a major
// hidden danger found on a visit. Its emergency measures are a numbered 现场处理措施决定书 and appear in the
// 现场检查记录's handling column; work resumes only after a recorded review; the record opens with the officers'
// identification and names the site head's position; the danger goes to the legal reviewer (移交立案审查) and the
// inspection cannot close until the reviewer settles it, except a danger the enterprise found itself and fixed
// in time (measure 14).

type Doc = { id: string; type: string; number: string };

describe('a major hidden danger on a visit: decision, resumption, record and 移交立案审查 (issue 11 items 8, 9)', () => {
  let t: TestContext;
  let inspector: string;
  let unitHead: string;
  let reviewer: string;
  let inspectionId: string;
  let itemCodes: string[];
  const api = (method: 'GET' | 'POST', path: string, cookie: string, payload?: unknown) =>
    t.app.inject({
      method,
      url: `/api/v1${path}`,
      headers: { cookie },
      ...(payload === undefined ? {} : { payload: payload as Record<string, unknown> }),
    });
  const at = (minute: number) => `2026-11-26T10:${String(minute).padStart(2, '0')}:00+08:00`;
  const uploadPhoto = async (kind = 'photo') => {
    const id = randomUUID();
    const { payload, headers } = multipartBody(
      { id, kind },
      { name: 'IMG.jpg', type: 'image/jpeg', data: sitePhoto() },
    );
    const response = await t.app.inject({
      method: 'POST',
      url: `/api/v1/inspections/${inspectionId}/files`,
      headers: { ...headers, cookie: inspector },
      payload,
    });
    expect(response.statusCode, response.body).toBe(201);
    return id;
  };
  const documentText = async (id: string) => {
    const response = await api('GET', `/documents/${id}.docx`, inspector);
    expect(response.statusCode).toBe(200);
    const xml = await (await JSZip.loadAsync(response.rawPayload)).file('word/document.xml')!.async('string');
    return xml.replace(/<[^>]+>/g, '');
  };
  const documents = async () =>
    ((await api('GET', `/inspections/${inspectionId}/documents`, inspector)).json() as { items: Doc[] })
      .items;

  const danger = { id: randomUUID(), description: '除尘器未设泄爆装置，现场粉尘堆积' };
  const selfFound = { id: randomUUID(), description: '企业自查发现的涉爆粉尘区域电气未防爆' };

  beforeAll(async () => {
    t = await createTestContext({ seed: true });
    inspector = await t.login('pengjiang.inspector');
    unitHead = await t.login('pengjiang.unithead');
    reviewer = await t.login('pengjiang.reviewer');
    const [row] = await t.ctx.db
      .select({ id: inspections.id })
      .from(inspections)
      // issued by 蓬江区's bureau (a city-organised inspection's documents are numbered （江）)
      .innerJoin(
        organisations,
        eq(
          organisations.id,
          sql`coalesce(${inspections.subjectOrganisationId}, ${inspections.organisationId})`,
        ),
      )
      // one with its team of officers, whom the record's identification statement names
      .where(
        and(
          eq(inspections.territory, '440703'),
          eq(organisations.territory, '440703'),
          inArray(inspections.stage, OPEN_STAGES),
          sql`jsonb_array_length(${inspections.team}) >= 2`,
        ),
      )
      .orderBy(asc(inspections.id))
      .limit(1);
    inspectionId = row!.id;
    await t.ctx.db
      .update(inspections)
      .set({ stage: 'checked_in', matters: ['work_safety_general'] })
      .where(eq(inspections.id, inspectionId));
    const form = (await api('GET', `/inspections/${inspectionId}/form`, inspector)).json() as {
      form: { sections: { items: { code: string }[] }[] };
    };
    itemCodes = form.form.sections.flatMap((section) => section.items.map((item) => item.code));
  });
  afterAll(() => t.close());

  it('issues the emergency measures as a numbered 现场处理措施决定书 with the way to challenge it', async () => {
    const photo = await uploadPhoto();
    const proof = await uploadPhoto('proof');
    const response = await api('POST', `/inspections/${inspectionId}/sync`, inspector, {
      entries: [],
      findings: [
        {
          ...danger,
          itemCode: itemCodes[0],
          majorHiddenDanger: true,
          photoIds: [photo],
          bodyCameraRefs: [],
          recordedAt: at(10),
        },
        {
          ...selfFound,
          itemCode: itemCodes[1],
          majorHiddenDanger: true,
          foundBy: 'enterprise_self_check',
          photoIds: [],
          bodyCameraRefs: [],
          recordedAt: at(11),
          fixedOnSpot: { proofIds: [proof], note: '企业已按自查方案更换防爆电气' },
        },
      ],
      emergencyMeasures: [
        { findingId: danger.id, kind: 'suspension', note: '除尘系统所在车间暂时停产', decidedAt: at(12) },
        { findingId: danger.id, kind: 'stop_use', note: '停止使用 2 号除尘器', decidedAt: at(12) },
      ],
    });
    expect(response.statusCode, response.body).toBe(200);
    const decision = (response.json() as { decision: { documentId: string; number: string } }).decision;
    expect(decision.number).toMatch(/^（蓬江）应急现决〔2026〕\d+号$/);
    expect((await documents()).map((doc) => doc.type)).toContain('onsite_measures_decision');

    const text = await documentText(decision.documentId);
    expect(text).toContain('现场处理措施决定书');
    expect(text).toContain(decision.number);
    expect(text).toContain('责令暂时停产停业');
    expect(text).toContain('责令停止使用相关设施、设备');
    expect(text).toContain('依据《中华人民共和国安全生产法》第六十五条第一款第（三）项的规定');
    expect(text).toContain('经审查同意，方可恢复生产经营和使用');
    expect(text).toContain(
      '你单位如不服本决定，可以自收到本决定书之日起六十日内向江门市蓬江区人民政府申请行政复议，或者自收到本决定书之日起六个月内依法向江门市蓬江区人民法院提起行政诉讼。',
    );
  });

  it('lets work resume only after the danger is eliminated and a head records the review', async () => {
    const path = `/inspections/${inspectionId}/findings/${danger.id}/resumption`;
    const note = '现场复核：泄爆装置已安装并检测合格，同意恢复';
    expectProblem(await api('POST', path, unitHead, { note }), 422, 'RESUMPTION_NOT_NOW');
    // an inspector does not approve the resumption
    expectProblem(await api('POST', path, inspector, { note }), 403);
    const fixed = await api('POST', `/inspections/${inspectionId}/sync`, inspector, {
      entries: [],
      findings: [
        {
          ...danger,
          itemCode: itemCodes[0],
          majorHiddenDanger: true,
          photoIds: [],
          bodyCameraRefs: [],
          recordedAt: at(10),
          fixedOnSpot: { proofIds: [await uploadPhoto('proof')], note: '当场加装泄爆片并清理积尘' },
        },
      ],
    });
    expect(fixed.statusCode, fixed.body).toBe(200);
    const resumed = await api('POST', path, unitHead, { note });
    expect(resumed.statusCode, resumed.body).toBe(200);
    expect(resumed.json()).toMatchObject({
      lifted: ['suspension', 'stop_use'],
      resumption: { note },
    });
    expectProblem(await api('POST', path, unitHead, { note }), 409, 'RESUMPTION_NO_MEASURE');
  });

  it('opens the record with the identification, names the site head’s position and lists the decisions', async () => {
    const acknowledged = await api('POST', `/inspections/${inspectionId}/acknowledgement`, inspector, {
      signed: false,
      signerName: '周斌',
      signerPosition: '安全生产管理部经理',
      refusalNote: '拒绝签字，张伟、何建华见证',
    });
    expect(acknowledged.statusCode, acknowledged.body).toBe(200);
    expect(acknowledged.json()).toMatchObject({ signerPosition: '安全生产管理部经理' });
    const concluded = await api('POST', `/inspections/${inspectionId}/conclude`, inspector);
    expect(concluded.statusCode, concluded.body).toBe(200);
    const record = (concluded.json() as { document: Doc }).document;
    const decision = (await documents()).find((doc) => doc.type === 'onsite_measures_decision')!;
    const text = await documentText(record.id);
    expect(text).toMatch(/我们是.+应急管理局的执法人员.+，证件号码为.+，这是我们的证件（出示证件）。/);
    expect(text).toContain('现场负责人及职务');
    expect(text).toContain('周斌');
    expect(text).toContain('职务：安全生产管理部经理');
    expect(text).toContain(`责令暂时停产停业（${decision.number}）`);
    expect(text).toContain(`责令停止使用相关设施、设备（${decision.number}）`);
    expect(text).toContain('（企业自查发现）');
  });

  it('refers the danger the inspection found to the legal reviewer, not the one the enterprise found and fixed', async () => {
    const list = (await api('GET', `/case-referrals?inspectionId=${inspectionId}`, reviewer)).json() as {
      items: { id: string; findingId: string; status: string }[];
    };
    expect(list.items.map((item) => item.findingId)).toEqual([danger.id]);
    expectProblem(
      await api('POST', `/inspections/${inspectionId}/close`, inspector),
      422,
      'CLOSE_CASE_REFERRAL_OPEN',
    );
    // the unit head cannot settle it either: only the legal reviewer
    expectProblem(
      await api('POST', `/case-referrals/${list.items[0]!.id}/decision`, unitHead, {
        outcome: 'no_case',
        reason: '当场整改',
        basis: '行政处罚法第三十三条第一款',
      }),
      403,
    );
    const settled = await api('POST', `/case-referrals/${list.items[0]!.id}/decision`, reviewer, {
      outcome: 'no_case',
      reason: '同一隐患已在本年度另案立案查处，不再重复立案',
      basis: '《中华人民共和国行政处罚法》第二十九条',
    });
    expect(settled.statusCode, settled.body).toBe(200);
    expect(settled.json()).toMatchObject({
      status: 'no_case',
      basis: '《中华人民共和国行政处罚法》第二十九条',
    });
    const closed = await api('POST', `/inspections/${inspectionId}/close`, inspector);
    expect(closed.statusCode, closed.body).toBe(200);
  });
});
