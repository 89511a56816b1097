import { sql } from 'drizzle-orm';
import {
  bigint,
  check,
  index,
  jsonb,
  pgSequence,
  pgTable,
  text,
  timestamp,
  unique,
  uuid,
} from 'drizzle-orm/pg-core';
import { users } from '../auth/schema.ts';

// Orders events across chains for display; may have gaps (a rolled-back transaction spends a number).
export const auditEventSeq = pgSequence('audit_event_seq');

// Append-only, hash-chained, one chain per bureau (`chain` is the event's territory). Sequence first, chain
// after: a write inserts its event with `seq` and no link (chain_seq, prev_hash and hash null) and takes no
// lock; the chainer then sets the link of each committed event, in `seq` order, once and for all. Within a
// chain `chain_seq` is gapless, so a deleted event is as visible to verification as an edited one. The events
// written before chains were per bureau form the chain `global` and keep their hashes.
export const auditEvents = pgTable(
  'audit_events',
  {
    seq: bigint('seq', { mode: 'number' }).primaryKey(),
    id: uuid('id').notNull().unique(),
    at: timestamp('at', { withTimezone: true, mode: 'date' }).notNull(),
    // a user (what the system does is done by the system user, platform/auth/system-user.ts); null for an
    // anonymous actor such as an enterprise checking in by QR code. Users are deactivated, never deleted.
    actorId: uuid('actor_id').references(() => users.id),
    actorName: text('actor_name').notNull(),
    action: text('action').notNull(),
    entityType: text('entity_type').notNull(),
    entityId: text('entity_id').notNull(),
    territory: text('territory').notNull(),
    payload: jsonb('payload').notNull(),
    chain: text('chain').notNull(),
    // null until the chainer links the event (all three together)
    chainSeq: bigint('chain_seq', { mode: 'number' }),
    prevHash: text('prev_hash'),
    hash: text('hash'),
  },
  (table) => [
    index('audit_events_unchained_idx')
      .on(table.seq)
      .where(sql`${table.chainSeq} is null`),
    check(
      'audit_events_link_check',
      sql`(${table.chainSeq} is null and ${table.prevHash} is null and ${table.hash} is null) or (${table.chainSeq} is not null and ${table.prevHash} is not null and ${table.hash} is not null)`,
    ),
    index('audit_events_entity_idx').on(table.entityType, table.entityId),
    index('audit_events_territory_idx').on(table.territory, table.seq),
    unique('audit_events_chain_seq_key').on(table.chain, table.chainSeq),
  ],
);

// The last chained event of each chain: the chainer continues from it, and it lets verification see a deleted
// last event.
export const auditChainHeads = pgTable('audit_chain_heads', {
  chain: text('chain').primaryKey(),
  seq: bigint('seq', { mode: 'number' }).notNull(),
  // the last event's prev_hash and hash: the append computes the next hash in the same upsert
  prevHash: text('prev_hash').notNull(),
  hash: text('hash').notNull(),
});
