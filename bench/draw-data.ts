import type pg from 'pg';
import { hashPassword } from '../server/src/platform/auth/service.ts';
import type { Db } from '../server/src/platform/db/client.ts';
import { rosterOn } from '../server/src/modules/draws/index.ts';
import { bureauRosterCondition } from '../server/src/modules/officers/index.ts';

// What the draw benchmark adds to the shared bench database, idempotently: a unit of the city bureau
// holding the bench's officers, a legal reviewer of the city to call the API, and the strata.

export const cityTerritory = '440700';
export const benchUnitName = '江门市应急管理局双随机基准测试执法支队';
export const benchReviewer = 'bench.draw.reviewer';
export const benchPassword = 'Inspecta@2026';
// Every draw the bench makes carries this title prefix, so it can find and remove them.
export const benchDrawTitle = '基准测试：双随机抽取';
// A date no demo inspection is planned in, so no enterprise is at its annual cap.
export const inspectionDate = '2027-03-16';

export type Stratum = {
  key: string;
  criteria: { industry?: string; territory?: string };
  enterprises: number;
  k: number;
};

// The roster the draw reads (measure 10: the server's own rosterOn), as certificate numbers.
export const rosterSize = async (db: Db): Promise<{ total: number; bench: number }> => {
  const members = await db.transaction((tx) =>
    rosterOn(tx, bureauRosterCondition(cityTerritory), inspectionDate),
  );
  return {
    total: members.length,
    bench: members.filter((member) => member.certificate.startsWith('440700B')).length,
  };
};

// Officers of the bench unit, each with one certificate valid from 2020 to 2099, numbered 440700B000001…
// so they sort after the demo's. Added or replaced so that the city's roster on the inspection date holds
// exactly `wanted` officers, the demo's valid ones included.
export const prepareOfficers = async (
  client: pg.Client,
  db: Db,
  wanted: number,
): Promise<{ roster: number; added: number | null }> => {
  const city = await client.query<{ id: string }>(
    `SELECT id FROM organisations WHERE kind = 'bureau' AND territory = $1 ORDER BY created_at LIMIT 1`,
    [cityTerritory],
  );
  let bureauId = city.rows[0]?.id;
  if (!bureauId) {
    const made = await client.query<{ id: string }>(
      `INSERT INTO organisations (name, kind, territory, has_legal_standing) VALUES ('江门市应急管理局', 'bureau', $1, true) RETURNING id`,
      [cityTerritory],
    );
    bureauId = made.rows[0]!.id;
  }
  const unit = await client.query<{ id: string }>(`SELECT id FROM organisations WHERE name = $1`, [
    benchUnitName,
  ]);
  let unitId = unit.rows[0]?.id;
  if (!unitId) {
    const made = await client.query<{ id: string }>(
      `INSERT INTO organisations (name, kind, territory, parent_id, has_legal_standing)
       VALUES ($1, 'internal_unit', $2, $3, false) RETURNING id`,
      [benchUnitName, cityTerritory, bureauId],
    );
    unitId = made.rows[0]!.id;
  }

  const before = await rosterSize(db);
  const target = wanted - (before.total - before.bench);
  if (target < 0)
    throw new Error(
      `the city's roster already holds ${before.total} officers, more than --officers ${wanted}`,
    );
  if (before.bench === target) {
    await ensureReviewer(client, bureauId);
    return { roster: before.total, added: null };
  }
  await client.query('BEGIN');
  try {
    await client.query(
      `DELETE FROM certificates WHERE officer_id IN (SELECT id FROM officers WHERE organisation_id = $1)`,
      [unitId],
    );
    await client.query(`DELETE FROM officers WHERE organisation_id = $1`, [unitId]);
    await client.query(
      `WITH made AS (
         INSERT INTO officers (name, organisation_id, territory, position)
         SELECT '基准执法人员' || lpad(g::text, 6, '0'), $1, $2, '执法队员' FROM generate_series(1, $3::int) AS g
         RETURNING id, name)
       INSERT INTO certificates (officer_id, number, issuing_authority, valid_from, valid_to, status)
       SELECT id, '440700B' || right(name, 6), '广东省人民政府', '2020-01-01', '2099-12-31', 'valid' FROM made`,
      [unitId, cityTerritory, target],
    );
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK');
    throw error;
  }
  await client.query(`VACUUM (ANALYZE) officers, certificates`);
  await ensureReviewer(client, bureauId);
  const after = await rosterSize(db);
  if (after.total !== wanted)
    throw new Error(`the city's roster holds ${after.total} officers, not ${wanted}`);
  return { roster: after.total, added: target };
};

