import {
  certificateStatusOn,
  mayInspect,
  territoryName,
  type Certificate,
  type Qualification,
} from '@inspecta/domain';
import type { AppContext } from '../../platform/http/context.ts';
import { shanghaiDate } from '../../platform/http/dates.ts';
import { assertCan, assertMayUse, type Actor } from '../../platform/policy/policy.ts';
import { scopeCondition } from '../../platform/db/scope.ts';
import { problem, notFound } from '../../platform/problems/problem.ts';
import { isUuid } from '../../platform/http/paging.ts';
import { appendAuditEvent, type AuditAction, type AuditPayload } from '../../platform/audit/service.ts';
import type { Db, Tx } from '../../platform/db/client.ts';
import { findOrganisationById } from '../organisations/index.ts';
import { officers } from './schema.ts';
import type { TOfficerCreate, TOfficerUpdate, TOfficerView } from './model.ts';
import {
  findCertificateByNumber,
  findCertificateOfOfficer,
  findCertificatesOfOfficer,
  findCertificatesOfOfficers,
  findOfficerWithOrganisation,
  insertCertificate,
  insertOfficer,
  listOfficerRows,
  updateCertificate,
  updateOfficerRow,
  type CertificateRow,
  type OfficerRow,
} from './repository.ts';

const toDomainCertificate = (row: CertificateRow): Certificate => ({
  number: row.number,
  issuingAuthority: row.issuingAuthority,
  validFrom: row.validFrom,
  validTo: row.validTo,
  status: row.status,
});

// measure 10: whether this officer may inspect on this day.
export const eligibility = (officer: OfficerRow, certs: CertificateRow[], date: string) => {
  const answer = mayInspect({
    officer: {
      id: officer.id,
      name: officer.name,
      onRoster: officer.onRoster,
      removedOn: officer.removedOn,
      qualifications: officer.qualifications as Qualification[],
      certificates: certs.map(toDomainCertificate),
    },
    date,
  });
  return answer.ok ? { ok: true } : answer;
};

const officerView = (
  officer: OfficerRow,
  organisationName: string,
  certs: CertificateRow[],
  today: string,
): TOfficerView => ({
  id: officer.id,
  name: officer.name,
  organisationId: officer.organisationId,
  organisationName,
  territory: officer.territory,
  territoryName: territoryName(officer.territory) ?? officer.territory,
  position: officer.position,
  qualifications: officer.qualifications as Qualification[],
  onRoster: officer.onRoster,
  removedOn: officer.removedOn,
  removalReason: officer.removalReason,
  certificates: certs.map((cert) => ({
    id: cert.id,
    number: cert.number,
    issuingAuthority: cert.issuingAuthority,
    validFrom: cert.validFrom,
    validTo: cert.validTo,
    status: cert.status,
    statusReason: cert.statusReason,
    statusToday: certificateStatusOn(toDomainCertificate(cert), today),
  })),
  mayInspectToday: eligibility(officer, certs, today),
});

// One query for the officers, one for all their certificates: no query per row.
const views = async (
  db: Db | Tx,
  rows: { officer: OfficerRow; organisationName: string }[],
  today: string,
) => {
  const ids = rows.map((row) => row.officer.id);
  const certs = await findCertificatesOfOfficers(db, ids);
  return rows.map((row) =>
    officerView(
      row.officer,
      row.organisationName,
      certs.filter((cert) => cert.officerId === row.officer.id),
      today,
    ),
  );
};

export type ListOfficersQuery = {
  page: number;
  pageSize: number;
  q?: string | undefined;
  organisationId?: string | undefined;
  territory?: string | undefined;
  onRoster?: boolean | undefined;
};

export const listOfficers = async (ctx: AppContext, actor: Actor, query: ListOfficersQuery) => {
  const { rows, total } = await listOfficerRows(
    ctx.db,
    {
      scope: scopeCondition(actor, 'officer', { territory: officers.territory }),
      q: query.q,
      organisationId: query.organisationId && isUuid(query.organisationId) ? query.organisationId : undefined,
      territory: query.territory,
      onRoster: query.onRoster,
    },
    query,
  );
  return {
    items: await views(ctx.db, rows, shanghaiDate(ctx.clock.now())),
    total,
    page: query.page,
    pageSize: query.pageSize,
    totalIsLowerBound: false,
  };
};

const loadOfficer = async (db: Db | Tx, actor: Actor, id: string, action: 'read' | 'update') => {
  if (!isUuid(id)) throw notFound('执法人员');
  const row = await findOfficerWithOrganisation(db, id);
  assertCan(actor, 'officer', action, row ? row.officer : undefined, '执法人员');
  return row!;
};

export const getOfficer = async (ctx: AppContext, actor: Actor, id: string) => {
  const row = await loadOfficer(ctx.db, actor, id, 'read');
  const [view] = await views(ctx.db, [row], shanghaiDate(ctx.clock.now()));
  return view!;
};

export const officerEligibility = async (ctx: AppContext, actor: Actor, id: string, date: string) => {
  const row = await loadOfficer(ctx.db, actor, id, 'read');
  const certs = await findCertificatesOfOfficer(ctx.db, row.officer.id);
  return eligibility(row.officer, certs, date);
};

const auditOfficer = <A extends AuditAction>(
  tx: Tx,
  ctx: AppContext,
  actor: Actor,
  action: A,
  officer: OfficerRow,
  payload: AuditPayload<A>,
) =>
  appendAuditEvent(tx, {
    actor,
    action,
    entityType: 'officer',
    entityId: officer.id,
    territory: officer.territory,
    payload,
    at: ctx.clock.now(),
  });

