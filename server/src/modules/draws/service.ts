import {
  DRAW_ALGORITHM,
  inspectionMatterByCode,
  inspectionMatterCatalog,
  inspectionStatusOf,
  OPEN_STAGES,
  inspectorPoolHash,
  performDraw,
  poolHash,
  replaceRecusedInspector,
  sortByCodePoint,
  type DrawRecord,
  inspectionMatterName,
} from '@inspecta/domain';
import { and, asc, count, desc, eq, getTableColumns, inArray, ne, sql, type SQL } from 'drizzle-orm';
import type { z } from 'zod';
import type { AppContext } from '../../platform/http/context.ts';
import { shanghaiDate } from '../../platform/http/dates.ts';
import {
  assertCan,
  assertMayUse,
  scopeCondition,
  territoryCondition,
  type Actor,
} from '../../platform/policy/policy.ts';
import { Problem, notFound, refused } from '../../platform/http/problem.ts';
import { isUuid } from '../../platform/http/paging.ts';
import { appendAuditEvent } from '../../platform/audit/service.ts';
import type { Db, Tx } from '../../platform/db/client.ts';
import { enterprises } from '../enterprises/schema.ts';
import { inspections, type InspectionTeamMember } from '../inspections/schema.ts';
import { officersByCertificate, type OfficersByCertificate } from '../officers/index.ts';
import { officers } from '../officers/schema.ts';
import { organisations } from '../organisations/schema.ts';
import type {
  TFreezeDraw,
  ZCancellationDecisionSchema,
  ZCancellationRequestSchema,
  ZConflictSchema,
  ZDetailQuerySchema,
  ZDrawListQuerySchema,
  ZPerformDrawSchema,
  ZRecusalSchema,
} from './model.ts';
import { nodeSha256 } from './hasher.ts';
import {
  drawStrata,
  frozenExclusions,
  frozenStrata,
  rosterOfOrganisation,
  rosterOfTerritory,
  rosterOn,
  stratumSize,
} from './pools.ts';
import { conflictDeclarations, draws, type DrawPartner, type DrawReplacementEntry } from './schema.ts';

// measures 5, 6, 12 (issue 6 items 1–9): pools frozen and hashed first, the draw made once at a witnessed
// session from public entropy, the selection turned into planned inspections, never deleted nor redrawn.

type DrawRow = typeof draws.$inferSelect;

const STATUS_NAMES = { frozen: '名单已冻结，待抽取', drawn: '已抽取', cancelled: '已取消' } as const;

const conflict = (code: string, title: string) => new Problem(409, code, title);

// The inspecta-draw-v1 record (docs/draw-algorithm.md): what anyone recomputes.
export const recordOf = (row: DrawRow): DrawRecord | null => {
  if (!row.result) return null;
  return {
    algorithm: DRAW_ALGORITHM,
    strata: drawStrata(row.pools.strata),
    inspectors: row.pools.inspectors,
    exclusions: row.pools.exclusions,
    teamSize: row.pools.teamSize,
    maxAssignmentsPerInspector: row.pools.maxAssignmentsPerInspector,
    inspectionDate: row.inspectionDate,
    publicEntropy: row.result.publicEntropy,
    witnesses: row.result.witnesses,
    poolHash: row.poolHash,
    inspectorPoolHash: row.inspectorPoolHash,
    seed: row.result.seed,
    selected: row.result.selected,
  };
};

export const drawSummary = (row: DrawRow) => ({
  id: row.id,
  title: row.title,
  territory: row.territory,
  organisationName: row.organisationName,
  year: row.year,
  month: row.month,
  status: row.status,
  statusName: STATUS_NAMES[row.status],
  inspectionDate: row.inspectionDate,
  matters: row.matters.map((code) => ({ code, name: inspectionMatterName(code) })),
  enterpriseCount: row.enterpriseCount,
  sampleSize: row.sampleSize,
  inspectorCount: row.inspectorCount,
  teamSize: row.pools.teamSize,
  poolHash: row.poolHash,
  inspectorPoolHash: row.inspectorPoolHash,
  frozenAt: row.frozenAt.toISOString(),
  frozenByName: row.frozenByName,
  drawnAt: row.drawnAt?.toISOString() ?? null,
  publicEntropy: row.result?.publicEntropy ?? null,
  witnesses: row.result?.witnesses ?? [],
  seed: row.result?.seed ?? null,
  partners: row.partners.map((p) => ({
    organisationName: p.organisationName,
    departmentType: p.departmentType,
    inspectorPoolHash: p.inspectorPoolHash,
  })),
  cancellation: row.cancellation ?? null,
  resultsPublishedAt: row.resultsPublishedAt?.toISOString() ?? null,
});

