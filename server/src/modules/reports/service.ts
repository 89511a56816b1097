import { createHash, randomBytes, randomUUID } from 'node:crypto';
import argon2 from 'argon2';
import { isTerritoryCode, territoryLevel, territoryName } from '@inspecta/domain';
import {
  checkExtension,
  checkReporter,
  computeReward,
  moveReport,
  collectPeriod,
  mayOpenCaseFromReport,
  REPORT_KIND_NAMES,
  REPORT_OUTCOME_NAMES,
  REPORT_STATE_NAMES,
  reportDeadlines,
  reportOverdue,
  type AccidentGrade,
  type ReportKind,
  type ReportOutcome,
  type RewardKind,
} from '@inspecta/domain/reports';
import { appendAuditEvents, type AuditEventInput } from '../../platform/audit/service.ts';
import { systemActor } from '../../platform/auth/system-user.ts';
import { loadCalendar } from '../../platform/calendar/calendar.ts';
import type { Db, Tx } from '../../platform/db/client.ts';
import { scopeCondition } from '../../platform/db/scope.ts';
import type { AppContext } from '../../platform/http/context.ts';
import { shanghaiDate } from '../../platform/http/dates.ts';
import { isUuid } from '../../platform/http/paging.ts';
import { assertCan, assertMayUse, can, type Actor } from '../../platform/policy/policy.ts';
import { notFound, problem, refused } from '../../platform/problems/problem.ts';
import { checkEvidence, planInspectionInTx } from '../inspections/index.ts';
import { decidedFineOfCase, openCaseFromReport } from '../cases/index.ts';
import { openIdentity, sealIdentity, type ReporterIdentity } from './identity.ts';
import {
  deleteLookupsBefore,
  failedLookupsSince,
  findByReceipt,
  findEnterpriseBrief,
  findHandledReport,
  findIdentityCipher,
  findPhoto,
  findReward,
  insertReport,
  insertReportPhotos,
  insertReward,
  listHandledReports,
  lockReport,
  openReports,
  photosOf,
  recordLookup,
  reserveSubmission,
  searchEnterprisesByName,
  updateReport,
  updateReward,
  type HandledReport,
  type RewardRow,
} from './repository.ts';
import { reports, type RewardState } from './schema.ts';

// ---------------------------------------------------------------- the public side

// Receipt codes and passwords from an alphabet without look-alikes (no 0/O, 1/I/L), read aloud on a phone.
const ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';
const randomText = (length: number) => {
  const bytes = randomBytes(length);
  return Array.from(bytes, (b) => ALPHABET[b % ALPHABET.length]).join('');
};

export type SubmittedReport = {
  kind: ReportKind;
  content: string;
  enterpriseId: string | null;
  enterpriseDescription: string | null;
  county: string | null;
  location: string | null;
  latitude: number | null;
  longitude: number | null;
  anonymous: boolean;
  employeeOfEnterprise: boolean;
  identity: ReporterIdentity | null;
};

const MAX_PHOTOS = 5;

// Submitting from the public desk: at most perAddress reports per client address in windowMinutes
// (REPORTS_PER_IP raises it, e.g. for the browser scenarios that all submit from one address).
export const reportSubmissionPolicy = { perAddress: 10, windowMinutes: 60 };

const clientHashOf = (purpose: 'report-lookup' | 'report-submission', clientAddress: string) =>
  createHash('sha256').update(`${purpose}\n${clientAddress}`).digest('hex');

