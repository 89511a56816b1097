import {
  ACCOUNTABILITY_KIND_NAMES,
  ACCOUNTABILITY_ORIGIN_NAMES,
  ACCOUNTABILITY_STATUS_NAMES,
  CORRECTION_KIND_NAMES,
  accountabilityCatalog,
  certificateEffectsOf,
  checkAccountabilityDraft,
  complaintChannel,
  correctionOf,
  isWithinTerritory,
  mayApproveAccountability,
  mayCompleteCorrection,
  sanctionOf,
  territoryName,
} from '@inspecta/domain';
import { appendAuditEvent, type AuditAction, type AuditPayload } from '../../platform/audit/service.ts';
import type { Db, Tx } from '../../platform/db/client.ts';
import { scopeCondition } from '../../platform/db/scope.ts';
import type { AppContext } from '../../platform/http/context.ts';
import { shanghaiDate } from '../../platform/http/dates.ts';
import { isUuid } from '../../platform/http/paging.ts';
import {
  assertCan,
  assertMayUse,
  assertReferenced,
  can,
  mayUse,
  type Actor,
} from '../../platform/policy/policy.ts';
import { notFound, problem, refused } from '../../platform/problems/problem.ts';
import { caseSummary, withdrawPublicationOnCorrection } from '../cases/index.ts';
import { applyCertificateSanction, findOfficerWithOrganisation } from '../officers/index.ts';
import type { TRecordInput, TRecordView } from './model.ts';
import {
  findComplaintSummary,
  findInspectionSummary,
  findPersonsOf,
  findRecordById,
  findRecordsOfComplaints,
  insertRecord,
  listRecordRows,
  markPersonApplied,
  replacePersons,
  updateRecord,
  type PersonRow,
  type RecordRow,
} from './repository.ts';
import { accountabilityRecords } from './schema.ts';

// Issue 17 item 10 (measure 30): 对执法检查人员不履行、违法履行或者不当履行职责的行为，应当及时依法纠正、责令限期改正、
// 予以撤销或变更，并严肃追究相关部门和人员的责任，涉嫌违法违纪的，依法依规移送纪检监察机关. A legal reviewer or a bureau
// head drafts the record within his territory; a bureau head other than the drafter approves it; on approval a
// certificate sanction suspends or revokes the officer's certificates through the officers module (so the
// measure-10 guard refuses him), and a 撤销 or 变更 of a penalty decision withdraws its publication through the
// cases module (行政处罚法 第四十八条第二款). Every change is audited in its transaction.

const audit = <A extends AuditAction>(
  tx: Tx,
  ctx: AppContext,
  actor: Actor,
  action: A,
  record: RecordRow,
  payload: AuditPayload<A>,
) =>
  appendAuditEvent(tx, {
    actor,
    action,
    entityType: 'accountability_record',
    entityId: record.id,
    territory: record.territory,
    payload,
    at: ctx.clock.now(),
  });

const draftOf = (record: RecordRow, persons: { officerName: string; sanction: string }[]) => ({
  correction: record.correctionKind
    ? { kind: record.correctionKind, deadline: record.correctionDeadline }
    : null,
  penaltyCaseId: record.penaltyCaseId,
  inspectionId: record.inspectionId,
  persons,
  referral: record.referredOn ? { referredOn: record.referredOn } : null,
});

const warningsOf = (persons: PersonRow[]) =>
  persons.flatMap((person) => {
    const sanction = sanctionOf(person.sanction);
    return sanction && !sanction.verified
      ? [`对${person.officerName}的处理“${sanction.name}”的依据待法制审核（${sanction.source}）`]
      : [];
  });

