import { and, asc, eq, sql } from 'drizzle-orm';
import type { TierEdit } from '@inspecta/domain';
import type { Db, Tx } from '../../../platform/db/client.ts';
import { discretionTierEdits } from './schema.ts';

// All SQL of the tier edits: rows are inserted and read, never updated or deleted.
export type TierEditRow = typeof discretionTierEdits.$inferSelect;

export const toTierEdit = (row: TierEditRow): TierEdit => ({
  id: row.id,
  violationCode: row.violationCode,
  tier: row.tier,
  band:
    row.fromPercent === null || row.toPercent === null || row.pointPercent === null
      ? null
      : { fromPercent: row.fromPercent, toPercent: row.toPercent, pointPercent: row.pointPercent },
  mitigatedPercentOfMinimum: row.mitigatedPercentOfMinimum,
  conditions: row.conditions,
  source: row.source,
  verified: row.verified,
  effective: row.effective,
  editorName: row.editorName,
  reason: row.reason,
  createdAt: row.createdAt.toISOString(),
  sequence: row.sequence,
});

// One city's edits of one violation, in the order they were recorded.
export const tierEditRowsOf = (db: Db | Tx, territory: string, violationCode: string) =>
  db
    .select()
    .from(discretionTierEdits)
    .where(
      and(eq(discretionTierEdits.territory, territory), eq(discretionTierEdits.violationCode, violationCode)),
    )
    .orderBy(asc(discretionTierEdits.sequence), asc(discretionTierEdits.tier));

// Every edit of a city, for the catalogue page's marks.
export const tierEditRowsOfCity = (db: Db | Tx, territory: string) =>
  db
    .select()
    .from(discretionTierEdits)
    .where(eq(discretionTierEdits.territory, territory))
    .orderBy(asc(discretionTierEdits.sequence), asc(discretionTierEdits.tier));

// Two reviewers editing the same violation at once are taken one after the other, each checked against the other.
export const lockViolationTiers = async (tx: Tx, territory: string, violationCode: string) => {
  await tx.execute(
    sql`select pg_advisory_xact_lock(hashtext(${`discretion_tiers:${territory}:${violationCode}`}))`,
  );
};

export const insertTierEdits = (tx: Tx, rows: (typeof discretionTierEdits.$inferInsert)[]) =>
  tx.insert(discretionTierEdits).values(rows).returning();
