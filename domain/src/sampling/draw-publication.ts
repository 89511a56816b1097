import { sha256Hex } from './sha256.ts';
import type { DrawExclusion, DrawRecord, DrawSelection } from './draw-record.ts';

// Issue 12 item 9 and issue 11 item 11: a draw is public without announcing the visits, and without personal
// data beyond what verification needs.
// - At the session the platform publishes what binds the draw (the pool hashes, the entropy, the witnesses by
//   role, the seed) and `resultHash`, a SHA-256 of the full published record: nobody can change the result
//   afterwards without the hash showing it.
// - The full record (who is inspected, by whom) is published once the draw's inspections are done or its
//   window closes, whichever comes first; anyone recomputes the draw and the hash (verifyDraw).
// - In it, an exclusion's reason is a code (申报回避 / 上次检查人员), the declared text stays internal; a witness
//   who is not an official is named by role only.

// The witnesses' roles; `official` ones are published with their name (they act in office), others by role.
export const WITNESS_ROLES = {
  supervision: { name: '执法监督机构人员', official: true },
  legal_review: { name: '法制审核人员', official: true },
  discipline: { name: '纪检监察人员', official: true },
  social_supervisor: { name: '社会监督员', official: false },
  enterprise_representative: { name: '企业代表', official: false },
  deputy: { name: '人大代表或政协委员', official: false },
  notary: { name: '公证人员', official: false },
  witness: { name: '见证人', official: false },
} as const;
export type WitnessRole = keyof typeof WITNESS_ROLES;
export const WITNESS_ROLE_CODES = Object.keys(WITNESS_ROLES) as [WitnessRole, ...WitnessRole[]];

export type Witness = { name: string; role: WitnessRole };

// What the record says of a witness.
export const publishedWitness = (witness: Witness): string => {
  const role = WITNESS_ROLES[witness.role];
  return role.official ? `${role.name} ${witness.name}` : role.name;
};

export const EXCLUSION_REASON_CODES = ['申报回避', '上次检查人员'] as const;
export type ExclusionReasonCode = (typeof EXCLUSION_REASON_CODES)[number];

// The reason code of an exclusion or a recusal: the officer's last inspection of the enterprise, or else a
// declared conflict (the declaration's text is kept internal).
export const exclusionReasonCode = (reason: string): ExclusionReasonCode =>
  reason.startsWith('上次检查') || reason === '上次检查人员' ? '上次检查人员' : '申报回避';

export const publishedExclusions = (exclusions: readonly DrawExclusion[]): DrawExclusion[] =>
  exclusions.map(({ enterprise, inspector, reason }) => ({
    enterprise,
    inspector,
    reason: exclusionReasonCode(reason),
  }));

// The last day of the draw's window: the end of the month of its inspection date.
export const drawWindowClosesOn = (inspectionDate: string): string => {
  const [year, month] = inspectionDate.split('-').map(Number) as [number, number];
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${inspectionDate.slice(0, 7)}-${String(last).padStart(2, '0')}`;
};

// Whether the full record is public on `today`: the inspections are all done, or the window has closed.
export const drawDisclosed = (input: { inspectionDate: string; openInspections: number; today: string }) =>
  input.openInspections === 0 || input.today > drawWindowClosesOn(input.inspectionDate);

export type DrawPartnerRecord = {
  organisationName: string;
  record: { inspectorPoolHash: string; selected: readonly DrawSelection[] };
};

// The text `resultHash` is the SHA-256 of: one JSON array of every published field of the record in the
// algorithm's order (the strata by key and k: their codes are bound by poolHash), then the partners' teams.
export const resultHashText = (
  record: Omit<DrawRecord, 'strata'> & {
    strata: readonly { key: string; k: number }[];
    partners?: readonly DrawPartnerRecord[];
  },
): string =>
  JSON.stringify([
    record.algorithm,
    record.poolHash,
    record.inspectorPoolHash,
    record.strata.map((stratum) => [stratum.key, stratum.k]),
    record.exclusions.map((exclusion) => [exclusion.enterprise, exclusion.inspector, exclusion.reason]),
    record.teamSize,
    record.maxAssignmentsPerInspector,
    record.inspectionDate,
    record.publicEntropy,
    record.witnesses,
    record.seed,
    record.selected.map((entry) => [entry.stratum, entry.enterprise, entry.inspectors]),
    (record.partners ?? []).map((partner) => [
      partner.organisationName,
      partner.record.inspectorPoolHash,
      partner.record.selected.map((entry) => [entry.stratum, entry.enterprise, entry.inspectors]),
    ]),
  ]);

export const drawResultHash = (record: Parameters<typeof resultHashText>[0]): string =>
  sha256Hex(resultHashText(record));
