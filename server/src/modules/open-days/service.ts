import type { z } from 'zod';
import {
  INSPECTION_STAGE_NAMES,
  OPEN_DAY_KIND_NAMES,
  PARTICIPANT_CATEGORIES,
  PARTICIPANT_CATEGORY_NAMES,
  inspectionMatterName,
  isWithinTerritory,
  redactText,
  territoryName,
} from '@inspecta/domain';
import { findOrganisationById } from '../organisations/index.ts';
import type { Db, Tx } from '../../platform/db/client.ts';
import type { AppContext } from '../../platform/http/context.ts';
import { shanghaiDate } from '../../platform/http/dates.ts';
import { isUuid } from '../../platform/http/paging.ts';
import { scopeCondition } from '../../platform/db/scope.ts';
import { appendAuditEvent, type AuditAction, type AuditPayload } from '../../platform/audit/service.ts';
import {
  assertCan,
  assertMayUse,
  assertReferenced,
  assertTerritoryWritable,
  observesAsParticipant,
  type Actor,
} from '../../platform/policy/policy.ts';
import { notFound, problem } from '../../platform/problems/problem.ts';
import type {
  ZAnswerInputSchema,
  ZOpenDayInputSchema,
  ZParticipantInputSchema,
  ZSuggestionInputSchema,
} from './model.ts';
import {
  answerSuggestion,
  findInspection,
  findOpenDay,
  findParticipant,
  findSuggestion,
  findUserByUsername,
  insertOpenDay,
  insertParticipant,
  insertSuggestion,
  inspectionsOf,
  linkInspection,
  listOpenDays,
  openDayColumns,
  openDayIdsOfUser,
  participantsOf,
  suggestionsOf,
  type OpenDayRow,
} from './repository.ts';

// Measure 28 (执法开放日、媒体观察): the bureau records an event, its participants (人大代表, 政协委员, 社会监督员,
// 职工代表, 媒体), the inspections they join as observers and their suggestions; a head or the legal reviewer
// answers each suggestion, and the answered ones are published on the portal. A social supervisor whose account
// is recorded on a participant reads that event and its inspections, read-only, and adds suggestions.

const audit = <A extends AuditAction>(
  tx: Tx,
  actor: Actor,
  row: Pick<OpenDayRow, 'id' | 'territory'>,
  action: A,
  payload: AuditPayload<A>,
  at: Date,
) =>
  appendAuditEvent(tx, {
    actor: { id: actor.id, displayName: actor.displayName },
    action,
    entityType: 'open_day',
    entityId: row.id,
    territory: row.territory,
    payload,
    at,
  });

// the full view of some events (staff of the territory, or an observer of them)
const views = async (db: Db | Tx, rows: OpenDayRow[]) => {
  const ids = rows.map((row) => row.id);
  const [participants, observed, suggestions] = await Promise.all([
    participantsOf(db, ids),
    inspectionsOf(db, ids),
    suggestionsOf(db, ids),
  ]);
  const participantOf = new Map(participants.map((p) => [p.id, p]));
  return rows.map((row) => ({
    id: row.id,
    territory: row.territory,
    organisationName: row.organisationName,
    kind: row.kind,
    kindName: OPEN_DAY_KIND_NAMES[row.kind],
    title: row.title,
    heldOn: row.heldOn,
    place: row.place,
    summary: row.summary,
    createdByName: row.createdByName,
    participants: participants
      .filter((p) => p.openDayId === row.id)
      .map((p) => ({
        id: p.id,
        category: p.category,
        categoryName: PARTICIPANT_CATEGORY_NAMES[p.category],
        name: p.name,
        affiliation: p.affiliation,
        hasAccount: p.userId !== null,
      })),
    inspections: observed
      .filter((i) => i.openDayId === row.id)
      .map((i) => ({
        id: i.id,
        enterpriseName: i.enterpriseName,
        organisationName: i.organisationName,
        plannedOn: i.plannedOn,
        matters: i.matters.map((code) => inspectionMatterName(code)),
        stageName: INSPECTION_STAGE_NAMES[i.stage],
        completedOn: i.completedOn,
        resultSummary: i.resultSummary,
      })),
    suggestions: suggestions
      .filter((s) => s.openDayId === row.id)
      .map((s) => {
        const participant = participantOf.get(s.participantId);
        return {
          id: s.id,
          participantId: s.participantId,
          participantName: participant?.name ?? '',
          categoryName: participant ? PARTICIPANT_CATEGORY_NAMES[participant.category] : '',
          text: s.text,
          submittedAt: s.submittedAt.toISOString(),
          answer: s.answer,
          answeredAt: s.answeredAt?.toISOString() ?? null,
          answeredByName: s.answeredByName,
        };
      }),
  }));
};

