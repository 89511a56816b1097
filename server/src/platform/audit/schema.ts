import {
  bigint,
  index,
  jsonb,
  pgSequence,
  pgTable,
  text,
  timestamp,
  unique,
  uuid,
} from 'drizzle-orm/pg-core';

// Orders events across chains for display; may have gaps (a rolled-back transaction spends a number).
export const auditEventSeq = pgSequence('audit_event_seq');

// Append-only, hash-chained, one chain per bureau (`chain` is the event's territory), so audited writes of
// different bureaus never wait for each other. Within a chain `chain_seq` is gapless (allocated on the chain's
// head row, under its row lock), so a deleted event is as visible to verification as an edited one. The events
// written before chains were per bureau form the chain `global` and keep their hashes.
export const auditEvents = pgTable(
  'audit_events',
  {
    seq: bigint('seq', { mode: 'number' }).primaryKey(),
    id: uuid('id').notNull().unique(),
    at: timestamp('at', { withTimezone: true, mode: 'date' }).notNull(),
    // no foreign key: the id is hashed into the chain as it was when the event was written (the demo's system
    // actor has a placeholder id), and the chain must verify whatever happens to the users table
    actorId: uuid('actor_id'),
    actorName: text('actor_name').notNull(),
    action: text('action').notNull(),
    entityType: text('entity_type').notNull(),
    entityId: text('entity_id').notNull(),
    territory: text('territory').notNull(),
    payload: jsonb('payload').notNull(),
    chain: text('chain').notNull(),
    chainSeq: bigint('chain_seq', { mode: 'number' }).notNull(),
    prevHash: text('prev_hash').notNull(),
    hash: text('hash').notNull(),
  },
  (table) => [
    index('audit_events_entity_idx').on(table.entityType, table.entityId),
    index('audit_events_territory_idx').on(table.territory, table.seq),
    unique('audit_events_chain_seq_key').on(table.chain, table.chainSeq),
  ],
);

// The last event of each chain: its row lock serialises the writers of one chain only, and it lets
// verification see a deleted last event.
export const auditChainHeads = pgTable('audit_chain_heads', {
  chain: text('chain').primaryKey(),
  seq: bigint('seq', { mode: 'number' }).notNull(),
  // the last event's prev_hash and hash: the append computes the next hash in the same upsert
  prevHash: text('prev_hash').notNull(),
  hash: text('hash').notNull(),
});
