import {
  certificateStatusOn,
  compareCodePoints,
  firstUnsortedIndex,
  mayInspect,
  sortByCodePoint,
  type DrawExclusion,
  type DrawStratum,
  type Qualification,
} from '@inspecta/domain';
import type { Actor } from '../../platform/policy/policy.ts';
import { problem } from '../../platform/problems/problem.ts';
import type { Tx } from '../../platform/db/client.ts';
import { loadAnnualPlan, inForceStatuses } from '../plans/index.ts';
import { bureauRosterCondition, findOfficersWithCertificates } from '../officers/index.ts';
import type { DrawCriteria, StoredStratum } from './schema.ts';
import {
  countInspectionsAgainstCap,
  findCodesOfEnterpriseIds,
  findConflictDeclarations,
  findLastInspectionTeams,
  selectCodesMatching,
  type RosterCondition,
} from './pool.repository.ts';
import type { TFreezeDraw } from './model.ts';

// measure 5: what a draw is drawn from, read from the register and frozen. Codes and certificate numbers are
// ASCII, so the database's "C" collation gives the code-point order the algorithm requires; the order is
// checked, and sorted here if ever it is not.

const sorted = (values: string[]): string[] =>
  firstUnsortedIndex(values) < 0 ? values : sortByCodePoint([...new Set(values)]);

// The stored form of a stratum (StoredStratum) and back.
export const storedStratum = (stratum: DrawStratum, lines?: string): StoredStratum => ({
  key: stratum.key,
  k: stratum.k,
  size: stratum.codes.length,
  lines: lines ?? stratum.codes.join('\n'),
});
export const stratumCodes = (stratum: StoredStratum): string[] => {
  if (!('lines' in stratum)) return stratum.codes;
  return stratum.lines === '' ? [] : stratum.lines.split('\n');
};
export const stratumSize = (stratum: StoredStratum): number =>
  'lines' in stratum ? stratum.size : stratum.codes.length;
export const drawStrata = (strata: StoredStratum[]): DrawStratum[] =>
  strata.map((stratum) => ({ key: stratum.key, codes: stratumCodes(stratum), k: stratum.k }));

// whole: the annual plan takes the stratum whole (rotation due), so k follows what is left after the caps.
// lines: the codes as the database gave them, one a line, kept to be stored when nothing was taken out.
type Candidate = {
  key: string;
  codes: string[];
  lines?: string;
  k: number | undefined;
  percent: number | undefined;
  whole?: boolean;
};

// One text per stratum, a code a line (selectCodesMatching); a code holding a line break would break the count.
const codesMatching = async (
  tx: Tx,
  actor: Actor,
  criteria: DrawCriteria,
): Promise<{ codes: string[]; lines: string }> => {
  const row = await selectCodesMatching(tx, actor, criteria);
  const lines = row?.lines ?? '';
  const codes = lines === '' ? [] : lines.split('\n');
  if (codes.length !== (row?.count ?? 0)) throw problem('DRAW_BAD_CHARACTER', { measure: 5 });
  return { codes, lines };
};

// Two strata's criteria no enterprise can meet both: a field both name with different values, or territories
// neither of which contains the other (territoryCondition: a province or city by its code's prefix).
const territoryPrefix = (territory: string) =>
  territory.endsWith('0000')
    ? territory.slice(0, 2)
    : territory.endsWith('00')
      ? territory.slice(0, 4)
      : territory;
const disjoint = (a: DrawCriteria, b: DrawCriteria) => {
  const differ = (x: string | undefined, y: string | undefined) =>
    x !== undefined && y !== undefined && x !== y;
  if (
    differ(a.industry, b.industry) ||
    differ(a.enforcementClass, b.enforcementClass) ||
    differ(a.riskGrade, b.riskGrade)
  )
    return true;
  if (a.territory === undefined || b.territory === undefined) return false;
  const [x, y] = [territoryPrefix(a.territory), territoryPrefix(b.territory)];
  return !x.startsWith(y) && !y.startsWith(x);
};
const pairwiseDisjoint = (criteria: DrawCriteria[]) =>
  criteria.every((a, i) => criteria.slice(i + 1).every((b) => disjoint(a, b)));

