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
import { seedDemoData } from '../../demo/seed.ts';
import { chainPendingEvents, verifyAuditChain } from '../audit/service.ts';
import { systemUserId } from '../auth/system-user.ts';
import type { AppContext } from '../http/context.ts';

// Issue 10 item 4: the integrity migration (0010) upgrades a database built by the migrations before it, with
// the demo data in it, and loses nothing: every table keeps its rows, and each inspection's one lifecycle
// column says what its two columns said before.

const UPGRADE = '0010_integrity';

const LATER_COLUMNS = [
  ['users', 'last_locked_at', 'timestamp with time zone'],
  ['findings', 'found_by', "text default 'inspection' not null"],
  ['rectification_orders', 'deadline_pending_years', "jsonb default '[]'::jsonb not null"],
  ['inspections', 'trigger_description', 'text'],
  ['inspections', 'trigger_approved_by_id', 'uuid'],
  ['inspections', 'trigger_approved_by_name', 'text'],
  ['inspections', 'trigger_approved_at', 'timestamp with time zone'],
  ['onsite_plans', 'drafted_by_id', 'uuid'],
  ['onsite_plans', 'urgent', 'jsonb'],
  ['rectification_orders', 'issued_by_id', 'uuid'],
  // 0055: where the enterprise is, for the territory map
  ['enterprises', 'latitude', 'double precision'],
  ['enterprises', 'longitude', 'double precision'],
] as const;

// Today's seed writes today's columns; while it runs, the old table takes them as the old server wrote them:
// `over_cap` as 0/1, and `status` beside `stage`, where a result recorded without the on-site steps left the
// stage at 'planned' (the disagreement this migration resolves).
// And since 0011 an event is written unlinked and chained afterwards; the old server linked it as it wrote it,
// so the seed's events are chained before the old NOT NULLs come back.
const SHIM = [
  `alter table audit_events alter column chain_seq drop not null`,
  `alter table audit_events alter column prev_hash drop not null`,
  `alter table audit_events alter column hash drop not null`,
  // a column a later migration adds (0018), held only while the seed runs
  `alter table inspections add column over_cap_reason text`,
  `alter table inspections alter column over_cap drop default`,
  `alter table inspections alter column over_cap type boolean using over_cap <> 0`,
  `alter table inspections alter column over_cap set default false`,
  `create function old_inspection_columns() returns trigger language plpgsql as $$
   begin
     if new.stage = 'completed' then new.status := 'completed'; new.stage := 'planned';
     elsif new.stage in ('concluded', 'closed', 'closed_without_visit') then new.status := 'completed';
     elsif new.stage in ('cancelled', 'merged') then new.status := new.stage;
     else new.status := 'planned';
     end if;
     return new;
   end $$`,
  `create trigger old_inspection_columns before insert on inspections
     for each row execute function old_inspection_columns()`,
  `create trigger old_inspection_moves before update on inspections
     for each row when (new.stage is distinct from old.stage) execute function old_inspection_columns()`,
  // since 0042 a grade names its result in grade_results; the old table carried it, copied here from there
  `create table grade_results (digest text primary key, result jsonb not null)`,
  `create function old_grade_result() returns trigger language plpgsql as $$
   begin new.result := (select result from grade_results where digest = new.digest); return new; end $$`,
  `create trigger old_grade_result before insert or update on enterprise_grades
     for each row execute function old_grade_result()`,
  // columns of later migrations (0013) that today's seed writes; dropped again before the upgrade adds them
  ...LATER_COLUMNS.map(([table, column, type]) => `alter table ${table} add column ${column} ${type}`),
];
const UNSHIM = [
  `alter table audit_events alter column chain_seq set not null`,
  `alter table audit_events alter column prev_hash set not null`,
  `alter table audit_events alter column hash set not null`,
  ...LATER_COLUMNS.map(([table, column]) => `alter table ${table} drop column ${column}`),
  `drop trigger old_inspection_columns on inspections`,
  `drop trigger old_inspection_moves on inspections`,
  `drop function old_inspection_columns()`,
  `alter table inspections alter column over_cap drop default`,
  `alter table inspections alter column over_cap type integer using case when over_cap then 1 else 0 end`,
  `alter table inspections alter column over_cap set default 0`,
  `alter table inspections drop column over_cap_reason`,
  `drop trigger old_grade_result on enterprise_grades`,
  `drop function old_grade_result()`,
  `drop table grade_results`,
];

