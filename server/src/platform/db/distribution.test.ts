import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { createTestContext, type TestContext } from '../../../test/helpers.ts';
import { placements, unscopedShapes } from './distribution.ts';

describe('the plan past one primary (issue 18 item 9)', () => {
  let t: TestContext;
  let columns: Map<string, Set<string>>;
  beforeAll(async () => {
    t = await createTestContext({ seed: false });
    const rows = (await t.ctx.db.execute(
      sql`select table_name, column_name from information_schema.columns
          where table_schema = 'public' and table_name in
            (select table_name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE')
            and table_name not like '\\_\\_%'`,
    )) as unknown as { rows: { table_name: string; column_name: string }[] };
    columns = new Map();
    for (const row of rows.rows) {
      if (!columns.has(row.table_name)) columns.set(row.table_name, new Set());
      columns.get(row.table_name)!.add(row.column_name);
    }
  });
  afterAll(() => t.close());

  it('places every table of the schema, and no table it does not have', () => {
    expect([...columns.keys()].sort()).toEqual(Object.keys(placements).sort());
  });

  it('distributes a table by a column it has, and co-locates a child by a key to a distributed parent', () => {
    for (const [table, placement] of Object.entries(placements)) {
      if (placement.kind === 'distributed') expect(columns.get(table), table).toContain(placement.column);
      if (placement.kind === 'colocated') {
        expect(columns.get(table), table).toContain(placement.via);
        expect(placements[placement.parent]?.kind, table).toBe('distributed');
      }
    }
  });

  it('leaves no table with a territory outside the plan: it is distributed by it, or says why not', () => {
    for (const [table, names] of columns) {
      if (!names.has('territory')) continue;
      const placement = placements[table]!;
      if (placement.kind === 'distributed') continue;
      expect(placement.kind === 'reference' || placement.kind === 'coordinator', table).toBe(true);
      expect((placement as { why: string }).why.length, table).toBeGreaterThan(0);
    }
  });
});

describe('statements that do not name a territory', () => {
  it('finds none in a statement scoped by its territory, nor in one on shared tables only', () => {
    expect(
      unscopedShapes(
        'select "id" from "inspections" where ("inspections"."territory" like $1 and "inspections"."year" = $2)',
      ),
    ).toEqual([]);
    expect(
      unscopedShapes('select "id", "name" from "organisations" where "organisations"."id" = $1'),
    ).toEqual([]);
    expect(
      unscopedShapes('select * from "sessions" inner join "users" on "users"."id" = "sessions"."user_id"'),
    ).toEqual([]);
  });

  it('names the table and the columns of a lookup that would ask every worker', () => {
    expect(
      unscopedShapes('select "id", "territory" from "enterprises" where "enterprises"."id" = $1'),
    ).toEqual(['select enterprises by id']);
    expect(
      unscopedShapes(
        'update "inspections" set "stage" = $1 where ("inspections"."id" = $2 and "inspections"."stage" = $3)',
      ),
    ).toEqual(['update inspections by id,stage']);
    expect(unscopedShapes('select count(*) from "enterprises"')).toEqual(['select enterprises by nothing']);
  });

  it('takes a territory in a join’s condition as scoping the statement', () => {
    expect(
      unscopedShapes(
        'select * from "findings" inner join "inspections" on ("inspections"."id" = "findings"."inspection_id" and "inspections"."territory" = $1)',
      ),
    ).toEqual([]);
  });

  it('takes an insert that carries its territory as routed by it, and one into a child without it as not', () => {
    expect(
      unscopedShapes('insert into "findings" ("id", "inspection_id", "territory") values ($1, $2, $3)'),
    ).toEqual([]);
    expect(unscopedShapes('insert into "checklist_entries" ("id", "inspection_id") values ($1, $2)')).toEqual(
      ['insert checklist_entries'],
    );
    expect(unscopedShapes('insert into "sessions" ("token_hash", "user_id") values ($1, $2)')).toEqual([]);
  });
});
