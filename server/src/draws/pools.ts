import { certificateStatusOn, compareCodePoints, firstUnsortedIndex, mayInspect, sortByCodePoint, type DrawExclusion, type DrawStratum, type Qualification } from '@inspecta/domain';
import { and, eq, inArray, notInArray, sql, type SQL } from 'drizzle-orm';
import { territoryCondition, type Actor } from '../app/policy.ts';
import { Problem } from '../app/problem.ts';
import type { Tx } from '../db/client.ts';
import { enterprises } from '../enterprises/schema.ts';
import { enterpriseGrades } from '../grading/schema.ts';
import { inspections } from '../inspections/schema.ts';
import { certificates, officers } from '../officers/schema.ts';
import { loadAnnualPlan, inForceStatuses } from '../plans/annual-plan-store.ts';
import { bureauRosterCondition } from '../officers/roster.ts';
import { conflictDeclarations, type DrawCriteria } from './schema.ts';
import type { TFreezeDraw } from './model.ts';

// measure 5: what a draw is drawn from, read from the register and frozen. Codes and certificate numbers are
// ASCII, so the database's "C" collation gives the code-point order the algorithm requires; the order is
// checked, and sorted here if ever it is not.

const sorted = (values: string[]): string[] => (firstUnsortedIndex(values) < 0 ? values : sortByCodePoint([...new Set(values)]));

// whole: the annual plan takes the stratum whole (rotation due), so k follows what is left after the caps
type Candidate = { key: string; codes: string[]; k: number | undefined; percent: number | undefined; whole?: boolean };

const criteriaCondition = (actor: Actor, criteria: DrawCriteria): SQL => {
  const parts: SQL[] = [territoryCondition(actor.territory, enterprises.territory)];
  if (criteria.territory) parts.push(territoryCondition(criteria.territory, enterprises.territory));
  if (criteria.industry) parts.push(eq(enterprises.industry, criteria.industry));
  if (criteria.enforcementClass) parts.push(eq(enterpriseGrades.class, criteria.enforcementClass));
  if (criteria.riskGrade) parts.push(eq(enterpriseGrades.riskGrade, criteria.riskGrade));
  return and(...parts)!;
};

const codesMatching = async (tx: Tx, actor: Actor, criteria: DrawCriteria): Promise<string[]> => {
  const graded = criteria.enforcementClass !== undefined || criteria.riskGrade !== undefined;
  // one JSON array per stratum: a million codes arrive as one value for JSON.parse, not a million rows
  const base = tx.select({ codes: sql<string[] | null>`json_agg(${enterprises.creditCode} order by ${enterprises.creditCode} collate "C")` }).from(enterprises);
  const query = graded ? base.innerJoin(enterpriseGrades, eq(enterpriseGrades.enterpriseId, enterprises.id)) : base;
  const [row] = await query.where(criteriaCondition(actor, criteria));
  return row?.codes ?? [];
};

const codesOfIds = async (tx: Tx, actor: Actor, ids: string[]): Promise<string[]> => {
  const codes: string[] = [];
  for (let i = 0; i < ids.length; i += 5000) {
    const rows = await tx
      .select({ code: enterprises.creditCode })
      .from(enterprises)
      .where(and(inArray(enterprises.id, ids.slice(i, i + 5000)), territoryCondition(actor.territory, enterprises.territory)));
    codes.push(...rows.map((row) => row.code));
  }
  return sortByCodePoint(codes);
};

const candidateStrata = async (tx: Tx, actor: Actor, body: TFreezeDraw): Promise<Candidate[]> => {
  const { source } = body;
  if (source.kind === 'criteria') {
    const result: Candidate[] = [];
    for (const stratum of source.strata) {
      result.push({ key: stratum.key, codes: await codesMatching(tx, actor, stratum.criteria), k: stratum.k, percent: stratum.percent });
    }
    return result;
  }
  const plan = await loadAnnualPlan(tx, actor, source.annualPlanId, 'read');
  if (!inForceStatuses.includes(plan.status as (typeof inForceStatuses)[number])) {
    throw new Problem(422, 'DRAW_PLAN_NOT_IN_FORCE', '年度计划尚未批准，不能据以抽取', { measure: 5 });
  }
  const batch = plan.document.batches.find((entry) => entry.code === source.batchCode);
  if (!batch) throw new Problem(404, 'NOT_FOUND', `年度计划中没有批次 ${source.batchCode}`);
  const result: Candidate[] = [];
  // every stratum: one taken whole (rotation due) still has its inspectors drawn
  for (const stratum of batch.strata) {
    result.push({ key: stratum.key, codes: await codesOfIds(tx, actor, stratum.enterpriseIds), k: stratum.k, percent: undefined, whole: stratum.k === stratum.enterpriseIds.length });
  }
  return result;
};

// Enterprises that already had as many inspections this year as their grade allows (measure 5 frequency cap;
// the caps are placeholders pending legal review, catalog/grading.json) leave the pool before it is frozen.
const enterprisesAtCap = async (tx: Tx, actor: Actor, year: number) => {
  const rows = await tx
    .select({
      code: inspections.creditCode,
      count: sql<number>`count(*)::int`,
      cap: sql<number | null>`(${enterpriseGrades.result} -> 'allowance' ->> 'cap')::int`,
    })
    .from(inspections)
    .innerJoin(enterpriseGrades, eq(enterpriseGrades.enterpriseId, inspections.enterpriseId))
    .where(and(eq(inspections.year, year), notInArray(inspections.status, ['cancelled', 'merged']), territoryCondition(actor.territory, inspections.territory)))
    .groupBy(inspections.creditCode, enterpriseGrades.result);
  return rows.filter((row): row is { code: string; count: number; cap: number } => row.cap !== null && row.count >= row.cap);
};

