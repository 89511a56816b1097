import { violationByCode, type Sanction } from '@inspecta/domain';
import type { CaseRow } from './repository.ts';

// The sanctions the law sets for the case's violation at the first stage (every party), from the catalogue.
export const sanctionsOf = (row: CaseRow): Sanction[] => {
  const violation = row.violationCode ? violationByCode(row.violationCode) : undefined;
  return (
    violation?.penalties
      .filter((penalty) => penalty.stage === 'initial')
      .flatMap((penalty) => penalty.sanctions) ?? []
  );
};
