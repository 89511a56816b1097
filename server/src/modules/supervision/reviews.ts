import {
  REVIEW_GRADE_NAMES,
  isWithinTerritory,
  reviewFileKey,
  reviewPool,
  reviewPoolHash,
  reviewerHandledFile,
  sampleReviewFiles,
  scoreReviewFile,
  supervisionCatalog,
  REVIEW_SAMPLE_ALGORITHM,
  type ReviewFileKind,
} from '@inspecta/domain';
import { appendAuditEvent } from '../../platform/audit/service.ts';
import { scopeCondition } from '../../platform/db/scope.ts';
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
import { problem, refused } from '../../platform/problems/problem.ts';
import { caseReviewRounds } from './schema.ts';
import {
  correctionsOfFiles,
  filesOfRound,
  findCorrection,
  findReviewFile,
  findRound,
  insertCorrection,
  insertReviewFiles,
  insertRound,
  linkComplaintsToFile,
  listRounds,
  queuedComplaints,
  reviewPoolFiles,
  updateCorrection,
  updateReviewFile,
  updateRound,
  type CorrectionRow,
  type PoolFile,
  type ReviewFileRow,
  type RoundRow,
} from './repository.ts';

// measure 29, 案卷评查 (hierarchical supervision): the legal reviewer of a bureau, or of a level above, opens a
// round over the bureau's closed penalty cases and concluded inspections of a period (a routine round, or a
// special inspection of enforcement, 专项执法检查, with its topic). Opening fixes and publishes the pool and its
// hash; sampling takes the public entropy and draws by the draws' sampler (domain/src/supervision/review-sample.ts),
// adding the files complaints named. Each file is scored against the catalogue's sheet by a reviewer who did not
// handle it; findings and the corrections ordered, with their deadline and completion, are kept.

const KIND_NAMES = { routine: '案卷评查', special: '专项执法检查' } as const;
const EVER = { from: '1900-01-01', to: '2199-12-31' };

const roundView = (row: RoundRow, counts?: { files: number; scored: number }) => ({
  id: row.id,
  territory: row.territory,
  kind: row.kind,
  kindName: KIND_NAMES[row.kind],
  topic: row.topic,
  periodFrom: row.periodFrom,
  periodTo: row.periodTo,
  sampleSize: row.sampleSize,
  status: row.status,
  statusName: row.status === 'sampled' ? '已抽取' : '待抽取',
  algorithm: REVIEW_SAMPLE_ALGORITHM,
  // published when the round opens, before the entropy is known
  pool: row.pool,
  poolHash: row.poolHash,
  complaintDriven: row.complaintDriven.map((entry) => entry.key),
  publicEntropy: row.publicEntropy,
  seed: row.seed,
  selected: row.selected,
  openedByName: row.openedByName,
  openedAt: row.openedAt.toISOString(),
  sampledAt: row.sampledAt?.toISOString() ?? null,
  sampledByName: row.sampledByName,
  files: counts?.files ?? 0,
  scored: counts?.scored ?? 0,
});

const correctionView = (row: CorrectionRow, today: string) => ({
  id: row.id,
  requirement: row.requirement,
  dueOn: row.dueOn,
  orderedByName: row.orderedByName,
  orderedAt: row.orderedAt.toISOString(),
  completedOn: row.completedOn,
  completionNote: row.completionNote,
  completedByName: row.completedByName,
  overdue: row.completedOn === null && row.dueOn < today,
});

const fileView = (row: ReviewFileRow, corrections: CorrectionRow[], today: string, actor: Actor) => ({
  id: row.id,
  roundId: row.roundId,
  fileKind: row.fileKind,
  fileKindName: row.fileKind === 'penalty_case' ? '处罚案卷' : '检查案卷',
  fileId: row.fileId,
  key: reviewFileKey(row.fileKind, row.fileId),
  label: row.label,
  basis: row.basis,
  basisName: row.basis === 'complaint' ? '因投诉评查' : '随机抽取',
  complaintIds: row.complaintIds,
  handlerNames: row.handlerNames,
  status: row.status,
  reviewerName: row.reviewerName,
  vetoFailed: row.vetoFailed ?? [],
  points: row.points ?? {},
  total: row.total,
  grade: row.grade,
  gradeName: row.grade ? REVIEW_GRADE_NAMES[row.grade] : null,
  findings: row.findings,
  scoredAt: row.scoredAt?.toISOString() ?? null,
  // the actor handled this file: someone else scores it
  handledByMe: reviewerHandledFile(actor, { userIds: row.handlerIds, names: row.handlerNames }),
  corrections: corrections.filter((c) => c.reviewFileId === row.id).map((c) => correctionView(c, today)),
});

