import { checklistByCode, checklistCatalog, inspectionMatterName } from '@inspecta/domain';
import type { Db, Tx } from '../../../platform/db/client.ts';
import type { InspectionRow } from '../inspection-store.ts';
import type { EnterpriseLine, OfficerLine } from './snapshots.ts';
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
