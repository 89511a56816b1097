import type { MonitoringLeadRecord } from '@inspecta/domain';
import type { AuditActor } from '../../platform/audit/service.ts';
import { appendAuditEvent } from '../../platform/audit/service.ts';
import type { Tx } from '../../platform/db/client.ts';
import type { AppContext } from '../../platform/http/context.ts';
import { regradeEnterprise } from './grade-store.ts';
import { insertFact, retractFactRow, type FactInsert } from './repository.ts';

// Issue 16 item 3 (measures 3, 20): facts the platform records itself in the caller's transaction, and their
// retraction, each audited and followed by the enterprise's regrade, as a fact an officer records is.

// A fact the platform records, audited, and the enterprise regraded, in the caller's transaction.
const recordSystemFact = async (
  tx: Tx,
  ctx: AppContext,
  options: {
    enterpriseId: string;
    territory: string;
    kind: FactInsert['kind'];
    data: FactInsert['data'];
    recordedById: string | null;
    actor: AuditActor;
  },
): Promise<{ factId: string }> => {
  const now = ctx.clock.now();
  const fact = await insertFact(tx, {
    enterpriseId: options.enterpriseId,
    territory: options.territory,
    kind: options.kind,
    data: options.data,
    recordedAt: now,
    recordedById: options.recordedById,
    recordedByName: options.actor.displayName,
  });
  await appendAuditEvent(tx, {
    actor: options.actor,
    action: 'enterprise.fact.recorded',
    entityType: 'enterprise',
    entityId: options.enterpriseId,
    territory: options.territory,
    payload: { factId: fact.id, kind: options.kind, data: options.data },
    at: now,
  });
  await regradeEnterprise(tx, ctx, {
    enterpriseId: options.enterpriseId,
    trigger: 'fact',
    actor: options.actor,
  });
  return { factId: fact.id };
};

export const recordMonitoringLead = (
  tx: Tx,
  ctx: AppContext,
  options: { enterpriseId: string; territory: string; lead: MonitoringLeadRecord; actor: AuditActor },
): Promise<{ factId: string }> =>
  recordSystemFact(tx, ctx, {
    enterpriseId: options.enterpriseId,
    territory: options.territory,
    kind: 'monitoring_lead',
    data: options.lead,
    recordedById: null,
    actor: options.actor,
  });

export const retractMonitoringLead = async (
  tx: Tx,
  ctx: AppContext,
  options: { factId: string; enterpriseId: string; territory: string; reason: string; actor: AuditActor },
): Promise<void> => {
  const now = ctx.clock.now();
  await retractFactRow(tx, options.factId, { retractedAt: now, retractionReason: options.reason });
  await appendAuditEvent(tx, {
    actor: options.actor,
    action: 'enterprise.fact.retracted',
    entityType: 'enterprise',
    entityId: options.enterpriseId,
    territory: options.territory,
    payload: { factId: options.factId, kind: 'monitoring_lead', reason: options.reason },
    at: now,
  });
  await regradeEnterprise(tx, ctx, {
    enterpriseId: options.enterpriseId,
    trigger: 'fact',
    actor: options.actor,
  });
};

// Issue 17 item 2 (安委〔2024〕7号): the enterprise's internal reporting-reward mechanism, registered by an officer in
// the reports module's transaction, becomes a fact of the grading and the enterprise is regraded at once.
export const recordInternalReportingMechanism = (
  tx: Tx,
  ctx: AppContext,
  options: {
    enterpriseId: string;
    territory: string;
    mechanism: { establishedOn: string; systemId: string };
    actor: AuditActor;
  },
): Promise<{ factId: string }> =>
  recordSystemFact(tx, ctx, {
    enterpriseId: options.enterpriseId,
    territory: options.territory,
    kind: 'internal_reporting_mechanism',
    data: options.mechanism,
    recordedById: options.actor.id,
    actor: options.actor,
  });