const ensureReviewer = async (client: pg.Client, bureauId: string) => {
  const present = await client.query(`SELECT 1 FROM users WHERE username = $1`, [benchReviewer]);
  if (present.rowCount) return;
  await client.query(
    `INSERT INTO users (username, password_hash, display_name, role, territory, organisation_id)
     VALUES ($1, $2, '基准测试法制审核', 'legal_reviewer', $3, $4) ON CONFLICT (username) DO NOTHING`,
    [benchReviewer, await hashPassword(benchPassword), cityTerritory, bureauId],
  );
};

// Strata that partition the city's registry, with criteria the API accepts (industry and county, both by
// equality). Such a partition is either every industry whole with some industries split by county, or
// every county whole with some counties split by industry; the one nearest the wanted count is taken
// (a tie goes to more strata), splitting the largest first.
export const chooseStrata = async (
  client: pg.Client,
  wanted: number,
  percent: number,
): Promise<Stratum[]> => {
  const cells = await client.query<{ industry: string; territory: string; n: string }>(
    `SELECT industry, territory, count(*) AS n FROM enterprises WHERE territory LIKE $1
     GROUP BY industry, territory ORDER BY industry COLLATE "C", territory COLLATE "C"`,
    [`${cityTerritory.slice(0, 4)}%`],
  );
  const k = (n: number) => Math.ceil((n * percent) / 100);
  const byRow = (dimension: 'industry' | 'territory') => {
    const other = dimension === 'industry' ? 'territory' : 'industry';
    const rows = new Map<string, { value: string; n: number }[]>();
    for (const cell of cells.rows) {
      const list = rows.get(cell[dimension]) ?? [];
      list.push({ value: cell[other], n: Number(cell.n) });
      rows.set(cell[dimension], list);
    }
    const total = (list: { n: number }[]) => list.reduce((sum, cell) => sum + cell.n, 0);
    const largestFirst = [...rows.entries()].sort((a, b) => total(b[1]) - total(a[1]));
    const options: Stratum[][] = [];
    for (let split = 0; split <= largestFirst.length; split += 1) {
      const splitRows = new Set(largestFirst.slice(0, split).map(([value]) => value));
      const strata: Stratum[] = [];
      for (const [value, list] of rows) {
        if (splitRows.has(value)) {
          for (const cell of list) {
            strata.push({
              key: `${value}/${cell.value}`,
              criteria: { [dimension]: value, [other]: cell.value },
              enterprises: cell.n,
              k: k(cell.n),
            });
          }
        } else {
          strata.push({
            key: value,
            criteria: { [dimension]: value },
            enterprises: total(list),
            k: k(total(list)),
          });
        }
      }
      options.push(strata);
    }
    return options;
  };
  const candidates = [...byRow('industry'), ...byRow('territory')];
  const distance = (strata: Stratum[]) => Math.abs(strata.length - wanted);
  candidates.sort((a, b) => distance(a) - distance(b) || b.length - a.length);
  return candidates[0]!;
};

// Removes the draws the bench made and the inspections they planned, so every repetition freezes the same
// pools: no enterprise at its cap, no "last inspection's officers" exclusions from an earlier repetition.
export const removeBenchDraws = async (client: pg.Client): Promise<number> => {
  await client.query(`DELETE FROM inspections WHERE draw_id IN (SELECT id FROM draws WHERE title LIKE $1)`, [
    `${benchDrawTitle}%`,
  ]);
  const removed = await client.query(`DELETE FROM draws WHERE title LIKE $1`, [`${benchDrawTitle}%`]);
  await client.query(`VACUUM (ANALYZE) inspections, draws`);
  return removed.rowCount ?? 0;
};