const view = async (
  db: Db | Tx,
  actor: Actor,
  record: RecordRow,
  persons: PersonRow[],
): Promise<TRecordView> => {
  const inspection = record.inspectionId ? await findInspectionSummary(db, record.inspectionId) : undefined;
  const penaltyCase = record.penaltyCaseId ? await caseSummary(db, record.penaltyCaseId) : undefined;
  const complaint = record.complaintId ? await findComplaintSummary(db, record.complaintId) : undefined;
  const approval = mayApproveAccountability(record, actor.id);
  const mayApprove = can(actor, 'accountability_record', 'approve', record) && approval.ok;
  return {
    id: record.id,
    territory: record.territory,
    territoryName: territoryName(record.territory) ?? record.territory,
    kind: record.kind,
    kindName: ACCOUNTABILITY_KIND_NAMES[record.kind],
    facts: record.facts,
    origin: record.origin,
    originName: ACCOUNTABILITY_ORIGIN_NAMES[record.origin],
    originReference: record.originReference,
    inspection: inspection
      ? { id: inspection.id, enterpriseName: inspection.enterpriseName, plannedOn: inspection.plannedOn }
      : null,
    penaltyCase: penaltyCase
      ? { id: penaltyCase.id, reference: penaltyCase.reference, enterpriseName: penaltyCase.enterpriseName }
      : null,
    complaint: complaint
      ? {
          id: complaint.id,
          channelName: complaintChannel(complaint.channel)?.name ?? complaint.channel,
          channelReference: complaint.channelReference,
          summary: complaint.summary,
          receivedOn: complaint.receivedOn,
        }
      : null,
    correction: record.correctionKind
      ? {
          kind: record.correctionKind,
          kindName: CORRECTION_KIND_NAMES[record.correctionKind],
          detail: record.correctionDetail,
          deadline: record.correctionDeadline,
          completedOn: record.correctionCompletedOn,
          completionNote: record.correctionCompletionNote,
        }
      : null,
    referral: record.referredOn ? { referredOn: record.referredOn, note: record.referralNote ?? '' } : null,
    persons: persons.map((person) => {
      const sanction = sanctionOf(person.sanction);
      return {
        id: person.id,
        officerId: person.officerId,
        officerName: person.officerName,
        sanction: person.sanction,
        sanctionName: sanction?.name ?? person.sanction,
        sanctionSource: sanction?.source ?? '',
        sanctionVerified: sanction?.verified ?? false,
        note: person.sanctionNote,
        certificateEffect: person.certificateEffect,
        appliedAt: person.appliedAt?.toISOString() ?? null,
      };
    }),
    status: record.status,
    statusName: ACCOUNTABILITY_STATUS_NAMES[record.status],
    draftedByName: record.draftedByName,
    submittedAt: record.submittedAt?.toISOString() ?? null,
    approvedByName: record.approvedByName,
    approvedAt: record.approvedAt?.toISOString() ?? null,
    approvalNote: record.approvalNote,
    returnedNote: record.returnedNote,
    warnings: warningsOf(persons),
    mayEdit: record.status === 'draft' && can(actor, 'accountability_record', 'update', record),
    mayApprove,
    whyNotApprove: record.status === 'submitted' && !mayApprove && !approval.ok ? approval.message : null,
    createdAt: record.createdAt.toISOString(),
  };
};

const viewOne = async (db: Db | Tx, actor: Actor, record: RecordRow) =>
  view(db, actor, record, await findPersonsOf(db, [record.id]));

export type ListRecordsQuery = {
  page: number;
  pageSize: number;
  status?: RecordRow['status'] | undefined;
  officerId?: string | undefined;
  complaintId?: string | undefined;
  q?: string | undefined;
};

export const listRecords = async (ctx: AppContext, actor: Actor, query: ListRecordsQuery) => {
  assertMayUse(actor, 'accountability_record', 'read');
  const { rows, total } = await listRecordRows(
    ctx.db,
    {
      scope: scopeCondition(actor, 'accountability_record', { territory: accountabilityRecords.territory }),
      status: query.status,
      officerId: query.officerId && isUuid(query.officerId) ? query.officerId : undefined,
      complaintId: query.complaintId && isUuid(query.complaintId) ? query.complaintId : undefined,
      q: query.q,
    },
    query,
  );
  const persons = await findPersonsOf(
    ctx.db,
    rows.map((row) => row.id),
  );
  return {
    items: await Promise.all(
      rows.map((row) =>
        view(
          ctx.db,
          actor,
          row,
          persons.filter((person) => person.recordId === row.id),
        ),
      ),
    ),
    total,
    page: query.page,
    pageSize: query.pageSize,
    totalIsLowerBound: false,
  };
};