// clientAddress: the submitter's address, rate-limited; absent for the demo data written by the server itself
export const submitReport = async (
  ctx: AppContext,
  input: SubmittedReport & { clientAddress?: string },
): Promise<{ receiptCode: string; password: string; receivedAt: string }> => {
  const reporter = checkReporter({
    anonymous: input.anonymous,
    employeeOfEnterprise: input.employeeOfEnterprise,
    name: input.identity?.name ?? null,
    phone: input.identity?.phone ?? input.identity?.contact ?? null,
  });
  if (!reporter.ok) throw refused(reporter);
  let territory: string;
  if (input.enterpriseId) {
    const enterprise = isUuid(input.enterpriseId)
      ? await findEnterpriseBrief(ctx.db, input.enterpriseId)
      : undefined;
    if (!enterprise) throw notFound('企业');
    territory = enterprise.territory;
  } else {
    if (!input.enterpriseDescription || !input.county) throw problem('REPORT_NEEDS_PLACE');
    if (
      !isTerritoryCode(input.county) ||
      territoryLevel(input.county) !== 'county' ||
      !territoryName(input.county)
    )
      throw problem('REPORT_NEEDS_PLACE');
    territory = input.county;
  }
  const id = randomUUID();
  const receiptCode = `JB${randomText(10)}`;
  const password = randomText(8);
  const now = ctx.clock.now();
  const identity =
    input.anonymous || !input.identity || Object.values(input.identity).every((v) => !v)
      ? null
      : input.identity;
  await ctx.db.transaction(async (tx) => {
    if (input.clientAddress !== undefined) {
      const minutes = reportSubmissionPolicy.windowMinutes;
      const allowed = await reserveSubmission(
        tx,
        clientHashOf('report-submission', input.clientAddress),
        now,
        {
          since: new Date(now.getTime() - minutes * 60_000),
          max: reportSubmissionPolicy.perAddress,
        },
      );
      if (!allowed) throw problem('REPORT_SUBMISSION_RATE_LIMITED', { minutes });
    }
    await insertReport(tx, {
      id,
      receiptCode,
      passwordHash: await argon2.hash(password, { type: argon2.argon2id }),
      territory,
      kind: input.kind,
      enterpriseId: input.enterpriseId,
      enterpriseDescription: input.enterpriseDescription,
      content: input.content,
      location: input.location,
      latitude: input.latitude,
      longitude: input.longitude,
      anonymous: identity === null,
      employeeOfEnterprise: input.employeeOfEnterprise,
      identityCipher: identity ? sealIdentity(id, identity) : null,
      state: 'received',
      receivedAt: now,
      updatedAt: now,
    });
    await appendAuditEvents(tx, [
      {
        actor: systemActor('公众举报'),
        action: 'report.received',
        entityType: 'report',
        entityId: id,
        territory,
        payload: {
          kind: input.kind,
          anonymous: identity === null,
          employeeOfEnterprise: input.employeeOfEnterprise,
        },
        at: now,
      },
    ]);
  });
  return { receiptCode, password, receivedAt: now.toISOString() };
};

// A photo added to the report just filed (one per request, up to five), by its receipt code and password,
// while it waits to be accepted.
export const addReportPhoto = async (
  ctx: AppContext,
  input: { receiptCode: string; password: string; clientAddress: string; data: Buffer },
) => {
  const row = await checkFollower(ctx, input);
  if (row.state !== 'received') throw refused(moveReportRefusal(row.state));
  const checked = await checkEvidence('photo', input.data);
  return ctx.db.transaction(async (tx) => {
    const locked = await lockReport(tx, row.id);
    if (!locked || locked.photoCount >= MAX_PHOTOS) throw problem('REPORT_TOO_MANY_PHOTOS');
    const id = randomUUID();
    await insertReportPhotos(tx, [
      {
        id,
        reportId: row.id,
        sha256: checked.sha256,
        size: input.data.length,
        mediaType: checked.mediaType,
        data: input.data,
      },
    ]);
    return { id, photoCount: locked.photoCount + 1 };
  });
};

// Following a report: at most LOOKUP_LIMIT failed tries per client address in LOOKUP_WINDOW_MINUTES.
export const LOOKUP_LIMIT = 10;
export const LOOKUP_WINDOW_MINUTES = 15;

// The periodic scan forgets the attempts older than the longest window (lookups and submissions): they no
// longer count against anybody.
export const purgeReportLookups = async (ctx: AppContext): Promise<{ deleted: number }> => {
  const minutes = Math.max(LOOKUP_WINDOW_MINUTES, reportSubmissionPolicy.windowMinutes);
  return {
    deleted: await deleteLookupsBefore(ctx.db, new Date(ctx.clock.now().getTime() - minutes * 60_000)),
  };
};

const checkFollower = async (
  ctx: AppContext,
  input: { receiptCode: string; password: string; clientAddress: string },
) => {
  const now = ctx.clock.now();
  const clientHash = clientHashOf('report-lookup', input.clientAddress);
  const failed = await failedLookupsSince(
    ctx.db,
    clientHash,
    new Date(now.getTime() - LOOKUP_WINDOW_MINUTES * 60_000),
  );
  if (failed >= LOOKUP_LIMIT) throw problem('REPORT_LOOKUP_RATE_LIMITED', { minutes: LOOKUP_WINDOW_MINUTES });
  const row = await findByReceipt(ctx.db, input.receiptCode.trim().toUpperCase());
  // a hash is checked even without a row, so the answer's time does not tell which codes exist
  const good = row
    ? await argon2.verify(row.passwordHash, input.password.trim().toUpperCase())
    : (await argon2.hash('x', { type: argon2.argon2id }), false);
  await recordLookup(ctx.db, { clientHash, at: now, succeeded: good });
  if (!row || !good) throw problem('REPORT_FOLLOW_FAILED');
  return row;
};