const codesOfIds = async (tx: Tx, actor: Actor, ids: string[]): Promise<string[]> =>
  sortByCodePoint(await findCodesOfEnterpriseIds(tx, actor, ids));

const candidateStrata = async (
  tx: Tx,
  actor: Actor,
  body: TFreezeDraw,
): Promise<{ candidates: Candidate[]; disjoint: boolean }> => {
  const { source } = body;
  if (source.kind === 'criteria') {
    const result: Candidate[] = [];
    for (const stratum of source.strata) {
      result.push({
        key: stratum.key,
        ...(await codesMatching(tx, actor, stratum.criteria)),
        k: stratum.k,
        percent: stratum.percent,
      });
    }
    return {
      candidates: result,
      disjoint: pairwiseDisjoint(source.strata.map((stratum) => stratum.criteria)),
    };
  }
  const plan = await loadAnnualPlan(tx, actor, source.annualPlanId, 'read');
  if (!inForceStatuses.includes(plan.status as (typeof inForceStatuses)[number])) {
    throw problem('DRAW_PLAN_NOT_IN_FORCE', { measure: 5 });
  }
  const batch = plan.document.batches.find((entry) => entry.code === source.batchCode);
  if (!batch)
    throw problem('NOT_FOUND', { what: '批次' }, { detail: `年度计划中没有批次 ${source.batchCode}` });
  const result: Candidate[] = [];
  // every stratum: one taken whole (rotation due) still has its inspectors drawn
  for (const stratum of batch.strata) {
    result.push({
      key: stratum.key,
      codes: await codesOfIds(tx, actor, stratum.enterpriseIds),
      k: stratum.k,
      percent: undefined,
      whole: stratum.k === stratum.enterpriseIds.length,
    });
  }
  return { candidates: result, disjoint: false };
};

// Enterprises that already had as many inspections this year as their grade allows (measure 5 frequency cap;
// the caps are placeholders pending legal review, catalog/grading.json) leave the pool before it is frozen.
const enterprisesAtCap = async (tx: Tx, actor: Actor, year: number) => {
  const rows = await countInspectionsAgainstCap(tx, actor, year);
  return rows.filter(
    (row): row is { code: string; count: number; cap: number } => row.cap !== null && row.count >= row.cap,
  );
};

// The pools pass here every check performDraw makes of their codes (sorted by code point, no duplicate
// within or across strata, no tab or line break), so the draw session need only compare their hash.
export const frozenStrata = async (tx: Tx, actor: Actor, body: TFreezeDraw, year: number) => {
  const { candidates, disjoint } = await candidateStrata(tx, actor, body);
  const atCap = await enterprisesAtCap(tx, actor, year);
  const capped = new Set(atCap.map((entry) => entry.code));
  // strata whose criteria no enterprise can meet twice need no check of a million codes for overlaps
  const seen = disjoint ? undefined : new Set<string>();
  const strata: DrawStratum[] = [];
  const stored: StoredStratum[] = [];
  for (const candidate of candidates) {
    const kept = capped.size ? candidate.codes.filter((code) => !capped.has(code)) : candidate.codes;
    const codes = sorted(kept);
    // codes split from the database's lines hold no line break (codesMatching counts them): a tab or a
    // carriage return is looked for in the text, one search
    const lines =
      codes === candidate.codes && candidate.lines !== undefined ? candidate.lines : codes.join('\n');
    if (candidate.lines !== undefined ? /[\t\r]/.test(lines) : codes.some((code) => /[\t\n\r]/.test(code))) {
      throw problem('DRAW_BAD_CHARACTER', { detail: `分层“${candidate.key}”`, measure: 5 });
    }
    if (seen) {
      for (const code of codes) {
        if (seen.has(code)) throw problem('DRAW_STRATA_OVERLAP', { code }, { measure: 5 });
        seen.add(code);
      }
    }
    if (codes.length === 0) throw problem('DRAW_EMPTY_STRATUM', { stratum: candidate.key }, { measure: 5 });
    const k = candidate.whole
      ? codes.length
      : (candidate.k ?? Math.ceil((codes.length * (candidate.percent ?? 0)) / 100));
    if (k > codes.length) {
      throw problem(
        'DRAW_SAMPLE_TOO_LARGE',
        { stratum: candidate.key, available: codes.length, wanted: k },
        { measure: 5 },
      );
    }
    strata.push({ key: candidate.key, codes, k });
    stored.push(storedStratum({ key: candidate.key, codes, k }, lines));
  }
  // the capped enterprises that would have been in a stratum (the set is built only when some are capped)
  const candidateCodes = atCap.length
    ? new Set(candidates.flatMap((candidate) => candidate.codes))
    : new Set<string>();
  // the codes in the pools, as a set only when asked (the exclusions have rows to check)
  const inPool = () => seen ?? new Set(strata.flatMap((stratum) => stratum.codes));
  return { strata, stored, atCap: atCap.filter((entry) => candidateCodes.has(entry.code)), inPool };
};