const certificateTaken = (number: string) =>
  problem(
    'CERTIFICATE_NUMBER_EXISTS',
    { number },
    { errors: [{ path: ['number'], message: '该执法证编号已登记' }] },
  );

export const createOfficer = async (ctx: AppContext, actor: Actor, input: TOfficerCreate) => {
  assertMayUse(actor, 'officer', 'create');
  return ctx.db.transaction(async (tx) => {
    const organisation = await findOrganisationById(tx, input.organisationId);
    assertCan(actor, 'organisation', 'read', organisation, '所属机构');
    if (input.certificate) {
      const taken = await findCertificateByNumber(tx, input.certificate.number);
      if (taken) throw certificateTaken(input.certificate.number);
    }
    const officer = await insertOfficer(tx, {
      name: input.name,
      organisationId: organisation!.id,
      territory: organisation!.territory,
      position: input.position,
      qualifications: input.qualifications,
    });
    if (input.certificate) await insertCertificate(tx, { ...input.certificate, officerId: officer.id });
    await auditOfficer(tx, ctx, actor, 'officer.created', officer, { input });
    const [view] = await views(
      tx,
      [{ officer, organisationName: organisation!.name }],
      shanghaiDate(ctx.clock.now()),
    );
    return view!;
  });
};

export const updateOfficer = async (ctx: AppContext, actor: Actor, id: string, patch: TOfficerUpdate) =>
  ctx.db.transaction(async (tx) => {
    const row = await loadOfficer(tx, actor, id, 'update');
    const officer = await updateOfficerRow(tx, row.officer.id, { ...patch, updatedAt: ctx.clock.now() });
    await auditOfficer(tx, ctx, actor, 'officer.updated', officer, { patch });
    const [view] = await views(
      tx,
      [{ officer, organisationName: row.organisationName }],
      shanghaiDate(ctx.clock.now()),
    );
    return view!;
  });

// measure 10: an officer who no longer meets the requirements leaves the enforcement roster.
export const removeFromRoster = async (
  ctx: AppContext,
  actor: Actor,
  id: string,
  removal: { date: string; reason: string },
) =>
  ctx.db.transaction(async (tx) => {
    const row = await loadOfficer(tx, actor, id, 'update');
    if (!row.officer.onRoster) {
      throw problem('OFFICER_ALREADY_REMOVED', { name: row.officer.name, removedOn: row.officer.removedOn });
    }
    const officer = await updateOfficerRow(tx, row.officer.id, {
      onRoster: false,
      removedOn: removal.date,
      removalReason: removal.reason,
      updatedAt: ctx.clock.now(),
    });
    await auditOfficer(tx, ctx, actor, 'officer.removed', officer, removal);
    const [view] = await views(
      tx,
      [{ officer, organisationName: row.organisationName }],
      shanghaiDate(ctx.clock.now()),
    );
    return view!;
  });

export const addCertificate = async (
  ctx: AppContext,
  actor: Actor,
  id: string,
  input: { number: string; issuingAuthority: string; validFrom: string; validTo: string },
) =>
  ctx.db.transaction(async (tx) => {
    const row = await loadOfficer(tx, actor, id, 'update');
    const taken = await findCertificateByNumber(tx, input.number);
    if (taken) throw certificateTaken(input.number);
    await insertCertificate(tx, { ...input, officerId: row.officer.id });
    await auditOfficer(tx, ctx, actor, 'officer.certificate.added', row.officer, input);
    const [view] = await views(tx, [row], shanghaiDate(ctx.clock.now()));
    return view!;
  });

export const changeCertificateStatus = async (
  ctx: AppContext,
  actor: Actor,
  id: string,
  certificateId: string,
  change: { status: 'valid' | 'suspended' | 'revoked'; reason: string },
) =>
  ctx.db.transaction(async (tx) => {
    const row = await loadOfficer(tx, actor, id, 'update');
    const cert = isUuid(certificateId)
      ? await findCertificateOfOfficer(tx, certificateId, row.officer.id)
      : undefined;
    if (!cert) throw notFound('执法证');
    if (cert.status === 'revoked') {
      throw problem('CERTIFICATE_REVOKED_FINAL');
    }
    await updateCertificate(tx, cert.id, { status: change.status, statusReason: change.reason });
    await auditOfficer(tx, ctx, actor, 'officer.certificate_status.changed', row.officer, {
      certificate: cert.number,
      from: cert.status,
      to: change.status,
      reason: change.reason,
    });
    const [view] = await views(tx, [row], shanghaiDate(ctx.clock.now()));
    return view!;
  });

// measure 30 (《广东省行政执法公示办法》第二十六条): an approved accountability record suspends or revokes the
// officer's enforcement certificates, inside the approval's transaction, each change audited on the officer as
// a manual one is. A revoked certificate stays revoked (revocation is final); the guard (mayInspect) then refuses
// him on every inspection and on-site plan. The caller has already checked the actor may approve the record.
export const applyCertificateSanction = async (
  tx: Tx,
  ctx: AppContext,
  actor: Actor,
  officerId: string,
  effect: 'suspended' | 'revoked',
  reason: string,
): Promise<{ changed: string[] }> => {
  const row = await findOfficerWithOrganisation(tx, officerId);
  if (!row) throw notFound('执法人员');
  const changed: string[] = [];
  for (const cert of await findCertificatesOfOfficer(tx, officerId)) {
    if (cert.status === 'revoked' || cert.status === effect) continue;
    await updateCertificate(tx, cert.id, { status: effect, statusReason: reason });
    await auditOfficer(tx, ctx, actor, 'officer.certificate_status.changed', row.officer, {
      certificate: cert.number,
      from: cert.status,
      to: effect,
      reason,
    });
    changed.push(cert.number);
  }
  return { changed };
};
