import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { drizzle } from 'drizzle-orm/pglite';
import { migrate } from 'drizzle-orm/pglite/migrator';
import { sql } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { genesisHash, legacyEventHash } from './canonical.ts';
import { appendAuditEvent, verifyAuditChain } from './service.ts';

const migrationsFolder = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../drizzle');
const chainMigration = '0009_audit-chain-per-bureau';

// The migrations as they were before the per-bureau chain: the same files, the journal cut before it.
const migrationsBefore = (): string => {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'inspecta-migrations-'));
  fs.cpSync(migrationsFolder, folder, { recursive: true });
  const journalPath = path.join(folder, 'meta/_journal.json');
  const journal = JSON.parse(fs.readFileSync(journalPath, 'utf8')) as { entries: { tag: string }[] };
  const cut = journal.entries.findIndex((entry) => entry.tag === chainMigration);
  journal.entries = journal.entries.slice(0, cut);
  fs.writeFileSync(journalPath, JSON.stringify(journal));
  return folder;
};

describe('the audit chain written under the global lock', () => {
  const folders: string[] = [];
  afterAll(() => folders.forEach((folder) => fs.rmSync(folder, { recursive: true, force: true })));

  it('stays valid after the upgrade to one chain per bureau, and new events chain per bureau beside it', async () => {
    const client = await PGlite.create({ extensions: { pg_trgm } });
    const db = drizzle(client) as unknown as Db;
    try {
      const before = migrationsBefore();
      folders.push(before);
      await migrate(drizzle(client), { migrationsFolder: before });
      // three events exactly as the old appendAuditEvent wrote them: gapless seq, one chain, the first hash form
      let prevHash = genesisHash;
      for (const [seq, territory] of [
        [1, '440700'],
        [2, '440703'],
        [3, '440704'],
      ] as const) {
        const event = {
          seq,
          id: randomUUID(),
          at: new Date(Date.UTC(2026, 0, seq)),
          actorId: null,
          actorName: '系统',
          action: 'enterprise.update',
          entityType: 'enterprise',
          entityId: randomUUID(),
          territory,
          payload: { changed: { contactPhone: { from: null, to: `0750-${seq}` } } },
        };
        const hash = legacyEventHash(prevHash, event);
        await db.execute(sql`insert into audit_events
          (seq, id, at, actor_id, actor_name, action, entity_type, entity_id, territory, payload, prev_hash, hash)
          values (${event.seq}, ${event.id}, ${event.at.toISOString()}, null, ${event.actorName}, ${event.action},
            ${event.entityType}, ${event.entityId}, ${event.territory}, ${JSON.stringify(event.payload)}::jsonb,
            ${prevHash}, ${hash})`);
        prevHash = hash;
      }

      await migrate(drizzle(client), { migrationsFolder });
      expect(await verifyAuditChain(db)).toEqual({ intact: true, count: 3, chains: 1, unchained: 0 });

      await db.transaction((tx) =>
        appendAuditEvent(tx, {
          actor: { id: null, displayName: '系统' },
          action: 'enterprise.updated',
          entityType: 'enterprise',
          entityId: randomUUID(),
          territory: '440703',
          payload: { changed: {} },
          at: new Date(Date.UTC(2026, 1, 1)),
        }),
      );
      expect(await verifyAuditChain(db)).toEqual({ intact: true, count: 4, chains: 2, unchained: 0 });
      const rows = await db.execute(sql`select seq, chain, chain_seq from audit_events order by seq`);
      expect((rows as unknown as { rows: unknown[] }).rows).toEqual([
        { seq: 1, chain: 'global', chain_seq: 1 },
        { seq: 2, chain: 'global', chain_seq: 2 },
        { seq: 3, chain: 'global', chain_seq: 3 },
        { seq: 4, chain: '440703', chain_seq: 1 },
      ]);

      // an old event edited after the upgrade is still found
      await db.execute(sql`update audit_events set actor_name = '他人' where seq = 2`);
      expect(await verifyAuditChain(db)).toMatchObject({
        intact: false,
        firstBroken: { seq: 2, chain: 'global' },
      });
    } finally {
      await client.close();
    }
  }, 180_000);
});
