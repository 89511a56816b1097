import { and, asc, desc, eq, inArray, isNull, sql, type SQL } from 'drizzle-orm';
import type { Db, Tx } from '../../../platform/db/client.ts';
import { certificates } from '../../officers/schema.ts';
import { signingKeys, visitRatings } from '../schema.ts';

// The bureaus' signing keys for check-in codes, the certificates a scan shows, and the visits' ratings.

export type SigningKeyRow = typeof signingKeys.$inferSelect;

// The newest key of the organisation (or of no organisation) not retired.
export const findActiveSigningKey = async (
  db: Db | Tx,
  organisationId: string | null,
): Promise<SigningKeyRow | undefined> => {
  const [existing] = await db
    .select()
    .from(signingKeys)
    .where(
      and(
        organisationId ? eq(signingKeys.organisationId, organisationId) : isNull(signingKeys.organisationId),
        isNull(signingKeys.retiredAt),
      ),
    )
    .orderBy(desc(signingKeys.createdAt))
    .limit(1);
  return existing;
};

export const insertSigningKey = async (
  db: Db | Tx,
  values: typeof signingKeys.$inferInsert,
): Promise<SigningKeyRow> => {
  const [row] = await db.insert(signingKeys).values(values).returning();
  return row!;
};

export const findSigningKey = async (db: Db | Tx, id: string): Promise<SigningKeyRow | undefined> => {
  const [key] = await db.select().from(signingKeys).where(eq(signingKeys.id, id));
  return key;
};

export const listPublicSigningKeys = (db: Db | Tx) =>
  db
    .select({
      id: signingKeys.id,
      publicKey: signingKeys.publicKey,
      createdAt: signingKeys.createdAt,
      retiredAt: signingKeys.retiredAt,
      organisationId: signingKeys.organisationId,
    })
    .from(signingKeys)
    .orderBy(asc(signingKeys.createdAt));

export const findCertificatesByNumbers = (db: Db | Tx, numbers: string[]) =>
  db.select().from(certificates).where(inArray(certificates.number, numbers));

export const isVisitRated = async (db: Db | Tx, inspectionId: string): Promise<boolean> =>
  (
    await db
      .select({ id: visitRatings.id })
      .from(visitRatings)
      .where(eq(visitRatings.inspectionId, inspectionId))
  ).length > 0;

// Once per visit: answers the new rating's id, or null when the visit was rated already.
export const insertRatingOnce = async (
  db: Db | Tx,
  values: typeof visitRatings.$inferInsert,
): Promise<string | null> => {
  const inserted = await db
    .insert(visitRatings)
    .values(values)
    .onConflictDoNothing()
    .returning({ id: visitRatings.id });
  return inserted[0]?.id ?? null;
};

// Ratings in the territory as statistics by unit and by officer, and the comments by month, never by visit.
export const ratingStatisticsIn = async (db: Db | Tx, scope: SQL) => {
  const byUnit = await db
    .select({
      organisationName: visitRatings.organisationName,
      ratings: sql<number>`count(*)::int`,
      average: sql<number>`round(avg(${visitRatings.score}), 2)::float`,
    })
    .from(visitRatings)
    .where(scope)
    .groupBy(visitRatings.organisationName)
    .orderBy(asc(visitRatings.organisationName));
  const byOfficer = await db.execute(sql`
    select c.certificate, count(*)::int as ratings, round(avg(${visitRatings.score}), 2)::float as average
    from ${visitRatings}, jsonb_array_elements_text(${visitRatings.officerCertificates}) as c(certificate)
    where ${scope} group by c.certificate order by c.certificate`);
  const comments = await db
    .select({ month: visitRatings.month, score: visitRatings.score, comment: visitRatings.comment })
    .from(visitRatings)
    .where(and(scope, sql`${visitRatings.comment} is not null`))
    .orderBy(asc(visitRatings.month));
  return {
    byUnit,
    byOfficer: (byOfficer as unknown as { rows: { certificate: string; ratings: number; average: number }[] })
      .rows,
    comments,
  };
};
