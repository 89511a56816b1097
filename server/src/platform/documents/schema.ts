import { integer, pgTable, primaryKey, text, uuid } from 'drizzle-orm/pg-core';
import { NUMBERED_DOCUMENT_TYPES, type NumberedDocumentType } from '@inspecta/domain';
import { oneOf } from '../db/one-of.ts';
import { organisations } from '../../modules/organisations/schema.ts';

// measure 8 (documents): gapless numbers per bureau, document type and year, allocated inside the issuing
// transaction: a rolled-back issue gives its number back, a committed one is never reused.
export const documentCounters = pgTable(
  'document_counters',
  {
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id),
    type: text('type').$type<NumberedDocumentType>().notNull(),
    year: integer('year').notNull(),
    last: integer('last').notNull(),
  },
  (table) => [
    primaryKey({ columns: [table.organisationId, table.type, table.year] }),
    oneOf('document_counters_type_check', table.type, NUMBERED_DOCUMENT_TYPES),
  ],
);
