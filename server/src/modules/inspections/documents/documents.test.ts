import { and, eq } from 'drizzle-orm';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../../../../test/helpers.ts';
import { auditEvents } from '../../../platform/audit/schema.ts';
import { inspections } from '../schema.ts';
import { inspectionDocuments } from '../schema.ts';
import { issueDocument } from './issue-document.ts';
import { renderDocument } from './render-document.ts';
import type { EnterpriseLine, InspectionRecordSnapshot, SnapshotInput } from './snapshots.ts';
import {
  insertInspectionWithFindings,
  signaturePng,
  type FixtureInspection,
} from '../../../../test/inspection-fixtures.ts';

const actor = { id: null, displayName: '蓬江区执法人员 张伟' };
const enterprise: EnterpriseLine = {
  name: '江门市示例五金制品有限公司',
  creditCode: '91440703MA0000000X',
  address: '江门市蓬江区示例路1号',
  legalRepresentative: '周斌',
};
const officers = [
  { name: '张伟', certificate: '44070312001' },
  { name: '何建华', certificate: '44070312002' },
];

const recordSnapshot = (
  fixture: FixtureInspection,
  acknowledgement: InspectionRecordSnapshot['acknowledgement'],
): SnapshotInput<'inspection_record'> => ({
  enterprise,
  startedAt: '2026-11-26T01:00:00Z',
  endedAt: '2026-11-26T03:10:00Z',
  place: '江门市蓬江区示例路1号 生产车间、仓库',
  matters: ['安全生产综合检查', '粉尘防爆'],
  checklist: [
    { itemCode: 'GM-01-01', itemName: '安全生产责任制', outcome: 'conforming', note: null },
    { itemCode: 'GM-01-03', itemName: '除尘系统泄爆装置', outcome: 'finding', note: '未设置' },
    { itemCode: 'GM-04-02', itemName: '有限空间作业审批', outcome: 'not_applicable', note: '无有限空间' },
  ],
  findings: [
    {
      itemCode: 'GM-01-03',
      description: '除尘系统未设置泄爆装置',
      basis: '《工贸企业粉尘防爆安全规定》第十三条',
      howToFix: '设置泄爆装置',
      major: true,
      handling: 'ordered',
      orderNumber: '（蓬江）应急责改〔2026〕1号',
    },
    {
      itemCode: 'GM-03-01',
      description: '消防通道堆放杂物',
      basis: '《中华人民共和国安全生产法》第四十二条',
      howToFix: '清理通道',
      major: false,
      handling: 'fixed_on_spot',
      orderNumber: null,
    },
  ],
  officers,
  acknowledgement:
    acknowledgement ??
    (fixture.signatureFileId
      ? {
          signed: true,
          signerName: '周斌',
          signatureFileId: fixture.signatureFileId,
          at: '2026-11-26T03:10:00Z',
        }
      : null),
});

const documentXml = async (docx: Buffer) => {
  const zip = await JSZip.loadAsync(docx);
  const xml = await zip.file('word/document.xml')!.async('string');
  return { zip, xml, text: xml.replace(/<[^>]+>/g, '') };
};

