import {
  expertCatalog,
  isWithinTerritory,
  mayVote,
  selectionKindName,
  selectionResult,
  TEAM_QUALIFICATION_KINDS,
  teamQualificationName,
  territoryName,
  trainingHoursByOfficer,
  type SelectionKind,
  type TeamQualificationKind,
} from '@inspecta/domain';
import { appendAuditEvents } from '../../platform/audit/service.ts';
import type { Tx } from '../../platform/db/client.ts';
import type { AppContext } from '../../platform/http/context.ts';
import { shanghaiDate } from '../../platform/http/dates.ts';
import { isUuid } from '../../platform/http/paging.ts';
import {
  assertCan,
  assertMayUse,
  assertTerritoryWritable,
  type Actor,
} from '../../platform/policy/policy.ts';
import { notFound, problem, refused } from '../../platform/problems/problem.ts';
import {
  attendancesOfYear,
  attendeesOf,
  certificatesByTerritory,
  findCase,
  findCourse,
  findNomination,
  findOfficer,
  findSelection,
  findStaffUser,
  insertAttendance,
  insertCourse,
  insertNomination,
  insertQualification,
  insertSelection,
  insertVote,
  listClosedCases,
  listCourses,
  listOfficers,
  listQualifications,
  listSelections,
  listStaffUsers,
  nominationsOf,
  officersByTerritory,
  qualificationsByTerritory,
  updateSelection,
  voteOf,
  type SelectionRow,
} from './repository.ts';

// measures 25, 26: the team's qualifications per bureau, training and the selections.

const auditActor = (actor: Actor) => ({ id: actor.id, displayName: actor.displayName });
const audit = (
  tx: Tx,
  actor: Actor,
  entity: { id: string; territory: string },
  action: Parameters<typeof appendAuditEvents>[1][number]['action'],
  payload: Record<string, unknown>,
  at: Date,
) =>
  appendAuditEvents(tx, [
    {
      actor: auditActor(actor),
      action,
      entityType: 'team',
      entityId: entity.id,
      territory: entity.territory,
      payload,
      at,
    } as Parameters<typeof appendAuditEvents>[1][number],
  ]);

const nameOfTerritory = (code: string) => territoryName(code) ?? code;

// Per bureau (territory) of the actor's scope: officers on the roster, valid enforcement certificates, and each
// kind of the qualifications recorded here, valid today.
export const teamStatistics = async (ctx: AppContext, actor: Actor) => {
  assertMayUse(actor, 'team', 'read');
  const today = shanghaiDate(ctx.clock.now());
  const [roster, certified, recorded] = await Promise.all([
    officersByTerritory(ctx.db, actor.territory),
    certificatesByTerritory(ctx.db, actor.territory, today),
    qualificationsByTerritory(ctx.db, actor.territory, today),
  ]);
  const territories = [...new Set([...roster, ...certified, ...recorded].map((row) => row.territory))].sort();
  return {
    asOf: today,
    kinds: expertCatalog.teamQualifications.map(({ code, name, source, verified }) => ({
      code,
      name,
      source,
      verified,
    })),
    bureaus: territories.map((territory) => ({
      territory,
      territoryName: nameOfTerritory(territory),
      officers: roster.find((row) => row.territory === territory)?.n ?? 0,
      certificates: certified.find((row) => row.territory === territory)?.n ?? 0,
      qualifications: Object.fromEntries(
        TEAM_QUALIFICATION_KINDS.map((kind) => [
          kind,
          recorded.find((row) => row.territory === territory && row.kind === kind)?.n ?? 0,
        ]),
      ) as Record<TeamQualificationKind, number>,
    })),
  };
};

export const listTeamQualifications = async (ctx: AppContext, actor: Actor) => {
  assertMayUse(actor, 'team', 'read');
  return (await listQualifications(ctx.db, actor.territory)).map((row) => ({
    id: row.id,
    territory: row.territory,
    kind: row.kind,
    kindName: teamQualificationName(row.kind),
    personName: row.personName,
    officerId: row.officerId,
    number: row.number,
    validFrom: row.validFrom,
    validTo: row.validTo,
  }));
};