export const followReport = async (
  ctx: AppContext,
  input: { receiptCode: string; password: string; clientAddress: string },
) => {
  const row = await checkFollower(ctx, input);
  const calendar = await loadCalendar(ctx.db);
  const deadlines = reportDeadlines(row, calendar);
  const reward = await findReward(ctx.db, row.id);
  return {
    receiptCode: row.receiptCode,
    kindName: REPORT_KIND_NAMES[row.kind],
    state: row.state,
    stateName: REPORT_STATE_NAMES[row.state],
    receivedAt: row.receivedAt.toISOString(),
    acceptedOn: row.acceptedOn,
    declineReason: row.state === 'not_accepted' ? row.declineReason : null,
    verifyBy: deadlines.verifyBy,
    extended: row.extensionDays > 0,
    extensionReason: row.extensionDays > 0 ? row.extensionReason : null,
    answeredOn: row.answeredOn,
    answer: row.state === 'answered' ? row.answer : null,
    outcomeName: row.state === 'answered' && row.outcome ? REPORT_OUTCOME_NAMES[row.outcome] : null,
    reward:
      reward && reward.state !== 'proposed' && reward.state !== 'rejected'
        ? {
            stateName: REWARD_STATE_NAMES[reward.state],
            amountYuan: reward.amountYuan,
            noticeOn: reward.noticeOn,
            collectBy: reward.collectBy,
            paidOn: reward.paidOn,
          }
        : null,
  };
};

export const searchPublicEnterprises = async (ctx: AppContext, q: string) =>
  (await searchEnterprisesByName(ctx.db, q)).map((row) => ({
    id: row.id,
    name: row.name,
    countyName: territoryName(row.territory) ?? row.territory,
  }));

// ---------------------------------------------------------------- handling

export const REWARD_STATE_NAMES: Record<RewardState, string> = {
  proposed: '待审批',
  approved: '已批准，待通知领奖',
  rejected: '未批准',
  notified: '已通知领奖',
  paid: '已发放',
  waived: '逾期未领取，视为放弃',
};

const view = (row: HandledReport, calendar: Awaited<ReturnType<typeof loadCalendar>>, today: string) => {
  const deadlines = reportDeadlines(row, calendar);
  return {
    id: row.id,
    receiptCode: row.receiptCode,
    territory: row.territory,
    territoryName: territoryName(row.territory) ?? row.territory,
    kind: row.kind,
    kindName: REPORT_KIND_NAMES[row.kind],
    enterpriseId: row.enterpriseId,
    enterpriseName: row.enterpriseName,
    enterpriseDescription: row.enterpriseDescription,
    content: row.content,
    location: row.location,
    latitude: row.latitude,
    longitude: row.longitude,
    anonymous: row.anonymous,
    employeeOfEnterprise: row.employeeOfEnterprise,
    state: row.state,
    stateName: REPORT_STATE_NAMES[row.state],
    receivedAt: row.receivedAt.toISOString(),
    acceptedOn: row.acceptedOn,
    acceptedByName: row.acceptedByName,
    declineReason: row.declineReason,
    extensionDays: row.extensionDays,
    extensionReason: row.extensionReason,
    extensionRequestedDays: row.extensionRequestedDays,
    extensionPending: row.extensionRequestedDays !== null,
    extensionRequestedByMe: false,
    extensionApprovedByName: row.extensionApprovedByName,
    verifiedOn: row.verifiedOn,
    outcome: row.outcome,
    outcomeName: row.outcome ? REPORT_OUTCOME_NAMES[row.outcome] : null,
    findings: row.findings,
    answeredOn: row.answeredOn,
    answer: row.answer,
    mergedIntoId: row.mergedIntoId,
    inspectionId: row.inspectionId,
    penaltyCaseId: row.penaltyCaseId,
    photoCount: row.photoCount,
    verifyBy: deadlines.verifyBy,
    answerBy: deadlines.answerBy,
    overdue: reportOverdue(row.state, deadlines, today),
  };
};
export type ReportView = ReturnType<typeof view>;

