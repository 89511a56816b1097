import {
  exemptUnderMeasure14,
  mergedFormItemByCode,
  needsCaseReferral,
  cite,
  orderSettled,
} from '@inspecta/domain';
import type { AppContext } from '../../../platform/http/context.ts';
import type { Actor } from '../../../platform/policy/policy.ts';
import { problem } from '../../../platform/problems/problem.ts';
import type { Tx } from '../../../platform/db/client.ts';
import { issueDocument, issuingBureauOf } from '../documents/issue-document.ts';
import { toDocumentItem } from '../documents/service.ts';
import { enterpriseLine, matterNames, officerLines } from '../documents/snapshot-sources.ts';
import type { InspectionRecordSnapshot, OfficerLine } from '../documents/snapshots.ts';
import { advanceStage, auditInspection, loadInspection, type InspectionRow } from '../inspection-store.ts';
import { formOfInspection } from '../record/form.ts';
import { findApprovedPlanContent } from '../record/repository.ts';
import { countOpenCaseReferrals, insertCaseReferral } from '../case-referral/repository.ts';
import {
  findLatestRecordDocument,
  findOrderDocumentNumbersOf,
  findOrderFindingIdsOf,
  findOrdersOfInspection,
  listEntriesInRecordOrder,
  listFindingsInRecordOrder,
} from './repository.ts';

// measures 12, 13: the visit ends with the 现场检查记录 (安全生产法 第六十八条: time, place, content, problems found and
// how they were handled, signed by the officers and the enterprise head or with the refusal recorded). It can be
// issued only when the head has signed or refused, and every finding has been fixed on the spot or ordered
// (no inspection ends as "inspected and left", 一查了之). Closing the inspection waits for every order to settle.

const BASIS_68 = '《中华人民共和国安全生产法》第六十八条';
const BASIS_13 = '《江门市应急管理系统严格规范涉企行政检查若干措施》第十三项（不得“一查了之”）';

// FACTS-3 §5.2 (安全生产法 第六十七条第二款): the record opens with the officers identifying themselves.
const identificationStatement = (bureauName: string, officers: OfficerLine[]) =>
  `我们是${bureauName}的执法人员${officers.map((o) => o.name).join('、')}，证件号码为${officers
    .map((o) => o.certificate)
    .join('、')}，这是我们的证件（出示证件）。现依法对你单位进行现场检查，请予配合。`;

const recordSnapshot = async (tx: Tx, inspection: InspectionRow, now: Date) => {
  const plan = await findApprovedPlanContent(tx, inspection.id);
  const entries = await listEntriesInRecordOrder(tx, inspection.id);
  const superseded = new Set(entries.map((entry) => entry.supersedes).filter(Boolean));
  // the latest answer per item
  const latest = new Map<string, (typeof entries)[number]>();
  for (const entry of entries) if (!superseded.has(entry.id)) latest.set(entry.itemCode, entry);
  const form = latest.size > 0 ? await formOfInspection(tx, inspection) : null;
  const findingRows = await listFindingsInRecordOrder(tx, inspection.id);
  const orders = await findOrderFindingIdsOf(tx, inspection.id);
  const orderDocuments = await findOrderDocumentNumbersOf(tx, inspection.id);
  const orderNumberOf = (findingId: string) => {
    const order = orders.find((o) => o.findingIds.includes(findingId));
    return orderDocuments.find((doc) => doc.subjectId === order?.id)?.number ?? null;
  };
  const acknowledgement = inspection.acknowledgement!;
  const snapshot: Omit<InspectionRecordSnapshot, 'bureauName'> = {
    enterprise: await enterpriseLine(tx, inspection),
    startedAt: inspection.checkedInAt?.toISOString() ?? null,
    endedAt: now.toISOString(),
    place: plan?.content.site ?? '',
    matters: matterNames(inspection.matters),
    checklist: [...latest.values()].map((entry) => ({
      itemCode: entry.itemCode,
      itemName: form ? (mergedFormItemByCode(form, entry.itemCode)?.text ?? null) : null,
      outcome: entry.outcome,
      note: entry.note,
    })),
    findings: findingRows.map((row) => ({
      itemCode: row.itemCode,
      description: row.description,
      basis: row.basis,
      howToFix: row.howToFix,
      major: row.majorHiddenDanger,
      handling: row.status === 'fixed_on_spot' ? ('fixed_on_spot' as const) : ('ordered' as const),
      orderNumber: row.status === 'ordered' ? orderNumberOf(row.id) : null,
      measures: row.emergencyMeasures.map((measure) => ({
        kind: measure.kind,
        decisionNumber: measure.decisionNumber ?? null,
      })),
      foundBy: row.foundBy,
    })),
    officers: officerLines(inspection.team),
    identification: identificationStatement(
      (await issuingBureauOf(tx, inspection))?.name ?? '',
      officerLines(inspection.team),
    ),
    siteHead: {
      name: acknowledgement.signerName,
      position: acknowledgement.signerPosition ?? null,
    },
    acknowledgement: acknowledgement.signed
      ? {
          signed: true,
          signerName: acknowledgement.signerName,
          signatureFileId: acknowledgement.signatureFileId,
          at: acknowledgement.at,
        }
      : {
          signed: false,
          signerName: acknowledgement.signerName,
          refusalNote: acknowledgement.refusalNote ?? '',
          at: acknowledgement.at,
        },
  };
  if (!snapshot.place) snapshot.place = snapshot.enterprise.address;
  return { snapshot, findingRows, openFindings: findingRows.filter((row) => row.status === 'open') };
};