describe('the integrity migration on a database with records', () => {
  let opened: Opened;
  let before: Record<string, number>;
  let oldColumns: { id: string; status: string; stage: string; over_cap: number }[];
  let oldResults: { enterprise_id: string; digest: string; result: unknown }[];
  let migrations: string;

  beforeAll(async () => {
    opened = await openEmptyDatabase();
    const { database } = opened;
    migrations = migrationsUpTo(UPGRADE, { including: false });
    await migrateFrom(database, migrations);
    for (const statement of SHIM) await database.db.execute(sql.raw(statement));
    const ctx: AppContext = {
      db: database.db,
      databaseKind: database.kind,
      clock: { now: () => new Date('2026-11-26T02:00:00Z') },
      version: 'test',
    };
    await seedDemoData(ctx, { latestSchema: false });
    await chainPendingEvents(database.db);
    for (const statement of UNSHIM) await database.db.execute(sql.raw(statement));
    // what the old server also left behind: a draw's cancellation set the status only, and an inspection
    // moved along on site kept status 'planned'
    await database.db.execute(
      sql`update inspections set status = 'cancelled'
          where id = (select id from inspections where status = 'planned' order by id limit 1)`,
    );
    await database.db.execute(
      sql`update inspections set stage = 'plan_drafted'
          where id = (select id from inspections where status = 'planned' and stage = 'planned' order by id limit 1)`,
    );
    before = await tableCounts(database);
    oldColumns = (
      (await database.db.execute(sql`select id, status, stage, over_cap from inspections`)) as unknown as {
        rows: typeof oldColumns;
      }
    ).rows;
    oldResults = (
      (await database.db.execute(
        sql`select enterprise_id, digest, result from enterprise_grades order by enterprise_id`,
      )) as unknown as { rows: typeof oldResults }
    ).rows;
    await migrateFrom(database, drizzleFolder);
  });

  afterAll(() => discard(opened, migrations));

  it('keeps every row of every table (and adds the system user)', async () => {
    expect(before.inspections).toBeGreaterThan(0);
    expect(before.enterprises).toBeGreaterThan(0);
    const after = await tableCounts(opened.database);
    expect(Object.fromEntries(Object.keys(before).map((table) => [table, after[table]]))).toEqual({
      ...before,
      users: before.users! + 1,
    });
    // the tables later migrations add (0014 case_referrals) start empty, but for the results the grades carried
    // (0042), stored once each
    expect(after.grade_results).toBe(new Set(oldResults.map((row) => row.digest)).size);
    for (const table of Object.keys(after).filter((name) => !(name in before) && name !== 'grade_results')) {
      expect(after[table], table).toBe(0);
    }
  });

  // 0011: the demo draw's events named the system user's id before it existed; now it does, the actor key is
  // validated on the old events, and their hashes (never rewritten) still verify.
  it('gives every audit event’s actor a user, validated, with the hash chains intact', async () => {
    const { db } = opened.database;
    const rows = <T>(result: unknown) => (result as { rows: T[] }).rows;
    const [key] = rows<{ validated: boolean }>(
      await db.execute(
        sql`select convalidated as validated from pg_constraint where conname = 'audit_events_actor_id_users_id_fk'`,
      ),
    );
    expect(key).toEqual({ validated: true });
    const [system] = rows<{ active: boolean; events: number }>(
      await db.execute(
        sql`select u.active, (select count(*)::int from audit_events where actor_id = u.id) as events
            from users u where u.id = ${systemUserId}`,
      ),
    );
    expect(system!.active).toBe(false);
    expect(system!.events).toBeGreaterThan(0);
    expect(await verifyAuditChain(db)).toMatchObject({ intact: true, unchained: 0 });
  });

  // 0042: each grade names the result it carried, stored once under its digest
  it('moves each grade’s result to the results table, one row per digest, every grade reading back its own', async () => {
    expect(oldResults.length).toBeGreaterThan(0);
    const now = (
      (await opened.database.db.execute(
        sql`select g.enterprise_id, g.digest, r.result from enterprise_grades g
            join grade_results r on r.digest = g.digest order by g.enterprise_id`,
      )) as unknown as { rows: typeof oldResults }
    ).rows;
    expect(now).toEqual(oldResults);
    expect(new Set(now.map((row) => row.digest)).size).toBeLessThan(now.length);
  });

  it('gives each inspection the one stage its status and stage said', async () => {
    const after = new Map(
      (
        (await opened.database.db.execute(sql`select id, stage, over_cap from inspections`)) as unknown as {
          rows: { id: string; stage: string; over_cap: boolean }[];
        }
      ).rows.map((row) => [row.id, row]),
    );
    const expected = (row: (typeof oldColumns)[number]) => {
      if (row.status === 'completed')
        return ['concluded', 'closed', 'closed_without_visit'].includes(row.stage) ? row.stage : 'completed';
      if (row.status === 'cancelled' || row.status === 'merged') return row.status;
      return row.stage;
    };
    const statuses = new Set(oldColumns.map((row) => row.status));
    expect(statuses).toEqual(new Set(['planned', 'completed', 'cancelled']));
    for (const row of oldColumns) {
      expect(after.get(row.id)?.stage, row.id).toBe(expected(row));
      expect(after.get(row.id)?.over_cap, row.id).toBe(row.over_cap !== 0);
    }
    expect([...after.values()].filter((row) => row.stage === 'completed').length).toBe(
      oldColumns.filter((row) => row.status === 'completed').length,
    );
    expect([...after.values()].some((row) => row.stage === 'plan_drafted')).toBe(true);
    expect([...after.values()].some((row) => row.over_cap)).toBe(true);
  });

  it('drops the old status column and holds the stage to the domain’s stages', async () => {
    const columns = (
      (await opened.database.db.execute(
        sql`select column_name from information_schema.columns
            where table_schema = 'public' and table_name = 'inspections' and column_name = 'status'`,
      )) as unknown as { rows: unknown[] }
    ).rows;
    expect(columns).toHaveLength(0);
    await expect(
      opened.database.db.execute(
        sql`update inspections set stage = 'finished' where id = (select id from inspections limit 1)`,
      ),
    ).rejects.toThrow();
  });
});