const viewFor = (
  actor: Actor,
  row: HandledReport,
  calendar: Awaited<ReturnType<typeof loadCalendar>>,
  today: string,
) => ({
  ...view(row, calendar, today),
  extensionRequestedByMe: row.extensionRequestedBy === actor.id,
});

export const listReports = async (
  ctx: AppContext,
  actor: Actor,
  query: { states?: string[]; enterpriseId?: string; overdue?: boolean; page: number; pageSize: number },
) => {
  const scope = scopeCondition(actor, 'report', { territory: reports.territory });
  const calendar = await loadCalendar(ctx.db);
  const today = shanghaiDate(ctx.clock.now());
  // overdue is a matter of the bureau's calendar: the open reports past their verification or answer deadline
  const overdueIds = query.overdue
    ? (await openReports(ctx.db, scope))
        .filter((row) => reportOverdue(row.state, reportDeadlines(row, calendar), today))
        .map((row) => row.id)
    : undefined;
  const [rows, [counted]] = await listHandledReports(ctx.db, {
    scope,
    ...(query.states ? { states: query.states } : {}),
    ...(query.enterpriseId ? { enterpriseId: query.enterpriseId } : {}),
    ...(overdueIds ? { ids: overdueIds } : {}),
    limit: query.pageSize,
    offset: (query.page - 1) * query.pageSize,
  });
  return {
    items: rows.map((row) => viewFor(actor, row, calendar, today)),
    total: counted?.total ?? 0,
    page: query.page,
    pageSize: query.pageSize,
    totalIsLowerBound: false,
  };
};

const loadReport = async (db: Db | Tx, actor: Actor, id: string, action: 'read' | 'update' | 'approve') => {
  const row = isUuid(id) ? await findHandledReport(db, id) : undefined;
  return assertCan(actor, 'report', action, row, '举报');
};

const linkedCase = async (db: Db, penaltyCaseId: string | null) => {
  const linked = penaltyCaseId ? await decidedFineOfCase(db, penaltyCaseId) : undefined;
  if (!penaltyCaseId || !linked) return null;
  const fineYuan = linked.decided ? (linked.fineFen ?? 0) / 100 : null;
  return { id: penaltyCaseId, reference: linked.reference, decided: linked.decided, fineYuan };
};

export const getReport = async (ctx: AppContext, actor: Actor, id: string) => {
  const row = await loadReport(ctx.db, actor, id, 'read');
  const calendar = await loadCalendar(ctx.db);
  const reward = await findReward(ctx.db, row.id);
  return {
    ...viewFor(actor, row, calendar, shanghaiDate(ctx.clock.now())),
    photos: await photosOf(ctx.db, row.id),
    reward: reward ? rewardView(actor, reward) : null,
    penaltyCase: await linkedCase(ctx.db, row.penaltyCaseId),
    // whether this user may open a penalty case from the report now (the 立案 button)
    caseable: can(actor, 'penalty_case', 'create', row) && mayOpenCaseFromReport(row).ok,
  };
};

export const reportPhoto = async (ctx: AppContext, actor: Actor, id: string, photoId: string) => {
  const row = await loadReport(ctx.db, actor, id, 'read');
  const photo = isUuid(photoId) ? await findPhoto(ctx.db, row.id, photoId) : undefined;
  if (!photo) throw notFound('照片');
  return photo;
};

const audit =
  (actor: Actor, row: { id: string; territory: string }, now: Date) =>
  <A extends AuditEventInput['action']>(
    action: A,
    payload: AuditEventInput<A>['payload'],
  ): AuditEventInput<A> => ({
    actor: { id: actor.id, displayName: actor.displayName },
    action,
    entityType: 'report',
    entityId: row.id,
    territory: row.territory,
    payload,
    at: now,
  });

export type HandlingInput =
  | { step: 'accept'; note: string | null }
  | { step: 'decline'; note: string }
  | { step: 'verify'; outcome: ReportOutcome; findings: string }
  | { step: 'answer'; answer: string }
  | { step: 'merge'; intoId: string; note: string | null };