const loadOpenDay = async (db: Db | Tx, actor: Actor, id: string, action: 'read' | 'update' | 'approve') => {
  if (!isUuid(id)) throw notFound('活动');
  return assertCan(actor, 'open_day', action, await findOpenDay(db, id), '活动');
};

export const listOpenDaysOf = async (ctx: AppContext, actor: Actor) => {
  const rows = await listOpenDays(ctx.db, { scope: scopeCondition(actor, 'open_day', openDayColumns) });
  return { items: await views(ctx.db, rows) };
};

export const getOpenDay = async (ctx: AppContext, actor: Actor, id: string) => {
  const row = await loadOpenDay(ctx.db, actor, id, 'read');
  return (await views(ctx.db, [row]))[0]!;
};

export const createOpenDay = async (
  ctx: AppContext,
  actor: Actor,
  body: z.infer<typeof ZOpenDayInputSchema>,
) => {
  assertMayUse(actor, 'open_day', 'create');
  assertTerritoryWritable(actor, actor.territory);
  const now = ctx.clock.now();
  return ctx.db.transaction(async (tx) => {
    const row = await insertOpenDay(tx, {
      territory: actor.territory,
      organisationName: await organisationNameOf(tx, actor),
      kind: body.kind,
      title: body.title,
      heldOn: body.heldOn,
      place: body.place,
      summary: body.summary,
      createdById: actor.id,
      createdByName: actor.displayName,
      createdAt: now,
    });
    await audit(
      tx,
      actor,
      row,
      'open_day.created',
      { kind: row.kind, title: row.title, heldOn: row.heldOn },
      now,
    );
    return (await views(tx, [row]))[0]!;
  });
};

export const addParticipant = async (
  ctx: AppContext,
  actor: Actor,
  id: string,
  body: z.infer<typeof ZParticipantInputSchema>,
) => {
  const now = ctx.clock.now();
  return ctx.db.transaction(async (tx) => {
    const row = await loadOpenDay(tx, actor, id, 'update');
    let userId: string | null = null;
    if (body.username) {
      const user = await findUserByUsername(tx, body.username);
      // a supervisor of the event's territory or of the city above it; any other account is refused the same way
      if (
        !user ||
        user.role !== 'social_supervisor' ||
        !(
          isWithinTerritory(user.territory, row.territory) || isWithinTerritory(row.territory, user.territory)
        )
      )
        throw problem('OPEN_DAY_ACCOUNT_NOT_SUPERVISOR');
      const existing = await participantsOf(tx, [row.id]);
      if (existing.some((p) => p.userId === user.id)) throw problem('OPEN_DAY_ACCOUNT_TWICE');
      userId = user.id;
    }
    const participant = await insertParticipant(tx, {
      openDayId: row.id,
      territory: row.territory,
      category: body.category,
      name: body.name,
      affiliation: body.affiliation,
      userId,
      createdAt: now,
    });
    await audit(
      tx,
      actor,
      row,
      'open_day.participant.added',
      { participantId: participant.id, category: participant.category, userId },
      now,
    );
    return (await views(tx, [row]))[0]!;
  });
};

export const addObservedInspection = async (
  ctx: AppContext,
  actor: Actor,
  id: string,
  inspectionId: string,
) => {
  const now = ctx.clock.now();
  return ctx.db.transaction(async (tx) => {
    const row = await loadOpenDay(tx, actor, id, 'update');
    if (!isUuid(inspectionId)) throw notFound('检查');
    // the inspection is one the actor reads, and of the event's territory
    const inspection = assertReferenced(actor, 'inspection', await findInspection(tx, inspectionId), '检查');
    if (!isWithinTerritory(row.territory, inspection.territory)) throw notFound('检查');
    await linkInspection(tx, {
      openDayId: row.id,
      inspectionId: inspection.id,
      territory: inspection.territory,
      addedAt: now,
    });
    await audit(tx, actor, row, 'open_day.inspection.linked', { inspectionId: inspection.id }, now);
    return (await views(tx, [row]))[0]!;
  });
};

const submit = async (
  tx: Tx,
  actor: Actor,
  row: OpenDayRow,
  participantId: string,
  text: string,
  now: Date,
) => {
  if (row.heldOn > shanghaiDate(now)) throw problem('OPEN_DAY_NOT_HELD');
  const suggestion = await insertSuggestion(tx, {
    openDayId: row.id,
    participantId,
    territory: row.territory,
    text,
    submittedAt: now,
    submittedByName: actor.displayName,
  });
  await audit(
    tx,
    actor,
    row,
    'open_day.suggestion.submitted',
    { suggestionId: suggestion.id, participantId },
    now,
  );
};

// staff record a suggestion a participant made at the event
export const recordSuggestion = async (
  ctx: AppContext,
  actor: Actor,
  id: string,
  participantId: string,
  body: z.infer<typeof ZSuggestionInputSchema>,
) => {
  const now = ctx.clock.now();
  return ctx.db.transaction(async (tx) => {
    const row = await loadOpenDay(tx, actor, id, 'update');
    const participant = isUuid(participantId) ? await findParticipant(tx, row.id, participantId) : undefined;
    if (!participant) throw notFound('参加人员');
    await submit(tx, actor, row, participant.id, body.text, now);
    return (await views(tx, [row]))[0]!;
  });
};

