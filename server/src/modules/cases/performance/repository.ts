import { and, asc, eq, gt, isNotNull, type SQL } from 'drizzle-orm';
import type { Db, Tx } from '../../../platform/db/client.ts';
import { penaltyCases } from '../schema.ts';
import { caseFineArrangements, caseFineEnforcement, caseFinePayments, caseFineReminders } from './schema.ts';

// issue 15 item 3 after service: the SQL of a fine's performance.

export type FinePaymentRow = typeof caseFinePayments.$inferSelect;
export type FineArrangementRow = typeof caseFineArrangements.$inferSelect;
export type FineEnforcementRow = typeof caseFineEnforcement.$inferSelect;
export type FineReminderRow = typeof caseFineReminders.$inferSelect;

export const findPaymentsOf = (db: Db | Tx, caseId: string): Promise<FinePaymentRow[]> =>
  db
    .select()
    .from(caseFinePayments)
    .where(eq(caseFinePayments.caseId, caseId))
    .orderBy(asc(caseFinePayments.paidOn), asc(caseFinePayments.createdAt));

export const insertPayment = async (tx: Tx, values: typeof caseFinePayments.$inferInsert) =>
  (await tx.insert(caseFinePayments).values(values).returning())[0]!;

export const findArrangementsOf = (db: Db | Tx, caseId: string): Promise<FineArrangementRow[]> =>
  db
    .select()
    .from(caseFineArrangements)
    .where(eq(caseFineArrangements.caseId, caseId))
    .orderBy(asc(caseFineArrangements.createdAt));

export const insertArrangement = async (tx: Tx, values: typeof caseFineArrangements.$inferInsert) =>
  (await tx.insert(caseFineArrangements).values(values).returning())[0]!;

export const updateArrangement = (
  tx: Tx,
  id: string,
  set: Partial<typeof caseFineArrangements.$inferInsert>,
) => tx.update(caseFineArrangements).set(set).where(eq(caseFineArrangements.id, id));

export const findEnforcementOf = async (db: Db | Tx, caseId: string) =>
  (await db.select().from(caseFineEnforcement).where(eq(caseFineEnforcement.caseId, caseId)))[0];

// the 催告 served, the first first
export const findRemindersOf = (db: Db | Tx, caseId: string): Promise<FineReminderRow[]> =>
  db
    .select()
    .from(caseFineReminders)
    .where(eq(caseFineReminders.caseId, caseId))
    .orderBy(asc(caseFineReminders.servedOn), asc(caseFineReminders.createdAt));

export const insertReminder = async (tx: Tx, values: typeof caseFineReminders.$inferInsert) =>
  (await tx.insert(caseFineReminders).values(values).returning())[0]!;

// the court application, on the case's one row
export const saveEnforcement = (
  tx: Tx,
  values: Pick<typeof caseFineEnforcement.$inferInsert, 'caseId' | 'territory' | 'updatedAt'>,
  set: Partial<typeof caseFineEnforcement.$inferInsert>,
) =>
  tx
    .insert(caseFineEnforcement)
    .values({ ...values, ...set, createdAt: values.updatedAt })
    .onConflictDoUpdate({ target: caseFineEnforcement.caseId, set: { ...set, updatedAt: values.updatedAt } });

// the scope's cases served with a fine and not yet closed (the workbench's payment warnings)
export const servedFineCases = (db: Db | Tx, scope: SQL | undefined) =>
  db
    .select()
    .from(penaltyCases)
    .where(
      and(
        scope,
        eq(penaltyCases.status, 'served'),
        isNotNull(penaltyCases.servedOn),
        gt(penaltyCases.decisionAmountFen, 0),
      ),
    )
    .orderBy(asc(penaltyCases.servedOn), asc(penaltyCases.id));
