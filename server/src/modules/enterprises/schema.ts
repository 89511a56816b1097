import { sql } from 'drizzle-orm';
import {
  boolean,
  doublePrecision,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  uuid,
} from 'drizzle-orm/pg-core';
import { oneOf } from '../../platform/db/one-of.ts';

// the enterprise's size (the model's request shapes and names read it from here: model.ts imports the catalog,
// which the schema must not, or the schemas that reference enterprises would close an import cycle)
export const scales = ['large', 'medium', 'small', 'micro'] as const;

export const enterprises = pgTable(
  'enterprises',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    creditCode: text('credit_code').notNull().unique(),
    name: text('name').notNull(),
    address: text('address').notNull(),
    territory: text('territory').notNull(),
    industry: text('industry').notNull(),
    scale: text('scale').$type<(typeof scales)[number]>().notNull(),
    workforce: integer('workforce').notNull(),
    dustWorkers: integer('dust_workers').notNull().default(0),
    usesLiquidAmmonia: boolean('uses_liquid_ammonia').notNull().default(false),
    hasDeepWellCasting: boolean('has_deep_well_casting').notNull().default(false),
    isKey: boolean('is_key').notNull().default(false),
    keyReasons: jsonb('key_reasons').$type<{ code: string; name: string }[]>().notNull().default([]),
    legalRepresentative: text('legal_representative').notNull().default(''),
    contactPhone: text('contact_phone').notNull().default(''),
    // where the enterprise is (WGS 84), to place it on the territory's map (issue 16 item 7); unknown for most
    latitude: doublePrecision('latitude'),
    longitude: doublePrecision('longitude'),
    // One trigram index serves substring search over name, address and credit code. Lower-cased once
    // here, so a search is a plain LIKE (cheaper than ILIKE, which lower-cases every row it reads).
    searchText: text('search_text')
      .notNull()
      .generatedAlwaysAs(sql`lower(name || ' ' || address || ' ' || credit_code)`),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  },
  (table) => [
    index('enterprises_search_trgm_idx').using('gin', sql`${table.searchText} gin_trgm_ops`),
    // two-character fragments: the pairs of the search text (migration 0065)
    index('enterprises_search_bigrams_idx').using('gin', sql`inspecta_bigrams(${table.searchText})`),
    index('enterprises_territory_name_idx').on(table.territory, table.name),
    index('enterprises_name_idx').on(table.name, table.id),
    index('enterprises_industry_idx').on(table.industry),
    oneOf('enterprises_scale_check', table.scale, scales),
  ],
);
