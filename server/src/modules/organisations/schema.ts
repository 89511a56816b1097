import {
  boolean,
  date,
  index,
  jsonb,
  pgTable,
  text,
  timestamp,
  uuid,
  type AnyPgColumn,
} from 'drizzle-orm/pg-core';
import { ZOrganisationKindSchema, type OrganisationKind } from '@inspecta/domain';
import { oneOf } from '../../platform/db/one-of.ts';
import { departmentTypes } from './model.ts';

export type DepartmentType = keyof typeof departmentTypes;
export const DEPARTMENT_TYPES = Object.keys(departmentTypes) as DepartmentType[];

export const organisations = pgTable(
  'organisations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    name: text('name').notNull(),
    kind: text('kind').$type<OrganisationKind>().notNull(),
    territory: text('territory').notNull(),
    parentId: uuid('parent_id').references((): AnyPgColumn => organisations.id),
    hasLegalStanding: boolean('has_legal_standing').notNull(),
    active: boolean('active').notNull().default(true),
    departmentType: text('department_type'),
    entrustmentScope: jsonb('entrustment_scope').$type<string[]>(),
    entrustmentValidFrom: date('entrustment_valid_from', { mode: 'string' }),
    entrustmentValidTo: date('entrustment_valid_to', { mode: 'string' }),
    entrustingOrganisationId: uuid('entrusting_organisation_id').references(
      (): AnyPgColumn => organisations.id,
    ),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  },
  (table) => [
    index('organisations_territory_idx').on(table.territory),
    oneOf('organisations_kind_check', table.kind, ZOrganisationKindSchema.options),
    oneOf('organisations_department_type_check', table.departmentType, DEPARTMENT_TYPES),
  ],
);
