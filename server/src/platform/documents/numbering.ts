import { formatDocumentNumber, type NumberedDocumentType } from '@inspecta/domain';
import type { Tx } from '../db/client.ts';
import { shanghaiDate } from '../http/dates.ts';
import { nextDocumentSequence } from './repository.ts';

// Issue 5 item 8: a standard document gets the next number for its bureau, type and year, allocated in the
// caller's transaction by one upsert-and-increment on document_counters. The counter row stays locked until the
// transaction ends, so concurrent issues queue and get distinct numbers, and a transaction that rolls back gives
// its number back: the numbers that exist are 1…n with no gap, and none is ever used twice.

export type AllocatedNumber = { year: number; sequence: number; number: string };

export const allocateDocumentNumber = async (
  tx: Tx,
  options: {
    bureau: { id: string; territory: string };
    type: NumberedDocumentType;
    // the request's clock: the number's year
    at: Date;
  },
): Promise<AllocatedNumber> => {
  const year = Number(shanghaiDate(options.at).slice(0, 4));
  const sequence = await nextDocumentSequence(tx, {
    organisationId: options.bureau.id,
    type: options.type,
    year,
  });
  const number = formatDocumentNumber({
    territory: options.bureau.territory,
    type: options.type,
    year,
    sequence,
  });
  return { year, sequence, number };
};
