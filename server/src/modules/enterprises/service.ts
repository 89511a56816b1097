import { territoryName } from '@inspecta/domain';
import { industryName } from '../catalog/index.ts';
import type { AppContext } from '../../platform/http/context.ts';
import {
  assertCan,
  assertMayUse,
  assertTerritoryWritable,
  type Actor,
} from '../../platform/policy/policy.ts';
import { scopeCondition } from '../../platform/db/scope.ts';
import { problem, notFound } from '../../platform/problems/problem.ts';
import { isUuid } from '../../platform/http/paging.ts';
import { appendAuditEvent, type AuditPayload } from '../../platform/audit/service.ts';
import type { Tx } from '../../platform/db/client.ts';
import { enterprises } from './schema.ts';
import type { TEnterprise, TEnterpriseCreate, TEnterpriseUpdate } from './model.ts';
import {
  countEnterprisesInScope,
  findEnterpriseById,
  findEnterprisesByCreditCodes,
  insertEnterprise,
  iterateEnterpriseRows,
  listEnterpriseRows,
  updateEnterpriseRow,
  type EnterpriseRow,
} from './repository.ts';

// measure 3: an enterprise is regraded in the transaction that registers or changes it. Grading depends
// on this module (it reads the enterprise), so the regrade is passed in by the composition (app.ts).
export type RegradeEnterprise = (
  tx: Tx,
  ctx: AppContext,
  options: { enterpriseId: string; trigger: 'registry'; actor: Actor },
) => Promise<unknown>;

// The same for many enterprises at once (a workbook import), in the transaction that registered them.
export type RegradeEnterprises = (
  tx: Tx,
  ctx: AppContext,
  options: { enterpriseIds: string[]; trigger: 'registry'; actor: Actor },
) => Promise<unknown>;

// The key status the grading gives enterprises about to be registered (measure 4), so that they are inserted
// with it; the regrade in the same transaction then finds it already right.
export type KeyStatusesOfNew = (
  profiles: readonly Pick<
    EnterpriseRow,
    'industry' | 'dustWorkers' | 'usesLiquidAmmonia' | 'hasDeepWellCasting'
  >[],
  now: Date,
) => Pick<EnterpriseRow, 'isKey' | 'keyReasons'>[];

export const enterpriseView = (row: EnterpriseRow): TEnterprise => ({
  id: row.id,
  creditCode: row.creditCode,
  name: row.name,
  address: row.address,
  territory: row.territory,
  territoryName: territoryName(row.territory) ?? row.territory,
  industry: row.industry,
  industryName: industryName(row.industry) ?? row.industry,
  scale: row.scale,
  workforce: row.workforce,
  dustWorkers: row.dustWorkers,
  usesLiquidAmmonia: row.usesLiquidAmmonia,
  hasDeepWellCasting: row.hasDeepWellCasting,
  isKey: row.isKey,
  keyReasons: row.keyReasons,
  legalRepresentative: row.legalRepresentative,
  contactPhone: row.contactPhone,
  latitude: row.latitude,
  longitude: row.longitude,
  createdAt: row.createdAt.toISOString(),
  updatedAt: row.updatedAt.toISOString(),
});

export type ListEnterprisesQuery = {
  page: number;
  pageSize: number;
  sort?: string | undefined;
  q?: string | undefined;
  territory?: string | undefined;
  industry?: string | undefined;
  isKey?: boolean | undefined;
};

export const listEnterprises = async (ctx: AppContext, actor: Actor, query: ListEnterprisesQuery) => {
  const scope = scopeCondition(actor, 'enterprise', { territory: enterprises.territory, id: enterprises.id });
  const { rows, total, totalIsLowerBound } = await listEnterpriseRows(
    ctx.db,
    {
      scope,
      q: query.q?.trim() || undefined,
      territory: query.territory,
      industry: query.industry,
      isKey: query.isKey,
    },
    query,
  );
  return {
    items: rows.map(enterpriseView),
    total,
    totalIsLowerBound,
    page: query.page,
    pageSize: query.pageSize,
  };
};

