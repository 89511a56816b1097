import { randomUUID } from 'node:crypto';
import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import { OPEN_STAGES, type InspectionStage } from '@inspecta/domain';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../../../../test/helpers.ts';
import { multipartBody, photoTakenAt, signaturePng, sitePhoto } from '../../../../test/images.ts';
import { expectProblem } from '../../../../test/problem.ts';
import { buildApp } from '../../../app.ts';
import { auditEvents } from '../../../platform/audit/schema.ts';
import { organisations } from '../../organisations/schema.ts';
import { inspections } from '../schema.ts';
import { sha256Of } from '../evidence-files.ts';
import { checklistEntries, evidenceFiles, findings } from '../schema.ts';

// Issue 5 items 6, 7 (first half) and 10: the on-site record from the officer's phone, its offline replays,
// its photos and the enterprise head's acknowledgement.

type FormItem = {
  code: string;
  itemCodes: string[];
  text: string;
  howToFix: string;
  citation: string;
  majorHiddenDanger: boolean;
};
type Form = {
  inspection: { id: string; stage: string; recording: boolean; acknowledgement: unknown };
  form: { sections: { checklistCode: string; items: FormItem[] }[] };
  entries: { id: string; formItemCode: string; outcome: string }[];
  findings: {
    id: string;
    status: string;
    basis: string;
    howToFix: string;
    photoIds: string[];
    fixProofIds: string[];
    emergencyMeasures: { kind: string }[];
  }[];
  files: { id: string; takenAt: string | null }[];
};
type SyncAnswer = {
  stage: string;
  entries: { stored: string[]; already: string[] };
  findings: { stored: string[]; already: string[]; fixed: string[] };
  emergencyMeasures: { stored: string[]; already: string[] };
  decision?: { documentId: string; number: string } | null;
};

