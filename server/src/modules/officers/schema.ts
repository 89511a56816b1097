import { boolean, date, index, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { ZCertificateSchema, type Certificate } from '@inspecta/domain';
import { oneOf } from '../../platform/db/one-of.ts';
import { organisations } from '../organisations/schema.ts';

export const officers = pgTable(
  'officers',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    name: text('name').notNull(),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id),
    territory: text('territory').notNull(),
    position: text('position').notNull().default(''),
    qualifications: jsonb('qualifications').$type<string[]>().notNull().default([]),
    onRoster: boolean('on_roster').notNull().default(true),
    removedOn: date('removed_on', { mode: 'string' }),
    removalReason: text('removal_reason'),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  },
  (table) => [index('officers_territory_idx').on(table.territory)],
);

export const certificates = pgTable(
  'certificates',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    officerId: uuid('officer_id')
      .notNull()
      .references(() => officers.id),
    number: text('number').notNull().unique(),
    issuingAuthority: text('issuing_authority').notNull(),
    validFrom: date('valid_from', { mode: 'string' }).notNull(),
    validTo: date('valid_to', { mode: 'string' }).notNull(),
    status: text('status').$type<Certificate['status']>().notNull().default('valid'),
    statusReason: text('status_reason'),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  },
  (table) => [
    index('certificates_officer_idx').on(table.officerId),
    oneOf('certificates_status_check', table.status, ZCertificateSchema.shape.status.options),
  ],
);