const loadRecord = async (
  db: Db | Tx,
  actor: Actor,
  id: string,
  action: 'read' | 'update' | 'approve',
  lock = false,
) => {
  if (!isUuid(id)) throw notFound('问责记录');
  return assertCan(actor, 'accountability_record', action, await findRecordById(db, id, lock), '问责记录');
};

export const getRecord = async (ctx: AppContext, actor: Actor, id: string) =>
  viewOne(ctx.db, actor, await loadRecord(ctx.db, actor, id, 'read'));

// Every id of the draft passes the policy: the officers, the inspection, the penalty case and the complaint are the
// actor's territory's (or below it); another bureau's answers 404 as in a path. The complaint also lies within the
// record's own territory (a city reviewer revising a district's record may not hang the city's complaint on it).
const resolveInput = async (tx: Tx, actor: Actor, input: TRecordInput, territory: string) => {
  const persons: { officerId: string; officerName: string; sanction: string; sanctionNote: string }[] = [];
  for (const person of input.persons) {
    const found = await findOfficerWithOrganisation(tx, person.officerId);
    const officer = assertReferenced(actor, 'officer', found?.officer, '执法人员');
    if (persons.some((known) => known.officerId === officer.id))
      throw problem('ACCOUNTABILITY_OFFICER_REPEATED', { name: officer.name });
    persons.push({
      officerId: officer.id,
      officerName: officer.name,
      sanction: person.sanction,
      sanctionNote: person.note,
    });
  }
  if (input.inspectionId)
    assertReferenced(actor, 'inspection', await findInspectionSummary(tx, input.inspectionId), '检查');
  if (input.penaltyCaseId)
    assertReferenced(actor, 'penalty_case', await caseSummary(tx, input.penaltyCaseId), '处罚案件');
  if (input.complaintId) {
    const complaint = assertReferenced(
      actor,
      'complaint',
      await findComplaintSummary(tx, input.complaintId),
      '投诉',
    );
    if (!isWithinTerritory(territory, complaint.territory))
      throw problem('ACCOUNTABILITY_COMPLAINT_OUTSIDE_TERRITORY');
  }
  return persons;
};

const columnsOf = (input: TRecordInput) => ({
  kind: input.kind,
  facts: input.facts,
  origin: input.origin,
  originReference: input.originReference,
  inspectionId: input.inspectionId,
  penaltyCaseId: input.penaltyCaseId,
  complaintId: input.complaintId,
  correctionKind: input.correction?.kind ?? null,
  correctionDetail: input.correction?.detail ?? '',
  correctionDeadline: input.correction?.deadline ?? null,
  referredOn: input.referral?.referredOn ?? null,
  referralNote: input.referral?.note ?? null,
});

const checkDraft = (ctx: AppContext, input: TRecordInput, persons: { officerName: string }[]) => {
  const answer = checkAccountabilityDraft(
    {
      correction: input.correction,
      penaltyCaseId: input.penaltyCaseId,
      inspectionId: input.inspectionId,
      persons: input.persons.map((person, i) => ({
        officerName: persons[i]!.officerName,
        sanction: person.sanction,
      })),
      referral: input.referral,
    },
    shanghaiDate(ctx.clock.now()),
  );
  if (!answer.ok) throw refused(answer);
  return answer.warnings;
};