describe('enforcement documents: gapless numbers and official docx (issue 5 item 8)', () => {
  let t: TestContext;
  let fixture: FixtureInspection;
  const inspectionRow = async (id: string) =>
    (await t.ctx.db.select().from(inspections).where(eq(inspections.id, id)))[0]!;
  // the row is read before the transaction: PGlite has one connection, which the transaction holds
  const issue = async (inspectionId: string) => {
    const inspection = await inspectionRow(inspectionId);
    return t.ctx.db.transaction((tx) =>
      issueDocument(tx, actor, {
        inspection,
        type: 'inspection_record',
        snapshot: recordSnapshot(fixture, null),
        at: t.ctx.clock.now(),
      }),
    );
  };

  beforeAll(async () => {
    t = await createTestContext({ seed: true });
    fixture = await insertInspectionWithFindings(t.ctx, { signed: true });
  });
  afterAll(() => t.close());

  it('numbers documents 1, 2, 3 per bureau, type and year, and a rolled-back issue gives its number back', async () => {
    const first = await issue(fixture.inspectionId);
    const second = await issue(fixture.inspectionId);
    expect(first.number).toBe(`（蓬江）应急检记〔2026〕${first.sequence}号`);
    expect(second.sequence).toBe(first.sequence + 1);
    const inspection = await inspectionRow(fixture.inspectionId);
    await expect(
      t.ctx.db.transaction(async (tx) => {
        await issueDocument(tx, actor, {
          at: t.ctx.clock.now(),
          inspection,
          type: 'inspection_record',
          snapshot: recordSnapshot(fixture, null),
        });
        throw new Error('the issuing change failed');
      }),
    ).rejects.toThrow('the issuing change failed');
    const third = await issue(fixture.inspectionId);
    expect(third.sequence).toBe(second.sequence + 1);
    const stored = await t.ctx.db
      .select({ sequence: inspectionDocuments.sequence })
      .from(inspectionDocuments)
      .where(
        and(
          eq(inspectionDocuments.organisationId, fixture.organisationId),
          eq(inspectionDocuments.type, 'inspection_record'),
        ),
      );
    const sequences = stored.map((row) => row.sequence).sort((a, b) => a - b);
    expect(sequences).toEqual(sequences.map((_, i) => i + 1));
    const audited = await t.ctx.db
      .select()
      .from(auditEvents)
      .where(
        and(
          eq(auditEvents.action, 'inspection.document.issued'),
          eq(auditEvents.entityId, fixture.inspectionId),
        ),
      );
    expect(audited.map((event) => (event.payload as { number: string }).number)).toContain(third.number);
  });

  it(`gives two concurrent issuing transactions distinct consecutive numbers (${process.env.TEST_DATABASE_URL ? 'PostgreSQL' : 'PGlite'})`, async () => {
    const row = await inspectionRow(fixture.inspectionId);
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    // the first holds its counter row until the second has asked for one too
    const first = t.ctx.db.transaction(async (tx) => {
      const doc = await issueDocument(tx, actor, {
        at: t.ctx.clock.now(),
        inspection: row,
        type: 'rectification_order',
        snapshot: {
          enterprise,
          inspectedOn: '2026-11-26',
          problems: [],
          requirements: '整改',
          deadline: '2026-12-10',
          deadlineWorkdays: 10,
          reviewArrangement: '期满后复查',
          officers,
        },
      });
      await held;
      return doc;
    });
    const second = t.ctx.db.transaction(async (tx) =>
      issueDocument(tx, actor, {
        at: t.ctx.clock.now(),
        inspection: row,
        type: 'rectification_order',
        snapshot: {
          enterprise,
          inspectedOn: '2026-11-26',
          problems: [],
          requirements: '整改',
          deadline: '2026-12-10',
          deadlineWorkdays: 10,
          reviewArrangement: '期满后复查',
          officers,
        },
      }),
    );
    setTimeout(release, 200);
    const numbers = (await Promise.all([first, second])).map((doc) => doc.sequence).sort((a, b) => a - b);
    expect(numbers[1]).toBe(numbers[0]! + 1);
  });

  it('refuses to number a document for an inspection with no issuing department', async () => {
    const row = {
      ...(await inspectionRow(fixture.inspectionId)),
      organisationId: null,
      subjectOrganisationId: null,
    };
    await expect(
      t.ctx.db.transaction((tx) =>
        issueDocument(tx, actor, {
          at: t.ctx.clock.now(),
          inspection: row,
          type: 'inspection_record',
          snapshot: recordSnapshot(fixture, null),
        }),
      ),
    ).rejects.toMatchObject({ body: { code: 'DOCUMENT_NO_ISSUING_BUREAU' } });
  });

  it('renders the inspection record with its number, findings, officers and the embedded signature', async () => {
    const doc = await issue(fixture.inspectionId);
    const { zip, text } = await documentXml(await renderDocument(doc, { signature: signaturePng() }));
    expect(text).toContain(doc.number);
    expect(text).toContain('现场检查记录');
    expect(text).toContain('江门市蓬江区应急管理局');
    expect(text).toContain('【重大事故隐患】除尘系统未设置泄爆装置');
    expect(text).toContain('责令限期整改（（蓬江）应急责改〔2026〕1号）');
    expect(text).toContain('当场整改完毕');
    expect(text).toContain('执法证号：44070312001');
    expect(text).toContain('2026年11月26日9时00分');
    expect(Object.keys(zip.files).some((name) => name.startsWith('word/media/'))).toBe(true);
  });

  it('records the refusal to sign with its note and 安全生产法 第六十八条 instead of a signature', async () => {
    const inspection = await inspectionRow(fixture.inspectionId);
    const doc = await t.ctx.db.transaction((tx) =>
      issueDocument(tx, actor, {
        at: t.ctx.clock.now(),
        inspection,
        type: 'inspection_record',
        snapshot: recordSnapshot(fixture, {
          signed: false,
          signerName: '周斌',
          refusalNote: '拒绝签字，两名执法人员见证',
          at: null,
        }),
      }),
    );
    const { zip, text } = await documentXml(await renderDocument(doc));
    expect(text).toContain('拒绝签字，两名执法人员见证');
    expect(text).toContain('第六十八条');
    expect(Object.keys(zip.files).some((name) => name.startsWith('word/media/'))).toBe(false);
  });

  it('lists and serves documents to staff of the territory and the enterprise, and hides them from others', async () => {
    const own = await t.login('pengjiang.inspector');
    const other = await t.login('xinhui.inspector');
    const portal = await t.login('enterprise.demo');
    const inspection = await inspectionRow(fixture.inspectionId);
    const planned = await t.ctx.db.transaction((tx) =>
      issueDocument(tx, actor, {
        at: t.ctx.clock.now(),
        inspection,
        type: 'onsite_plan',
        snapshot: {
          enterprise,
          scheduledAt: '2026-11-26T01:00:00Z',
          site: '生产车间',
          matters: ['粉尘防爆'],
          officers,
          checklists: [],
          mode: 'on_site',
          visitReason: null,
          unannounced: true,
          unannouncedReason: '举报线索核查',
          subjectName: '蓬江区应急管理局',
          draftedByName: '张伟',
          approvedByName: '林涛',
          approvedAt: '2026-11-25',
        },
      }),
    );
    const list = await t.app.inject({
      url: `/api/v1/inspections/${fixture.inspectionId}/documents`,
      headers: { cookie: own },
    });
    expect(list.statusCode, list.body).toBe(200);
    const items = (list.json() as { items: { id: string; number: string; type: string; typeName: string }[] })
      .items;
    expect(items.map((item) => item.number)).toContain(planned.number);
    const record = items.find((item) => item.type === 'inspection_record')!;
    expect(record.typeName).toBe('现场检查记录');

    const docx = await t.app.inject({ url: `/api/v1/documents/${record.id}.docx`, headers: { cookie: own } });
    expect(docx.statusCode).toBe(200);
    expect(docx.headers['content-type']).toContain('officedocument.wordprocessingml');
    expect((await documentXml(docx.rawPayload)).text).toContain(record.number);

    expect(
      (await t.app.inject({ url: `/api/v1/documents/${record.id}.docx`, headers: { cookie: other } }))
        .statusCode,
    ).toBe(404);
    expect(
      (
        await t.app.inject({
          url: `/api/v1/inspections/${fixture.inspectionId}/documents`,
          headers: { cookie: other },
        })
      ).statusCode,
    ).toBe(404);

    // the enterprise sees its own documents, but not the bureau's internal plan
    const mine = await t.app.inject({
      url: `/api/v1/inspections/${fixture.inspectionId}/documents`,
      headers: { cookie: portal },
    });
    expect(mine.statusCode).toBe(200);
    const mineItems = (mine.json() as { items: { type: string }[] }).items;
    expect(mineItems.length).toBeGreaterThan(0);
    expect(mineItems.every((item) => item.type !== 'onsite_plan')).toBe(true);
    expect(
      (await t.app.inject({ url: `/api/v1/documents/${record.id}.docx`, headers: { cookie: portal } }))
        .statusCode,
    ).toBe(200);
    expect(
      (await t.app.inject({ url: `/api/v1/documents/${planned.id}.docx`, headers: { cookie: portal } }))
        .statusCode,
    ).toBe(404);

    const all = await t.app.inject({
      url: `/api/v1/inspections/${fixture.inspectionId}/documents.zip`,
      headers: { cookie: own },
    });
    expect(all.statusCode).toBe(200);
    const bundle = await JSZip.loadAsync(all.rawPayload);
    expect(Object.keys(bundle.files)).toHaveLength(items.length);
    expect(Object.keys(bundle.files)).toContain(`${planned.number} 现场检查方案.docx`);
  });
});
