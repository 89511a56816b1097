import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  discard,
  drizzleFolder,
  migrateFrom,
  migrationsUpTo,
  openEmptyDatabase,
  tableCounts,
  type Opened,
} from '../../../test/empty-database.ts';
import { serveDatabase } from '../../../test/helpers.ts';
import { verifyAuditChain } from '../audit/service.ts';

// Issue 18 item 8: a database made by the previous release, with data in it, upgrades to this release. The fixture
// is what that release's server wrote: its migrations (through RELEASE.lastMigration) and, as pg_dump
// --data-only --inserts printed it, the demo data and the demo story its server seeded on 2026-11-26. Nothing of
// today's code writes the old data, so the test cannot bend it to today's schema.
const RELEASE = {
  commit: '75723ba',
  lastMigration: '0062_accountability',
  data: path.resolve(
    path.dirname(fileURLToPath(import.meta.url)),
    '../../../test/fixtures/release-75723ba-demo.sql.gz',
  ),
};
const now = new Date('2026-11-26T02:00:00Z');

describe(`a database of the previous release (${RELEASE.commit}) with its data`, () => {
  let opened: Opened;
  let migrations: string;
  let before: Record<string, number>;
  let chainBefore: Awaited<ReturnType<typeof verifyAuditChain>>;

  beforeAll(async () => {
    opened = await openEmptyDatabase();
    migrations = migrationsUpTo(RELEASE.lastMigration, { including: true });
    await migrateFrom(opened.database, migrations);
    // the dump holds every row, those the migrations wrote too (the system user): the tables are emptied first
    const tables = Object.keys(await tableCounts(opened.database));
    await opened.database.execScript(`truncate ${tables.map((table) => `"${table}"`).join(', ')} cascade`);
    await opened.database.execScript(gunzipSync(fs.readFileSync(RELEASE.data)).toString('utf8'));
    // the old server chained its events a second after it wrote them (0011): the last ones are chained here first
    chainBefore = await verifyAuditChain(opened.database.db);
    before = await tableCounts(opened.database);
    await migrateFrom(opened.database, drizzleFolder);
  }, 180_000);

  afterAll(() => discard(opened, migrations));

  it('keeps every row of every table, and the audit chains intact', async () => {
    expect(before.enterprises).toBeGreaterThan(0);
    expect(before.inspections).toBeGreaterThan(0);
    expect(chainBefore).toMatchObject({ intact: true });
    const after = await tableCounts(opened.database);
    for (const [table, n] of Object.entries(before)) expect({ table, n: after[table] }).toEqual({ table, n });
    expect(await verifyAuditChain(opened.database.db)).toMatchObject({
      intact: true,
      count: chainBefore.count,
    });
  });

  it('gives the old enterprises their character pairs (migration 0065), so a two-character search finds them', async () => {
    const counts = (await opened.database.db.execute(
      sql`select count(*) filter (where inspecta_bigrams(search_text) @> inspecta_bigrams(lower('五金')))::int as pairs,
                 count(*) filter (where search_text like '%五金%')::int as liked
          from enterprises`,
    )) as unknown as { rows: { pairs: number; liked: number }[] };
    expect(counts.rows[0]!.liked).toBeGreaterThan(0);
    expect(counts.rows[0]!.pairs).toBe(counts.rows[0]!.liked);
  });

  it('serves the old data once upgraded: an officer signs in and reads his inspections and enterprises', async () => {
    const { app, login } = await serveDatabase(opened.database, now);
    try {
      const cookie = await login('pengjiang.inspector');
      const inspections = await app.inject({ url: '/api/v1/inspections?pageSize=5', headers: { cookie } });
      expect(inspections.statusCode).toBe(200);
      expect((inspections.json() as { total: number }).total).toBeGreaterThan(0);
      const search = await app.inject({
        url: `/api/v1/enterprises?q=${encodeURIComponent('五金')}`,
        headers: { cookie },
      });
      expect((search.json() as { total: number }).total).toBeGreaterThan(0);
    } finally {
      await app.close();
    }
  });
});