// measure 10: an officer is in the pool when the domain's mayInspect allows them on the inspection date, by the
// certificate valid that day. One query for officers, one for certificates.
export const rosterOn = async (tx: Tx, where: RosterCondition, date: string) => {
  const { rows, certs } = await findOfficersWithCertificates(tx, where);
  const byOfficer = new Map<string, (typeof certs)[number][]>();
  for (const cert of certs) byOfficer.set(cert.officerId, [...(byOfficer.get(cert.officerId) ?? []), cert]);
  const members: { certificate: string; officerId: string; name: string }[] = [];
  for (const officer of rows) {
    const own = (byOfficer.get(officer.id) ?? []).map((cert) => ({
      number: cert.number,
      issuingAuthority: cert.issuingAuthority,
      validFrom: cert.validFrom,
      validTo: cert.validTo,
      status: cert.status,
    }));
    const answer = mayInspect({
      officer: {
        id: officer.id,
        name: officer.name,
        onRoster: officer.onRoster,
        removedOn: officer.removedOn,
        qualifications: officer.qualifications as Qualification[],
        certificates: own,
      },
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
export const frozenExclusions = async (
  tx: Tx,
  actor: Actor,
  strata: DrawStratum[],
  roster: { certificate: string; officerId: string }[],
  pooled?: () => ReadonlySet<string>,
): Promise<DrawExclusion[]> => {
  let inPoolSet: ReadonlySet<string> | undefined;
  const inPool = {
    has: (code: string) =>
      (inPoolSet ??= pooled ? pooled() : new Set(strata.flatMap((stratum) => stratum.codes))).has(code),
  };
  const certificateOf = new Map(roster.map((member) => [member.officerId, member.certificate]));
  const inRoster = new Set(roster.map((member) => member.certificate));
  const pairs = new Map<string, DrawExclusion>();
  const add = (enterprise: string, inspector: string | undefined, reason: string) => {
    if (!inspector || !inRoster.has(inspector) || !inPool.has(enterprise)) return;
    const key = `${enterprise}\t${inspector}`;
    if (!pairs.has(key)) pairs.set(key, { enterprise, inspector, reason });
  };
  const conflicts = await findConflictDeclarations(tx, actor);
  for (const row of conflicts) add(row.code, certificateOf.get(row.officerId), `申报回避：${row.reason}`);
  const lastRows = await findLastInspectionTeams(tx, actor);
  for (const row of lastRows)
    for (const member of row.team) add(row.credit_code, member.certificate, '上次检查该企业的执法人员');
  return [...pairs.values()].sort(
    (a, b) => compareCodePoints(a.enterprise, b.enterprise) || compareCodePoints(a.inspector, b.inspector),
  );
};

export const rosterOfTerritory = (actor: Actor) => bureauRosterCondition(actor.territory);
export { rosterOfOrganisation } from './pool.repository.ts';
