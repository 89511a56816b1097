import type { z } from 'zod';
import {
  mayApproveExtension,
  mayApproveSeizure,
  mayProposeSeizure,
  mayRecordTestingPeriod,
  mayRequestExtension,
  seizurePeriod,
} from '@inspecta/domain';
import type { AppContext } from '../../platform/http/context.ts';
import { shanghaiDate } from '../../platform/http/dates.ts';
import type { Tx } from '../../platform/db/client.ts';
import type { Actor } from '../../platform/policy/policy.ts';
import { problem, refused } from '../../platform/problems/problem.ts';
import type {
  ZSeizureDecisionSchema,
  ZSeizureExtensionSchema,
  ZSeizureInputSchema,
  ZSeizureReleaseSchema,
  ZTestingPeriodInputSchema,
} from './model.ts';
import { findSeizureOfCase, insertSeizure, updateSeizure } from './repository.ts';
import { lockCaseMeasure } from './access.ts';
import { audit, lockCase, toDetail } from './service.ts';

// Issue 15 item 7 (measure 16): 查封、扣押 in a case. An officer of the case's territory drafts it and asks for
// the extension and records the release; the bureau head (who may decide the case) approves the seizure and the
// extension, never one he drafted or asked for. Each step is audited in its transaction.

// The case (locked, in the actor's scope) and one of its seizures (locked), or 404 for either.
const lockSeizure = async (tx: Tx, actor: Actor, caseId: string, seizureId: string, head: boolean) => {
  const { row, measure } = await lockCaseMeasure(
    tx,
    actor,
    { caseId, measureId: seizureId },
    { head, what: '查封、扣押', find: findSeizureOfCase },
  );
  return { row, seizure: measure };
};

export const proposeSeizure = async (
  ctx: AppContext,
  actor: Actor,
  caseId: string,
  body: z.infer<typeof ZSeizureInputSchema>,
) => {
  const now = ctx.clock.now();
  return ctx.db.transaction(async (tx) => {
    const row = await lockCase(tx, actor, caseId, 'update');
    if (row.status === 'closed') throw problem('CASE_CLOSED');
    const verdict = mayProposeSeizure(row.violationCode);
    if (!verdict.ok) throw refused(verdict);
    const seizure = await insertSeizure(tx, {
      caseId: row.id,
      territory: row.territory,
      kind: body.kind,
      items: body.items,
      reason: body.reason,
      status: 'proposed',
      draftedBy: actor.id,
      draftedByName: actor.displayName,
      createdAt: now,
      updatedAt: now,
    });
    await audit(
      tx,
      actor,
      row,
      'penalty_case.seizure.proposed',
      { seizureId: seizure.id, kind: body.kind, items: body.items, reason: body.reason },
      now,
    );
    return toDetail(ctx, tx, row);
  });
};

export const decideSeizure = async (
  ctx: AppContext,
  actor: Actor,
  caseId: string,
  seizureId: string,
  body: z.infer<typeof ZSeizureDecisionSchema>,
) => {
  const now = ctx.clock.now();
  const today = shanghaiDate(now);
  return ctx.db.transaction(async (tx) => {
    const { row, seizure } = await lockSeizure(tx, actor, caseId, seizureId, true);
    if (seizure.status !== 'proposed') throw problem('SEIZURE_DECIDED');
    const self = mayApproveSeizure(seizure.draftedBy, actor.id);
    if (!self.ok) throw refused(self);
    const period = body.approve ? seizurePeriod(today, 0) : null;
    await updateSeizure(tx, seizure.id, {
      status: body.approve ? 'in_force' : 'withdrawn',
      decidedByName: actor.displayName,
      decisionNote: body.note || null,
      startedOn: period?.startedOn ?? null,
      dueOn: period?.dueOn ?? null,
      updatedAt: now,
    });
    await audit(
      tx,
      actor,
      row,
      'penalty_case.seizure.decided',
      {
        seizureId: seizure.id,
        approve: body.approve,
        note: body.note,
        startedOn: period?.startedOn ?? null,
        dueOn: period?.dueOn ?? null,
      },
      now,
    );
    return toDetail(ctx, tx, row);
  });
};

export const requestExtension = async (
  ctx: AppContext,
  actor: Actor,
  caseId: string,
  seizureId: string,
  body: z.infer<typeof ZSeizureExtensionSchema>,
) => {
  const now = ctx.clock.now();
  return ctx.db.transaction(async (tx) => {
    const { row, seizure } = await lockSeizure(tx, actor, caseId, seizureId, false);
    const verdict = mayRequestExtension(
      {
        status: seizure.status,
        dueOn: seizure.dueOn,
        extensionDays: seizure.extensionDays,
        extensionRequested: seizure.extensionRequestedBy !== null,
      },
      body.days,
      shanghaiDate(now),
    );
    if (!verdict.ok) throw refused(verdict);
    await updateSeizure(tx, seizure.id, {
      extensionRequestedDays: body.days,
      extensionReason: body.reason,
      extensionRequestedBy: actor.id,
      extensionRequestedByName: actor.displayName,
      updatedAt: now,
    });
    await audit(
      tx,
      actor,
      row,
      'penalty_case.seizure.extension_requested',
      { seizureId: seizure.id, days: body.days, reason: body.reason },
      now,
    );
    return toDetail(ctx, tx, row);
  });
};

