import type pg from 'pg';
import { ZFactInputSchema } from '../server/src/modules/grading/index.ts';

// The facts the regrade benchmark adds so that grading has work: accidents, penalties and
// standardisation grades for a share of the enterprises, generated in SQL, once. Each fact is marked
// with the ratio in recorded_by_name, so a second run with the same ratio finds them and adds nothing,
// and another ratio replaces them.

const markerPrefix = 'npm run bench:regrade';
const markerFor = (ratio: number) => `${markerPrefix} (facts ratio ${ratio})`;

// Enterprise ids hashed with a fixed seed: `h % 1_000_000 < ratio * 1_000_000` picks the share, the
// higher digits pick the kind and the values. Dates are relative to today, so accidents and penalties
// fall inside the catalogue's 12- and 36-month windows and some standardisation grades have expired.
const insertFactsSql = `
  WITH picked AS (
    SELECT id, territory, h FROM (
      SELECT id, territory, abs(hashtextextended(id::text, 20260301)) AS h FROM enterprises
    ) hashed
    WHERE h % 1000000 < $1
  )
  INSERT INTO enterprise_facts (enterprise_id, territory, kind, data, recorded_at, recorded_by_name)
  SELECT id, territory, kind, data, recorded_at, $2 FROM (
    SELECT id, territory, 'accident' AS kind,
           jsonb_build_object(
             'date', to_char(current_date - (h / 1000003 % 1000)::int, 'YYYY-MM-DD'),
             'level', (ARRAY['general', 'general', 'general', 'major'])[1 + (h / 1000033 % 4)::int],
             'deaths', (h / 1000037 % 3)::int) AS data,
           now() - make_interval(days => (h / 1000039 % 1000)::int) AS recorded_at
    FROM picked WHERE h / 1000000 % 3 = 0
    UNION ALL
    SELECT id, territory, 'penalty',
           jsonb_build_object(
             'date', to_char(current_date - (h / 1000081 % 500)::int, 'YYYY-MM-DD'),
             'kind', (ARRAY['警告', '罚款', '责令停产停业'])[1 + (h / 1000099 % 3)::int]),
           now() - make_interval(days => (h / 1000117 % 500)::int)
    FROM picked WHERE h / 1000000 % 3 = 1 OR h / 1000000 % 5 = 0
    UNION ALL
    SELECT id, territory, 'standardisation',
           jsonb_build_object(
             'grade', 1 + (h / 1000121 % 3)::int,
             'validUntil', to_char(current_date + (h / 1000133 % 1100)::int - 200, 'YYYY-MM-DD')),
           now() - make_interval(days => (h / 1000151 % 700)::int)
    FROM picked WHERE h / 1000000 % 3 = 2
  ) facts`;

export type FactsPreparation = {
  enterprisesWithFacts: number;
  facts: number;
  // null when the facts were already there
  seconds: number | null;
  removed: number;
};

export const prepareFacts = async (client: pg.Client, ratio: number): Promise<FactsPreparation> => {
  const marker = markerFor(ratio);
  const existing = await client.query<{ marker: string; n: string }>(
    `SELECT recorded_by_name AS marker, count(*) AS n FROM enterprise_facts
     WHERE recorded_by_name LIKE $1 GROUP BY recorded_by_name`,
    [`${markerPrefix}%`],
  );
  const stale = existing.rows.filter((row) => row.marker !== marker);
  let removed = 0;
  if (stale.length > 0) {
    const deleted = await client.query(
      `DELETE FROM enterprise_facts WHERE recorded_by_name LIKE $1 AND recorded_by_name <> $2`,
      [`${markerPrefix}%`, marker],
    );
    removed = deleted.rowCount ?? 0;
  }
  let seconds: number | null = null;
  const present = existing.rows.some((row) => row.marker === marker);
  if (!present && ratio > 0) {
    const start = process.hrtime.bigint();
    await client.query(insertFactsSql, [Math.round(ratio * 1_000_000), marker]);
    await client.query(`ANALYZE enterprise_facts`);
    seconds = Number(process.hrtime.bigint() - start) / 1e9;
  }
  const counted = await client.query<{ enterprises: string; facts: string }>(
    `SELECT count(DISTINCT enterprise_id) AS enterprises, count(*) AS facts FROM enterprise_facts
     WHERE recorded_by_name = $1`,
    [marker],
  );
  // The generated records against the server's own request schema, on a sample.
  const sample = await client.query<{ kind: string; data: unknown }>(
    `SELECT kind, data FROM enterprise_facts WHERE recorded_by_name = $1 LIMIT 3000`,
    [marker],
  );
  const invalid = sample.rows.filter((row) => !ZFactInputSchema.safeParse(row).success);
  if (invalid.length > 0) {
    throw new Error(`generated facts fail the server's schema, e.g. ${JSON.stringify(invalid[0])}`);
  }
  return {
    enterprisesWithFacts: Number(counted.rows[0]?.enterprises ?? 0),
    facts: Number(counted.rows[0]?.facts ?? 0),
    seconds,
    removed,
  };
};

// Back to "never graded", in the bench database only: every grade, every recorded change of grade and
// every regrade run. (The audit events the runs appended stay: the audit chain is append-only.)
export const clearGrades = async (client: pg.Client): Promise<void> => {
  await client.query(`TRUNCATE enterprise_grades, grade_changes, grade_results`);
  await client.query(`DELETE FROM regrade_runs`);
};