export const reviewSheet = () => {
  const sheet = supervisionCatalog.reviewSheet;
  return {
    code: sheet.code,
    name: sheet.name,
    source: sheet.source,
    verified: sheet.verified,
    passPoints: sheet.passPoints,
    goodPoints: sheet.goodPoints,
    vetoItems: sheet.vetoItems,
    pointItems: sheet.pointItems,
  };
};

export const openReviewRound = async (
  ctx: AppContext,
  actor: Actor,
  input: {
    territory?: string;
    kind: 'routine' | 'special';
    topic?: string | null;
    periodFrom: string;
    periodTo: string;
    sampleSize: number;
    fileKinds: ReviewFileKind[];
  },
) => {
  assertMayUse(actor, 'case_review', 'create');
  const territory = input.territory ?? actor.territory;
  assertTerritoryWritable(actor, territory);
  if (input.periodFrom > input.periodTo) throw problem('REVIEW_PERIOD_INVALID');
  const topic = input.topic?.trim() || null;
  if (input.kind === 'special' && !topic) throw problem('REVIEW_TOPIC_REQUIRED');
  const now = ctx.clock.now();
  return ctx.db.transaction(async (tx) => {
    const inPeriod = await reviewPoolFiles(tx, {
      territory,
      from: input.periodFrom,
      to: input.periodTo,
      kinds: input.fileKinds,
    });
    const driven = await complaintDrivenFiles(tx, territory);
    const drivenKeys = new Set(driven.map((entry) => entry.key));
    const pool = reviewPool(
      inPeriod.map((file) => reviewFileKey(file.kind, file.id)).filter((key) => !drivenKeys.has(key)),
    );
    if (pool.length === 0 && driven.length === 0) throw problem('REVIEW_ROUND_EMPTY');
    const poolHash = reviewPoolHash(pool);
    const row = await insertRound(tx, {
      territory,
      kind: input.kind,
      topic,
      periodFrom: input.periodFrom,
      periodTo: input.periodTo,
      sampleSize: input.sampleSize,
      pool,
      poolHash,
      complaintDriven: driven,
      status: 'opened',
      openedById: actor.id,
      openedByName: actor.displayName,
      openedAt: now,
    });
    await appendAuditEvent(tx, {
      actor,
      action: 'case_review.round.opened',
      entityType: 'case_review',
      entityId: row.id,
      territory,
      payload: { kind: input.kind, topic, poolSize: pool.length, poolHash, sampleSize: input.sampleSize },
      at: now,
    });
    return roundView(row);
  });
};

// The files the bureau's queued complaints name: the inspection or the case itself once concluded or closed; for
// a complaint naming only an officer, the latest concluded file of that officer. A complaint whose file is not
// yet concluded stays queued for a later round.
const complaintDrivenFiles = async (tx: Tx, territory: string) => {
  const complaints = await queuedComplaints(tx, territory);
  if (complaints.length === 0) return [];
  const all = await reviewPoolFiles(tx, { territory, ...EVER, kinds: ['penalty_case', 'inspection'] });
  const byKey = new Map(all.map((file) => [reviewFileKey(file.kind, file.id), file]));
  const latestOf = (officerId: string) =>
    all
      .filter((file) => file.officerIds.includes(officerId))
      .sort((a, b) => (a.on === b.on ? a.id.localeCompare(b.id) : a.on < b.on ? 1 : -1))[0];
  const driven = new Map<string, string[]>();
  for (const complaint of complaints) {
    const target: PoolFile | undefined = complaint.penaltyCaseId
      ? byKey.get(reviewFileKey('penalty_case', complaint.penaltyCaseId))
      : complaint.inspectionId
        ? byKey.get(reviewFileKey('inspection', complaint.inspectionId))
        : complaint.officerId
          ? latestOf(complaint.officerId)
          : undefined;
    if (!target) continue;
    const key = reviewFileKey(target.kind, target.id);
    driven.set(key, [...(driven.get(key) ?? []), complaint.id]);
  }
  return [...driven.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([key, complaintIds]) => ({ key, complaintIds }));
};