const bureauOf = async (tx: Tx, territory: string) => {
  const [bureau] = await tx
    .select({ id: organisations.id, name: organisations.name })
    .from(organisations)
    .where(and(eq(organisations.kind, 'bureau'), eq(organisations.territory, territory)));
  if (!bureau)
    throw new Problem(422, 'DRAW_NO_BUREAU', '未登记本级应急管理部门，不能组织抽取', { measure: 9 });
  return bureau;
};

const partnersOf = async (tx: Tx, ids: string[], date: string): Promise<DrawPartner[]> => {
  const result: DrawPartner[] = [];
  for (const id of ids) {
    const [organisation] = await tx.select().from(organisations).where(eq(organisations.id, id));
    if (!organisation || organisation.kind !== 'department') {
      throw new Problem(
        422,
        'DRAW_PARTNER_NOT_DEPARTMENT',
        '联合检查的参与单位须为已登记的其他行政部门（措施第六项）',
        { measure: 6 },
      );
    }
    const roster = await rosterOn(tx, rosterOfOrganisation(id), date);
    if (roster.length < 2) {
      throw new Problem(
        422,
        'DRAW_PARTNER_ROSTER_TOO_SMALL',
        `${organisation.name}在检查日持有效执法证的人员不足两名，不能参加联合检查`,
        { measure: 12 },
      );
    }
    const inspectors = roster.map((member) => member.certificate);
    result.push({
      organisationId: id,
      organisationName: organisation.name,
      departmentType: organisation.departmentType,
      inspectors,
      inspectorPoolHash: inspectorPoolHash(inspectors, nodeSha256),
      record: null,
    });
  }
  return result;
};