export const frozenStrata = async (tx: Tx, actor: Actor, body: TFreezeDraw, year: number) => {
  const candidates = await candidateStrata(tx, actor, body);
  const atCap = await enterprisesAtCap(tx, actor, year);
  const capped = new Set(atCap.map((entry) => entry.code));
  const seen = new Set<string>();
  const strata: DrawStratum[] = [];
  for (const candidate of candidates) {
    const codes = sorted(capped.size ? candidate.codes.filter((code) => !capped.has(code)) : candidate.codes);
    for (const code of codes) {
      if (seen.has(code)) throw new Problem(422, 'DRAW_STRATA_OVERLAP', `企业 ${code} 同时属于两个分层，分层须互不重叠`, { measure: 5 });
      seen.add(code);
    }
    if (codes.length === 0) throw new Problem(422, 'DRAW_EMPTY_STRATUM', `分层“${candidate.key}”没有可抽取的企业`, { measure: 5 });
    const k = candidate.whole ? codes.length : (candidate.k ?? Math.ceil((codes.length * (candidate.percent ?? 0)) / 100));
    if (k > codes.length) {
      throw new Problem(422, 'DRAW_SAMPLE_TOO_LARGE', `分层“${candidate.key}”只有 ${codes.length} 家企业，不能抽取 ${k} 家`, { measure: 5 });
    }
    strata.push({ key: candidate.key, codes, k });
  }
  // the capped enterprises that would have been in a stratum (the set is built only when some are capped)
  const candidateCodes = atCap.length ? new Set(candidates.flatMap((candidate) => candidate.codes)) : new Set<string>();
  return { strata, atCap: atCap.filter((entry) => candidateCodes.has(entry.code)), inPool: seen };
};

// measure 10: an officer is in the pool when the domain's mayInspect allows them on the inspection date, by the
// certificate valid that day. One query for officers, one for certificates.
export const rosterOn = async (tx: Tx, where: SQL, date: string) => {
  const rows = await tx.select().from(officers).where(where);
  const certs = rows.length ? await tx.select().from(certificates).where(inArray(certificates.officerId, rows.map((row) => row.id))) : [];
  const byOfficer = new Map<string, (typeof certs)[number][]>();
  for (const cert of certs) byOfficer.set(cert.officerId, [...(byOfficer.get(cert.officerId) ?? []), cert]);
  const members: { certificate: string; officerId: string; name: string }[] = [];
  for (const officer of rows) {
    const own = (byOfficer.get(officer.id) ?? []).map((cert) => ({
      number: cert.number,
      issuingAuthority: cert.issuingAuthority,
      validFrom: cert.validFrom,
      validTo: cert.validTo,
      status: cert.status as 'valid' | 'suspended' | 'revoked',
    }));
    const answer = mayInspect({
      officer: { id: officer.id, name: officer.name, onRoster: officer.onRoster, removedOn: officer.removedOn, qualifications: officer.qualifications as Qualification[], certificates: own },
      date,
    });
    if (!answer.ok) continue;
    const valid = own.find((cert) => certificateStatusOn(cert, date) === 'valid');
    if (valid) members.push({ certificate: valid.number, officerId: officer.id, name: officer.name });
  }
  members.sort((a, b) => compareCodePoints(a.certificate, b.certificate));
  return members;
};

// 回避: declared conflicts of interest, and the officers of each enterprise's last inspection (they do not
// inspect it twice running). Only pairs within the pools are kept, in a fixed order.
export const frozenExclusions = async (tx: Tx, actor: Actor, strata: DrawStratum[], roster: { certificate: string; officerId: string }[], pooled?: ReadonlySet<string>): Promise<DrawExclusion[]> => {
  const inPool = pooled ?? new Set(strata.flatMap((stratum) => stratum.codes));
  const certificateOf = new Map(roster.map((member) => [member.officerId, member.certificate]));
  const inRoster = new Set(roster.map((member) => member.certificate));
  const pairs = new Map<string, DrawExclusion>();
  const add = (enterprise: string, inspector: string | undefined, reason: string) => {
    if (!inspector || !inRoster.has(inspector) || !inPool.has(enterprise)) return;
    const key = `${enterprise}\t${inspector}`;
    if (!pairs.has(key)) pairs.set(key, { enterprise, inspector, reason });
  };
  const conflicts = await tx
    .select({ code: enterprises.creditCode, officerId: conflictDeclarations.officerId, reason: conflictDeclarations.reason })
    .from(conflictDeclarations)
    .innerJoin(enterprises, eq(enterprises.id, conflictDeclarations.enterpriseId))
    .where(territoryCondition(actor.territory, conflictDeclarations.territory));
  for (const row of conflicts) add(row.code, certificateOf.get(row.officerId), `申报回避：${row.reason}`);
  const last = await tx.execute(sql`
    select distinct on (enterprise_id) credit_code, team from ${inspections}
    where ${territoryCondition(actor.territory, inspections.territory)} and status not in ('cancelled', 'merged')
    order by enterprise_id, planned_on desc`);
  const lastRows = (last as unknown as { rows: { credit_code: string; team: { certificate: string }[] }[] }).rows;
  for (const row of lastRows) for (const member of row.team) add(row.credit_code, member.certificate, '上次检查该企业的执法人员');
  return [...pairs.values()].sort((a, b) => compareCodePoints(a.enterprise, b.enterprise) || compareCodePoints(a.inspector, b.inspector));
};

export const rosterOfTerritory = (actor: Actor) => bureauRosterCondition(actor.territory);
export const rosterOfOrganisation = (organisationId: string) => eq(officers.organisationId, organisationId);