export const recordTeamQualification = async (
  ctx: AppContext,
  actor: Actor,
  input: {
    kind: TeamQualificationKind;
    personName: string;
    officerId?: string | undefined;
    number: string;
    validFrom: string;
    validTo?: string | undefined;
  },
) => {
  assertMayUse(actor, 'team', 'create');
  if (input.validTo !== undefined && input.validTo < input.validFrom)
    throw problem('VALIDATION_FAILED', { detail: '有效期止不能早于有效期起' });
  const now = ctx.clock.now();
  return ctx.db.transaction(async (tx) => {
    let territory = actor.territory;
    if (input.officerId !== undefined) {
      const officer = assertCan(
        actor,
        'officer',
        'read',
        isUuid(input.officerId) ? await findOfficer(tx, input.officerId) : undefined,
        '执法人员',
      );
      territory = officer.territory;
    }
    assertTerritoryWritable(actor, territory);
    const row = await insertQualification(tx, {
      territory,
      kind: input.kind,
      personName: input.personName,
      officerId: input.officerId ?? null,
      number: input.number,
      validFrom: input.validFrom,
      validTo: input.validTo ?? null,
      recordedByName: actor.displayName,
      createdAt: now,
    });
    await audit(
      tx,
      actor,
      row,
      'team.qualification.recorded',
      { kind: row.kind, personName: row.personName, officerId: row.officerId },
      now,
    );
    return { id: row.id };
  });
};

export const listTeamOfficers = async (ctx: AppContext, actor: Actor) => {
  assertMayUse(actor, 'team', 'read');
  return listOfficers(ctx.db, actor.territory);
};

// ---- training (measure 26) ----

export const listTraining = async (ctx: AppContext, actor: Actor, year: number) => {
  assertMayUse(actor, 'team', 'read');
  const [courses, attendances] = await Promise.all([
    listCourses(ctx.db, actor.territory),
    attendancesOfYear(ctx.db, actor.territory, year),
  ]);
  const hours = trainingHoursByOfficer(attendances, year);
  const names = new Map(attendances.map((a) => [a.officerId, a]));
  return {
    year,
    courses: courses.map(({ course, attendees }) => ({
      id: course.id,
      territory: course.territory,
      title: course.title,
      heldOn: course.heldOn,
      hours: course.hours,
      organiser: course.organiser,
      attendees,
    })),
    hoursByOfficer: [...hours.entries()]
      .map(([officerId, total]) => ({
        officerId,
        officerName: names.get(officerId)!.officerName,
        territoryName: nameOfTerritory(names.get(officerId)!.territory),
        courses: attendances.filter((a) => a.officerId === officerId).length,
        hours: Math.round(total * 10) / 10,
      }))
      .sort((a, b) => b.hours - a.hours || a.officerName.localeCompare(b.officerName, 'zh')),
  };
};

export const createCourse = async (
  ctx: AppContext,
  actor: Actor,
  input: { title: string; heldOn: string; hours: number; organiser: string },
) => {
  assertMayUse(actor, 'team', 'create');
  const now = ctx.clock.now();
  return ctx.db.transaction(async (tx) => {
    const row = await insertCourse(tx, {
      territory: actor.territory,
      ...input,
      createdByName: actor.displayName,
      createdAt: now,
    });
    await audit(
      tx,
      actor,
      row,
      'team.course.created',
      { title: row.title, heldOn: row.heldOn, hours: row.hours },
      now,
    );
    return { id: row.id };
  });
};

export const getCourse = async (ctx: AppContext, actor: Actor, id: string) => {
  const course = assertCan(
    actor,
    'team',
    'read',
    isUuid(id) ? await findCourse(ctx.db, id) : undefined,
    '培训班',
  );
  return {
    id: course.id,
    territory: course.territory,
    title: course.title,
    heldOn: course.heldOn,
    hours: course.hours,
    organiser: course.organiser,
    attendees: await attendeesOf(ctx.db, course.id).then((rows) =>
      rows.map((row) => ({ officerId: row.officerId, name: row.name })),
    ),
  };
};

