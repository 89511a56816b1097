import type { EnforcementClass, EnforcementLevel, RiskGrade, StandardisationLevel } from './grading-codes.ts';

// Which part of the result a reason explains.
export type GradingReasonEffect =
  'score' | 'season' | 'risk_grade' | 'class' | 'enforcement_level' | 'allowance';

// The fact a reason rests on.
export type GradingFactor =
  | 'industry'
  | 'accident'
  | 'penalty'
  | 'violation'
  | 'overdue_major_hidden_danger'
  | 'joint_credit_punishment'
  | 'hazardous_process'
  | 'major_hazard_source'
  | 'key_industry'
  | 'safety_credit_grade'
  | 'standardisation'
  | 'designated_new_sector'
  | 'monitoring_lead'
  | 'internal_reporting'
  | 'season'
  | 'score'
  | 'enforcement_class';

// Every reason names the fact and the catalogue rule that produced it: `rule` is the code of a
// catalog/grading.json entry, or, for factor 'key_industry' with effect 'class', of a
// catalog/key-industry-criteria.json entry (measure 4).
export type GradingReason = {
  effect: GradingReasonEffect;
  factor: GradingFactor;
  rule: string;
  points?: number;
  text: string;
  source: string;
  verified: boolean;
};

export type InspectionAllowance = {
  minimum: { count: number; perYears: number };
  minimumVerified: boolean;
  // annual cap; null when the catalogue sets none
  cap: number | null;
  capVerified: boolean;
};

export type GradingResult = {
  class: EnforcementClass;
  riskGrade: RiskGrade;
  enforcementLevel: EnforcementLevel;
  score: number;
  standardisation: StandardisationLevel;
  seasons: string[];
  allowance: InspectionAllowance;
  reasons: GradingReason[];
  // unverified key criteria the enterprise meets: they propose it for the guide list, they do not make it key
  // (absent in results stored before issue 11)
  keyProposals?: string[];
  catalogVersion: string;
  keyIndustryCriteriaVersion: string;
};
