import {
  mayBeInspectionSubject,
  territoryName,
  type Organisation,
  type OrganisationKind,
} from '@inspecta/domain';
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
import type { Db, Tx } from '../../platform/db/client.ts';
import { organisations } from './schema.ts';
import {
  departmentTypes,
  organisationKindNames,
  type TOrganisationCreate,
  type TOrganisationUpdate,
  type TOrganisationView,
} from './model.ts';
import {
  findOrganisationById,
  findOrganisationsByIds,
  insertOrganisation,
  listOrganisationRows,
  updateOrganisationRow,
  type OrganisationRow as Row,
} from './repository.ts';

export const organisationView = (row: Row): TOrganisationView => ({
  id: row.id,
  name: row.name,
  kind: row.kind,
  kindName: organisationKindNames[row.kind],
  territory: row.territory,
  territoryName: territoryName(row.territory) ?? row.territory,
  parentId: row.parentId,
  hasLegalStanding: row.hasLegalStanding,
  active: row.active,
  departmentType: row.departmentType,
  departmentTypeName: row.departmentType
    ? departmentTypes[row.departmentType as keyof typeof departmentTypes]
    : null,
  entrustment:
    row.entrustmentScope && row.entrustmentValidFrom && row.entrustmentValidTo && row.entrustingOrganisationId
      ? {
          scope: row.entrustmentScope,
          validFrom: row.entrustmentValidFrom,
          validTo: row.entrustmentValidTo,
          entrustingOrganisationId: row.entrustingOrganisationId,
        }
      : null,
});

// The record the domain rule reads.
export const toDomainOrganisation = (row: Row): Organisation => {
  const view = organisationView(row);
  return {
    id: row.id,
    name: row.name,
    kind: view.kind,
    territory: row.territory,
    hasLegalStanding: row.hasLegalStanding,
    active: row.active,
    ...(view.entrustment ? { entrustment: view.entrustment } : {}),
  };
};

export const findOrganisation = async (db: Db | Tx, id: string): Promise<Row | undefined> => {
  if (!isUuid(id)) return undefined;
  return findOrganisationById(db, id);
};

export const listOrganisations = async (
  ctx: AppContext,
  actor: Actor,
  query: { kind?: OrganisationKind | undefined; territory?: string | undefined },
) => {
  const rows = await listOrganisationRows(ctx.db, {
    scope: scopeCondition(actor, 'organisation', { territory: organisations.territory }),
    kind: query.kind,
    territory: query.territory,
  });
  return { items: rows.map(organisationView) };
};

export const getOrganisation = async (ctx: AppContext, actor: Actor, id: string) =>
  organisationView(assertCan(actor, 'organisation', 'read', await findOrganisation(ctx.db, id), '机构'));

const entrustmentColumns = (entrustment: TOrganisationCreate['entrustment']) => ({
  entrustmentScope: entrustment?.scope ?? null,
  entrustmentValidFrom: entrustment?.validFrom ?? null,
  entrustmentValidTo: entrustment?.validTo ?? null,
  entrustingOrganisationId: entrustment?.entrustingOrganisationId ?? null,
});

const checkReferences = async (tx: Tx, actor: Actor, input: Partial<TOrganisationCreate>) => {
  const ids = [input.parentId, input.entrustment?.entrustingOrganisationId].filter(
    (id): id is string => !!id,
  );
  if (ids.length === 0) return;
  const found = await findOrganisationsByIds(tx, ids);
  for (const id of ids) {
    const row = found.find((candidate) => candidate.id === id);
    if (!row || !assertCan(actor, 'organisation', 'read', row)) throw notFound('上级或委托机关');
  }
  const entrusting = found.find((row) => row.id === input.entrustment?.entrustingOrganisationId);
  if (entrusting && entrusting.kind !== 'bureau') {
    throw problem('ENTRUSTING_NOT_BUREAU', { measure: 9, basis: '《中华人民共和国行政处罚法》第二十条' });
  }
};

export const createOrganisation = async (ctx: AppContext, actor: Actor, input: TOrganisationCreate) => {
  assertMayUse(actor, 'organisation', 'create');
  assertTerritoryWritable(actor, input.territory);
  return ctx.db.transaction(async (tx) => {
    await checkReferences(tx, actor, input);
    const row = await insertOrganisation(tx, {
      name: input.name,
      kind: input.kind,
      territory: input.territory,
      parentId: input.parentId ?? null,
      hasLegalStanding: input.kind === 'bureau',
      active: input.active ?? true,
      departmentType: input.kind === 'department' ? (input.departmentType ?? null) : null,
      ...entrustmentColumns(input.kind === 'entrusted' ? input.entrustment : null),
    });
    const view = organisationView(row);
    await auditOrganisation(tx, ctx, actor, 'organisation.created', row, { after: view });
    return view;
  });
};

export const updateOrganisation = async (
  ctx: AppContext,
  actor: Actor,
  id: string,
  patch: TOrganisationUpdate,
) =>
  ctx.db.transaction(async (tx) => {
    const before = assertCan(actor, 'organisation', 'update', await findOrganisation(tx, id), '机构');
    await checkReferences(tx, actor, patch);
    if (patch.entrustment && before.kind !== 'entrusted') {
      throw problem('VALIDATION_FAILED', {
        detail: '只有受委托组织可以登记委托',
        errors: [{ path: ['entrustment'], message: '只有受委托组织可以登记委托' }],
      });
    }
    const row = await updateOrganisationRow(tx, before.id, {
      ...(patch.name !== undefined ? { name: patch.name } : {}),
      ...(patch.parentId !== undefined ? { parentId: patch.parentId } : {}),
      ...(patch.active !== undefined ? { active: patch.active } : {}),
      ...(patch.departmentType !== undefined && before.kind === 'department'
        ? { departmentType: patch.departmentType }
        : {}),
      ...(patch.entrustment !== undefined ? entrustmentColumns(patch.entrustment) : {}),
      updatedAt: ctx.clock.now(),
    });
    const view = organisationView(row);
    await auditOrganisation(tx, ctx, actor, 'organisation.updated', row, {
      before: organisationView(before),
      after: view,
    });
    return view;
  });

const auditOrganisation = <A extends 'organisation.created' | 'organisation.updated'>(
  tx: Tx,
  ctx: AppContext,
  actor: Actor,
  action: A,
  row: Row,
  payload: AuditPayload<A>,
) =>
  appendAuditEvent(tx, {
    actor,
    action,
    entityType: 'organisation',
    entityId: row.id,
    territory: row.territory,
    payload,
    at: ctx.clock.now(),
  });

// measure 9, asked of one organisation for one matter on one day.
export const checkSubject = async (
  ctx: AppContext,
  actor: Actor,
  id: string,
  matter: string,
  date: string,
) => {
  const row = assertCan(actor, 'organisation', 'read', await findOrganisation(ctx.db, id), '机构');
  const entrustingRow = row.entrustingOrganisationId
    ? await findOrganisation(ctx.db, row.entrustingOrganisationId)
    : undefined;
  return mayBeInspectionSubject({
    organisation: toDomainOrganisation(row),
    matter,
    date,
    ...(entrustingRow ? { entrustingOrganisation: toDomainOrganisation(entrustingRow) } : {}),
  });
};