export const concludeInspection = async (ctx: AppContext, actor: Actor, inspectionId: string) => {
  const now = ctx.clock.now();
  return ctx.db.transaction(async (tx) => {
    const inspection = await loadInspection(tx, actor, inspectionId, 'update', true);
    if (inspection.stage === 'concluded') {
      // a replayed request answers the record already issued
      const issued = await findLatestRecordDocument(tx, inspection.id);
      if (issued) return { stage: inspection.stage, document: toDocumentItem(issued) };
    }
    if (inspection.stage !== 'findings_recorded') {
      throw problem('CONCLUDE_NOT_NOW', { measure: 12 });
    }
    if (!inspection.acknowledgement) {
      throw problem('CONCLUDE_NEEDS_ACKNOWLEDGEMENT', { measure: 12, basis: BASIS_68 });
    }
    const { snapshot, findingRows, openFindings } = await recordSnapshot(tx, inspection, now);
    if (openFindings.length > 0) {
      throw problem(
        'CONCLUDE_OPEN_FINDINGS',
        { findings: openFindings.map((row) => row.description) },
        { measure: 13, basis: BASIS_13 },
      );
    }
    const document = await issueDocument(tx, actor, {
      inspection,
      type: 'inspection_record',
      snapshot,
      at: now,
    });
    // measure 15: each major hidden danger this inspection found goes to the legal reviewer (移交立案审查);
    // measure 14: one the enterprise or an expert had found and that was fixed on the spot does not
    for (const row of findingRows) {
      const facts = { major: row.majorHiddenDanger, foundBy: row.foundBy, status: row.status };
      if (!needsCaseReferral(facts)) continue;
      const referral = await insertCaseReferral(tx, {
        inspectionId: inspection.id,
        findingId: row.id,
        territory: inspection.territory,
        enterpriseName: inspection.enterpriseName,
        description: row.description,
        status: 'open',
        openedAt: now,
      });
      await auditInspection(
        tx,
        actor,
        inspection,
        'inspection.case_referral.opened',
        { referralId: referral.id, findingId: row.id, exemptUnderMeasure14: exemptUnderMeasure14(facts) },
        now,
      );
    }
    const stage = await advanceStage(
      tx,
      actor,
      inspection,
      'conclude',
      'inspection.concluded',
      { documentId: document.id, number: document.number },
      now,
    );
    return { stage, document: toDocumentItem({ ...document, snapshot: document.snapshot }) };
  });
};

export const closeInspection = async (ctx: AppContext, actor: Actor, inspectionId: string) => {
  const now = ctx.clock.now();
  return ctx.db.transaction(async (tx) => {
    const inspection = await loadInspection(tx, actor, inspectionId, 'update', true);
    if (inspection.stage === 'closed' && inspection.closedAt)
      return { stage: inspection.stage, closedAt: inspection.closedAt.toISOString() };
    const orders = await findOrdersOfInspection(tx, inspection.id);
    const unsettled = orders.filter((order) => !orderSettled(order.status));
    if (unsettled.length > 0) {
      throw problem(
        'CLOSE_ORDERS_UNSETTLED',
        { count: unsettled.length },
        { measure: 13, basis: BASIS_13, detail: unsettled.map((order) => order.id).join(', ') },
      );
    }
    // measure 15: an order alone never closes a major hidden danger; the legal reviewer must settle it first
    const openReferrals = await countOpenCaseReferrals(tx, inspection.id);
    if (openReferrals > 0) {
      throw problem(
        'CLOSE_CASE_REFERRAL_OPEN',
        { count: openReferrals },
        { measure: 15, basis: cite('measures_art15') + '；' + cite('work_safety_law_art102') },
      );
    }
    const stage = await advanceStage(
      tx,
      actor,
      inspection,
      'close',
      'inspection.closed',
      { orders: orders.map((order) => ({ id: order.id, status: order.status })) },
      now,
      { closedAt: now },
    );
    return { stage, closedAt: now.toISOString() };
  });
};
