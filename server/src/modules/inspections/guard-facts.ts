import {
  isWithinTerritory,
  mayBeginInspection,
  mayCheckRemotely,
  type BeginStep,
  type Officer,
  type Qualification,
} from '@inspecta/domain';
import { refused } from '../../platform/problems/problem.ts';
import { problem } from '../../platform/problems/problem.ts';
import type { Db, Tx } from '../../platform/db/client.ts';
import { COUNTED_STAGES } from './model.ts';
import { burdenOf } from './burden.ts';
import { toDomainOrganisation } from '../organisations/index.ts';
import {
  findCertificateHolders,
  findMonthlyPlansListing,
  findRemoteChecksOfYear,
  findRemoteClosedIncidentsOfYear,
} from './guard-facts.repository.ts';
import { monitoringCatalog, sourceMatter } from '@inspecta/domain/monitoring';
import {
  findDeclinedMergesOfEnterprise,
  findOrganisationRow,
  findOtherPlannedInMonth,
} from './repository.ts';
import type { InspectionRow } from './inspection-store.ts';
import type { OnsitePlanContent } from './schema.ts';

// Issue 5 item 2: the facts the domain's guard (mayBeginInspection) reads, gathered in the caller's transaction.

const officersByCertificate = async (db: Db | Tx, numbers: string[]): Promise<Officer[]> => {
  if (numbers.length === 0) return [];
  const { held, rows, certs } = await findCertificateHolders(db, numbers);
  const byNumber = new Map(held.map((row) => [row.number, row.officerId]));
  return numbers.map((number) => {
    const officer = rows.find((row) => row.id === byNumber.get(number));
    // a number no officer holds: someone without a certificate, who cannot count as an inspector (measure 10)
    if (!officer)
      return {
        id: number,
        name: `执法证号 ${number}（未登记）`,
        onRoster: false,
        removedOn: null,
        qualifications: [],
        certificates: [],
      };
    return {
      id: officer.id,
      name: officer.name,
      onRoster: officer.onRoster,
      removedOn: officer.removedOn,
      qualifications: officer.qualifications as Qualification[],
      certificates: certs
        .filter((cert) => cert.officerId === officer.id)
        .map((cert) => ({
          number: cert.number,
          issuingAuthority: cert.issuingAuthority,
          validFrom: cert.validFrom,
          validTo: cert.validTo,
          status: cert.status,
        })),
    };
  });
};

const subjectOf = async (db: Db | Tx, row: InspectionRow, content: OnsitePlanContent | null) => {
  const id = content?.subjectOrganisationId ?? row.subjectOrganisationId ?? row.organisationId;
  const subject = id ? await findOrganisationRow(db, id) : undefined;
  if (!subject) throw problem('INSPECTION_NO_SUBJECT', { measure: 9 });
  const entrusting = subject.entrustingOrganisationId
    ? await findOrganisationRow(db, subject.entrustingOrganisationId)
    : undefined;
  return {
    subject: toDomainOrganisation(subject),
    ...(entrusting ? { entrustingOrganisation: toDomainOrganisation(entrusting) } : {}),
  };
};

// measure 8: another open inspection of the enterprise in the same month, not declined as a merge.
const pendingMerge = async (db: Db | Tx, row: InspectionRow): Promise<boolean> => {
  const month = row.plannedOn.slice(0, 7);
  const others = await findOtherPlannedInMonth(db, row, month);
  if (others.length === 0) return false;
  const declined = await findDeclinedMergesOfEnterprise(db, row.enterpriseId);
  return others.some(
    (other) =>
      !declined.some(
        (decision) => decision.inspectionIds.includes(other.id) && decision.inspectionIds.includes(row.id),
      ),
  );
};

// measure 7: a remote or written check of the same matter this year that found nothing; a monitoring lead
// closed after a remote check found no violation is one, of its source's matter (issue 16 item 5).
const remoteFoundNothing = async (db: Db | Tx, row: InspectionRow, matters: string[]): Promise<boolean> => {
  const checks = await findRemoteChecksOfYear(db, row.enterpriseId, row.year);
  if (
    checks.some(
      (check) =>
        check.remote && !check.remote.violation && check.matters.some((matter) => matters.includes(matter)),
    )
  )
    return true;
  const leads = await findRemoteClosedIncidentsOfYear(db, row.enterpriseId, row.year);
  return leads.some((lead) => matters.includes(sourceMatter(monitoringCatalog, lead.sourceKind)));
};

const monthlyPlansOf = async (db: Db | Tx, row: InspectionRow) => {
  const listing = await findMonthlyPlansListing(db, row.enterpriseId, row.year);
  return listing
    .filter((plan) => isWithinTerritory(plan.territory, row.territory))
    .map((plan) => ({
      planId: plan.id,
      year: plan.year,
      month: plan.month,
      status: plan.status,
      enterpriseIds: plan.enterpriseIds,
    }));
};

// The facts of one inspection as the domain's guards read them.
const guardFacts = async (
  db: Db | Tx,
  row: InspectionRow,
  content: OnsitePlanContent | null,
  date: string,
) => {
  const burden = (await burdenOf(db, [row.enterpriseId], row.year)).get(row.enterpriseId);
  const counted = COUNTED_STAGES.includes(row.stage);
  return {
    date,
    enterpriseId: row.enterpriseId,
    matters: content?.matters ?? row.matters,
    ...(await subjectOf(db, row, content)),
    drawId: row.drawId,
    monthlyPlans: await monthlyPlansOf(db, row),
    trigger: row.trigger,
    triggerReference: row.triggerReference,
    triggerDescription: row.triggerDescription,
    triggerApproved: row.triggerApprovedAt !== null,
    frequency: {
      existingThisYear: Math.max(0, (burden?.count ?? 0) - (counted ? 1 : 0)),
      cap: burden?.cap ?? null,
      capVerified: burden?.capVerified ?? false,
      capSource: burden?.capSource ?? null,
      overCapReason: row.overCapReason,
      pendingMerge: await pendingMerge(db, row),
    },
  };
};

export const evaluateBegin = async (
  db: Db | Tx,
  row: InspectionRow,
  content: OnsitePlanContent,
  step: BeginStep,
  onsitePlanApproved: boolean,
) =>
  mayBeginInspection({
    ...(await guardFacts(db, row, content, content.scheduledAt.slice(0, 10))),
    step,
    officers: await officersByCertificate(
      db,
      content.officers.map((officer) => officer.certificate),
    ),
    onsitePlanApproved,
    remoteFoundNothing: await remoteFoundNothing(db, row, content.matters),
    visitReason: content.visitReason,
  });

// measure 7 with measures 5 and 9: a remote or written check needs a lawful subject and a ground in a plan, a
// draw or a recorded trigger, like any inspection.
export const assertMayCheckRemotely = async (db: Db | Tx, row: InspectionRow, date: string) => {
  const answer = mayCheckRemotely(await guardFacts(db, row, null, date));
  if (!answer.ok) throw refused(answer);
  return answer.checks;
};

// Throws the first failing guard as problem+json (measure, basis); answers the full list when all pass.
export const assertMayBegin = async (
  db: Db | Tx,
  row: InspectionRow,
  content: OnsitePlanContent,
  step: BeginStep,
  onsitePlanApproved: boolean,
) => {
  const answer = await evaluateBegin(db, row, content, step, onsitePlanApproved);
  if (!answer.ok) throw refused(answer);
  return answer.checks;
};
