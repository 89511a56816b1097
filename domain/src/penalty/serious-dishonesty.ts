import { caseProcedureCatalog, type CaseProcedureCatalog } from './case-procedure.ts';
import type { Tier } from './discretion-catalog.ts';

// Issue 15 item 10 (measure 22): each penalty decision is checked against the listing cases of the serious-
// dishonesty list (应急管理部令第11号) the catalogue holds; a match proposes a listing with its basis for the
// bureau that decided (谁处罚、谁决定、谁负责), never lists by itself: 第三条 also asks that the violation be
// "性质恶劣、情节严重", which only the bureau can judge. A decision without penalty proposes nothing.

export type SeriousDishonestyProposal = {
  criterion: string;
  code: string;
  note: string | null;
  scope: string;
  source: string;
  verified: boolean;
};

export const seriousDishonestyProposal = (
  decision: { violationCode: string | null; tier: Tier | null },
  catalog: CaseProcedureCatalog = caseProcedureCatalog,
): SeriousDishonestyProposal | null => {
  if (!decision.violationCode || !decision.tier || decision.tier === 'no_penalty') return null;
  const rules = catalog.seriousDishonesty;
  const criterion = rules.criteria.find((entry) => entry.violationCodes.includes(decision.violationCode!));
  return criterion
    ? {
        criterion: criterion.text,
        code: criterion.code,
        note: criterion.note ?? null,
        scope: rules.scope,
        source: rules.source,
        verified: rules.verified,
      }
    : null;
};
