import { inspectionMatterName, jointTeam, postApprovalState } from '@inspecta/domain';
import type { Actor } from '../../../platform/policy/policy.ts';
import type { Db, Tx } from '../../../platform/db/client.ts';
import { enterpriseLine } from '../documents/snapshot-sources.ts';
import { officersByCertificate } from '../../officers/index.ts';
import type { InspectionRow } from '../inspection-store.ts';
import type { OnsitePlanContent } from '../schema.ts';
import {
  findEnterpriseAddress,
  findLatestPlan,
  findOrganisationName,
  insertPlan,
  type PlanRow,
} from './repository.ts';

// measure 11: the on-site inspection plan (现场检查方案: time, enterprise, site, matters, officers, checklist),
// drafted by the officers, approved by the department head with comments or rejected with a reason; the
// guards of issue 5 item 2 run at approval and again at check-in.
//
// The plan's versions as every step reads and writes them: the latest, its view, the default content of a
// new draft, the documents' account of the visit.

export type { PlanRow };

export const latestPlan = (db: Db | Tx, inspectionId: string): Promise<PlanRow | undefined> =>
  findLatestPlan(db, inspectionId);

// now: for the 事后补批 state of an urgent visit (pending, or overdue once its period has passed)
export const planView = (row: PlanRow, now: Date) => ({
  id: row.id,
  version: row.version,
  status: row.status,
  content: {
    ...row.content,
    officers: row.content.officers.map((officer) => ({
      ...officer,
      organisationName: officer.organisationName || null,
    })),
    matterNames: row.content.matters.map((code) => inspectionMatterName(code)),
  },
  draftedAt: row.draftedAt.toISOString(),
  draftedByName: row.draftedByName,
  decidedAt: row.decidedAt?.toISOString() ?? null,
  decidedByName: row.decidedByName,
  comment: row.comment,
  urgent: row.urgent ?? null,
  postApproval: postApprovalState({ urgent: row.urgent ?? null, status: row.status }, now),
});

// measure 11: the plan allows the visit once approved, or, for an urgent visit, while its approval is pending
// (事后补批); a plan the bureau head returned afterwards no longer does.
export const planAllowsVisit = (plan: Pick<PlanRow, 'status' | 'urgent'>): boolean =>
  plan.status === 'approved' || (plan.urgent != null && plan.status === 'submitted');

// The team by certificate number, with names and departments, from the register.
export const teamOf = async (db: Db | Tx, numbers: string[]): Promise<OnsitePlanContent['officers']> => {
  const known = await officersByCertificate(db, numbers);
  return numbers.map((number) => {
    const officer = known.get(number);
    return officer
      ? {
          certificate: number,
          officerId: officer.officerId,
          name: officer.name,
          organisationName: officer.organisationName,
        }
      : { certificate: number, officerId: null, name: `执法证号 ${number}（未登记）` };
  });
};

// What both documents of the plan (现场检查方案, 行政检查通知书) say of the visit, from the plan as it stands;
// the bureau the plan names as subject (measure 9) numbers them.
export const plannedVisit = async (db: Db | Tx, row: InspectionRow, plan: PlanRow) => ({
  inspection: {
    ...row,
    subjectOrganisationId: plan.content.subjectOrganisationId || row.subjectOrganisationId,
  },
  visit: {
    enterprise: await enterpriseLine(db, row),
    scheduledAt: plan.content.scheduledAt,
    site: plan.content.site,
    matters: plan.content.matters.map((code) => inspectionMatterName(code)),
    // a partner department's officer keeps the department, which both documents print beside the name
    officers: plan.content.officers.map(({ name, certificate, organisationName }) => ({
      name,
      certificate,
      ...(organisationName ? { organisationName } : {}),
    })),
  },
});

export const defaultContent = async (db: Db | Tx, row: InspectionRow): Promise<OnsitePlanContent> => {
  const enterprise = await findEnterpriseAddress(db, row.enterpriseId);
  const subjectId = row.subjectOrganisationId ?? row.organisationId;
  const subject = subjectId ? await findOrganisationName(db, subjectId) : undefined;
  return {
    scheduledAt: `${row.plannedOn}T09:00:00+08:00`,
    site: enterprise?.address ?? '',
    matters: row.matters,
    // measure 6: a draw's joint inspection comes with its partner departments' drawn officers
    officers: jointTeam(row.team, row.partners).map(({ certificate, officerId, name, organisationName }) => ({
      certificate,
      officerId,
      name,
      organisationName,
    })),
    checklists: [],
    mode: 'on_site',
    visitReason: null,
    unannounced: false,
    unannouncedReason: null,
    subjectOrganisationId: subject?.id ?? '',
    subjectName: subject?.name ?? row.organisationName,
  };
};

export const insertVersion = async (
  tx: Tx,
  actor: Actor,
  row: InspectionRow,
  content: OnsitePlanContent,
  at: Date,
) => {
  const previous = await latestPlan(tx, row.id);
  return insertPlan(tx, {
    inspectionId: row.id,
    territory: row.territory,
    version: (previous?.version ?? 0) + 1,
    status: 'draft',
    content,
    draftedAt: at,
    draftedByName: actor.displayName,
    draftedById: actor.id,
  });
};
