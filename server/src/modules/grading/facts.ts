import { z } from 'zod';
import {
  ZAccidentRecordSchema,
  ZJointCreditPunishmentSchema,
  ZOverdueMajorHiddenDangerSchema,
  ZSafetyCreditGradeRecordSchema,
  ZSanctionRecordSchema,
  ZSpecialProcessesSchema,
  ZStandardisationRecordSchema,
  factsWithNoRecords,
  type EnterpriseFacts,
} from '@inspecta/domain';

// One request shape per kind of fact; the data schemas are the domain's.
export const ZFactInputSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('accident'), data: ZAccidentRecordSchema }),
  z.strictObject({ kind: z.literal('penalty'), data: ZSanctionRecordSchema }),
  z.strictObject({ kind: z.literal('violation'), data: ZSanctionRecordSchema }),
  z.strictObject({ kind: z.literal('standardisation'), data: ZStandardisationRecordSchema }),
  z.strictObject({ kind: z.literal('safety_credit_grade'), data: ZSafetyCreditGradeRecordSchema }),
  z.strictObject({ kind: z.literal('overdue_major_hidden_danger'), data: ZOverdueMajorHiddenDangerSchema }),
  z.strictObject({ kind: z.literal('joint_credit_punishment'), data: ZJointCreditPunishmentSchema }),
  z.strictObject({ kind: z.literal('special_processes'), data: ZSpecialProcessesSchema }),
  z.strictObject({
    kind: z.literal('designated_new_sector'),
    data: z.strictObject({ designated: z.boolean() }),
  }),
]);
export type TFactInput = z.infer<typeof ZFactInputSchema>;
// facts the platform records itself, never typed in: a monitoring lead (issue 16 item 3, measures 3 and 20), an
// internal reporting-reward mechanism registered (issue 17 item 2, 安委〔2024〕7号)
export const SYSTEM_FACT_KINDS = ['monitoring_lead', 'internal_reporting_mechanism'] as const;
export type FactKind = TFactInput['kind'] | (typeof SYSTEM_FACT_KINDS)[number];
export const factKinds: FactKind[] = [
  ...ZFactInputSchema.options.map((option) => option.shape.kind.value),
  ...SYSTEM_FACT_KINDS,
];

export const factKindNames: Record<FactKind, string> = {
  accident: '生产安全事故',
  penalty: '行政处罚',
  violation: '违法行为',
  standardisation: '安全生产标准化等级',
  safety_credit_grade: '安全诚信等级',
  overdue_major_hidden_danger: '重大事故隐患逾期未整改',
  joint_credit_punishment: '失信联合惩戒',
  special_processes: '重点监管危险化工工艺与重大危险源',
  designated_new_sector: '新业态重点行业认定',
  monitoring_lead: '监测预警线索',
  internal_reporting_mechanism: '事故隐患内部报告奖励机制',
};

export type RegistryProfile = {
  industry: string;
  dustWorkers: number;
  usesLiquidAmmonia: boolean;
  hasDeepWellCasting: boolean;
};

export type StoredFact = { kind: string; data: unknown };

// The domain's input: the registry columns plus every fact record still in force. Records were
// validated on the way in; the latest record of a single-valued kind wins (rows come oldest first).
export const assembleFacts = (profile: RegistryProfile, facts: readonly StoredFact[]): EnterpriseFacts => {
  // the platform tracks the internal reporting-reward mechanism: none until one is registered
  const assembled: EnterpriseFacts = { ...factsWithNoRecords(profile), internalReportingMechanism: null };
  for (const fact of facts) {
    const data = fact.data as never;
    switch (fact.kind as FactKind) {
      case 'accident':
        assembled.accidents.push(data);
        break;
      case 'penalty':
        assembled.penalties.push(data);
        break;
      case 'violation':
        assembled.violations.push(data);
        break;
      case 'standardisation':
        assembled.standardisation.push(data);
        break;
      case 'safety_credit_grade':
        assembled.safetyCreditGrades.push(data);
        break;
      case 'overdue_major_hidden_danger':
        assembled.overdueMajorHiddenDangers.push(data);
        break;
      case 'joint_credit_punishment':
        assembled.jointCreditPunishments.push(data);
        break;
      case 'special_processes':
        assembled.specialProcesses = data;
        break;
      case 'designated_new_sector':
        assembled.designatedNewSector = (fact.data as { designated: boolean }).designated;
        break;
      case 'monitoring_lead':
        (assembled.monitoringLeads ??= []).push(data);
        break;
      case 'internal_reporting_mechanism':
        assembled.internalReportingMechanism = {
          establishedOn: (fact.data as { establishedOn: string }).establishedOn,
        };
        break;
    }
  }
  return assembled;
};
