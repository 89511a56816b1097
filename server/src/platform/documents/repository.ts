import { sql } from 'drizzle-orm';
import type { NumberedDocumentType } from '@inspecta/domain';
import type { Tx } from '../db/client.ts';
import { documentCounters } from './schema.ts';

// The next number of the bureau's documents of the type in the year: one upsert-and-increment, whose row lock
// holds until the transaction ends (so numbers are gapless and never used twice).
export const nextDocumentSequence = async (
  tx: Tx,
  key: { organisationId: string; type: NumberedDocumentType; year: number },
): Promise<number> => {
  const [counter] = await tx
    .insert(documentCounters)
    .values({ ...key, last: 1 })
    .onConflictDoUpdate({
      target: [documentCounters.organisationId, documentCounters.type, documentCounters.year],
      set: { last: sql`${documentCounters.last} + 1` },
    })
    .returning({ last: documentCounters.last });
  return counter!.last;
};