// Approved: the last day moves by the days asked for. Not approved: the request is withdrawn (the audit keeps
// it) and the seizure ends on its day unless a new request is approved in time.
export const decideExtension = async (
  ctx: AppContext,
  actor: Actor,
  caseId: string,
  seizureId: string,
  body: z.infer<typeof ZSeizureDecisionSchema>,
) => {
  const now = ctx.clock.now();
  return ctx.db.transaction(async (tx) => {
    const { row, seizure } = await lockSeizure(tx, actor, caseId, seizureId, true);
    const verdict = mayApproveExtension(
      {
        status: seizure.status,
        dueOn: seizure.dueOn,
        extensionRequestedBy: seizure.extensionDecidedByName ? null : seizure.extensionRequestedBy,
      },
      actor.id,
      shanghaiDate(now),
    );
    if (!verdict.ok) throw refused(verdict);
    const days = seizure.extensionRequestedDays ?? 0;
    const dueOn = body.approve
      ? seizurePeriod(seizure.startedOn!, days, seizure.testingPeriods).dueOn
      : seizure.dueOn!;
    await updateSeizure(
      tx,
      seizure.id,
      body.approve
        ? {
            extensionDays: days,
            dueOn,
            extensionDecidedByName: actor.displayName,
            extensionDecisionNote: body.note || null,
            updatedAt: now,
          }
        : {
            extensionRequestedDays: null,
            extensionReason: null,
            extensionRequestedBy: null,
            extensionRequestedByName: null,
            updatedAt: now,
          },
    );
    await audit(
      tx,
      actor,
      row,
      'penalty_case.seizure.extension_decided',
      { seizureId: seizure.id, approve: body.approve, note: body.note, dueOn },
      now,
    );
    return toDetail(ctx, tx, row);
  });
};

// 行政强制法 第二十五条第三款: an officer of the case records an examination of the seized things, its period stated
// and the party told in writing; the last day moves by its days, in the same transaction as its audit event.
export const recordTestingPeriod = async (
  ctx: AppContext,
  actor: Actor,
  caseId: string,
  seizureId: string,
  body: z.infer<typeof ZTestingPeriodInputSchema>,
) => {
  const now = ctx.clock.now();
  return ctx.db.transaction(async (tx) => {
    const { row, seizure } = await lockSeizure(tx, actor, caseId, seizureId, false);
    const verdict = mayRecordTestingPeriod(
      {
        status: seizure.status,
        startedOn: seizure.startedOn,
        dueOn: seizure.dueOn,
        testing: seizure.testingPeriods,
      },
      body,
      shanghaiDate(now),
    );
    if (!verdict.ok) throw refused(verdict);
    const testingPeriods = [...seizure.testingPeriods, body].sort((a, b) =>
      a.startsOn.localeCompare(b.startsOn),
    );
    const { dueOn } = seizurePeriod(seizure.startedOn!, seizure.extensionDays, testingPeriods);
    await updateSeizure(tx, seizure.id, { testingPeriods, dueOn, updatedAt: now });
    await audit(
      tx,
      actor,
      row,
      'penalty_case.seizure.testing_period_recorded',
      { seizureId: seizure.id, ...body, dueOnBefore: seizure.dueOn, dueOn },
      now,
    );
    return toDetail(ctx, tx, row);
  });
};

export const releaseSeizure = async (
  ctx: AppContext,
  actor: Actor,
  caseId: string,
  seizureId: string,
  body: z.infer<typeof ZSeizureReleaseSchema>,
) => {
  const now = ctx.clock.now();
  const today = shanghaiDate(now);
  return ctx.db.transaction(async (tx) => {
    const { row, seizure } = await lockSeizure(tx, actor, caseId, seizureId, false);
    if (seizure.status !== 'in_force') throw problem('SEIZURE_NOT_IN_FORCE');
    await updateSeizure(tx, seizure.id, {
      status: 'released',
      releasedOn: today,
      releaseGround: body.ground,
      releaseNote: body.note,
      releasedByName: actor.displayName,
      updatedAt: now,
    });
    await audit(
      tx,
      actor,
      row,
      'penalty_case.seizure.released',
      { seizureId: seizure.id, ground: body.ground, note: body.note, releasedOn: today },
      now,
    );
    return toDetail(ctx, tx, row);
  });
};