// Items 1–3: freeze the pools and publish their hashes. Nothing random happens here.
export const freezeDraw = async (ctx: AppContext, actor: Actor, body: TFreezeDraw) => {
  assertMayUse(actor, 'draw', 'create');
  const unknown = body.matters.filter((code) => !inspectionMatterByCode(inspectionMatterCatalog, code));
  if (unknown.length)
    throw new Problem(422, 'UNKNOWN_MATTER', `检查事项不在检查事项清单中：${unknown.join('、')}`, {
      measure: 4,
    });
  const year = Number(body.inspectionDate.slice(0, 4));
  const month = Number(body.inspectionDate.slice(5, 7));
  return ctx.db.transaction(async (tx) => {
    if (body.source.kind === 'annual_plan_batch') {
      const [existing] = await tx
        .select({ id: draws.id })
        .from(draws)
        .where(
          and(
            ne(draws.status, 'cancelled'),
            sql`${draws.source} ->> 'annualPlanId' = ${body.source.annualPlanId}`,
            sql`${draws.source} ->> 'batchCode' = ${body.source.batchCode}`,
          ),
        );
      if (existing)
        throw conflict('DRAW_BATCH_ALREADY_DRAWN', '该批次已冻结或已抽取，不得重复抽取（不得重抽）');
    }
    const { strata, stored, atCap, inPool } = await frozenStrata(tx, actor, body, year);
    const roster = await rosterOn(tx, rosterOfTerritory(actor), body.inspectionDate);
    const inspectors = roster.map((member) => member.certificate);
    if (inspectors.length < body.teamSize) {
      throw new Problem(
        422,
        'DRAW_NOT_ENOUGH_INSPECTORS',
        `检查日持有效执法证的执法人员只有 ${inspectors.length} 名，少于每组 ${body.teamSize} 名`,
        {
          measure: 12,
        },
      );
    }
    const sampleSize = strata.reduce((total, stratum) => total + stratum.k, 0);
    // default: the fewest assignments per officer that can staff every team, plus one for recusals
    const maxAssignmentsPerInspector =
      body.maxAssignmentsPerInspector ?? Math.ceil((sampleSize * body.teamSize) / inspectors.length) + 1;
    const exclusions = await frozenExclusions(tx, actor, strata, roster, inPool);
    const partners = await partnersOf(tx, body.partners, body.inspectionDate);
    const bureau = await bureauOf(tx, actor.territory);
    const now = ctx.clock.now();
    // the codes stored as one text per stratum (StoredStratum), the record served as before
    const pools = {
      strata: stored,
      atCap,
      inspectors,
      exclusions,
      teamSize: body.teamSize,
      maxAssignmentsPerInspector,
    };
    // every column but the pools comes back: they are what was just written (a million codes, not read again)
    const { pools: _pools, ...returned } = getTableColumns(draws);
    const [inserted] = await tx
      .insert(draws)
      .values({
        territory: actor.territory,
        organisationId: bureau.id,
        organisationName: bureau.name,
        title: body.title,
        year,
        month,
        source:
          body.source.kind === 'criteria'
            ? { kind: 'criteria', strata: body.source.strata.map(({ key, criteria }) => ({ key, criteria })) }
            : body.source,
        matters: body.matters,
        status: 'frozen',
        pools,
        poolHash: poolHash(strata, nodeSha256),
        inspectorPoolHash: inspectorPoolHash(inspectors, nodeSha256),
        enterpriseCount: strata.reduce((total, stratum) => total + stratum.codes.length, 0),
        sampleSize,
        inspectorCount: inspectors.length,
        inspectionDate: body.inspectionDate,
        frozenAt: now,
        frozenByName: actor.displayName,
        partners,
        createdAt: now,
      })
      .returning(returned);
    const row: DrawRow = { ...inserted!, pools };
    await appendAuditEvent(tx, {
      actor,
      action: 'draw.freeze',
      entityType: 'draw',
      entityId: row.id,
      territory: actor.territory,
      payload: {
        title: body.title,
        poolHash: row.poolHash,
        inspectorPoolHash: row.inspectorPoolHash,
        enterprises: row.enterpriseCount,
        sampleSize,
        inspectors: inspectors.length,
        atCap: atCap.length,
      },
      at: now,
    });
    return row;
  });
};

const loadDraw = async (
  db: Db | Tx,
  actor: Actor,
  id: string,
  action: 'read' | 'create' | 'update' | 'approve' | 'publish',
  lock = false,
): Promise<DrawRow> => {
  if (!isUuid(id)) throw notFound('抽取');
  const query = db.select().from(draws).where(eq(draws.id, id));
  const [row] = lock ? await query.for('update') : await query;
  return assertCan(actor, 'draw', action, row, '抽取');
};

const member = (names: OfficersByCertificate, certificate: string): InspectionTeamMember => {
  const known = names.get(certificate);
  return {
    certificate,
    officerId: known?.officerId ?? null,
    name: known?.name ?? certificate,
    organisationName: known?.organisationName ?? '',
  };
};