export const sampleReviewRound = async (
  ctx: AppContext,
  actor: Actor,
  id: string,
  input: { publicEntropy: string },
) => {
  const now = ctx.clock.now();
  return ctx.db.transaction(async (tx) => {
    const round = assertCan(
      actor,
      'case_review',
      'create',
      isUuid(id) ? await findRound(tx, id, true) : undefined,
      '评查',
    );
    if (round.status !== 'opened') throw problem('REVIEW_ROUND_SAMPLED');
    const sample = sampleReviewFiles({
      pool: round.pool,
      sampleSize: round.sampleSize,
      publicEntropy: input.publicEntropy,
    });
    // the pool is the one published: its hash, recomputed, must still be the same
    if (sample.poolHash !== round.poolHash) throw new Error(`review round ${round.id}: pool hash changed`);
    const all = await reviewPoolFiles(tx, {
      territory: round.territory,
      ...EVER,
      kinds: ['penalty_case', 'inspection'],
    });
    const byKey = new Map(all.map((file) => [reviewFileKey(file.kind, file.id), file]));
    const values = [
      ...sample.selected.map((key) => ({ key, basis: 'random' as const, complaintIds: [] as string[] })),
      ...round.complaintDriven.map((entry) => ({
        key: entry.key,
        basis: 'complaint' as const,
        complaintIds: entry.complaintIds,
      })),
    ].flatMap(({ key, basis, complaintIds }) => {
      const file = byKey.get(key);
      return file
        ? [
            {
              roundId: round.id,
              territory: round.territory,
              fileKind: file.kind,
              fileId: file.id,
              label: file.label,
              handlerIds: file.handlerIds,
              handlerNames: file.handlerNames,
              basis,
              complaintIds,
              status: 'pending' as const,
            },
          ]
        : [];
    });
    const inserted = await insertReviewFiles(tx, values);
    for (const file of inserted) await linkComplaintsToFile(tx, file.complaintIds, file.id);
    const updated = await updateRound(tx, round.id, {
      status: 'sampled',
      publicEntropy: input.publicEntropy,
      seed: sample.seed,
      selected: sample.selected,
      sampledAt: now,
      sampledByName: actor.displayName,
    });
    await appendAuditEvent(tx, {
      actor,
      action: 'case_review.round.sampled',
      entityType: 'case_review',
      entityId: round.id,
      territory: round.territory,
      payload: {
        publicEntropy: input.publicEntropy,
        seed: sample.seed,
        selected: sample.selected,
        complaintDriven: round.complaintDriven.map((entry) => entry.key),
      },
      at: now,
    });
    return roundView(updated, { files: inserted.length, scored: 0 });
  });
};

export const listReviewRounds = async (ctx: AppContext, actor: Actor) => {
  const rows = await listRounds(
    ctx.db,
    scopeCondition(actor, 'case_review', { territory: caseReviewRounds.territory }),
  );
  return { items: rows.map((row) => roundView(row.round, { files: row.files, scored: row.scored })) };
};

export const getReviewRound = async (ctx: AppContext, actor: Actor, id: string) => {
  const round = assertCan(
    actor,
    'case_review',
    'read',
    isUuid(id) ? await findRound(ctx.db, id) : undefined,
    '评查',
  );
  const files = await filesOfRound(ctx.db, round.id);
  const corrections = await correctionsOfFiles(
    ctx.db,
    files.map((file) => file.id),
  );
  const today = shanghaiDate(ctx.clock.now());
  return {
    round: roundView(round, {
      files: files.length,
      scored: files.filter((f) => f.status === 'scored').length,
    }),
    files: files.map((file) => fileView(file, corrections, today, actor)),
    sheet: reviewSheet(),
  };
};

