import { randomUUID } from 'node:crypto';
import { asc, desc, gt, sql } from 'drizzle-orm';
import type { Db, Tx } from '../db/client.ts';
import { auditEvents } from './schema.ts';
import { eventHash, genesisHash } from './canonical.ts';

export type AuditAction =
  | 'auth.login'
  | 'auth.logout'
  | 'auth.lockout'
  | 'enterprise.create'
  | 'enterprise.update'
  | 'enterprise.import'
  | 'organisation.create'
  | 'organisation.update'
  | 'officer.create'
  | 'officer.update'
  | 'officer.remove'
  | 'certificate.add'
  | 'certificate.status'
  | 'grading.change'
  | 'grading.regrade'
  | 'fact.record'
  | 'fact.retract'
  | 'guide_list.generate'
  | 'guide_list.entry_add'
  | 'guide_list.entry_remove'
  | 'guide_list.approve'
  | 'guide_list.publish'
  | 'plan.annual.computed'
  | 'plan.annual.submitted'
  | 'plan.annual.returned'
  | 'plan.annual.approved'
  | 'plan.annual.filed'
  | 'plan.annual.published'
  | 'plan.annual.adjusted'
  | 'plan.annual.superseded'
  | 'plan.monthly.created'
  | 'plan.monthly.submitted'
  | 'plan.monthly.returned'
  | 'plan.monthly.filed'
  | 'plan.monthly.adjusted'
  | 'plan.monthly.superseded'
  | 'notification.remind'
  | 'draw.freeze'
  | 'draw.perform'
  | 'draw.cancellation_request'
  | 'draw.cancellation_decide'
  | 'draw.recusal'
  | 'draw.results_publish'
  | 'conflict.declare'
  | 'inspection.create'
  | 'inspection.complete'
  | 'inspection.merge'
  | 'inspection.merge_decline'
  | 'inspection.plan_draft'
  | 'inspection.plan_submit'
  | 'inspection.plan_approve'
  | 'inspection.plan_reject'
  | 'inspection.notify'
  | 'inspection.check_in'
  | 'inspection.remote_check'
  | 'inspection.entry'
  | 'inspection.finding'
  | 'inspection.evidence'
  | 'inspection.emergency_measure'
  | 'inspection.acknowledge'
  | 'inspection.conclude'
  | 'inspection.close'
  | 'inspection.rating'
  | 'rectification.issue'
  | 'rectification.proof'
  | 'rectification.review'
  | 'rectification.escalate'
  | 'rectification.close_without'
  | 'document.issue'
  | 'demo.seed';

export type AuditActor = { id: string | null; displayName: string };

export type AuditEventInput = {
  actor: AuditActor;
  action: AuditAction;
  entityType: string;
  entityId: string;
  territory: string;
  payload: unknown;
  at?: Date;
};

// Serialises writers of the chain; held until the surrounding transaction ends.
const chainLockKey = 7_391_001;

// Must be called inside the transaction that makes the change it records.
export const appendAuditEvent = async (tx: Tx, input: AuditEventInput): Promise<void> => {
  await tx.execute(sql`select pg_advisory_xact_lock(${chainLockKey})`);
  const [last] = await tx
    .select({ seq: auditEvents.seq, hash: auditEvents.hash })
    .from(auditEvents)
    .orderBy(desc(auditEvents.seq))
    .limit(1);
  const fields = {
    seq: (last?.seq ?? 0) + 1,
    id: randomUUID(),
    at: input.at ?? new Date(),
    actorId: input.actor.id,
    actorName: input.actor.displayName,
    action: input.action,
    entityType: input.entityType,
    entityId: input.entityId,
    territory: input.territory,
    payload: input.payload ?? null,
  };
  const prevHash = last?.hash ?? genesisHash;
  await tx.insert(auditEvents).values({ ...fields, prevHash, hash: eventHash(prevHash, fields) });
};

export type ChainVerdict =
  | { intact: true; count: number }
  | { intact: false; count: number; firstBroken: { seq: number; id: string | null; reason: string } };

// Walks the whole chain in seq order, in pages, recomputing every hash.
export const verifyAuditChain = async (db: Db, batchSize = 2000): Promise<ChainVerdict> => {
  let prevHash = genesisHash;
  let expectedSeq = 1;
  for (;;) {
    const rows = await db
      .select()
      .from(auditEvents)
      .where(gt(auditEvents.seq, expectedSeq - 1))
      .orderBy(asc(auditEvents.seq))
      .limit(batchSize);
    for (const row of rows) {
      const broken = (reason: string): ChainVerdict => ({
        intact: false,
        count: expectedSeq - 1,
        firstBroken: { seq: expectedSeq, id: row.seq === expectedSeq ? row.id : null, reason },
      });
      if (row.seq !== expectedSeq) return broken(`缺少第 ${expectedSeq} 条事件（可能被删除）`);
      if (row.prevHash !== prevHash) return broken('前序哈希与上一条事件不符');
      if (eventHash(prevHash, row) !== row.hash) return broken('事件内容与其哈希不符（内容被修改）');
      prevHash = row.hash;
      expectedSeq += 1;
    }
    if (rows.length < batchSize) return { intact: true, count: expectedSeq - 1 };
  }
};