// Items 4–7: the session. The record is computed once; a refusal (too few officers) leaves the draw frozen and
// nothing published. The selected enterprises become planned double-random inspections in the same transaction.
export const performDrawSession = async (
  ctx: AppContext,
  actor: Actor,
  id: string,
  body: z.infer<typeof ZPerformDrawSchema>,
) => {
  return ctx.db.transaction(async (tx) => {
    const row = await loadDraw(tx, actor, id, 'create', true);
    if (row.status !== 'frozen')
      throw conflict(
        'DRAW_ALREADY_DRAWN',
        row.status === 'drawn' ? '该批次已抽取，抽取不得重做' : '该批次已取消',
      );
    // pools frozen as text (StoredStratum) passed every check of their codes then; their hash, recomputed,
    // must still equal the published one (performDraw refuses otherwise)
    const checkedWhenFrozen = row.pools.strata.every((stratum) => 'lines' in stratum);
    const drawn = performDraw(
      {
        strata: drawStrata(row.pools.strata),
        inspectors: row.pools.inspectors,
        exclusions: row.pools.exclusions,
        teamSize: row.pools.teamSize,
        maxAssignmentsPerInspector: row.pools.maxAssignmentsPerInspector,
        inspectionDate: row.inspectionDate,
        publicEntropy: body.publicEntropy,
        witnesses: body.witnesses,
        publishedPoolHash: row.poolHash,
        publishedInspectorPoolHash: row.inspectorPoolHash,
      },
      { poolsCheckedWhenFrozen: checkedWhenFrozen, createHasher: nodeSha256 },
    );
    if (!drawn.ok) throw refused(drawn);
    const { record } = drawn;
    // measure 6: each partner department's teams, by the same algorithm, from its own frozen roster
    const selectedCodes = sortByCodePoint(record.selected.map((entry) => entry.enterprise));
    const partners: DrawPartner[] = [];
    for (const partner of row.partners) {
      const joint = performDraw({
        strata: [{ key: 'joint', codes: selectedCodes, k: selectedCodes.length }],
        inspectors: partner.inspectors,
        exclusions: [],
        teamSize: 2,
        maxAssignmentsPerInspector: Math.max(1, selectedCodes.length),
        inspectionDate: row.inspectionDate,
        publicEntropy: body.publicEntropy,
        witnesses: body.witnesses,
        publishedInspectorPoolHash: partner.inspectorPoolHash,
      });
      if (!joint.ok) throw refused(joint);
      partners.push({ ...partner, record: joint.record });
    }
    const now = ctx.clock.now();
    const result = {
      publicEntropy: record.publicEntropy,
      witnesses: record.witnesses,
      seed: record.seed,
      selected: record.selected,
    };
    await tx
      .update(draws)
      .set({ status: 'drawn', result, partners, drawnAt: now, drawnByName: actor.displayName })
      .where(eq(draws.id, row.id));
    await createInspections(tx, actor, row, record, partners, now);
    await appendAuditEvent(tx, {
      actor,
      action: 'draw.perform',
      entityType: 'draw',
      entityId: row.id,
      territory: row.territory,
      payload: {
        publicEntropy: record.publicEntropy,
        witnesses: record.witnesses,
        seed: record.seed,
        selected: record.selected.length,
      },
      at: now,
    });
    // what was just written, not the row read again (its pools hold a million codes)
    return {
      ...row,
      status: 'drawn',
      result,
      partners,
      drawnAt: now,
      drawnByName: actor.displayName,
    } satisfies DrawRow;
  });
};

// One planned inspection per selected enterprise. What differs per row (the code, the teams) goes as one JSON
// parameter per 25,000 rows, joined to the register in the insert itself for the enterprise's id, name and
// territory (an enterprise no longer in the register gets none, as before); what all rows share goes as
// plain parameters. As Drizzle values that would be a million bound parameters at a million-enterprise
// draw. The columns not named take their defaults, as with insert().
const createInspections = async (
  tx: Tx,
  actor: Actor,
  row: DrawRow,
  record: DrawRecord,
  partners: DrawPartner[],
  now: Date,
) => {
  const partnerTeams = partners.map(
    (partner) => new Map(partner.record!.selected.map((entry) => [entry.enterprise, entry.inspectors])),
  );
  const names = await officersByCertificate(tx, [
    ...record.selected.flatMap((entry) => entry.inspectors),
    ...partners.flatMap((p) => p.inspectors),
  ]);
  const rows = record.selected.map((entry) => ({
    code: entry.enterprise,
    team: entry.inspectors.map((certificate) => member(names, certificate)),
    partners: partners.map((partner, index) => ({
      organisationId: partner.organisationId,
      organisationName: partner.organisationName,
      departmentType: partner.departmentType,
      team: (partnerTeams[index]!.get(entry.enterprise) ?? []).map((certificate) =>
        member(names, certificate),
      ),
    })),
  }));
  for (let i = 0; i < rows.length; i += 25_000) {
    await tx.execute(sql`
      insert into ${inspections} (territory, enterprise_id, enterprise_name, credit_code, organisation_id, organisation_name, kind, planned_on, year,
                                  matters, stage, draw_id, team, partners, created_at, created_by_name)
      select e.territory, e.id, e.name, x.code, ${row.organisationId}::uuid, ${row.organisationName}::text, 'double_random', ${row.inspectionDate}::date,
             ${row.year}::integer, ${JSON.stringify(row.matters)}::jsonb, 'planned', ${row.id}::uuid, x.team, x.partners, ${now.toISOString()}::timestamptz,
             ${actor.displayName}::text
      from rows from (json_to_recordset(${JSON.stringify(rows.slice(i, i + 25_000))}::json) as ("code" text, "team" jsonb, "partners" jsonb))
             with ordinality as x(code, team, partners, position)
      join ${enterprises} e on e.credit_code = x.code
      order by x.position`);
  }
};