export const handleReport = async (ctx: AppContext, actor: Actor, id: string, input: HandlingInput) =>
  ctx.db.transaction(async (tx) => {
    const row = assertCan(
      actor,
      'report',
      'update',
      isUuid(id) ? await lockReport(tx, id) : undefined,
      '举报',
    );
    const moved = moveReport(row.state, input.step);
    if (!moved.ok) throw refused(moved);
    const now = ctx.clock.now();
    const today = shanghaiDate(now);
    const patch: Parameters<typeof updateReport>[2] = { state: moved.next, updatedAt: now };
    let note: string | null = null;
    let mergedIntoId: string | undefined;
    switch (input.step) {
      case 'accept':
        patch.acceptedOn = today;
        patch.acceptedByName = actor.displayName;
        note = input.note;
        break;
      case 'decline':
        patch.declineReason = input.note;
        patch.answer = input.note;
        note = input.note;
        break;
      case 'verify':
        patch.verifiedOn = today;
        patch.outcome = input.outcome;
        patch.findings = input.findings;
        patch.extensionRequestedDays = null;
        patch.extensionRequestedBy = null;
        break;
      case 'answer':
        patch.answeredOn = today;
        patch.answer = input.answer;
        break;
      case 'merge': {
        if (input.intoId === row.id) throw problem('REPORT_MERGE_INTO_SELF');
        // the first valid report is kept: the one merged into must be of the actor's scope, valid, and earlier
        const into = assertCan(
          actor,
          'report',
          'read',
          isUuid(input.intoId) ? await findHandledReport(tx, input.intoId) : undefined,
          '举报',
        );
        if (into.state === 'merged' || into.state === 'not_accepted' || into.receivedAt > row.receivedAt)
          throw problem('BAD_REQUEST', {
            detail: '只能并入同一事项中最先收到的有效举报（未并案、未不予受理）',
          });
        patch.mergedIntoId = into.id;
        mergedIntoId = into.id;
        note = input.note;
        break;
      }
    }
    await updateReport(tx, row.id, patch);
    await appendAuditEvents(tx, [
      audit(
        actor,
        row,
        now,
      )('report.handled', {
        step: input.step,
        from: row.state,
        to: moved.next,
        note,
        ...(mergedIntoId ? { mergedIntoId } : {}),
        ...(input.step === 'verify' ? { outcome: input.outcome } : {}),
      }),
    ]);
    return { state: moved.next };
  });

export const requestExtension = async (
  ctx: AppContext,
  actor: Actor,
  id: string,
  input: { days: number; reason: string },
) =>
  ctx.db.transaction(async (tx) => {
    const row = assertCan(
      actor,
      'report',
      'update',
      isUuid(id) ? await lockReport(tx, id) : undefined,
      '举报',
    );
    if (row.state !== 'accepted') throw refused({ ...moveReportRefusal(row.state) });
    const checked = checkExtension({
      days: input.days,
      alreadyExtended: row.extensionDays > 0 || row.extensionRequestedDays !== null,
    });
    if (!checked.ok) throw refused(checked);
    const now = ctx.clock.now();
    await updateReport(tx, row.id, {
      extensionRequestedDays: input.days,
      extensionRequestedBy: actor.id,
      extensionReason: input.reason,
      updatedAt: now,
    });
    await appendAuditEvents(tx, [audit(actor, row, now)('report.extension.requested', input)]);
  });

const moveReportRefusal = (state: HandledReport['state']) => {
  const moved = moveReport(state, 'verify');
  if (moved.ok) throw new Error('unreachable');
  return moved;
};

export const decideExtension = async (
  ctx: AppContext,
  actor: Actor,
  id: string,
  input: { approved: boolean },
) =>
  ctx.db.transaction(async (tx) => {
    const row = assertCan(
      actor,
      'report',
      'approve',
      isUuid(id) ? await lockReport(tx, id) : undefined,
      '举报',
    );
    if (row.extensionRequestedDays === null || row.state !== 'accepted')
      throw problem('REPORT_EXTENSION_NOT_REQUESTED');
    if (row.extensionRequestedBy === actor.id) throw problem('REPORT_OWN_REQUEST');
    const now = ctx.clock.now();
    await updateReport(tx, row.id, {
      extensionDays: input.approved ? row.extensionRequestedDays : 0,
      extensionApprovedByName: input.approved ? actor.displayName : null,
      extensionRequestedDays: null,
      extensionRequestedBy: null,
      ...(input.approved ? {} : { extensionReason: null }),
      updatedAt: now,
    });
    await appendAuditEvents(tx, [
      audit(
        actor,
        row,
        now,
      )('report.extension.decided', { approved: input.approved, days: row.extensionRequestedDays }),
    ]);
  });

