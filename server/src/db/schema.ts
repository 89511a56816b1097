// Every table of every capability, for Drizzle and drizzle-kit.
export * from '../audit/schema.ts';
export * from '../auth/schema.ts';
export * from '../organisations/schema.ts';
export * from '../officers/schema.ts';
export * from '../enterprises/schema.ts';
export * from '../grading/schema.ts';
export * from '../guide-lists/schema.ts';
export * from '../plans/schema.ts';
export * from '../notifications/schema.ts';
export * from '../draws/schema.ts';
export * from '../inspections/schema.ts';
export * from '../onsite/schema.ts';
