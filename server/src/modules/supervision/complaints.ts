import {
  complaintChannel,
  complaintDueOn,
  complaintOverdue,
  complaintQueuesReview,
  isWithinTerritory,
} from '@inspecta/domain';
import type { IsoDate } from '@inspecta/domain';
import { appendAuditEvent } from '../../platform/audit/service.ts';
import type { Db, Tx } from '../../platform/db/client.ts';
import { loadCalendar } from '../../platform/calendar/calendar.ts';
import { scopeCondition } from '../../platform/db/scope.ts';
import type { AppContext } from '../../platform/http/context.ts';
import { shanghaiDate } from '../../platform/http/dates.ts';
import { isUuid } from '../../platform/http/paging.ts';
import {
  assertCan,
  assertMayUse,
  assertReferenced,
  assertTerritoryWritable,
  type Actor,
} from '../../platform/policy/policy.ts';
import { notFound, problem } from '../../platform/problems/problem.ts';
import { accountabilityRecordsOfComplaints } from '../accountability/index.ts';
import { enforcementComplaints } from './schema.ts';
import {
  findComplaint,
  findInspectionRef,
  findOfficer,
  findPenaltyCaseRef,
  inspectionLabels,
  insertComplaint,
  penaltyCaseLabels,
  listComplaints as listComplaintRows,
  updateComplaint,
  type ComplaintRow,
} from './repository.ts';

// measure 29: complaints about enforcement (12345, the hotline, 局长信箱, 信访, online), each tracked to an answer by
// the day its channel's catalogue entry gives; one naming an officer, an inspection or a penalty case is queued
// for the bureau's next case-file review and listed under the officer for accountability.

type ComplaintLinks = {
  inspections: Map<string, { id: string; enterpriseName: string; plannedOn: string }>;
  penaltyCases: Map<string, { id: string; reference: string; enterpriseName: string }>;
  records: Map<string, { id: string; kindName: string; statusName: string }[]>;
};

// What the complaints name, labelled, and the accountability records opened from them (issue 17 item 10), those
// only for an actor who may read accountability records.
const linksOf = async (db: Db | Tx, actor: Actor, rows: ComplaintRow[]): Promise<ComplaintLinks> => {
  const ids = (pick: (row: ComplaintRow) => string | null) => [
    ...new Set(rows.map(pick).filter((id): id is string => id !== null)),
  ];
  const [inspectionRows, caseRows, records] = await Promise.all([
    inspectionLabels(
      db,
      ids((row) => row.inspectionId),
    ),
    penaltyCaseLabels(
      db,
      ids((row) => row.penaltyCaseId),
    ),
    accountabilityRecordsOfComplaints(
      db,
      actor,
      rows.map((row) => row.id),
    ),
  ]);
  return {
    inspections: new Map(inspectionRows.map((row) => [row.id, row])),
    penaltyCases: new Map(caseRows.map((row) => [row.id, row])),
    records,
  };
};

const complaintsView = async (db: Db | Tx, actor: Actor, rows: ComplaintRow[], today: string) => {
  const links = await linksOf(db, actor, rows);
  return rows.map((row) => complaintView(row, today, links));
};

export const complaintView = (row: ComplaintRow, today: string, links?: ComplaintLinks) => {
  const channel = complaintChannel(row.channel);
  return {
    id: row.id,
    territory: row.territory,
    channel: row.channel,
    channelName: channel?.name ?? row.channel,
    channelReference: row.channelReference,
    complainant: row.complainant,
    summary: row.summary,
    receivedOn: row.receivedOn,
    dueOn: row.dueOn,
    // the answer period is a placeholder until a legal reviewer confirms it (待法制审核)
    dueVerified: row.dueVerified,
    dueSource: channel?.source ?? '',
    overdue: complaintOverdue(row, today as IsoDate),
    officerId: row.officerId,
    officerName: row.officerName,
    inspectionId: row.inspectionId,
    inspection: (row.inspectionId && links?.inspections.get(row.inspectionId)) || null,
    penaltyCaseId: row.penaltyCaseId,
    penaltyCase: (row.penaltyCaseId && links?.penaltyCases.get(row.penaltyCaseId)) || null,
    accountabilityRecords: links?.records.get(row.id) ?? [],
    reviewQueued: row.reviewQueued,
    reviewFileId: row.reviewFileId,
    status: row.status,
    statusName: row.status === 'answered' ? '已答复' : '待答复',
    answer: row.answer,
    answeredOn: row.answeredOn,
    answeredByName: row.answeredByName,
    receivedByName: row.receivedByName,
    createdAt: row.createdAt.toISOString(),
  };
};

const related = (child: string, parent: string) =>
  isWithinTerritory(parent, child) || isWithinTerritory(child, parent);