// A report that names an enterprise of the register may open a targeted inspection on the trigger 投诉举报,
// which the frequency cap does not limit; the report keeps the inspection's id.
export const openInspectionFromReport = async (
  ctx: AppContext,
  actor: Actor,
  id: string,
  input: { plannedOn?: string | undefined; matters: string[] },
) => {
  assertMayUse(actor, 'inspection', 'create');
  return ctx.db.transaction(async (tx) => {
    const row = assertCan(
      actor,
      'report',
      'update',
      isUuid(id) ? await lockReport(tx, id) : undefined,
      '举报',
    );
    if (row.state !== 'accepted') throw refused(moveReportRefusal(row.state));
    if (!row.enterpriseId) throw problem('REPORT_NO_ENTERPRISE');
    const now = ctx.clock.now();
    const today = shanghaiDate(now);
    const plannedOn = input.plannedOn ?? today;
    if (plannedOn < today)
      throw problem('BAD_REQUEST', {
        errors: [{ path: ['plannedOn'], message: '计划检查日期不得早于今天' }],
      });
    const planned = await planInspectionInTx(
      tx,
      { actor, now },
      {
        enterpriseId: row.enterpriseId,
        plannedOn,
        kind: 'targeted',
        matters: input.matters,
        trigger: 'complaint_or_report',
        // the receipt code names the report; nothing of the reporter is written on the inspection
        triggerReference: `举报 ${row.receiptCode}`,
      },
    );
    await updateReport(tx, row.id, { inspectionId: planned.row.id, updatedAt: now });
    await appendAuditEvents(tx, [
      audit(
        actor,
        row,
        now,
      )('report.handled', {
        step: 'open_inspection',
        from: row.state,
        to: row.state,
        inspectionId: planned.row.id,
      }),
    ]);
    return { inspectionId: planned.row.id, frequencyCapExempt: planned.frequencyCapExempt };
  });
};

// Issue 17 item 1: a report verified as (partly) true whose matter is a violation opens a penalty case (立案) by an
// officer who may open cases, in the report's bureau; the case carries the enterprise and the matter (kind and the
// officer's findings, never the reporter's words or identity) and names the report by its receipt code.
export const openCaseForReport = async (ctx: AppContext, actor: Actor, id: string) => {
  assertMayUse(actor, 'penalty_case', 'create');
  return ctx.db.transaction(async (tx) => {
    const row = assertCan(actor, 'report', 'read', isUuid(id) ? await lockReport(tx, id) : undefined, '举报');
    const may = mayOpenCaseFromReport(row);
    if (!may.ok) throw refused(may);
    const now = ctx.clock.now();
    const opened = await openCaseFromReport(tx, ctx, actor, {
      territory: row.territory,
      reportId: row.id,
      receiptCode: row.receiptCode,
      inspectionId: row.inspectionId,
      enterpriseId: row.enterpriseId!,
      enterpriseName: row.enterpriseName ?? '',
      summary: `举报 ${row.receiptCode}（${REPORT_KIND_NAMES[row.kind]}，核查${REPORT_OUTCOME_NAMES[row.outcome!]}）：${row.findings ?? ''}`,
      // the bureau found it by verifying the report: not the enterprise's own self-check nor an expert's help
      foundBy: 'inspection',
      majorHiddenDanger: row.kind === 'major_hidden_danger',
    });
    await updateReport(tx, row.id, { penaltyCaseId: opened.id, updatedAt: now });
    await appendAuditEvents(tx, [
      audit(
        actor,
        row,
        now,
      )('report.handled', { step: 'open_case', from: row.state, to: row.state, penaltyCaseId: opened.id }),
    ]);
    return { penaltyCaseId: opened.id, reference: opened.reference };
  });
};

// The one way to the reporter's identity: the 举报受理员 of the territory, with a reason, every read audited.
export const readReporterIdentity = async (ctx: AppContext, actor: Actor, id: string, reason: string) =>
  ctx.db.transaction(async (tx) => {
    // a role that reads the report but not the identity is told so (403); outside the territory, 404
    assertMayUse(actor, 'report_identity', 'read');
    const row = isUuid(id) ? await findHandledReport(tx, id) : undefined;
    const report = assertCan(actor, 'report_identity', 'read', row, '举报');
    const cipher = await findIdentityCipher(tx, report.id);
    if (!cipher) throw problem('REPORT_NO_IDENTITY');
    const identity = openIdentity(report.id, cipher);
    if (!identity) throw problem('REPORT_IDENTITY_UNREADABLE');
    const now = ctx.clock.now();
    await appendAuditEvents(tx, [audit(actor, report, now)('report.identity.viewed', { reason })]);
    return identity;
  });

