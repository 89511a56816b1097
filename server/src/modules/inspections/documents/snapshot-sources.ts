import { checklistByCode, checklistCatalog, inspectionMatterName } from '@inspecta/domain';
import type { Db, Tx } from '../../../platform/db/client.ts';
import type { InspectionRow } from '../inspection-store.ts';
import type { EnterpriseLine, OfficerLine } from './snapshots.ts';
import { findInspectionById } from '../repository.ts';
import { findEnterpriseLine } from './repository.ts';

// What every document says about the enterprise and the officers, read once when it is issued.

export const enterpriseLine = async (
  db: Db | Tx,
  inspection: Pick<InspectionRow, 'enterpriseId' | 'enterpriseName' | 'creditCode'>,
): Promise<EnterpriseLine> => {
  const row = await findEnterpriseLine(db, inspection.enterpriseId);
  return (
    row ?? {
      name: inspection.enterpriseName,
      creditCode: inspection.creditCode,
      address: '',
      legalRepresentative: '',
    }
  );
};

export const officerLines = (team: InspectionRow['team']): OfficerLine[] =>
  team.map((member) => ({
    name: member.name,
    certificate: member.certificate,
    organisationName: member.organisationName,
  }));

export const matterNames = (codes: readonly string[]): string[] =>
  codes.map((code) => inspectionMatterName(code));

// a checklist by its name on paper; a code the catalogue no longer knows is printed as a plain word
export const checklistName = (code: string): string =>
  checklistByCode(checklistCatalog, code)?.name ?? '检查表';

// What another module's document (a penalty case's) says of the enterprise and of the officers of the inspection
// it came from: the enterprise as the register holds it, the team as the inspection recorded it.
export const partiesForDocument = async (
  db: Db | Tx,
  ids: { enterpriseId: string | null; inspectionId: string | null },
): Promise<{ enterprise: EnterpriseLine | undefined; officers: OfficerLine[] }> => {
  const enterprise = ids.enterpriseId ? await findEnterpriseLine(db, ids.enterpriseId) : undefined;
  const inspection = ids.inspectionId ? await findInspectionById(db, ids.inspectionId) : undefined;
  return { enterprise, officers: inspection ? officerLines(inspection.team) : [] };
};