// Item 9: a cancellation is requested with a reason and decided by the bureau head; it stays public.
export const requestCancellation = async (
  ctx: AppContext,
  actor: Actor,
  id: string,
  body: z.infer<typeof ZCancellationRequestSchema>,
) =>
  ctx.db.transaction(async (tx) => {
    const row = await loadDraw(tx, actor, id, 'update', true);
    if (row.status === 'cancelled') throw conflict('DRAW_ALREADY_CANCELLED', '该批次已取消');
    if (row.cancellation?.status === 'requested')
      throw conflict('DRAW_CANCELLATION_PENDING', '已有待审批的取消申请');
    const now = ctx.clock.now();
    const cancellation = {
      reason: body.reason,
      requestedAt: now.toISOString(),
      requestedByName: actor.displayName,
      status: 'requested' as const,
      decidedAt: null,
      decidedByName: null,
      comment: null,
    };
    await tx.update(draws).set({ cancellation }).where(eq(draws.id, row.id));
    await appendAuditEvent(tx, {
      actor,
      action: 'draw.cancellation_request',
      entityType: 'draw',
      entityId: row.id,
      territory: row.territory,
      payload: { reason: body.reason },
      at: now,
    });
    return { ...row, cancellation };
  });

export const decideCancellation = async (
  ctx: AppContext,
  actor: Actor,
  id: string,
  body: z.infer<typeof ZCancellationDecisionSchema>,
) =>
  ctx.db.transaction(async (tx) => {
    const row = await loadDraw(tx, actor, id, 'approve', true);
    if (row.cancellation?.status !== 'requested')
      throw conflict('DRAW_NO_CANCELLATION_REQUEST', '没有待审批的取消申请');
    if (!body.approve && body.comment.length < 2)
      throw new Problem(422, 'DRAW_REJECTION_NEEDS_COMMENT', '不同意取消时请写明意见');
    const now = ctx.clock.now();
    const cancellation = {
      ...row.cancellation,
      status: body.approve ? ('approved' as const) : ('rejected' as const),
      decidedAt: now.toISOString(),
      decidedByName: actor.displayName,
      comment: body.comment || null,
    };
    await tx
      .update(draws)
      .set({ cancellation, status: body.approve ? 'cancelled' : row.status })
      .where(eq(draws.id, row.id));
    if (body.approve) {
      await tx
        .update(inspections)
        .set({ stage: 'cancelled' })
        .where(and(eq(inspections.drawId, row.id), inArray(inspections.stage, OPEN_STAGES)));
    }
    await appendAuditEvent(tx, {
      actor,
      action: 'draw.cancellation_decide',
      entityType: 'draw',
      entityId: row.id,
      territory: row.territory,
      payload: { approve: body.approve, comment: body.comment },
      at: now,
    });
    return { ...row, cancellation, status: body.approve ? 'cancelled' : row.status };
  });