// ---------------------------------------------------------------- rewards

const rewardView = (actor: Actor, reward: RewardRow) => ({
  id: reward.id,
  territory: reward.territory,
  territoryName: territoryName(reward.territory) ?? reward.territory,
  kind: reward.kind,
  fineYuan: reward.fineYuan,
  concealedDeaths: reward.concealedDeaths,
  accidentGrade: reward.accidentGrade,
  employeeUplift: reward.employeeUplift,
  amountYuan: reward.amountYuan,
  steps: reward.steps,
  verified: reward.verified,
  state: reward.state,
  stateName: REWARD_STATE_NAMES[reward.state],
  proposedByName: reward.proposedByName,
  proposedByMe: reward.proposedBy === actor.id,
  proposedAt: reward.proposedAt.toISOString(),
  decidedByName: reward.decidedByName,
  decidedAt: reward.decidedAt?.toISOString() ?? null,
  decisionNote: reward.decisionNote,
  noticeOn: reward.noticeOn,
  collectBy: reward.collectBy,
  paidOn: reward.paidOn,
  paymentMethod: reward.paymentMethod,
  paymentReference: reward.paymentReference,
  paymentByName: reward.paymentByName,
});

export type RewardInput = {
  kind: RewardKind;
  fineYuan: number | null;
  concealedDeaths: number | null;
  accidentGrade: AccidentGrade | null;
};

export const previewReward = (input: RewardInput & { employeeOfEnterprise: boolean }) => {
  const answer = computeReward(input);
  if (!answer.ok) throw refused(answer);
  return answer;
};

// The fine of the case opened from the report, for the kinds rewarded on a share of the fine: the case must have
// decided first; a decision without a fine counts as 0 (the catalogue's minimum then applies as it says).
const caseFineOf = async (tx: Tx, penaltyCaseId: string | null, kind: RewardKind) => {
  if (!penaltyCaseId || kind === 'concealed_accident') return null;
  const decided = await decidedFineOfCase(tx, penaltyCaseId);
  if (!decided) return null;
  if (!decided.decided) throw problem('REWARD_CASE_NOT_DECIDED', { reference: decided.reference });
  const fineYuan = (decided.fineFen ?? 0) / 100;
  return { fineYuan, note: `罚款数额取自案件 ${decided.reference} 的处罚决定：${fineYuan} 元` };
};

// 谁受理、谁奖励: the reward belongs to the bureau that accepted the report (its territory); only a report
// verified as (partly) true, never merged, is rewarded.
export const proposeReward = async (ctx: AppContext, actor: Actor, id: string, input: RewardInput) =>
  ctx.db.transaction(async (tx) => {
    assertMayUse(actor, 'report_reward', 'create');
    const row = isUuid(id) ? await lockReport(tx, id) : undefined;
    const report = assertCan(actor, 'report_reward', 'create', row, '举报');
    if (
      !['verified', 'answered'].includes(report.state) ||
      !report.outcome ||
      report.outcome === 'unsubstantiated'
    )
      throw problem('REWARD_NOT_ELIGIBLE');
    if (await findReward(tx, report.id)) throw problem('REWARD_EXISTS');
    // issue 17 item 1: a report that opened a case is rewarded on the fine the case decided, not a typed one
    const caseFine = await caseFineOf(tx, report.penaltyCaseId, input.kind);
    if (caseFine) input = { ...input, fineYuan: caseFine.fineYuan };
    const answer = computeReward({ ...input, employeeOfEnterprise: report.employeeOfEnterprise });
    if (!answer.ok) throw refused(answer);
    const now = ctx.clock.now();
    const rewardId = randomUUID();
    await insertReward(tx, {
      id: rewardId,
      reportId: report.id,
      territory: report.territory,
      kind: input.kind,
      fineYuan: input.fineYuan,
      concealedDeaths: input.concealedDeaths,
      accidentGrade: input.accidentGrade,
      employeeUplift: report.employeeOfEnterprise,
      amountYuan: answer.amountYuan,
      steps: answer.steps,
      verified: answer.verified,
      state: 'proposed',
      proposedBy: actor.id,
      proposedByName: actor.displayName,
      proposedAt: now,
    });
    await appendAuditEvents(tx, [
      audit(
        actor,
        report,
        now,
      )('report.reward.proposed', {
        rewardId,
        kind: input.kind,
        amountYuan: answer.amountYuan,
        verified: answer.verified,
      }),
    ]);
    return {
      id: rewardId,
      amountYuan: answer.amountYuan,
      warnings: caseFine ? [caseFine.note, ...answer.warnings] : answer.warnings,
    };
  });