const loadFile = async (tx: Tx, actor: Actor, id: string, action: 'approve' | 'update') =>
  assertCan(
    actor,
    'case_review',
    action,
    isUuid(id) ? await findReviewFile(tx, id, true) : undefined,
    '评查案卷',
  );

export const scoreReviewedFile = async (
  ctx: AppContext,
  actor: Actor,
  id: string,
  input: { vetoFailed: string[]; points: Record<string, number>; findings: string },
) => {
  const now = ctx.clock.now();
  const today = shanghaiDate(now);
  return ctx.db.transaction(async (tx) => {
    const file = await loadFile(tx, actor, id, 'approve');
    if (file.status === 'scored') throw problem('REVIEW_FILE_SCORED');
    if (reviewerHandledFile(actor, { userIds: file.handlerIds, names: file.handlerNames }))
      throw problem('REVIEW_OWN_FILE');
    const score = scoreReviewFile(supervisionCatalog.reviewSheet, input);
    if (!score.ok) throw refused(score);
    const updated = await updateReviewFile(tx, file.id, {
      status: 'scored',
      reviewerId: actor.id,
      reviewerName: actor.displayName,
      vetoFailed: score.vetoFailed,
      points: score.points,
      total: score.total,
      grade: score.grade,
      findings: input.findings,
      scoredAt: now,
    });
    await appendAuditEvent(tx, {
      actor,
      action: 'case_review.file.scored',
      entityType: 'case_review',
      entityId: file.roundId,
      territory: file.territory,
      payload: {
        fileId: file.id,
        grade: score.grade,
        total: score.total,
        vetoFailed: score.vetoFailed,
        findings: input.findings,
      },
      at: now,
    });
    return fileView(updated, [], today, actor);
  });
};

export const orderCorrection = async (
  ctx: AppContext,
  actor: Actor,
  id: string,
  input: { requirement: string; dueOn: string },
) => {
  const now = ctx.clock.now();
  const today = shanghaiDate(now);
  if (input.dueOn < today) throw problem('REVIEW_DUE_BEFORE_TODAY');
  return ctx.db.transaction(async (tx) => {
    const file = await loadFile(tx, actor, id, 'approve');
    if (file.status !== 'scored') throw problem('REVIEW_FILE_NOT_SCORED');
    const row = await insertCorrection(tx, {
      reviewFileId: file.id,
      territory: file.territory,
      requirement: input.requirement,
      dueOn: input.dueOn,
      orderedByName: actor.displayName,
      orderedAt: now,
    });
    await appendAuditEvent(tx, {
      actor,
      action: 'case_review.correction.ordered',
      entityType: 'case_review',
      entityId: file.roundId,
      territory: file.territory,
      payload: { fileId: file.id, correctionId: row.id, dueOn: input.dueOn, requirement: input.requirement },
      at: now,
    });
    return correctionView(row, today);
  });
};

export const completeCorrection = async (
  ctx: AppContext,
  actor: Actor,
  id: string,
  input: { completedOn: string; note: string },
) => {
  const now = ctx.clock.now();
  const today = shanghaiDate(now);
  if (input.completedOn > today) throw problem('VALIDATION_FAILED', { detail: '完成日期不能晚于今天' });
  return ctx.db.transaction(async (tx) => {
    const correction = isUuid(id) ? await findCorrection(tx, id, true) : undefined;
    assertCan(actor, 'case_review', 'update', correction, '整改事项');
    if (correction!.completedOn !== null) throw problem('REVIEW_CORRECTION_DONE');
    const file = (await findReviewFile(tx, correction!.reviewFileId))!;
    if (!isWithinTerritory(actor.territory, file.territory)) throw problem('FORBIDDEN');
    const row = await updateCorrection(tx, correction!.id, {
      completedOn: input.completedOn,
      completionNote: input.note,
      completedByName: actor.displayName,
    });
    await appendAuditEvent(tx, {
      actor,
      action: 'case_review.correction.completed',
      entityType: 'case_review',
      entityId: file.roundId,
      territory: file.territory,
      payload: { fileId: file.id, correctionId: row.id, completedOn: input.completedOn },
      at: now,
    });
    return correctionView(row, today);
  });
};