// Item 9: an officer who must recuse after the draw is replaced by continuing the same sampler sequence.
export const recordRecusal = async (
  ctx: AppContext,
  actor: Actor,
  id: string,
  body: z.infer<typeof ZRecusalSchema>,
) =>
  ctx.db.transaction(async (tx) => {
    const row = await loadDraw(tx, actor, id, 'update', true);
    const record = recordOf(row);
    if (!record || row.status !== 'drawn')
      throw conflict('DRAW_NOT_DRAWN', '只有已抽取的批次才能替换回避人员');
    const replaced = replaceRecusedInspector(record, body.enterprise, body.inspector, row.replacements);
    if (!replaced.ok) throw refused(replaced);
    const now = ctx.clock.now();
    const entry: DrawReplacementEntry = {
      ...replaced.replacement,
      reason: body.reason,
      recordedAt: now.toISOString(),
      recordedByName: actor.displayName,
    };
    await tx
      .update(draws)
      .set({ replacements: [...row.replacements, entry] })
      .where(eq(draws.id, row.id));
    const [inspection] = await tx
      .select()
      .from(inspections)
      .where(and(eq(inspections.drawId, row.id), eq(inspections.creditCode, body.enterprise)));
    if (inspection) {
      const names = await officersByCertificate(tx, [entry.replacement]);
      const team = inspection.team.map((m) =>
        m.certificate === entry.recused ? member(names, entry.replacement) : m,
      );
      await tx.update(inspections).set({ team }).where(eq(inspections.id, inspection.id));
    }
    await appendAuditEvent(tx, {
      actor,
      action: 'draw.recusal',
      entityType: 'draw',
      entityId: row.id,
      territory: row.territory,
      payload: entry,
      at: now,
    });
    return entry;
  });

// Item 13: the batch's inspection results go public (within 20 workdays of completion, 公示办法 art. 21).
export const publishResults = async (ctx: AppContext, actor: Actor, id: string) =>
  ctx.db.transaction(async (tx) => {
    const row = await loadDraw(tx, actor, id, 'publish', true);
    if (row.status !== 'drawn') throw conflict('DRAW_NOT_DRAWN', '只有已抽取的批次才能公示检查结果');
    if (row.resultsPublishedAt) throw conflict('DRAW_RESULTS_PUBLISHED', '该批次检查结果已公示');
    const [open] = await tx
      .select({ n: count() })
      .from(inspections)
      .where(and(eq(inspections.drawId, row.id), inArray(inspections.stage, OPEN_STAGES)));
    if ((open?.n ?? 0) > 0)
      throw new Problem(422, 'DRAW_RESULTS_INCOMPLETE', `尚有 ${open!.n} 项检查未完成，完成后再公示检查结果`);
    const now = ctx.clock.now();
    await tx.update(draws).set({ resultsPublishedAt: now }).where(eq(draws.id, row.id));
    await appendAuditEvent(tx, {
      actor,
      action: 'draw.results_publish',
      entityType: 'draw',
      entityId: row.id,
      territory: row.territory,
      payload: {},
      at: now,
    });
    return { ...row, resultsPublishedAt: now };
  });

export const declareConflict = async (ctx: AppContext, actor: Actor, body: z.infer<typeof ZConflictSchema>) =>
  ctx.db.transaction(async (tx) => {
    assertMayUse(actor, 'draw', 'update');
    const [officer] = await tx
      .select({ id: officers.id, territory: officers.territory })
      .from(officers)
      .where(eq(officers.id, body.officerId));
    assertCan(actor, 'officer', 'read', officer, '执法人员');
    const [enterprise] = await tx
      .select({ id: enterprises.id, territory: enterprises.territory })
      .from(enterprises)
      .where(eq(enterprises.id, body.enterpriseId));
    assertCan(actor, 'enterprise', 'read', enterprise, '企业');
    const now = ctx.clock.now();
    const [row] = await tx
      .insert(conflictDeclarations)
      .values({
        officerId: body.officerId,
        enterpriseId: body.enterpriseId,
        territory: enterprise!.territory,
        reason: body.reason,
        declaredOn: shanghaiDate(now),
        createdAt: now,
        createdByName: actor.displayName,
      })
      .returning();
    await appendAuditEvent(tx, {
      actor,
      action: 'conflict.declare',
      entityType: 'officer',
      entityId: body.officerId,
      territory: enterprise!.territory,
      payload: { enterpriseId: body.enterpriseId, reason: body.reason },
      at: now,
    });
    return {
      id: row!.id,
      officerId: row!.officerId,
      enterpriseId: row!.enterpriseId,
      reason: row!.reason,
      declaredOn: row!.declaredOn,
    };
  });