export const recordAttendance = async (
  ctx: AppContext,
  actor: Actor,
  id: string,
  input: { officerId: string },
) => {
  const now = ctx.clock.now();
  return ctx.db.transaction(async (tx) => {
    const course = assertCan(
      actor,
      'team',
      'update',
      isUuid(id) ? await findCourse(tx, id) : undefined,
      '培训班',
    );
    const officer = assertCan(
      actor,
      'officer',
      'read',
      isUuid(input.officerId) ? await findOfficer(tx, input.officerId) : undefined,
      '执法人员',
    );
    if (!isWithinTerritory(course.territory, officer.territory)) throw notFound('执法人员');
    if (
      !(await insertAttendance(tx, {
        courseId: course.id,
        officerId: officer.id,
        recordedByName: actor.displayName,
        recordedAt: now,
      }))
    )
      throw problem('TEAM_ALREADY_ATTENDED');
    await audit(
      tx,
      actor,
      course,
      'team.attendance.recorded',
      { courseId: course.id, officerId: officer.id },
      now,
    );
  });
};

// ---- selections (measure 26) ----

const selectionView = async (db: AppContext['db'] | Tx, actor: Actor, row: SelectionRow) => {
  const nominations = await nominationsOf(db, row.id);
  const own = await voteOf(db, row.id, actor.id);
  const ranked = selectionResult(
    nominations.map(({ nomination, votes, caseReference }) => ({
      id: nomination.id,
      votes,
      nomineeName: nomination.nomineeName,
      caseId: nomination.caseId,
      caseReference,
      reason: nomination.reason,
      nominatedByName: nomination.nominatedByName,
      isSelf: nomination.nomineeUserId === actor.id,
    })),
    row.places,
  );
  return {
    id: row.id,
    territory: row.territory,
    kind: row.kind,
    kindName: selectionKindName(row.kind),
    title: row.title,
    year: row.year,
    places: row.places,
    state: row.state,
    stateName: row.state === 'open' ? '投票中' : '已公布结果',
    createdByName: row.createdByName,
    closedByName: row.closedByName,
    closedAt: row.closedAt?.toISOString() ?? null,
    votedFor: own?.nominationId ?? null,
    totalVotes: ranked.reduce((sum, n) => sum + n.votes, 0),
    // the votes stay hidden while voting runs (each voter sees only its own), the result once announced
    nominations: ranked.map((n) => ({
      ...n,
      votes: row.state === 'closed' ? n.votes : null,
      rank: row.state === 'closed' ? n.rank : null,
      winner: row.state === 'closed' ? n.winner : false,
    })),
  };
};

export const listTeamSelections = async (ctx: AppContext, actor: Actor) => {
  assertMayUse(actor, 'team', 'read');
  const rows = await listSelections(ctx.db, actor.territory);
  return Promise.all(rows.map((row) => selectionView(ctx.db, actor, row)));
};

export const createSelection = async (
  ctx: AppContext,
  actor: Actor,
  input: { kind: SelectionKind; title: string; year: number; places: number },
) => {
  assertMayUse(actor, 'team', 'create');
  const now = ctx.clock.now();
  return ctx.db.transaction(async (tx) => {
    const row = await insertSelection(tx, {
      territory: actor.territory,
      ...input,
      state: 'open',
      createdByName: actor.displayName,
      createdAt: now,
    });
    await audit(
      tx,
      actor,
      row,
      'team.selection.created',
      { kind: row.kind, title: row.title, year: row.year },
      now,
    );
    return selectionView(tx, actor, row);
  });
};

const loadSelection = async (tx: Tx, actor: Actor, id: string, action: 'read' | 'update' | 'approve') =>
  assertCan(actor, 'team', action, isUuid(id) ? await findSelection(tx, id, true) : undefined, '评选');