export const draftRecord = async (ctx: AppContext, actor: Actor, input: TRecordInput) => {
  assertMayUse(actor, 'accountability_record', 'create');
  return ctx.db.transaction(async (tx) => {
    const persons = await resolveInput(tx, actor, input, actor.territory);
    checkDraft(ctx, input, persons);
    const now = ctx.clock.now();
    const record = await insertRecord(tx, {
      ...columnsOf(input),
      territory: actor.territory,
      status: 'draft',
      draftedById: actor.id,
      draftedByName: actor.displayName,
      createdAt: now,
      updatedAt: now,
    });
    await replacePersons(tx, record.id, persons);
    await audit(tx, ctx, actor, 'accountability_record.drafted', record, {
      kind: record.kind,
      origin: record.origin,
      officerIds: persons.map((person) => person.officerId),
      correction: record.correctionKind,
      complaintId: record.complaintId,
    });
    return viewOne(tx, actor, record);
  });
};

export const reviseRecord = async (ctx: AppContext, actor: Actor, id: string, input: TRecordInput) =>
  ctx.db.transaction(async (tx) => {
    const record = await loadRecord(tx, actor, id, 'update', true);
    if (record.status !== 'draft') throw problem('ACCOUNTABILITY_NOT_DRAFT');
    const persons = await resolveInput(tx, actor, input, record.territory);
    checkDraft(ctx, input, persons);
    const updated = await updateRecord(tx, record.id, { ...columnsOf(input), updatedAt: ctx.clock.now() });
    await replacePersons(tx, record.id, persons);
    await audit(tx, ctx, actor, 'accountability_record.updated', updated, {
      patch: { ...columnsOf(input), persons: input.persons },
    });
    return viewOne(tx, actor, updated);
  });

export const submitRecord = async (ctx: AppContext, actor: Actor, id: string) =>
  ctx.db.transaction(async (tx) => {
    const record = await loadRecord(tx, actor, id, 'update', true);
    if (record.status !== 'draft') throw problem('ACCOUNTABILITY_NOT_DRAFT');
    const persons = await findPersonsOf(tx, [record.id]);
    const answer = checkAccountabilityDraft(draftOf(record, persons), shanghaiDate(ctx.clock.now()));
    if (!answer.ok) throw refused(answer);
    const updated = await updateRecord(tx, record.id, {
      status: 'submitted',
      submittedAt: ctx.clock.now(),
      updatedAt: ctx.clock.now(),
    });
    await audit(tx, ctx, actor, 'accountability_record.submitted', updated, { warnings: answer.warnings });
    return view(tx, actor, updated, persons);
  });

const approvable = async (tx: Tx, actor: Actor, id: string) => {
  assertMayUse(actor, 'accountability_record', 'approve');
  const record = await loadRecord(tx, actor, id, 'approve', true);
  const answer = mayApproveAccountability(record, actor.id);
  if (!answer.ok) {
    if (answer.code === 'ACCOUNTABILITY_OWN_DRAFT') throw problem('ACCOUNTABILITY_OWN_DRAFT');
    throw refused(answer);
  }
  return record;
};

export const returnRecord = async (ctx: AppContext, actor: Actor, id: string, note: string) =>
  ctx.db.transaction(async (tx) => {
    const record = await approvable(tx, actor, id);
    const updated = await updateRecord(tx, record.id, {
      status: 'draft',
      returnedNote: note,
      updatedAt: ctx.clock.now(),
    });
    await audit(tx, ctx, actor, 'accountability_record.returned', updated, { note });
    return viewOne(tx, actor, updated);
  });