const listWhere = (query: z.infer<typeof ZDrawListQuerySchema>, scope: SQL | undefined): SQL | undefined =>
  and(
    scope,
    query.year ? eq(draws.year, query.year) : undefined,
    query.status ? eq(draws.status, query.status) : undefined,
  );

// The list omits the pools (up to millions of codes): only the columns a summary reads.
const summaryColumns = {
  id: draws.id,
  title: draws.title,
  territory: draws.territory,
  organisationId: draws.organisationId,
  organisationName: draws.organisationName,
  year: draws.year,
  month: draws.month,
  source: draws.source,
  matters: draws.matters,
  status: draws.status,
  pools: sql<DrawRow['pools']>`jsonb_build_object('teamSize', ${draws.pools} -> 'teamSize')`,
  poolHash: draws.poolHash,
  inspectorPoolHash: draws.inspectorPoolHash,
  enterpriseCount: draws.enterpriseCount,
  sampleSize: draws.sampleSize,
  inspectorCount: draws.inspectorCount,
  inspectionDate: draws.inspectionDate,
  frozenAt: draws.frozenAt,
  frozenByName: draws.frozenByName,
  result: sql<
    DrawRow['result']
  >`case when ${draws.result} is null then null else jsonb_build_object('publicEntropy', ${draws.result} -> 'publicEntropy', 'witnesses', ${draws.result} -> 'witnesses', 'seed', ${draws.result} -> 'seed') end`,
  drawnAt: draws.drawnAt,
  drawnByName: draws.drawnByName,
  partners: sql<
    DrawRow['partners']
  >`(select coalesce(jsonb_agg(jsonb_build_object('organisationName', p -> 'organisationName', 'departmentType', p -> 'departmentType', 'inspectorPoolHash', p -> 'inspectorPoolHash')), '[]'::jsonb) from jsonb_array_elements(${draws.partners}) p)`,
  replacements: sql<DrawRow['replacements']>`'[]'::jsonb`,
  cancellation: draws.cancellation,
  resultsPublishedAt: draws.resultsPublishedAt,
  createdAt: draws.createdAt,
};

const pageOfDraws = async (db: Db, where: SQL | undefined, page: number, pageSize: number) => {
  const [total] = await db.select({ n: count() }).from(draws).where(where);
  const rows = (await db
    .select(summaryColumns)
    .from(draws)
    .where(where)
    .orderBy(desc(draws.frozenAt), asc(draws.id))
    .limit(pageSize)
    .offset((page - 1) * pageSize)) as DrawRow[];
  return { items: rows.map(drawSummary), total: total?.n ?? 0, page, pageSize, totalIsLowerBound: false };
};

export const listDraws = (ctx: AppContext, actor: Actor, query: z.infer<typeof ZDrawListQuerySchema>) =>
  pageOfDraws(
    ctx.db,
    listWhere(query, scopeCondition(actor, 'draw', { territory: draws.territory })),
    query.page,
    query.pageSize,
  );

// Item 13: every draw is public from the moment its pools are frozen (the hashes come first).
export const listPublicDraws = (ctx: AppContext, query: z.infer<typeof ZDrawListQuerySchema>) =>
  pageOfDraws(ctx.db, listWhere(query, undefined), query.page, query.pageSize);

const publicDraw = async (db: Db, id: string): Promise<DrawRow> => {
  if (!isUuid(id)) throw notFound('抽取');
  const [row] = await db.select().from(draws).where(eq(draws.id, id));
  if (!row) throw notFound('抽取');
  return row;
};

export const getDraw = async (
  ctx: AppContext,
  actor: Actor | null,
  id: string,
  query: z.infer<typeof ZDetailQuerySchema>,
) => {
  const row = actor ? await loadDraw(ctx.db, actor, id, 'read') : await publicDraw(ctx.db, id);
  return drawDetail(ctx.db, row, query, actor !== null || row.resultsPublishedAt !== null);
};