export const answer = async (
  ctx: AppContext,
  actor: Actor,
  id: string,
  suggestionId: string,
  body: z.infer<typeof ZAnswerInputSchema>,
) => {
  const now = ctx.clock.now();
  return ctx.db.transaction(async (tx) => {
    const row = await loadOpenDay(tx, actor, id, 'approve');
    const suggestion = isUuid(suggestionId) ? await findSuggestion(tx, row.id, suggestionId) : undefined;
    if (!suggestion) throw notFound('意见建议');
    if (suggestion.answeredAt) throw problem('OPEN_DAY_SUGGESTION_ANSWERED');
    await answerSuggestion(tx, suggestion.id, {
      answer: body.answer,
      answeredAt: now,
      answeredById: actor.id,
      answeredByName: actor.displayName,
    });
    await audit(tx, actor, row, 'open_day.suggestion.answered', { suggestionId: suggestion.id }, now);
    return (await views(tx, [row]))[0]!;
  });
};

// the social supervisor's own events: those it takes part in with its account, and nothing else
export const myObservations = async (ctx: AppContext, actor: Actor) => {
  assertMayUse(actor, 'observation', 'read');
  const ids = await openDayIdsOfUser(ctx.db, actor.id);
  const rows = (await Promise.all(ids.map((id) => findOpenDay(ctx.db, id)))).filter(
    (row): row is OpenDayRow => row !== undefined,
  );
  rows.sort((a, b) => (a.heldOn < b.heldOn ? 1 : -1));
  return { items: await views(ctx.db, rows) };
};

export const submitOwnSuggestion = async (
  ctx: AppContext,
  actor: Actor,
  id: string,
  body: z.infer<typeof ZSuggestionInputSchema>,
) => {
  assertMayUse(actor, 'observation', 'create');
  const now = ctx.clock.now();
  return ctx.db.transaction(async (tx) => {
    const row = isUuid(id) ? await findOpenDay(tx, id) : undefined;
    const participants = row ? await participantsOf(tx, [row.id]) : [];
    // an event the supervisor does not take part in is not found, like a missing one
    if (!row || !observesAsParticipant(actor, participants)) throw notFound('活动');
    const own = participants.find((p) => p.userId === actor.id)!;
    await submit(tx, actor, row, own.id, body.text, now);
    return (await views(tx, [row]))[0]!;
  });
};

// The portal: events already held, participation counted by category (no private person's name), and the
// suggestions once answered, with identity and telephone numbers and the participants' names removed.
export const publicOpenDays = async (ctx: AppContext) => {
  const today = shanghaiDate(ctx.clock.now());
  const rows = await listOpenDays(ctx.db, { heldBy: today });
  const ids = rows.map((row) => row.id);
  const [participants, observed, suggestions] = await Promise.all([
    participantsOf(ctx.db, ids),
    inspectionsOf(ctx.db, ids),
    suggestionsOf(ctx.db, ids, true),
  ]);
  const participantOf = new Map(participants.map((p) => [p.id, p]));
  const names = participants.map((p) => p.name);
  return {
    items: rows.map((row) => {
      const own = participants.filter((p) => p.openDayId === row.id);
      return {
        id: row.id,
        organisationName: row.organisationName,
        kind: row.kind,
        kindName: OPEN_DAY_KIND_NAMES[row.kind],
        title: row.title,
        heldOn: row.heldOn,
        place: row.place,
        summary: redactText(row.summary, names),
        participation: PARTICIPANT_CATEGORIES.map((category) => ({
          categoryName: PARTICIPANT_CATEGORY_NAMES[category],
          count: own.filter((p) => p.category === category).length,
        })).filter((entry) => entry.count > 0),
        observedInspections: observed.filter((i) => i.openDayId === row.id).length,
        suggestions: suggestions
          .filter((s) => s.openDayId === row.id)
          .map((s) => {
            const participant = participantOf.get(s.participantId);
            return {
              categoryName: participant ? PARTICIPANT_CATEGORY_NAMES[participant.category] : '',
              text: redactText(s.text, names),
              answer: redactText(s.answer ?? '', names),
              answeredOn: shanghaiDate(s.answeredAt!),
            };
          }),
      };
    }),
  };
};

// the bureau the actor works for, or else its territory's name
export const organisationNameOf = async (db: Db | Tx, actor: Actor) => {
  const organisation = actor.organisationId
    ? await findOrganisationById(db, actor.organisationId)
    : undefined;
  return organisation?.name ?? `${territoryName(actor.territory) ?? actor.territory}应急管理局`;
};