describe('the on-site record on a phone (issue 5 items 6, 7, 10; measures 12, 13)', () => {
  let t: TestContext;
  let inspector: string;
  let inspectionId: string;
  let items: FormItem[];
  const url = (path = '', id = inspectionId) => `/api/v1/inspections/${id}${path}`;
  const sync = (body: Record<string, unknown>, id = inspectionId, app: FastifyInstance = t.app) =>
    app.inject({
      method: 'POST',
      url: url('/sync', id),
      headers: { cookie: inspector },
      payload: { entries: [], findings: [], ...body },
    });
  const upload = (
    fields: Record<string, string>,
    file: { name: string; type: string; data: Buffer },
    id = inspectionId,
    app: FastifyInstance = t.app,
  ) => {
    const { payload, headers } = multipartBody(fields, file);
    return app.inject({
      method: 'POST',
      url: url('/files', id),
      headers: { ...headers, cookie: inspector },
      payload,
    });
  };
  const uploadPhoto = async (kind = 'photo', data = sitePhoto()) => {
    const id = randomUUID();
    const response = await upload({ id, kind }, { name: 'IMG_0001.jpg', type: 'image/jpeg', data });
    expect(response.statusCode, response.body).toBe(201);
    return id;
  };
  const readForm = async () => {
    const response = await t.app.inject({ url: url('/form'), headers: { cookie: inspector } });
    expect(response.statusCode, response.body).toBe(200);
    return response.json() as Form;
  };
  const eventsOf = (actions: string[]) =>
    t.ctx.db
      .select({ action: auditEvents.action, payload: auditEvents.payload })
      .from(auditEvents)
      .where(and(eq(auditEvents.entityId, inspectionId), inArray(auditEvents.action, actions)))
      .orderBy(asc(auditEvents.seq));
  const at = (minute: number) => `2026-11-26T10:${String(minute).padStart(2, '0')}:00+08:00`;
  // an inspection of 蓬江区 whose documents 蓬江区's bureau issues (not a city-organised one, numbered （江）), put at
  // the stage given, with the general work-safety matter
  const inspectionAt = async (stage: InspectionStage, offset: number) => {
    const [row] = await t.ctx.db
      .select({ id: inspections.id })
      .from(inspections)
      .innerJoin(
        organisations,
        eq(
          organisations.id,
          sql`coalesce(${inspections.subjectOrganisationId}, ${inspections.organisationId})`,
        ),
      )
      .where(
        and(
          eq(inspections.territory, '440703'),
          eq(organisations.territory, '440703'),
          inArray(inspections.stage, OPEN_STAGES),
        ),
      )
      .orderBy(asc(inspections.id))
      .offset(offset)
      .limit(1);
    await t.ctx.db
      .update(inspections)
      .set({ stage, matters: ['work_safety_general'] })
      .where(eq(inspections.id, row!.id));
    return row!.id;
  };

  beforeAll(async () => {
    t = await createTestContext({ seed: true });
    inspector = await t.login('pengjiang.inspector');
    inspectionId = await inspectionAt('checked_in', 0);
    items = (await readForm()).form.sections.flatMap((section) => section.items);
  });
  afterAll(() => t.close());

  it('gives the merged form of the inspection, each item with its basis and a plain-language fix', async () => {
    const form = await readForm();
    expect(form.inspection).toMatchObject({
      id: inspectionId,
      stage: 'checked_in',
      recording: true,
      acknowledgement: null,
    });
    expect(form.form.sections.map((section) => section.checklistCode)).toContain('common_duties');
    expect(items.length).toBeGreaterThan(3);
    for (const item of items) {
      expect(item.citation).toMatch(/[\u4e00-\u9fff]/);
      expect(item.howToFix).toMatch(/[\u4e00-\u9fff]/);
    }
  });

  it('stores a photo with its SHA-256, type by content and the camera’s EXIF time, once, and serves it', async () => {
    const data = photoTakenAt('2026:11:26 10:15:30');
    const id = randomUUID();
    const first = await upload(
      { id, kind: 'photo', takenAt: at(15), latitude: '22.5791', longitude: '113.0815' },
      { name: 'IMG_0042.jpg', type: 'image/jpeg', data },
    );
    expect(first.statusCode, first.body).toBe(201);
    expect(first.json()).toMatchObject({
      id,
      sha256: sha256Of(data),
      size: data.length,
      mediaType: 'image/jpeg',
      takenAt: '2026:11:26 10:15:30',
      replayed: false,
    });
    // the phone lost the answer and sends it again: nothing new
    const again = await upload({ id, kind: 'photo' }, { name: 'IMG_0042.jpg', type: 'image/jpeg', data });
    expect(again.statusCode).toBe(200);
    expect(again.json()).toMatchObject({ id, replayed: true });
    expect(
      await t.ctx.db.select({ id: evidenceFiles.id }).from(evidenceFiles).where(eq(evidenceFiles.id, id)),
    ).toHaveLength(1);
    expect(await eventsOf(['inspection.evidence.uploaded'])).toEqual([
      expect.objectContaining({
        payload: expect.objectContaining({ fileId: id, takenAt: '2026:11:26 10:15:30' }),
      }),
    ]);

    const served = await t.app.inject({ url: url(`/files/${id}`), headers: { cookie: inspector } });
    expect(served.statusCode).toBe(200);
    expect(served.headers['content-type']).toBe('image/jpeg');
    expect(served.rawPayload.equals(data)).toBe(true);
    // another county's officer does not see it
    const other = await t.login('xinhui.inspector');
    expectProblem(
      await t.app.inject({ url: url(`/files/${id}`), headers: { cookie: other } }),
      404,
      'NOT_FOUND',
    );
  });

  it('refuses an upload over 8 MB with 413 and a message that names the limit', async () => {
    const data = Buffer.concat([sitePhoto(), Buffer.alloc(9 * 1024 * 1024)]);
    const refusal = expectProblem(
      await upload({ id: randomUUID(), kind: 'photo' }, { name: 'big.jpg', type: 'image/jpeg', data }),
      413,
      'FILE_TOO_LARGE',
    );
    expect(refusal.title).toBe('上传的文件过大');
    expect(refusal.detail).toContain('8 MB');
    // past the transport limit the multipart reader refuses it too, in Chinese
    const huge = Buffer.concat([sitePhoto(), Buffer.alloc(11 * 1024 * 1024)]);
    expectProblem(
      await upload({ id: randomUUID(), kind: 'photo' }, { name: 'huge.jpg', type: 'image/jpeg', data: huge }),
      413,
      'FILE_TOO_LARGE',
    );
  });

  it('refuses a text file renamed .jpg with 415, judging by the content', async () => {
    const data = Buffer.from('这不是照片，只是改了扩展名的文本文件。\n'.repeat(20), 'utf8');
    const refusal = expectProblem(
      await upload({ id: randomUUID(), kind: 'photo' }, { name: 'photo.jpg', type: 'image/jpeg', data }),
      415,
      'FILE_TYPE_NOT_ALLOWED',
    );
    expect(refusal.title).toContain('JPEG');
    // a signature must be the PNG the pad draws
    expectProblem(
      await upload(
        { id: randomUUID(), kind: 'signature' },
        { name: 'sign.png', type: 'image/png', data: sitePhoto() },
      ),
      415,
      'FILE_TYPE_NOT_ALLOWED',
    );
  });

  it('refuses a finding whose photo was not uploaded, naming the photo, and stores nothing of the batch', async () => {
    const missing = randomUUID();
    const entryId = randomUUID();
    const refusal = expectProblem(
      await sync({
        entries: [{ id: entryId, itemCode: items[0]!.code, outcome: 'finding', recordedAt: at(20) }],
        findings: [
          {
            id: randomUUID(),
            itemCode: items[0]!.code,
            description: '未建立全员安全生产责任制',
            majorHiddenDanger: false,
            photoIds: [missing],
            bodyCameraRefs: [],
            recordedAt: at(20),
          },
        ],
      }),
      422,
      'EVIDENCE_NOT_UPLOADED',
    );
    expect(refusal.title).toContain(missing);
    expect(refusal.errors).toEqual([expect.objectContaining({ path: ['findings', 0, 'photoIds'] })]);
    expect(
      await t.ctx.db.select().from(checklistEntries).where(eq(checklistEntries.id, entryId)),
    ).toHaveLength(0);
  });

  it('refuses an item that is not on the inspection’s form', async () => {
    const refusal = expectProblem(
      await sync({
        entries: [{ id: randomUUID(), itemCode: 'hc_1', outcome: 'conforming', recordedAt: at(21) }],
      }),
      422,
      'CHECKLIST_ITEM_NOT_IN_FORM',
    );
    expect(refusal.title).toContain('hc_1');
    expect(refusal.measure).toBe(8);
  });

  it('stores a batch once: replayed, it creates nothing twice, answers the same records, and writes one audit event per new row', async () => {
    const photo = await uploadPhoto();
    const proof = await uploadPhoto('proof');
    const entries = items.slice(0, 3).map((item, index) => ({
      id: randomUUID(),
      itemCode: item.code,
      outcome: index === 2 ? 'not_applicable' : index === 0 ? 'finding' : 'conforming',
      recordedAt: at(30 + index),
    }));
    const fixed = {
      id: randomUUID(),
      itemCode: items[0]!.code,
      description: '安全管理台账缺两个月的记录',
      majorHiddenDanger: false,
      photoIds: [photo],
      bodyCameraRefs: ['DSJ-0931 10:31'],
      recordedAt: at(31),
      fixedOnSpot: { proofIds: [proof], note: '企业当场补齐台账' },
    };
    const major = {
      id: randomUUID(),
      itemCode: items[1]!.code,
      description: '动火作业未审批，现场有可燃物',
      majorHiddenDanger: true,
      photoIds: [photo],
      bodyCameraRefs: [],
      location: { latitude: 22.58, longitude: 113.08, accuracy: 12 },
      recordedAt: at(32),
    };
    const measure = {
      findingId: major.id,
      kind: 'evacuation',
      note: '撤出动火区域作业人员 6 人',
      decidedAt: at(33),
    };
    const batch = { entries, findings: [fixed, major], emergencyMeasures: [measure] };
    const actions = [
      'inspection.entry.recorded',
      'inspection.finding.recorded',
      'inspection.emergency_measure.taken',
    ];
    const before = (await eventsOf(actions)).length;

    const first = await sync(batch);
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json()).toEqual({
      stage: 'findings_recorded',
      entries: { stored: entries.map((e) => e.id), already: [] },
      findings: { stored: [fixed.id, major.id], already: [], fixed: [] },
      emergencyMeasures: { stored: [`${major.id}:evacuation`], already: [] },
      // issue 11 item 9: the measure is a decision, served as a numbered 现场处理措施决定书
      decision: { documentId: expect.any(String), number: '（蓬江）应急现决〔2026〕1号' },
    } satisfies SyncAnswer);
    const afterFirst = await eventsOf(actions);
    // 3 entries + 2 findings + 1 measure, and the stage move (recorded as an entry event with from/to)
    expect(afterFirst.length - before).toBe(3 + 2 + 1 + 1);
    expect(
      afterFirst.filter((event) => (event.payload as { to?: string }).to === 'findings_recorded'),
    ).toHaveLength(1);

    const replay = await sync(batch);
    expect(replay.statusCode, replay.body).toBe(200);
    expect(replay.json()).toEqual({
      stage: 'findings_recorded',
      entries: { stored: [], already: entries.map((e) => e.id) },
      findings: { stored: [], already: [fixed.id, major.id], fixed: [] },
      emergencyMeasures: { stored: [], already: [`${major.id}:evacuation`] },
    } satisfies SyncAnswer);
    expect(await eventsOf(actions)).toHaveLength(afterFirst.length);
    expect(
      await t.ctx.db
        .select({ n: sql<number>`count(*)::int` })
        .from(checklistEntries)
        .where(
          inArray(
            checklistEntries.id,
            entries.map((e) => e.id),
          ),
        ),
    ).toEqual([{ n: 3 }]);

    // measure 13: the finding carries its item's basis and how to fix it; the one fixed at once has its proof
    const form = await readForm();
    const stored = new Map(form.findings.map((finding) => [finding.id, finding]));
    expect(stored.get(fixed.id)).toMatchObject({
      status: 'fixed_on_spot',
      fixProofIds: [proof],
      howToFix: items[0]!.howToFix,
      basis: items[0]!.citation,
    });
    expect(stored.get(major.id)).toMatchObject({
      status: 'open',
      emergencyMeasures: [
        expect.objectContaining({
          kind: 'evacuation',
          note: measure.note,
          decisionNumber: '（蓬江）应急现决〔2026〕1号',
          resumption: null,
        }),
      ],
    });
    expect(form.inspection.stage).toBe('findings_recorded');
  });

  it('records the 第六十五条 measures only for a major hidden danger, and a fix made later in the visit', async () => {
    const photo = await uploadPhoto();
    const minor = {
      id: randomUUID(),
      itemCode: items[2]!.code,
      description: '应急预案未按期演练',
      majorHiddenDanger: false,
      photoIds: [photo],
      bodyCameraRefs: [],
      recordedAt: at(40),
    };
    expect((await sync({ findings: [minor] })).statusCode).toBe(200);
    const refusal = expectProblem(
      await sync({
        emergencyMeasures: [{ findingId: minor.id, kind: 'suspension', note: '暂时停产', decidedAt: at(41) }],
      }),
      422,
      'EMERGENCY_MEASURE_NEEDS_MAJOR_HIDDEN_DANGER',
    );
    expect(refusal.basis).toContain('第六十五条');
    // the enterprise fixes it before the officers leave: the same finding comes again with its proof
    const proof = await uploadPhoto('proof');
    const fixed = await sync({
      findings: [{ ...minor, fixedOnSpot: { proofIds: [proof], note: '当场组织演练并补记录' } }],
    });
    expect((fixed.json() as SyncAnswer).findings).toEqual({ stored: [], already: [], fixed: [minor.id] });
    const [row] = await t.ctx.db.select().from(findings).where(eq(findings.id, minor.id));
    expect(row).toMatchObject({ status: 'fixed_on_spot', fixProofIds: [proof] });
  });

  it('keeps a photo uploaded before a crash: a new server finds it when the record arrives', async () => {
    const photo = await uploadPhoto();
    // the server process dies after the upload; a new one starts on the same database
    const restarted = await buildApp({
      ctx: t.ctx,
      sessionSecret: 'test-secret-'.padEnd(40, 'x'),
      webDist: null,
    });
    await restarted.ready();
    try {
      const finding = {
        id: randomUUID(),
        itemCode: items[3]!.code,
        description: '安全警示标志缺失',
        majorHiddenDanger: false,
        photoIds: [photo],
        bodyCameraRefs: [],
        recordedAt: at(45),
      };
      const response = await sync({ findings: [finding] }, inspectionId, restarted);
      expect(response.statusCode, response.body).toBe(200);
      const [row] = await t.ctx.db.select().from(findings).where(eq(findings.id, finding.id));
      expect(row!.photoIds).toEqual([photo]);
      expect(
        await t.ctx.db
          .select({ id: evidenceFiles.id })
          .from(evidenceFiles)
          .where(eq(evidenceFiles.id, photo)),
      ).toHaveLength(1);
    } finally {
      await restarted.close();
    }
  });

  it('keeps the latest answer per item and every earlier one on record', async () => {
    const code = items[4]!.code;
    const older = { id: randomUUID(), itemCode: code, outcome: 'conforming', recordedAt: at(50) };
    const newer = {
      id: randomUUID(),
      itemCode: code,
      outcome: 'not_applicable',
      note: '企业无此设施',
      recordedAt: at(51),
    };
    // the phone sends the newer answer first (two phones, or a retry out of order)
    await sync({ entries: [newer] });
    await sync({ entries: [older] });
    expect((await readForm()).entries.find((entry) => entry.formItemCode === code)).toMatchObject({
      id: newer.id,
      outcome: 'not_applicable',
    });
    const rows = await t.ctx.db
      .select()
      .from(checklistEntries)
      .where(inArray(checklistEntries.id, [older.id, newer.id]));
    expect(rows).toHaveLength(2);
  });

  it('refuses a record at the wrong stage with the measure, but answers a replay of what is already stored', async () => {
    const planned = await inspectionAt('planned', 1);
    const refusal = expectProblem(
      await sync(
        {
          entries: [
            { id: randomUUID(), itemCode: items[0]!.code, outcome: 'conforming', recordedAt: at(55) },
          ],
        },
        planned,
      ),
      422,
      'INSPECTION_TRANSITION_NOT_ALLOWED',
    );
    expect(refusal.measure).toBe(12);
    expect(refusal.title).toContain('已亮码入企');
    expectProblem(
      await upload(
        { id: randomUUID(), kind: 'photo' },
        { name: 'a.jpg', type: 'image/jpeg', data: sitePhoto() },
        planned,
      ),
      422,
      'INSPECTION_TRANSITION_NOT_ALLOWED',
    );
  });

  it('records the enterprise head’s signature, or the refusal to sign with its witnesses (安全生产法 第六十八条)', async () => {
    const post = (payload: Record<string, unknown>) =>
      t.app.inject({ method: 'POST', url: url('/acknowledgement'), headers: { cookie: inspector }, payload });
    const photo = await uploadPhoto();
    // a photo is not a signature
    expectProblem(
      await post({ signed: true, signerName: '李厂长', signatureFileId: photo }),
      422,
      'SIGNATURE_NOT_UPLOADED',
    );
    const refusal = await post({
      signed: false,
      signerName: '李厂长',
      refusalNote: '李厂长拒绝签字；执法人员张伟、陈芳和企业安全员王某在场见证，执法记录仪 DSJ-0931 全程记录',
    });
    expect(refusal.statusCode, refusal.body).toBe(200);
    expect(refusal.json()).toMatchObject({ signed: false, signatureFileId: null });

    const signature = randomUUID();
    expect(
      (
        await upload(
          { id: signature, kind: 'signature' },
          { name: 'signature.png', type: 'image/png', data: signaturePng() },
        )
      ).statusCode,
    ).toBe(201);
    const signed = await post({ signed: true, signerName: '李厂长', signatureFileId: signature });
    expect(signed.statusCode, signed.body).toBe(200);
    // replayed: the same answer, no second event
    await post({ signed: true, signerName: '李厂长', signatureFileId: signature });
    const events = await eventsOf(['inspection.record.acknowledged']);
    expect(events).toHaveLength(2);
    expect(events[1]!.payload).toMatchObject({
      signed: true,
      replaces: expect.objectContaining({ signed: false }),
    });
    expect((await readForm()).inspection.acknowledgement).toMatchObject({
      signed: true,
      signerName: '李厂长',
      signatureFileId: signature,
    });
  });

  it('lets only the officers of the territory write the record', async () => {
    const other = await t.login('xinhui.inspector');
    const outside = await t.app.inject({
      method: 'POST',
      url: url('/sync'),
      headers: { cookie: other },
      payload: { entries: [], findings: [] },
    });
    expectProblem(outside, 404, 'NOT_FOUND');
    const reviewer = await t.login('pengjiang.reviewer');
    expect((await t.app.inject({ url: url('/form'), headers: { cookie: reviewer } })).statusCode).toBe(200);
    expectProblem(
      await t.app.inject({
        method: 'POST',
        url: url('/sync'),
        headers: { cookie: reviewer },
        payload: { entries: [], findings: [] },
      }),
      403,
      'FORBIDDEN',
    );
    const enterprise = await t.login('enterprise.demo');
    expect((await t.app.inject({ url: url('/form'), headers: { cookie: enterprise } })).statusCode).toBe(404);
  });
});