const drawDetail = async (
  db: Db,
  row: DrawRow,
  query: z.infer<typeof ZDetailQuerySchema>,
  withResults: boolean,
) => {
  const all = row.result?.selected ?? [];
  const matching = query.q ? all.filter((entry) => entry.enterprise.includes(query.q!.toUpperCase())) : all;
  const page = matching.slice((query.page - 1) * query.pageSize, query.page * query.pageSize);
  const codes = page.map((entry) => entry.enterprise);
  const partnerTeams = row.partners.map(
    (partner) =>
      new Map((partner.record?.selected ?? []).map((entry) => [entry.enterprise, entry.inspectors])),
  );
  const names = await officersByCertificate(db, [
    ...page.flatMap((entry) => entry.inspectors),
    ...row.replacements.map((r) => r.replacement),
    ...partnerTeams.flatMap((team) => codes.flatMap((code) => team.get(code) ?? [])),
  ]);
  const enterpriseRows = codes.length
    ? await db
        .select({ code: enterprises.creditCode, name: enterprises.name })
        .from(enterprises)
        .where(inArray(enterprises.creditCode, codes))
    : [];
  const enterpriseName = new Map(enterpriseRows.map((e) => [e.code, e.name]));
  const inspectionRows = codes.length
    ? await db
        .select({
          id: inspections.id,
          code: inspections.creditCode,
          stage: inspections.stage,
          resultSummary: inspections.resultSummary,
        })
        .from(inspections)
        .where(and(eq(inspections.drawId, row.id), inArray(inspections.creditCode, codes)))
    : [];
  const inspectionOf = new Map(inspectionRows.map((i) => [i.code, i]));
  const memberView = (certificate: string) => ({ certificate, name: names.get(certificate)?.name ?? null });
  return {
    ...drawSummary(row),
    strata: row.pools.strata.map((stratum) => ({
      key: stratum.key,
      k: stratum.k,
      candidates: stratumSize(stratum),
    })),
    atCap: row.pools.atCap,
    exclusions: row.pools.exclusions.length,
    maxAssignmentsPerInspector: row.pools.maxAssignmentsPerInspector,
    selected: page.map((entry) => {
      const replacements = row.replacements.filter((r) => r.enterprise === entry.enterprise);
      const team = replacements.reduce(
        (members, r) => members.map((m) => (m === r.recused ? r.replacement : m)),
        entry.inspectors,
      );
      const inspection = inspectionOf.get(entry.enterprise);
      return {
        stratum: entry.stratum,
        creditCode: entry.enterprise,
        enterpriseName: enterpriseName.get(entry.enterprise) ?? null,
        inspectors: team.map(memberView),
        partners: row.partners.map((partner, index) => ({
          organisationName: partner.organisationName,
          inspectors: (partnerTeams[index]!.get(entry.enterprise) ?? []).map(memberView),
        })),
        replacements: replacements.map(({ recused, replacement, reason, recordedAt }) => ({
          recused,
          replacement,
          reason,
          recordedAt,
        })),
        inspectionId: withResults ? (inspection?.id ?? null) : null,
        inspectionStatus: inspection ? inspectionStatusOf(inspection.stage) : null,
        resultSummary: withResults ? (inspection?.resultSummary ?? null) : null,
      };
    }),
    selectedTotal: matching.length,
  };
};

// Item 8: the record, without login once drawn (drawn or cancelled after the draw: both stay public).
export const getRecord = async (ctx: AppContext, id: string) => {
  const row = await publicDraw(ctx.db, id);
  const record = recordOf(row);
  if (!record) throw new Problem(409, 'DRAW_NOT_DRAWN', '该批次尚未抽取，只公布了名单哈希');
  return {
    ...record,
    partners: row.partners
      .filter((p) => p.record)
      .map((p) => ({ organisationName: p.organisationName, record: p.record! })),
    replacements: row.replacements.map(({ enterprise, recused, replacement, reason, recordedAt }) => ({
      enterprise,
      recused,
      replacement,
      reason,
      recordedAt,
    })),
  };
};

export const drawsOfTerritory = (territory: string) => territoryCondition(territory, draws.territory);
