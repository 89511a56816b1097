import {
  isWithinTerritory,
  mayBeginInspection,
  OPEN_STAGES,
  type BeginStep,
  type Officer,
  type Qualification,
} from '@inspecta/domain';
import { and, eq, inArray, ne, sql } from 'drizzle-orm';
import { COUNTED_STAGES } from './model.ts';
import { refused } from '../../platform/http/problem.ts';
import { Problem } from '../../platform/http/problem.ts';
import type { Db, Tx } from '../../platform/db/client.ts';
import { burdenOf } from './burden.ts';
import { inspections, mergeDecisions } from './schema.ts';
import { certificates, officers } from '../officers/schema.ts';
import { organisations } from '../organisations/schema.ts';
import { toDomainOrganisation } from '../organisations/index.ts';
import { monthlyPlans } from '../plans/schema.ts';
import type { InspectionRow } from './inspection-store.ts';
import type { OnsitePlanContent } from './schema.ts';

// Issue 5 item 2: the facts the domain's guard (mayBeginInspection) reads, gathered in the caller's transaction.

const officersByCertificate = async (db: Db | Tx, numbers: string[]): Promise<Officer[]> => {
  if (numbers.length === 0) return [];
  const held = await db
    .select({ officerId: certificates.officerId, number: certificates.number })
    .from(certificates)
    .where(inArray(certificates.number, numbers));
  const ids = [...new Set(held.map((row) => row.officerId))];
  const rows = ids.length ? await db.select().from(officers).where(inArray(officers.id, ids)) : [];
  const certs = ids.length
    ? await db.select().from(certificates).where(inArray(certificates.officerId, ids))
    : [];
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
  const [subject] = id ? await db.select().from(organisations).where(eq(organisations.id, id)) : [];
  if (!subject)
    throw new Problem(422, 'INSPECTION_NO_SUBJECT', '未登记检查主体，不能实施检查', { measure: 9 });
  const [entrusting] = subject.entrustingOrganisationId
    ? await db.select().from(organisations).where(eq(organisations.id, subject.entrustingOrganisationId))
    : [];
  return {
    subject: toDomainOrganisation(subject),
    ...(entrusting ? { entrustingOrganisation: toDomainOrganisation(entrusting) } : {}),
  };
};

// measure 8: another open inspection of the enterprise in the same month, not declined as a merge.
const pendingMerge = async (db: Db | Tx, row: InspectionRow): Promise<boolean> => {
  const month = row.plannedOn.slice(0, 7);
  const others = await db
    .select({ id: inspections.id })
    .from(inspections)
    .where(
      and(
        eq(inspections.enterpriseId, row.enterpriseId),
        inArray(inspections.stage, OPEN_STAGES),
        ne(inspections.id, row.id),
        sql`to_char(${inspections.plannedOn}, 'YYYY-MM') = ${month}`,
      ),
    );
  if (others.length === 0) return false;
  const declined = await db
    .select({ ids: mergeDecisions.inspectionIds })
    .from(mergeDecisions)
    .where(and(eq(mergeDecisions.enterpriseId, row.enterpriseId), eq(mergeDecisions.decision, 'declined')));
  return others.some(
    (other) => !declined.some((decision) => decision.ids.includes(other.id) && decision.ids.includes(row.id)),
  );
};

// measure 7: a remote or written check of the same matter this year that found nothing.
const remoteFoundNothing = async (db: Db | Tx, row: InspectionRow, matters: string[]): Promise<boolean> => {
  const checks = await db
    .select({ remote: inspections.remoteCheck, matters: inspections.matters })
    .from(inspections)
    .where(
      and(
        eq(inspections.enterpriseId, row.enterpriseId),
        eq(inspections.year, row.year),
        sql`${inspections.remoteCheck} is not null`,
      ),
    );
  return checks.some(
    (check) =>
      check.remote && !check.remote.violation && check.matters.some((matter) => matters.includes(matter)),
  );
};

const monthlyPlansOf = async (db: Db | Tx, row: InspectionRow) => {
  const listing = await db
    .select()
    .from(monthlyPlans)
    .where(
      and(
        inArray(monthlyPlans.year, [row.year - 1, row.year, row.year + 1]),
        sql`${monthlyPlans.enterpriseIds} @> ${JSON.stringify([row.enterpriseId])}::jsonb`,
      ),
    );
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

export const evaluateBegin = async (
  db: Db | Tx,
  row: InspectionRow,
  content: OnsitePlanContent,
  step: BeginStep,
  onsitePlanApproved: boolean,
) => {
  const burden = (await burdenOf(db, [row.enterpriseId], row.year)).get(row.enterpriseId);
  const counted = COUNTED_STAGES.includes(row.stage);
  return mayBeginInspection({
    date: content.scheduledAt.slice(0, 10),
    step,
    enterpriseId: row.enterpriseId,
    matters: content.matters,
    ...(await subjectOf(db, row, content)),
    officers: await officersByCertificate(
      db,
      content.officers.map((officer) => officer.certificate),
    ),
    onsitePlanApproved,
    drawId: row.drawId,
    monthlyPlans: await monthlyPlansOf(db, row),
    trigger: row.trigger,
    triggerReference: row.triggerReference,
    frequency: {
      existingThisYear: Math.max(0, (burden?.count ?? 0) - (counted ? 1 : 0)),
      cap: burden?.cap ?? null,
      capVerified: burden?.capVerified ?? false,
      capSource: burden?.capSource ?? null,
      pendingMerge: await pendingMerge(db, row),
    },
    remoteFoundNothing: await remoteFoundNothing(db, row, content.matters),
    visitReason: content.visitReason,
  });
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
