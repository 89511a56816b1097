import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { multipartBody, sitePhoto } from '../../../test/images.ts';
import { and, eq, sql } from 'drizzle-orm';
import { createTestContext, type TestContext } from '../../../test/helpers.ts';
import { organisations } from '../../modules/organisations/schema.ts';
import { enterprises } from '../../modules/enterprises/schema.ts';
import { certificates, officers } from '../../modules/officers/schema.ts';
import { users } from '../auth/schema.ts';
import { caseReferrals, findings, rectificationOrders } from '../../modules/inspections/schema.ts';
import { penaltyCaseEvidence, penaltyCases } from '../../modules/cases/schema.ts';
import { experts, expertDispatches } from '../../modules/experts/schema.ts';
import { selectionNominations } from '../../modules/team/schema.ts';

// Issue 12 item 2: every id inside a request body passes the same policy check as an id in the path. The
// fields are read from the OpenAPI description: each body field that holds an id (a uuid, a name ending in
// Id/Ids, the officers' certificate numbers, the partner departments) gets a case that sends it an id of
// another bureau (新会 for 蓬江's users, 广州 for the city's administrator) in an otherwise valid request, and
// expects 403/404 problem+json, never success. A new id field without a case fails the first test.

type Schema = {
  type?: string;
  format?: string;
  properties?: Record<string, Schema>;
  items?: Schema;
  oneOf?: Schema[];
  anyOf?: Schema[];
};
type Spec = {
  paths: Record<string, Record<string, { requestBody?: { content: Record<string, { schema: Schema }> } }>>;
};

const looksLikeId = (name: string, schema: Schema) =>
  schema.format === 'uuid' ||
  schema.items?.format === 'uuid' ||
  /(Id|Ids)$/.test(name) ||
  name === 'partners' ||
  name === 'officers';

// Every body field holding an id, as `METHOD path field.path` (array items as `[]`).
const idFields = (spec: Spec): string[] => {
  const found = new Set<string>();
  const walk = (schema: Schema | undefined, prefix: string, route: string) => {
    if (!schema) return;
    for (const [name, property] of Object.entries(schema.properties ?? {})) {
      if (looksLikeId(name, property)) found.add(`${route} ${prefix}${name}`);
      walk(property, `${prefix}${name}.`, route);
    }
    walk(schema.items, `${prefix}[].`, route);
    for (const branch of [...(schema.oneOf ?? []), ...(schema.anyOf ?? [])]) walk(branch, prefix, route);
  };
  for (const [path, operations] of Object.entries(spec.paths))
    for (const [method, operation] of Object.entries(operations))
      for (const content of Object.values(operation.requestBody?.content ?? {}))
        walk(content.schema, '', `${method.toUpperCase()} ${path}`);
  return [...found].sort();
};

// Ids an on-site record is made of are the record's own (chosen by the phone, or files and findings of the
// same inspection, looked up under it): they name nothing of another bureau's that the path has not already
// scoped. They are listed so that a new field must be placed on one side or the other.
const ownRecordIds = new Set([
  'POST /api/v1/inspections/{id}/sync entries.[].id',
  'POST /api/v1/inspections/{id}/sync findings.[].id',
  'POST /api/v1/inspections/{id}/sync findings.[].photoIds',
  'POST /api/v1/inspections/{id}/sync findings.[].fixedOnSpot.proofIds',
  'POST /api/v1/inspections/{id}/sync emergencyMeasures.[].findingId',
  'POST /api/v1/inspections/{id}/acknowledgement signatureFileId',
  'POST /api/v1/inspections/{id}/rectification-orders findingIds',
  'POST /api/v1/rectification-orders/{id}/review results.[].findingId',
  'POST /api/v1/rectification-orders/{id}/review acknowledgement.signatureFileId',
  // a multipart upload's id is the phone's own id for the new file (a replayed upload stores nothing twice)
  'POST /api/v1/inspections/{id}/files id',
  'POST /api/v1/rectification-orders/{id}/proofs id',
  'POST /api/v1/drone-missions/{id}/findings id',
  // a 催告's notice is looked up among the documents of the case in the path (which passed the policy)
  'POST /api/v1/penalty-cases/{id}/fine-reminder documentId',
  // a position in the officer's own stream of events, not a record: it reads nothing outside his scope
  'POST /api/v1/monitoring/incident-events/read eventId',
  // the public (no login) names any enterprise of the register; the report goes to that enterprise's bureau
  'POST /api/v1/public/reports enterpriseId',
]);

type Case = {
  user: string;
  method: 'POST' | 'PATCH';
  url: () => string;
  // the request with the out-of-scope id in the field under test
  body: () => Record<string, unknown>;
  // sent as multipart form fields with a photo (an upload), not as JSON
  multipart?: boolean;
};