// Approval takes effect at once: each certificate sanction through the officers module, and a 撤销 or 变更 of a
// penalty decision withdraws its publication, the reason published (行政处罚法 第四十八条第二款).
export const approveRecord = async (ctx: AppContext, actor: Actor, id: string, note: string | undefined) =>
  ctx.db.transaction(async (tx) => {
    const record = await approvable(tx, actor, id);
    const now = ctx.clock.now();
    const today = shanghaiDate(now);
    const persons = await findPersonsOf(tx, [record.id]);
    const answer = checkAccountabilityDraft(draftOf(record, persons), today);
    if (!answer.ok) throw refused(answer);
    const kindName = ACCOUNTABILITY_KIND_NAMES[record.kind];
    const certificates: { officerId: string; effect: string; numbers: string[] }[] = [];
    for (const [officerId, effect] of certificateEffectsOf(persons)) {
      const found = await findOfficerWithOrganisation(tx, officerId);
      assertReferenced(actor, 'officer', found?.officer, '执法人员');
      const sanction = persons.find(
        (person) =>
          person.officerId === officerId && sanctionOf(person.sanction)?.certificateEffect === effect,
      )!;
      const reason = `问责处理：${sanctionOf(sanction.sanction)!.name}（${kindName}职责；${sanctionOf(sanction.sanction)!.source}）`;
      const { changed } = await applyCertificateSanction(tx, ctx, actor, officerId, effect, reason);
      certificates.push({ officerId, effect, numbers: changed });
      await markPersonApplied(tx, sanction.id, { certificateEffect: effect, appliedAt: now });
    }
    let publicationWithdrawn = false;
    if (record.correctionKind && record.penaltyCaseId) {
      const correction = correctionOf(record.correctionKind);
      if (correction.withdrawsPublication) {
        const penaltyCase = assertReferenced(
          actor,
          'penalty_case',
          await caseSummary(tx, record.penaltyCaseId),
          '处罚案件',
        );
        const detail = record.correctionDetail.trim();
        ({ withdrawn: publicationWithdrawn } = await withdrawPublicationOnCorrection(
          tx,
          ctx,
          actor,
          penaltyCase.id,
          {
            ground: correction.withdrawsPublication,
            groundOn: today,
            reason: `经执法监督，该行政处罚决定已被依法${correction.description.replace('予以', '')}${detail ? `：${detail}` : ''}`,
          },
        ));
      }
    }
    const updated = await updateRecord(tx, record.id, {
      status: 'approved',
      approvedById: actor.id,
      approvedByName: actor.displayName,
      approvedAt: now,
      approvalNote: note?.trim() || null,
      updatedAt: now,
    });
    await audit(tx, ctx, actor, 'accountability_record.approved', updated, {
      note: note?.trim() || null,
      certificates,
      publicationWithdrawn,
    });
    return viewOne(tx, actor, updated);
  });

export const completeCorrection = async (
  ctx: AppContext,
  actor: Actor,
  id: string,
  body: { completedOn: string; note: string },
) =>
  ctx.db.transaction(async (tx) => {
    const record = await loadRecord(tx, actor, id, 'update', true);
    const answer = mayCompleteCorrection(
      { status: record.status, hasCorrection: record.correctionKind !== null },
      body.completedOn,
      shanghaiDate(ctx.clock.now()),
    );
    if (!answer.ok) throw refused(answer);
    const updated = await updateRecord(tx, record.id, {
      correctionCompletedOn: body.completedOn,
      correctionCompletionNote: body.note,
      updatedAt: ctx.clock.now(),
    });
    await audit(tx, ctx, actor, 'accountability_record.correction.completed', updated, body);
    return viewOne(tx, actor, updated);
  });

// For the complaints (measure 29): the accountability records opened from each, for an actor who may read them
// (nobody else learns that a record exists), in his scope.
export const accountabilityRecordsOfComplaints = async (
  db: Db | Tx,
  actor: Actor,
  complaintIds: string[],
) => {
  const found = new Map<string, { id: string; kindName: string; statusName: string }[]>();
  if (!mayUse(actor, 'accountability_record', 'read')) return found;
  const rows = await findRecordsOfComplaints(
    db,
    scopeCondition(actor, 'accountability_record', { territory: accountabilityRecords.territory }),
    complaintIds,
  );
  for (const row of rows) {
    const list = found.get(row.complaintId!) ?? [];
    list.push({
      id: row.id,
      kindName: ACCOUNTABILITY_KIND_NAMES[row.kind],
      statusName: ACCOUNTABILITY_STATUS_NAMES[row.status],
    });
    found.set(row.complaintId!, list);
  }
  return found;
};

export const catalogView = () => ({
  kinds: accountabilityCatalog.kinds,
  corrections: accountabilityCatalog.corrections,
  origins: accountabilityCatalog.origins,
  sanctions: accountabilityCatalog.sanctions,
  referral: accountabilityCatalog.referral,
});