const loadRewardForUpdate = async (tx: Tx, actor: Actor, id: string, action: 'update' | 'approve') => {
  const row = isUuid(id) ? await lockReport(tx, id) : undefined;
  const report = assertCan(actor, 'report_reward', action, row, '举报');
  const reward = await findReward(tx, report.id);
  if (!reward) throw notFound('奖励');
  return { report, reward };
};

const rewardMustBe = (reward: RewardRow, states: RewardState[]) => {
  if (!states.includes(reward.state))
    throw problem('REWARD_STEP_NOT_ALLOWED', { state: REWARD_STATE_NAMES[reward.state] });
};

export const decideReward = async (
  ctx: AppContext,
  actor: Actor,
  id: string,
  input: { approved: boolean; note: string | null },
) =>
  ctx.db.transaction(async (tx) => {
    const { report, reward } = await loadRewardForUpdate(tx, actor, id, 'approve');
    rewardMustBe(reward, ['proposed']);
    if (reward.proposedBy === actor.id) throw problem('REPORT_OWN_REQUEST');
    const now = ctx.clock.now();
    await updateReward(tx, reward.id, {
      state: input.approved ? 'approved' : 'rejected',
      decidedByName: actor.displayName,
      decidedAt: now,
      decisionNote: input.note,
    });
    await appendAuditEvents(tx, [
      audit(
        actor,
        report,
        now,
      )('report.reward.decided', { rewardId: reward.id, approved: input.approved, note: input.note }),
    ]);
  });

export const notifyReward = async (ctx: AppContext, actor: Actor, id: string) =>
  ctx.db.transaction(async (tx) => {
    const { report, reward } = await loadRewardForUpdate(tx, actor, id, 'update');
    rewardMustBe(reward, ['approved']);
    const now = ctx.clock.now();
    const noticeOn = shanghaiDate(now);
    const { collectBy } = collectPeriod(noticeOn, await loadCalendar(tx));
    await updateReward(tx, reward.id, { state: 'notified', noticeOn, collectBy });
    await appendAuditEvents(tx, [
      audit(actor, report, now)('report.reward.notified', { rewardId: reward.id, noticeOn, collectBy }),
    ]);
    return { noticeOn, collectBy };
  });

export const recordRewardPayment = async (
  ctx: AppContext,
  actor: Actor,
  id: string,
  input: { paidOn: string; method: string; reference: string | null },
) =>
  ctx.db.transaction(async (tx) => {
    const { report, reward } = await loadRewardForUpdate(tx, actor, id, 'update');
    rewardMustBe(reward, ['notified']);
    const now = ctx.clock.now();
    if (input.paidOn > shanghaiDate(now) || (reward.noticeOn && input.paidOn < reward.noticeOn))
      throw problem('BAD_REQUEST', {
        errors: [{ path: ['paidOn'], message: '发放日期应在领奖通知之后、不晚于今天' }],
      });
    await updateReward(tx, reward.id, {
      state: 'paid',
      paidOn: input.paidOn,
      paymentMethod: input.method,
      paymentReference: input.reference,
      paymentByName: actor.displayName,
    });
    await appendAuditEvents(tx, [
      audit(
        actor,
        report,
        now,
      )('report.reward.payment_recorded', {
        rewardId: reward.id,
        paidOn: input.paidOn,
        method: input.method,
        amountYuan: reward.amountYuan,
      }),
    ]);
  });

// The reward not collected: the reporter gave it up, or the collection period ran out (逾期未领取，视为放弃;
// catalogue entry report_reward_collect_days, unverified: an early waiver is recorded, never refused).
export const waiveReward = async (ctx: AppContext, actor: Actor, id: string, input: { reason: string }) =>
  ctx.db.transaction(async (tx) => {
    const { report, reward } = await loadRewardForUpdate(tx, actor, id, 'update');
    rewardMustBe(reward, ['notified']);
    const now = ctx.clock.now();
    await updateReward(tx, reward.id, { state: 'waived' });
    await appendAuditEvents(tx, [
      audit(
        actor,
        report,
        now,
      )('report.reward.waived', {
        rewardId: reward.id,
        reason: input.reason,
        collectBy: reward.collectBy,
        collectPeriodOver: reward.collectBy !== null && shanghaiDate(now) > reward.collectBy,
      }),
    ]);
  });
