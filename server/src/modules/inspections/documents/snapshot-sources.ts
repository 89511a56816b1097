import { checklistByCode, checklistCatalog, inspectionMatterName } from '@inspecta/domain';
import type { Db, Tx } from '../../../platform/db/client.ts';
import type { InspectionRow } from '../inspection-store.ts';
import type { EnterpriseLine, OfficerLine } from './snapshots.ts';
import { findInspectionById } from '../repository.ts';
import { listFindingsInRecordOrder } from '../rectification/repository.ts';
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

// 安全生产法 第七十条: the decisions to stop (暂时停产停业、停止使用) an inspection ordered for a major hidden danger
// that still stand (no resumption approved), for the coercive measures that enforce them.
export const stopDecisionsInForce = async (db: Db | Tx, inspectionId: string) =>
  (await listFindingsInRecordOrder(db, inspectionId)).flatMap((finding) =>
    finding.emergencyMeasures
      .filter((measure) => measure.kind !== 'evacuation' && !measure.resumption)
      .map((measure) => ({
        findingId: finding.id,
        description: finding.description,
        kind: measure.kind,
        decisionNumber: measure.decisionNumber ?? null,
      })),
  );
