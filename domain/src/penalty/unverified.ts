import { caseProcedureCatalog } from './case-procedure.ts';
import type { CaseProcedureCatalog } from './case-procedure.ts';
import { discretionCatalog } from './discretion-catalog.ts';
import type { DiscretionCatalog } from './discretion-catalog.ts';
import { noPenaltyCatalog } from './no-penalty-lists.ts';
import type { NoPenaltyCatalog } from './no-penalty-lists.ts';
import { violationCatalog } from './violation-catalog.ts';
import { firmnessCatalog } from './firmness-catalog.ts';
import type { ViolationCatalog } from './violation-catalog.ts';

export type UnverifiedPenaltyEntry = {
  catalog: string;
  code: string;
  name: string;
  source: string;
  placeholder: boolean;
};

// Every penalty catalogue entry a legal reviewer has not yet verified (shown as 待法制审核).
export const penaltyCatalogUnverified = (
  catalogs: {
    violations?: ViolationCatalog;
    discretion?: DiscretionCatalog;
    noPenalty?: NoPenaltyCatalog;
    procedure?: CaseProcedureCatalog;
  } = {},
): UnverifiedPenaltyEntry[] => {
  const violations = catalogs.violations ?? violationCatalog;
  const discretion = catalogs.discretion ?? discretionCatalog;
  const lists = catalogs.noPenalty ?? noPenaltyCatalog;
  const procedure = catalogs.procedure ?? caseProcedureCatalog;
  return [
    ...violations.laws
      .filter((law) => !law.verified)
      .map((law) => ({
        catalog: 'violations',
        code: law.code,
        name: `${law.title}施行日期`,
        source: law.source,
        placeholder: false,
      })),
    ...violations.entries
      .filter((entry) => !entry.verified)
      .map((entry) => ({
        catalog: 'violations',
        code: entry.code,
        name: entry.violation,
        source: entry.source,
        placeholder: false,
      })),
    ...discretion.schemes
      .filter((scheme) => !scheme.verified)
      .map((scheme) => ({
        catalog: 'discretion',
        code: scheme.code,
        name: scheme.name,
        source: scheme.source,
        placeholder: true,
      })),
    ...discretion.violations
      .filter((row) => !row.verified)
      .map((row) => ({
        catalog: 'discretion',
        code: `${row.violationCode}_${row.tier}`,
        name: row.conditions,
        source: row.source,
        placeholder: false,
      })),
    ...lists.grounds
      .filter((ground) => !ground.verified)
      .map((ground) => ({
        catalog: 'no_penalty',
        code: ground.code,
        name: ground.name,
        source: ground.source,
        placeholder: false,
      })),
    ...lists.lists.flatMap((list) => [
      ...(list.verified
        ? []
        : [
            {
              catalog: 'no_penalty',
              code: list.code,
              name: list.name,
              source: list.source,
              placeholder: false,
            },
          ]),
      ...list.items
        .filter((item) => !item.verified)
        .map((item) => ({
          catalog: 'no_penalty',
          code: item.code,
          name: item.name,
          source: list.document,
          placeholder: item.placeholder,
        })),
    ]),
    ...[
      ...procedure.periods,
      procedure.simplifiedProcedure,
      procedure.hearingThreshold,
      procedure.collectiveDiscussion,
      procedure.observation,
      procedure.seizure,
      procedure.creditRepair,
      procedure.seriousDishonesty,
      procedure.finePerformance.surcharge,
      procedure.finePerformance.surchargeOnArrangement,
      procedure.finePerformance.repeatedReminder,
      procedure.finePerformance.deferral,
      procedure.finePerformance.reminder,
      procedure.finePerformance.courtApplication,
      ...procedure.finePerformance.challengePeriods,
    ]
      .filter((rule) => !rule.verified)
      .map((rule) => ({
        catalog: 'case_procedure',
        code: rule.code,
        name: rule.name,
        source: rule.source,
        placeholder: rule.source.includes('placeholder'),
      })),
    // measure 15: the counting rules 第一百一十二条、第一百一十三条 leave open
    ...[firmnessCatalog.continuousPenalty.countingEnd, firmnessCatalog.closure.repeatedPenalties]
      .filter((rule) => !rule.verified)
      .map((rule) => ({
        catalog: 'firmness',
        code: rule.code,
        name: rule.name,
        source: rule.source,
        placeholder: rule.source.includes('placeholder'),
      })),
  ];
};
