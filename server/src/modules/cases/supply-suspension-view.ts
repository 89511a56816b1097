import {
  SUPPLY_KIND_NAMES,
  SUPPLY_SUSPENSION_LAW,
  SUPPLY_SUSPENSION_NOTICE_LAW,
  SUPPLY_SUSPENSION_STATUS_NAMES,
} from '@inspecta/domain';
import type { Db, Tx } from '../../platform/db/client.ts';
import { stopDecisionsInForce } from '../inspections/index.ts';
import { findSupplySuspensionsOf, type CaseRow, type SupplySuspensionRow } from './repository.ts';

export { countOpenSupplySuspensions } from './repository.ts';

// 安全生产法 第七十条 as the case shows it: the supply suspensions, the decisions to stop they may enforce, and
// the law.

const EMERGENCY_MEASURE_KIND_NAMES: Record<string, string> = {
  suspension: '责令暂时停产停业',
  stop_use: '责令停止使用相关设施、设备',
};

const toView = (row: SupplySuspensionRow) => ({
  id: row.id,
  kinds: row.kinds,
  kindNames: row.kinds.map((kind) => SUPPLY_KIND_NAMES[kind]),
  suppliers: row.suppliers,
  reason: row.reason,
  enterpriseNotifiedAt: row.enterpriseNotifiedAt.toISOString(),
  effectiveAt: row.effectiveAt.toISOString(),
  urgent: row.urgent,
  urgentReason: row.urgentReason,
  status: row.status,
  statusName: SUPPLY_SUSPENSION_STATUS_NAMES[row.status],
  proposedByName: row.proposedByName,
  decidedByName: row.decidedByName,
  decisionNote: row.decisionNote,
  liftedAt: row.liftedAt?.toISOString() ?? null,
  liftNote: row.liftNote,
  liftedByName: row.liftedByName,
});

export const supplySuspensionDetail = async (db: Db | Tx, row: CaseRow) => ({
  supplySuspensions: (await findSupplySuspensionsOf(db, row.id)).map(toView),
  stopDecisions: row.inspectionId
    ? (await stopDecisionsInForce(db, row.inspectionId)).map((decision) => ({
        description: decision.description,
        kindName: EMERGENCY_MEASURE_KIND_NAMES[decision.kind] ?? decision.kind,
        decisionNumber: decision.decisionNumber,
      }))
    : [],
  supplySuspensionBasis: { law: SUPPLY_SUSPENSION_LAW, notice: SUPPLY_SUSPENSION_NOTICE_LAW },
});