export const nominate = async (
  ctx: AppContext,
  actor: Actor,
  id: string,
  input: { nomineeUserId?: string | undefined; caseId?: string | undefined; reason: string },
) => {
  const now = ctx.clock.now();
  return ctx.db.transaction(async (tx) => {
    const selection = await loadSelection(tx, actor, id, 'update');
    if (selection.state !== 'open') throw problem('TEAM_SELECTION_CLOSED');
    let nominee: { nomineeUserId: string | null; caseId: string | null; nomineeName: string };
    if (selection.kind === 'enforcement_expert') {
      if (input.nomineeUserId === undefined || input.caseId !== undefined) throw problem('TEAM_NOMINEE_KIND');
      const user = isUuid(input.nomineeUserId) ? await findStaffUser(tx, input.nomineeUserId) : undefined;
      if (
        !user ||
        !user.active ||
        !['inspector', 'unit_head', 'bureau_head', 'legal_reviewer'].includes(user.role) ||
        !isWithinTerritory(selection.territory, user.territory)
      )
        throw notFound('执法人员账号');
      nominee = { nomineeUserId: user.id, caseId: null, nomineeName: user.displayName };
    } else {
      if (input.caseId === undefined || input.nomineeUserId !== undefined) throw problem('TEAM_NOMINEE_KIND');
      const found = isUuid(input.caseId) ? await findCase(tx, input.caseId) : undefined;
      const penaltyCase = assertCan(actor, 'penalty_case', 'read', found, '案件');
      if (!isWithinTerritory(selection.territory, penaltyCase.territory)) throw notFound('案件');
      if (penaltyCase.status !== 'closed') throw problem('TEAM_CASE_NOT_CLOSED');
      nominee = {
        nomineeUserId: penaltyCase.handlerId,
        caseId: penaltyCase.id,
        nomineeName: `${penaltyCase.reference} ${penaltyCase.enterpriseName}`,
      };
    }
    const row = await insertNomination(tx, {
      selectionId: selection.id,
      ...nominee,
      reason: input.reason,
      nominatedByName: actor.displayName,
      createdAt: now,
    });
    if (!row) throw problem('TEAM_ALREADY_NOMINATED');
    await audit(
      tx,
      actor,
      selection,
      'team.selection.nominated',
      { nominationId: row.id, nomineeUserId: row.nomineeUserId, caseId: row.caseId },
      now,
    );
    return selectionView(tx, actor, selection);
  });
};

// Every staff member of the selection's territory votes once, never for itself (or its own case).
export const vote = async (ctx: AppContext, actor: Actor, id: string, input: { nominationId: string }) => {
  const now = ctx.clock.now();
  return ctx.db.transaction(async (tx) => {
    const selection = await loadSelection(tx, actor, id, 'read');
    const nomination = isUuid(input.nominationId) ? await findNomination(tx, input.nominationId) : undefined;
    if (!nomination || nomination.selectionId !== selection.id) throw notFound('提名');
    const verdict = mayVote({
      open: selection.state === 'open',
      voterId: actor.id,
      nomineeUserId: nomination.nomineeUserId,
      alreadyVoted: (await voteOf(tx, selection.id, actor.id)) !== undefined,
    });
    if (!verdict.ok) throw refused(verdict);
    if (
      !(await insertVote(tx, {
        selectionId: selection.id,
        voterId: actor.id,
        nominationId: nomination.id,
        votedAt: now,
      }))
    ) {
      const again = mayVote({ open: true, voterId: actor.id, nomineeUserId: null, alreadyVoted: true });
      if (!again.ok) throw refused(again);
    }
    await audit(tx, actor, selection, 'team.selection.voted', { nominationId: nomination.id }, now);
    return selectionView(tx, actor, selection);
  });
};

// The bureau head closes the vote and announces the result.
export const closeSelection = async (ctx: AppContext, actor: Actor, id: string) => {
  const now = ctx.clock.now();
  return ctx.db.transaction(async (tx) => {
    const selection = await loadSelection(tx, actor, id, 'approve');
    if (selection.state !== 'open') throw problem('TEAM_SELECTION_CLOSED');
    await updateSelection(tx, selection.id, {
      state: 'closed',
      closedByName: actor.displayName,
      closedAt: now,
    });
    const closed = (await findSelection(tx, selection.id))!;
    const view = await selectionView(tx, actor, closed);
    await audit(
      tx,
      actor,
      selection,
      'team.selection.closed',
      { winners: view.nominations.filter((n) => n.winner).map((n) => n.nomineeName) },
      now,
    );
    return view;
  });
};

export const nomineeCandidates = async (ctx: AppContext, actor: Actor) => {
  assertMayUse(actor, 'team', 'read');
  const [staff, closedCases] = await Promise.all([
    listStaffUsers(ctx.db, actor.territory),
    listClosedCases(ctx.db, actor.territory),
  ]);
  return { staff, closedCases };
};