// Every enterprise the actor may read that matches the filter, page by page, for the .xlsx export.
export const enterpriseViewsForExport = (
  ctx: AppContext,
  actor: Actor,
  query: Omit<ListEnterprisesQuery, 'page' | 'pageSize' | 'sort'>,
) => {
  const scope = scopeCondition(actor, 'enterprise', { territory: enterprises.territory, id: enterprises.id });
  const filter = { scope, ...query, q: query.q?.trim() || undefined };
  return async function* () {
    for await (const rows of iterateEnterpriseRows(ctx.db, filter)) yield rows.map(enterpriseView);
  };
};

export const getEnterprise = async (ctx: AppContext, actor: Actor, id: string): Promise<TEnterprise> => {
  if (!isUuid(id)) throw notFound('企业');
  const row = await findEnterpriseById(ctx.db, id);
  return enterpriseView(assertCan(actor, 'enterprise', 'read', row, '企业'));
};

export const enterpriseExists = (creditCode: string) =>
  problem(
    'ENTERPRISE_EXISTS',
    { creditCode },
    { errors: [{ path: ['creditCode'], message: '该统一社会信用代码已登记' }] },
  );

export const createEnterprise = async (
  ctx: AppContext,
  actor: Actor,
  input: TEnterpriseCreate,
  regradeEnterprise: RegradeEnterprise,
) => {
  assertMayUse(actor, 'enterprise', 'create');
  assertTerritoryWritable(actor, input.territory);
  return ctx.db.transaction(async (tx) => {
    const [existing] = await findEnterprisesByCreditCodes(tx, [input.creditCode]);
    if (existing) throw enterpriseExists(input.creditCode);
    const inserted = await insertEnterprise(tx, input);
    await audit(tx, ctx, actor, 'enterprise.created', inserted, { after: enterpriseView(inserted) });
    // measure 3: graded in the same transaction that registers it
    await regradeEnterprise(tx, ctx, { enterpriseId: inserted.id, trigger: 'registry', actor });
    return enterpriseView((await findEnterpriseById(tx, inserted.id))!);
  });
};

export const updateEnterprise = async (
  ctx: AppContext,
  actor: Actor,
  id: string,
  patch: TEnterpriseUpdate,
  regradeEnterprise: RegradeEnterprise,
) => {
  if (!isUuid(id)) throw notFound('企业');
  return ctx.db.transaction(async (tx) => {
    const before = assertCan(actor, 'enterprise', 'update', await findEnterpriseById(tx, id), '企业');
    if (patch.territory) assertTerritoryWritable(actor, patch.territory);
    const merged = { ...before, ...patch };
    if (merged.dustWorkers > merged.workforce) {
      throw problem('VALIDATION_FAILED', {
        errors: [{ path: ['dustWorkers'], message: '涉粉作业人数不能超过从业人数' }],
      });
    }
    const updated = await updateEnterpriseRow(tx, id, { ...patch, updatedAt: ctx.clock.now() });
    await audit(tx, ctx, actor, 'enterprise.updated', updated, {
      changed: changedFields(before, updated, Object.keys(patch)),
    });
    // measure 3: an input of the grade changed, so the grade is recomputed in the same transaction
    await regradeEnterprise(tx, ctx, { enterpriseId: id, trigger: 'registry', actor });
    return enterpriseView((await findEnterpriseById(tx, id))!);
  });
};

const changedFields = (before: EnterpriseRow, after: EnterpriseRow, keys: string[]) =>
  Object.fromEntries(
    keys
      .filter((key) => before[key as keyof EnterpriseRow] !== after[key as keyof EnterpriseRow])
      .map((key) => [
        key,
        { from: before[key as keyof EnterpriseRow], to: after[key as keyof EnterpriseRow] },
      ]),
  );

export const audit = <A extends 'enterprise.created' | 'enterprise.updated' | 'enterprise.imported'>(
  tx: Tx,
  ctx: AppContext,
  actor: Actor,
  action: A,
  row: EnterpriseRow,
  payload: AuditPayload<A>,
) =>
  appendAuditEvent(tx, {
    actor,
    action,
    entityType: 'enterprise',
    entityId: row.id,
    territory: row.territory,
    payload,
    at: ctx.clock.now(),
  });

// How many enterprises the actor may read, within a territory when one is given.
export const countReadableEnterprises = (ctx: AppContext, actor: Actor, territory?: string) =>
  countEnterprisesInScope(ctx.db, {
    scope: scopeCondition(actor, 'enterprise', { territory: enterprises.territory, id: enterprises.id }),
    territory,
  });