export const receiveComplaint = async (
  ctx: AppContext,
  actor: Actor,
  input: {
    channel: string;
    channelReference?: string | null;
    complainant?: string | null;
    summary: string;
    receivedOn: string;
    territory?: string;
    officerId?: string | null;
    inspectionId?: string | null;
    penaltyCaseId?: string | null;
  },
) => {
  assertMayUse(actor, 'complaint', 'create');
  const channel = complaintChannel(input.channel);
  if (!channel) throw problem('COMPLAINT_UNKNOWN_CHANNEL');
  const territory = input.territory ?? actor.territory;
  assertTerritoryWritable(actor, territory);
  const today = shanghaiDate(ctx.clock.now());
  if (input.receivedOn > today) throw problem('VALIDATION_FAILED', { detail: '收到日期不能晚于今天' });
  // every id named passes the policy: another bureau's answers 404 as it would in a path
  const officer = input.officerId
    ? assertReferenced(
        actor,
        'officer',
        isUuid(input.officerId) ? await findOfficer(ctx.db, input.officerId) : undefined,
        '执法人员',
      )
    : undefined;
  const inspection = input.inspectionId
    ? assertReferenced(
        actor,
        'inspection',
        isUuid(input.inspectionId) ? await findInspectionRef(ctx.db, input.inspectionId) : undefined,
        '检查',
      )
    : undefined;
  const penaltyCase = input.penaltyCaseId
    ? assertReferenced(
        actor,
        'penalty_case',
        isUuid(input.penaltyCaseId) ? await findPenaltyCaseRef(ctx.db, input.penaltyCaseId) : undefined,
        '处罚案件',
      )
    : undefined;
  for (const named of [officer, inspection, penaltyCase])
    if (named && !related(named.territory, territory)) throw problem('COMPLAINT_OUTSIDE_TERRITORY');
  const calendar = await loadCalendar(ctx.db);
  const due = complaintDueOn(channel, input.receivedOn as IsoDate, calendar);
  const now = ctx.clock.now();
  const links = {
    officerId: officer?.id ?? null,
    inspectionId: inspection?.id ?? null,
    penaltyCaseId: penaltyCase?.id ?? null,
  };
  return ctx.db.transaction(async (tx) => {
    const row = await insertComplaint(tx, {
      territory,
      channel: channel.code,
      channelReference: input.channelReference ?? null,
      complainant: input.complainant ?? null,
      summary: input.summary,
      receivedOn: input.receivedOn,
      dueOn: due.dueOn,
      dueVerified: due.verified,
      ...links,
      officerName: officer?.name ?? null,
      reviewQueued: complaintQueuesReview(links),
      status: 'open',
      receivedById: actor.id,
      receivedByName: actor.displayName,
      createdAt: now,
    });
    await appendAuditEvent(tx, {
      actor,
      action: 'complaint.received',
      entityType: 'complaint',
      entityId: row.id,
      territory,
      payload: { channel: channel.code, dueOn: due.dueOn, ...links },
      at: now,
    });
    return (await complaintsView(tx, actor, [row], today))[0]!;
  });
};

export const answerComplaint = async (
  ctx: AppContext,
  actor: Actor,
  id: string,
  input: { answer: string; answeredOn: string },
) => {
  const today = shanghaiDate(ctx.clock.now());
  if (input.answeredOn > today) throw problem('VALIDATION_FAILED', { detail: '答复日期不能晚于今天' });
  const now = ctx.clock.now();
  return ctx.db.transaction(async (tx) => {
    const row = assertCan(
      actor,
      'complaint',
      'update',
      isUuid(id) ? await findComplaint(tx, id, true) : undefined,
      '投诉',
    );
    if (row.status === 'answered') throw problem('COMPLAINT_ANSWERED');
    if (input.answeredOn < row.receivedOn)
      throw problem('VALIDATION_FAILED', { detail: '答复日期不能早于收到投诉的日期' });
    const updated = await updateComplaint(tx, row.id, {
      status: 'answered',
      answer: input.answer,
      answeredOn: input.answeredOn,
      answeredByName: actor.displayName,
    });
    await appendAuditEvent(tx, {
      actor,
      action: 'complaint.answered',
      entityType: 'complaint',
      entityId: row.id,
      territory: row.territory,
      payload: { answeredOn: input.answeredOn, overdue: input.answeredOn > row.dueOn },
      at: now,
    });
    return (await complaintsView(tx, actor, [updated], today))[0]!;
  });
};

export const listComplaints = async (
  ctx: AppContext,
  actor: Actor,
  query: { status?: 'open' | 'answered'; overdue?: boolean },
) => {
  const today = shanghaiDate(ctx.clock.now());
  const rows = await listComplaintRows(ctx.db, {
    scope: scopeCondition(actor, 'complaint', { territory: enforcementComplaints.territory }),
    status: query.status,
    overdueOn: query.overdue ? today : undefined,
  });
  return { items: await complaintsView(ctx.db, actor, rows, today) };
};

export const getComplaint = async (ctx: AppContext, actor: Actor, id: string) => {
  const row = assertCan(
    actor,
    'complaint',
    'read',
    isUuid(id) ? await findComplaint(ctx.db, id) : undefined,
    '投诉',
  );
  return (await complaintsView(ctx.db, actor, [row], shanghaiDate(ctx.clock.now())))[0]!;
};

// For accountability (issue 17 item 10): every complaint naming this officer, in the actor's scope.
export const complaintsAboutOfficer = async (ctx: AppContext, actor: Actor, officerId: string) => {
  const officer = isUuid(officerId) ? await findOfficer(ctx.db, officerId) : undefined;
  if (!officer) throw notFound('执法人员');
  assertReferenced(actor, 'officer', officer, '执法人员');
  const today = shanghaiDate(ctx.clock.now());
  const rows = await listComplaintRows(ctx.db, {
    scope: scopeCondition(actor, 'complaint', { territory: enforcementComplaints.territory }),
    officerId: officer.id,
  });
  return {
    officerId: officer.id,
    officerName: officer.name,
    items: await complaintsView(ctx.db, actor, rows, today),
  };
};