describe('ids inside request bodies pass the policy (issue 12 item 2)', () => {
  let t: TestContext;
  let spec: Spec;
  const ids = {
    xinhuiFinding: '',
    cityExpert: '',
    guangzhouExpert: '',
    pengjiangRequest: '',
    pengjiangCourse: '',
    pengjiangSelection: '',
    pengjiangCaseSelection: '',
    cityNomination: '',
    pengjiangFinding: '',
    xinhuiBureau: '',
    xinhuiCaseReferral: '',
    pengjiangPenaltyCase: '',
    xinhuiCaseEvidence: '',
    xinhuiOverdueOrder: '',
    xinhuiDepartment: '',
    guangzhouBureau: '',
    cityBureau: '',
    xinhuiEnterprise: '',
    xinhuiEnterprise2: '',
    pengjiangEnterprise: '',
    xinhuiOfficer: '',
    xinhuiCertificate: '',
    xinhuiInspection: '',
    pengjiangInspection: '',
    pengjiangGuideList: '',
    pengjiangMonitoringSource: '',
    cityPlan: '',
    pengjiangEntrusted: '',
    cityUnitHead: '',
    xinhuiInspectorUser: '',
    pengjiangDroneMission: '',
    xinhuiPenaltyCase: '',
    pengjiangReport: '',
    xinhuiReport: '',
    pengjiangOfficer: '',
    pengjiangAccountability: '',
    xinhuiComplaint: '',
  };

  beforeAll(async () => {
    t = await createTestContext({ seed: true, now: new Date('2026-12-03T01:00:00Z') });
    spec = (await t.app.inject({ url: '/api/openapi.json' })).json() as Spec;
    const bureau = async (territory: string) =>
      (
        await t.ctx.db
          .select({ id: organisations.id })
          .from(organisations)
          .where(and(eq(organisations.territory, territory), eq(organisations.kind, 'bureau')))
      )[0]!.id;
    ids.xinhuiBureau = await bureau('440705');
    ids.cityUnitHead = (
      await t.ctx.db.select({ id: users.id }).from(users).where(eq(users.username, 'city.unithead'))
    )[0]!.id;
    ids.cityBureau = await bureau('440700');
    ids.pengjiangEntrusted = (
      await t.ctx.db
        .select({ id: organisations.id })
        .from(organisations)
        .where(and(eq(organisations.territory, '440703'), eq(organisations.kind, 'entrusted')))
    )[0]!.id;
    // another district's department, and another city's bureau (outside the administrator's city)
    const [department] = await t.ctx.db
      .insert(organisations)
      .values({
        name: '江门市新会区市场监督管理局',
        kind: 'department',
        territory: '440705',
        hasLegalStanding: false,
        departmentType: 'market_regulation',
      })
      .returning({ id: organisations.id });
    ids.xinhuiDepartment = department!.id;
    const [guangzhou] = await t.ctx.db
      .insert(organisations)
      .values({ name: '广州市应急管理局', kind: 'bureau', territory: '440100', hasLegalStanding: true })
      .returning({ id: organisations.id });
    ids.guangzhouBureau = guangzhou!.id;
    const enterprisesOf = (territory: string) =>
      t.ctx.db
        .select({ id: enterprises.id })
        .from(enterprises)
        .where(
          and(
            eq(enterprises.territory, territory),
            sql`not exists (select 1 from inspections i where i.enterprise_id = ${enterprises.id})`,
          ),
        )
        .orderBy(enterprises.creditCode)
        .limit(2);
    [ids.xinhuiEnterprise, ids.xinhuiEnterprise2] = (await enterprisesOf('440705')).map((row) => row.id) as [
      string,
      string,
    ];
    ids.pengjiangEnterprise = (await enterprisesOf('440703'))[0]!.id;
    const [officer] = await t.ctx.db
      .select({ id: officers.id, certificate: certificates.number })
      .from(officers)
      .innerJoin(certificates, eq(certificates.officerId, officers.id))
      .where(eq(officers.territory, '440705'))
      .limit(1);
    ids.xinhuiOfficer = officer!.id;
    ids.xinhuiCertificate = officer!.certificate;
    const planned = async (user: string, enterpriseId: string) => {
      const res = await t.app.inject({
        method: 'POST',
        url: '/api/v1/inspections',
        headers: { cookie: await t.login(user) },
        payload: {
          enterpriseId,
          plannedOn: '2026-12-10',
          kind: 'targeted',
          matters: ['work_safety_general'],
          trigger: 'complaint_or_report',
          triggerReference: `12345-2026-${user}`,
        },
      });
      expect(res.statusCode, res.body).toBe(201);
      return (res.json() as { inspection: { id: string } }).inspection.id;
    };
    ids.pengjiangInspection = await planned('pengjiang.inspector', ids.pengjiangEnterprise);
    ids.xinhuiInspection = await planned('xinhui.inspector', ids.xinhuiEnterprise2);
    // issue 15: a 移交立案审查 item and an overdue order of 新会's, as concluding an inspection leaves them
    const now = t.ctx.clock.now();
    const findingId = crypto.randomUUID();
    ids.xinhuiFinding = findingId;
    await t.ctx.db.insert(findings).values({
      id: findingId,
      inspectionId: ids.xinhuiInspection,
      territory: '440705',
      itemCode: 'test_item',
      description: '重大事故隐患',
      majorHiddenDanger: true,
      basis: '测试',
      howToFix: '测试',
      status: 'ordered',
      recordedAt: now,
      recordedByName: '测试',
      syncedAt: now,
    });
    const [xinhuiReferral] = await t.ctx.db
      .insert(caseReferrals)
      .values({
        inspectionId: ids.xinhuiInspection,
        findingId,
        territory: '440705',
        enterpriseName: '新会企业',
        description: '重大事故隐患',
        status: 'open',
        openedAt: now,
      })
      .returning();
    ids.xinhuiCaseReferral = xinhuiReferral!.id;
    const [xinhuiOrder] = await t.ctx.db
      .insert(rectificationOrders)
      .values({
        inspectionId: ids.xinhuiInspection,
        territory: '440705',
        enterpriseId: ids.xinhuiEnterprise2,
        findingIds: [findingId],
        requirements: '限期整改',
        deadline: '2026-11-20',
        status: 'escalated',
        issuedAt: now,
        issuedByName: '测试',
      })
      .returning();
    ids.xinhuiOverdueOrder = xinhuiOrder!.id;
    // issue 15 item 11: a case of 蓬江's and an inquiry record of a 新会 case, for a document's subject
    const caseRow = (territory: string, reference: string) => ({
      territory,
      reference,
      source: 'case_referral' as const,
      enterpriseName: '测试企业',
      summary: '重大事故隐患',
      status: 'investigating' as const,
      foundBy: 'inspection' as const,
      openedOn: '2026-11-26',
      openedByName: '测试',
      createdAt: now,
      updatedAt: now,
    });
    const [pengjiangCase] = await t.ctx.db
      .insert(penaltyCases)
      .values({ ...caseRow('440703', '2026-9001'), enterpriseId: ids.pengjiangEnterprise })
      .returning();
    const [xinhuiCase] = await t.ctx.db
      .insert(penaltyCases)
      .values(caseRow('440705', '2026-9001'))
      .returning();
    const [xinhuiEvidence] = await t.ctx.db
      .insert(penaltyCaseEvidence)
      .values({
        caseId: xinhuiCase!.id,
        territory: '440705',
        kind: 'inquiry_record',
        description: '询问笔录',
        recordedByName: '测试',
        recordedAt: now,
      })
      .returning();
    ids.pengjiangPenaltyCase = pengjiangCase!.id;
    ids.xinhuiCaseEvidence = xinhuiEvidence!.id;
    ids.xinhuiPenaltyCase = xinhuiCase!.id;
    const city = await t.login('city.reviewer');
    const plan = await t.app.inject({
      method: 'POST',
      url: '/api/v1/annual-plans/compute',
      headers: { cookie: city },
      payload: { year: 2026, workdays: { licensing: 300, duty_shifts: 200 } },
    });
    expect(plan.statusCode, plan.body).toBeLessThan(300);
    ids.cityPlan = (plan.json() as { id: string }).id;
    const list = await t.app.inject({
      method: 'POST',
      url: '/api/v1/guide-lists',
      headers: { cookie: await t.login('pengjiang.reviewer') },
      payload: { year: 2027 },
    });
    expect(list.statusCode, list.body).toBe(201);
    ids.pengjiangGuideList = (list.json() as { id: string }).id;
    const source = await t.app.inject({
      method: 'POST',
      url: '/api/v1/monitoring/sources',
      headers: { cookie: await t.login('admin') },
      payload: { kind: 'industry_trade', name: '蓬江区工贸监测', territory: '440703' },
    });
    expect(source.statusCode, source.body).toBe(201);
    ids.pengjiangMonitoringSource = (source.json() as { id: string }).id;
    ids.xinhuiInspectorUser = (
      await t.ctx.db.select({ id: users.id }).from(users).where(eq(users.username, 'xinhui.inspector'))
    )[0]!.id;
    const pengjiangInspector = (
      await t.ctx.db.select({ id: users.id }).from(users).where(eq(users.username, 'pengjiang.inspector'))
    )[0]!.id;
    const mission = await t.app.inject({
      method: 'POST',
      url: '/api/v1/drone-missions',
      headers: { cookie: await t.login('pengjiang.unithead') },
      payload: droneMissionBody(pengjiangInspector),
    });
    expect(mission.statusCode, mission.body).toBe(201);
    ids.pengjiangDroneMission = (mission.json() as { id: string }).id;
    // a report filed with each bureau (measure 27): 蓬江's 举报受理员 may not merge into 新会's
    const fileReport = async (county: string) => {
      const filed = await t.app.inject({
        method: 'POST',
        url: '/api/v1/public/reports',
        payload: {
          kind: 'hidden_danger',
          content: '厂房内消防通道长期堆放货物，疏散门上锁',
          enterpriseDescription: '某五金加工作坊',
          county,
          anonymous: true,
          employeeOfEnterprise: false,
        },
      });
      expect(filed.statusCode, filed.body).toBe(201);
      const { receiptCode } = filed.json() as { receiptCode: string };
      const found = (await t.ctx.db.execute(
        sql`select id from reports where receipt_code = ${receiptCode}`,
      )) as unknown as { rows: { id: string }[] };
      return found.rows[0]!.id;
    };
    ids.xinhuiReport = await fileReport('440705');
    ids.pengjiangReport = await fileReport('440703');
    // measure 30: a draft accountability record of 蓬江's, naming one of its officers
    ids.pengjiangOfficer = (
      await t.ctx.db
        .select({ id: officers.id })
        .from(officers)
        .where(eq(officers.territory, '440703'))
        .limit(1)
    )[0]!.id;
    const accountability = await t.app.inject({
      method: 'POST',
      url: '/api/v1/accountability-records',
      headers: { cookie: await t.login('pengjiang.reviewer') },
      payload: accountabilityBody(),
    });
    expect(accountability.statusCode, accountability.body).toBe(201);
    ids.pengjiangAccountability = (accountability.json() as { id: string }).id;
    // issue 17 items 3 and 10: a complaint of 新会's, which 蓬江's accountability record may not name
    const xinhuiComplaint = await t.app.inject({
      method: 'POST',
      url: '/api/v1/complaints',
      headers: { cookie: await t.login('xinhui.inspector') },
      payload: { channel: 'online', summary: '投诉执法不当', receivedOn: '2026-12-01' },
    });
    expect(xinhuiComplaint.statusCode, xinhuiComplaint.body).toBe(201);
    ids.xinhuiComplaint = (xinhuiComplaint.json() as { id: string }).id;
    // issue 17 items 6 and 7: the city's demo expert, another city's, a 蓬江 request, course and selections
    ids.cityExpert = (
      await t.ctx.db.select({ id: experts.id }).from(experts).where(eq(experts.territory, '440700'))
    )[0]!.id;
    ids.guangzhouExpert = (
      await t.ctx.db
        .insert(experts)
        .values({
          territory: '440100',
          name: '广州专家',
          fields: ['electrical'],
          createdAt: now,
          updatedAt: now,
        })
        .returning({ id: experts.id })
    )[0]!.id;
    ids.pengjiangRequest = (
      await t.ctx.db
        .insert(expertDispatches)
        .values({
          territory: '440703',
          enterpriseId: ids.pengjiangEnterprise,
          enterpriseName: '蓬江企业',
          origin: 'request',
          request: '请专家指导',
          state: 'requested',
          createdAt: now,
          updatedAt: now,
        })
        .returning({ id: expertDispatches.id })
    )[0]!.id;
    const pengjiangHead = await t.login('pengjiang.unithead');
    const course = await t.app.inject({
      method: 'POST',
      url: '/api/v1/team/training',
      headers: { cookie: pengjiangHead },
      payload: { title: '培训', heldOn: '2026-11-01', hours: 2 },
    });
    ids.pengjiangCourse = (course.json() as { id: string }).id;
    for (const kind of ['enforcement_expert', 'typical_case'] as const) {
      const selection = await t.app.inject({
        method: 'POST',
        url: '/api/v1/team/selections',
        headers: { cookie: pengjiangHead },
        payload: { kind, title: '评选', year: 2026, places: 1 },
      });
      expect(selection.statusCode, selection.body).toBe(201);
      if (kind === 'enforcement_expert') ids.pengjiangSelection = (selection.json() as { id: string }).id;
      else ids.pengjiangCaseSelection = (selection.json() as { id: string }).id;
    }
    ids.pengjiangFinding = crypto.randomUUID();
    await t.ctx.db.insert(findings).values({
      id: ids.pengjiangFinding,
      inspectionId: ids.pengjiangInspection,
      territory: '440703',
      itemCode: 'test_item',
      description: '隐患',
      majorHiddenDanger: false,
      basis: '测试',
      howToFix: '测试',
      status: 'ordered',
      recordedAt: now,
      recordedByName: '测试',
      syncedAt: now,
    });
    ids.cityNomination = (
      await t.ctx.db.select({ id: selectionNominations.id }).from(selectionNominations)
    )[0]!.id;
  });
  afterAll(() => t.close());

  const accountabilityBody = (overrides: Record<string, unknown> = {}) => ({
    kind: 'improper',
    facts: '检查中选择性执法',
    origin: 'other',
    persons: [{ officerId: ids.pengjiangOfficer, sanction: 'public_criticism' }],
    ...overrides,
  });
  const droneMissionBody = (pilotId: string) => ({
    title: '杜阮工业集中区巡查',
    areaKind: 'industrial_zone',
    area: {
      type: 'Polygon',
      coordinates: [
        [
          [113.06, 22.59],
          [113.09, 22.59],
          [113.09, 22.61],
          [113.06, 22.59],
        ],
      ],
    },
    route: {
      type: 'LineString',
      coordinates: [
        [113.06, 22.59],
        [113.09, 22.61],
      ],
    },
    schedule: { date: '2026-12-03', startTime: '08:00', endTime: '12:00' },
    pilotId,
  });

  const inspectionBody = (over: Record<string, unknown>) => ({
    enterpriseId: ids.pengjiangEnterprise,
    plannedOn: '2026-12-11',
    kind: 'targeted',
    matters: ['work_safety_general'],
    trigger: 'complaint_or_report',
    triggerReference: '12345-2026-x',
    ...over,
  });
  const drawBody = (over: Record<string, unknown>) => ({
    title: '2027年1月双随机抽查',
    inspectionDate: '2027-01-12',
    matters: ['work_safety_general'],
    source: { kind: 'criteria', strata: [{ key: '全部', criteria: { territory: '440703' }, k: 1 }] },
    ...over,
  });

  const complaint = (field: string, id: () => string): Case => ({
    user: 'pengjiang.inspector',
    method: 'POST',
    url: () => '/api/v1/complaints',
    body: () => ({ channel: 'online', summary: '投诉执法不当', receivedOn: '2026-12-01', [field]: id() }),
  });
  const cases: Record<string, Case> = {
    // issue 17 item 3: a complaint names an officer, an inspection or a penalty case of its own bureau only
    'POST /api/v1/complaints officerId': complaint('officerId', () => ids.xinhuiOfficer),
    'POST /api/v1/complaints inspectionId': complaint('inspectionId', () => ids.xinhuiInspection),
    'POST /api/v1/complaints penaltyCaseId': complaint('penaltyCaseId', () => ids.xinhuiPenaltyCase),
    'POST /api/v1/penalty-cases/{id}/documents subjectId': {
      user: 'pengjiang.inspector',
      method: 'POST',
      url: () => `/api/v1/penalty-cases/${ids.pengjiangPenaltyCase}/documents`,
      body: () => ({ type: 'inquiry_record', subjectId: ids.xinhuiCaseEvidence }),
    },
    'POST /api/v1/penalty-cases/{id}/closure-proposals-on-facts suspension.caseId': {
      user: 'pengjiang.head',
      method: 'POST',
      url: () => `/api/v1/penalty-cases/${ids.pengjiangPenaltyCase}/closure-proposals-on-facts`,
      body: () => ({
        item: 4,
        sentOn: '2026-12-02',
        documentNote: '蓬应急〔2026〕9号 关于提请关闭的请示',
        suspension: {
          caseId: ids.xinhuiPenaltyCase,
          documentNumber: '新应急罚〔2026〕1号',
          decidedOn: '2026-11-01',
        },
        refusalFoundOn: '2026-11-20',
        refusal: '复查发现仍在生产',
      }),
    },
    'POST /api/v1/penalty-cases caseReferralId': {
      user: 'pengjiang.reviewer',
      method: 'POST',
      url: () => '/api/v1/penalty-cases',
      body: () => ({ source: 'case_referral', caseReferralId: ids.xinhuiCaseReferral }),
    },
    'POST /api/v1/penalty-cases rectificationOrderId': {
      user: 'pengjiang.unithead',
      method: 'POST',
      url: () => '/api/v1/penalty-cases',
      body: () => ({ source: 'overdue_order', rectificationOrderId: ids.xinhuiOverdueOrder }),
    },
    'POST /api/v1/inspections/{id}/onsite-plan subjectOrganisationId': {
      user: 'pengjiang.inspector',
      method: 'POST',
      url: () => `/api/v1/inspections/${ids.pengjiangInspection}/onsite-plan`,
      body: () => ({ subjectOrganisationId: ids.xinhuiBureau }),
    },
    'POST /api/v1/inspections/{id}/onsite-plan officers': {
      user: 'pengjiang.inspector',
      method: 'POST',
      url: () => `/api/v1/inspections/${ids.pengjiangInspection}/onsite-plan`,
      body: () => ({ officers: [ids.xinhuiCertificate] }),
    },
    'POST /api/v1/inspections enterpriseId': {
      user: 'pengjiang.inspector',
      method: 'POST',
      url: () => '/api/v1/inspections',
      body: () => inspectionBody({ enterpriseId: ids.xinhuiEnterprise }),
    },
    'POST /api/v1/inspections partners': {
      user: 'pengjiang.inspector',
      method: 'POST',
      url: () => '/api/v1/inspections',
      body: () => inspectionBody({ partners: [ids.xinhuiDepartment] }),
    },
    'POST /api/v1/inspections/start-check enterpriseId': {
      user: 'pengjiang.inspector',
      method: 'POST',
      url: () => '/api/v1/inspections/start-check',
      body: () => ({ enterpriseId: ids.xinhuiEnterprise, date: '2026-12-03' }),
    },
    'POST /api/v1/inspections/merge inspectionIds': {
      user: 'pengjiang.unithead',
      method: 'POST',
      url: () => '/api/v1/inspections/merge',
      body: () => ({ inspectionIds: [ids.pengjiangInspection, ids.xinhuiInspection] }),
    },
    'POST /api/v1/inspections/merge intoId': {
      user: 'pengjiang.unithead',
      method: 'POST',
      url: () => '/api/v1/inspections/merge',
      body: () => ({
        inspectionIds: [ids.pengjiangInspection, ids.xinhuiInspection],
        intoId: ids.xinhuiInspection,
      }),
    },
    'POST /api/v1/inspections/merge/decline inspectionIds': {
      user: 'pengjiang.unithead',
      method: 'POST',
      url: () => '/api/v1/inspections/merge/decline',
      body: () => ({
        inspectionIds: [ids.pengjiangInspection, ids.xinhuiInspection],
        reason: '两次检查事项不同，不宜合并',
      }),
    },
    'POST /api/v1/monthly-plans enterpriseIds': {
      user: 'pengjiang.unithead',
      method: 'POST',
      url: () => '/api/v1/monthly-plans',
      body: () => ({ year: 2027, month: 1, enterpriseIds: [ids.xinhuiEnterprise] }),
    },
    'POST /api/v1/conflicts officerId': {
      user: 'pengjiang.reviewer',
      method: 'POST',
      url: () => '/api/v1/conflicts',
      body: () => ({
        officerId: ids.xinhuiOfficer,
        enterpriseId: ids.pengjiangEnterprise,
        reason: '近亲属任职',
      }),
    },
    'POST /api/v1/conflicts enterpriseId': {
      user: 'pengjiang.reviewer',
      method: 'POST',
      url: () => '/api/v1/conflicts',
      body: () => ({
        officerId: ids.xinhuiOfficer,
        enterpriseId: ids.xinhuiEnterprise,
        reason: '近亲属任职',
      }),
    },
    'POST /api/v1/draws partners': {
      user: 'pengjiang.reviewer',
      method: 'POST',
      url: () => '/api/v1/draws',
      body: () => drawBody({ partners: [ids.xinhuiDepartment] }),
    },
    'POST /api/v1/draws source.annualPlanId': {
      user: 'pengjiang.reviewer',
      method: 'POST',
      url: () => '/api/v1/draws',
      // the city's plan is above 蓬江's reach
      body: () =>
        drawBody({ source: { kind: 'annual_plan_batch', annualPlanId: ids.cityPlan, batchCode: 'B1' } }),
    },
    'POST /api/v1/organisations parentId': {
      user: 'admin',
      method: 'POST',
      url: () => '/api/v1/organisations',
      body: () => ({
        kind: 'internal_unit',
        name: '综合科',
        territory: '440703',
        parentId: ids.guangzhouBureau,
      }),
    },
    'POST /api/v1/organisations entrustment.entrustingOrganisationId': {
      user: 'admin',
      method: 'POST',
      url: () => '/api/v1/organisations',
      body: () => ({
        kind: 'entrusted',
        name: '某镇综合行政执法办公室',
        territory: '440703',
        entrustment: {
          scope: ['work_safety_general'],
          validFrom: '2026-01-01',
          validTo: '2027-12-31',
          entrustingOrganisationId: ids.guangzhouBureau,
        },
      }),
    },
    'PATCH /api/v1/organisations/{id} parentId': {
      user: 'admin',
      method: 'PATCH',
      url: () => `/api/v1/organisations/${ids.xinhuiDepartment}`,
      body: () => ({ parentId: ids.guangzhouBureau }),
    },
    'PATCH /api/v1/organisations/{id} entrustment.entrustingOrganisationId': {
      user: 'admin',
      method: 'PATCH',
      url: () => `/api/v1/organisations/${ids.pengjiangEntrusted}`,
      body: () => ({
        entrustment: {
          scope: ['work_safety_general'],
          validFrom: '2026-01-01',
          validTo: '2027-12-31',
          entrustingOrganisationId: ids.guangzhouBureau,
        },
      }),
    },
    'POST /api/v1/officers organisationId': {
      user: 'admin',
      method: 'POST',
      url: () => '/api/v1/officers',
      body: () => ({ name: '王某', organisationId: ids.guangzhouBureau }),
    },
    'POST /api/v1/plan-approval-delegations delegateId': {
      user: 'pengjiang.head',
      method: 'POST',
      url: () => '/api/v1/plan-approval-delegations',
      body: () => ({
        delegateId: ids.cityUnitHead,
        kinds: ['targeted'],
        scopeNote: '专项行动期间的现场检查方案',
        validFrom: '2026-12-01',
        validTo: '2026-12-31',
      }),
    },
    'POST /api/v1/monitoring/sources/{id}/points enterpriseId': {
      user: 'pengjiang.unithead',
      method: 'POST',
      url: () => `/api/v1/monitoring/sources/${ids.pengjiangMonitoringSource}/points`,
      body: () => ({
        code: 'DP-1',
        name: '除尘器压差',
        enterpriseId: ids.xinhuiEnterprise,
        kind: 'pressure_difference',
        thresholds: { high: 1500 },
      }),
    },
    'POST /api/v1/drone-missions pilotId': {
      user: 'pengjiang.unithead',
      method: 'POST',
      url: () => '/api/v1/drone-missions',
      body: () => droneMissionBody(ids.xinhuiInspectorUser),
    },
    'POST /api/v1/drone-missions/{id}/findings enterpriseId': {
      user: 'pengjiang.inspector',
      method: 'POST',
      multipart: true,
      url: () => `/api/v1/drone-missions/${ids.pengjiangDroneMission}/findings`,
      body: () => ({
        id: randomUUID(),
        kind: 'other',
        enterpriseId: ids.xinhuiEnterprise,
        latitude: '22.6',
        longitude: '113.07',
        takenAt: '2026-12-03T08:30:00+08:00',
        note: '新建钢结构厂房',
      }),
    },
    'POST /api/v1/reports/{id}/handling intoId': {
      user: 'pengjiang.reports',
      method: 'POST',
      url: () => `/api/v1/reports/${ids.pengjiangReport}/handling`,
      body: () => ({ step: 'merge', intoId: ids.xinhuiReport, note: null }),
    },
    'POST /api/v1/accountability-records inspectionId': {
      user: 'pengjiang.reviewer',
      method: 'POST',
      url: () => '/api/v1/accountability-records',
      body: () => accountabilityBody({ inspectionId: ids.xinhuiInspection }),
    },
    'POST /api/v1/accountability-records penaltyCaseId': {
      user: 'pengjiang.reviewer',
      method: 'POST',
      url: () => '/api/v1/accountability-records',
      body: () => accountabilityBody({ penaltyCaseId: ids.xinhuiPenaltyCase }),
    },
    'POST /api/v1/accountability-records complaintId': {
      user: 'pengjiang.reviewer',
      method: 'POST',
      url: () => '/api/v1/accountability-records',
      body: () => accountabilityBody({ complaintId: ids.xinhuiComplaint }),
    },
    'POST /api/v1/accountability-records persons.[].officerId': {
      user: 'pengjiang.reviewer',
      method: 'POST',
      url: () => '/api/v1/accountability-records',
      body: () =>
        accountabilityBody({ persons: [{ officerId: ids.xinhuiOfficer, sanction: 'public_criticism' }] }),
    },
    'PATCH /api/v1/accountability-records/{id} inspectionId': {
      user: 'pengjiang.reviewer',
      method: 'PATCH',
      url: () => `/api/v1/accountability-records/${ids.pengjiangAccountability}`,
      body: () => accountabilityBody({ inspectionId: ids.xinhuiInspection }),
    },
    'PATCH /api/v1/accountability-records/{id} penaltyCaseId': {
      user: 'pengjiang.reviewer',
      method: 'PATCH',
      url: () => `/api/v1/accountability-records/${ids.pengjiangAccountability}`,
      body: () => accountabilityBody({ penaltyCaseId: ids.xinhuiPenaltyCase }),
    },
    'PATCH /api/v1/accountability-records/{id} complaintId': {
      user: 'pengjiang.reviewer',
      method: 'PATCH',
      url: () => `/api/v1/accountability-records/${ids.pengjiangAccountability}`,
      body: () => accountabilityBody({ complaintId: ids.xinhuiComplaint }),
    },
    'PATCH /api/v1/accountability-records/{id} persons.[].officerId': {
      user: 'pengjiang.reviewer',
      method: 'PATCH',
      url: () => `/api/v1/accountability-records/${ids.pengjiangAccountability}`,
      body: () =>
        accountabilityBody({ persons: [{ officerId: ids.xinhuiOfficer, sanction: 'public_criticism' }] }),
    },
    'POST /api/v1/experts userId': {
      user: 'pengjiang.unithead',
      method: 'POST',
      url: () => '/api/v1/experts',
      body: () => ({ name: '某专家', fields: ['electrical'], userId: ids.xinhuiInspectorUser }),
    },
    'POST /api/v1/experts/{id}/conflicts enterpriseId': {
      user: 'pengjiang.unithead',
      method: 'POST',
      url: () => `/api/v1/experts/${ids.cityExpert}/conflicts`,
      body: () => ({ enterpriseId: ids.xinhuiEnterprise, reason: '曾任顾问' }),
    },
    'POST /api/v1/expert-dispatches findingId': {
      user: 'pengjiang.unithead',
      method: 'POST',
      url: () => '/api/v1/expert-dispatches',
      body: () => ({ findingId: ids.xinhuiFinding, expertId: ids.cityExpert }),
    },
    'POST /api/v1/expert-dispatches expertId': {
      user: 'pengjiang.unithead',
      method: 'POST',
      url: () => '/api/v1/expert-dispatches',
      body: () => ({ findingId: ids.pengjiangFinding, expertId: ids.guangzhouExpert }),
    },
    'POST /api/v1/expert-dispatches/{id}/dispatch expertId': {
      user: 'pengjiang.unithead',
      method: 'POST',
      url: () => `/api/v1/expert-dispatches/${ids.pengjiangRequest}/dispatch`,
      body: () => ({ expertId: ids.guangzhouExpert }),
    },
    'POST /api/v1/team/qualifications officerId': {
      user: 'pengjiang.unithead',
      method: 'POST',
      url: () => '/api/v1/team/qualifications',
      body: () => ({
        kind: 'legal_adviser',
        personName: '某人',
        officerId: ids.xinhuiOfficer,
        validFrom: '2026-01-01',
      }),
    },
    'POST /api/v1/team/training/{id}/attendances officerId': {
      user: 'pengjiang.unithead',
      method: 'POST',
      url: () => `/api/v1/team/training/${ids.pengjiangCourse}/attendances`,
      body: () => ({ officerId: ids.xinhuiOfficer }),
    },
    'POST /api/v1/team/selections/{id}/nominations nomineeUserId': {
      user: 'pengjiang.unithead',
      method: 'POST',
      url: () => `/api/v1/team/selections/${ids.pengjiangSelection}/nominations`,
      body: () => ({ nomineeUserId: ids.xinhuiInspectorUser, reason: '理由' }),
    },
    'POST /api/v1/team/selections/{id}/nominations caseId': {
      user: 'pengjiang.unithead',
      method: 'POST',
      url: () => `/api/v1/team/selections/${ids.pengjiangCaseSelection}/nominations`,
      body: () => ({ caseId: ids.xinhuiPenaltyCase, reason: '理由' }),
    },
    'POST /api/v1/team/selections/{id}/votes nominationId': {
      user: 'pengjiang.inspector',
      method: 'POST',
      url: () => `/api/v1/team/selections/${ids.pengjiangSelection}/votes`,
      body: () => ({ nominationId: ids.cityNomination }),
    },
    'POST /api/v1/guide-lists/{id}/entries enterpriseId': {
      user: 'pengjiang.reviewer',
      method: 'POST',
      url: () => `/api/v1/guide-lists/${ids.pengjiangGuideList}/entries`,
      body: () => ({ enterpriseId: ids.xinhuiEnterprise, reason: '新投产的危险化学品企业' }),
    },
  };

  it('has a case for every body field of the OpenAPI description that holds an id', () => {
    const fields = idFields(spec);
    expect(fields.length).toBeGreaterThanOrEqual(20);
    const uncovered = fields.filter((field) => !(field in cases) && !ownRecordIds.has(field));
    expect(uncovered).toEqual([]);
  });

  it.each(Object.keys(cases))('%s: another bureau’s id is refused', async (field) => {
    const sent = cases[field]!;
    const cookie = await t.login(sent.user);
    const upload = sent.multipart
      ? multipartBody(sent.body() as Record<string, string>, {
          name: 'photo.jpg',
          type: 'image/jpeg',
          data: sitePhoto(),
        })
      : null;
    const res = await t.app.inject({
      method: sent.method,
      url: sent.url(),
      headers: { cookie, ...(upload?.headers ?? {}) },
      payload: upload ? upload.payload : sent.body(),
    });
    expect([403, 404], `${res.statusCode} ${res.body}`).toContain(res.statusCode);
    expect(res.headers['content-type']).toContain('application/problem+json');
  });
});
