// The inspections module's door: the only file other modules, the CLI, the demo and the tests outside it import.
export { caseReferralRoutes } from './case-referral/routes.ts';
export { overdueOrderForCase, settleReferralWithCase } from './case-referral/case-sources.ts';
export type { CaseOrigin } from './case-referral/case-sources.ts';
export { documentRoutes } from './documents/routes.ts';
export { partiesForDocument, stopDecisionsInForce } from './documents/snapshot-sources.ts';
export type { EnterpriseLine, OfficerLine } from './documents/snapshots.ts';
export { checkEvidence, readEvidenceUpload } from './evidence-files.ts';
export { COUNTED_STAGES, COUNTED_STATUSES } from './model.ts';
export { RATABLE_STAGES } from './checkin/service.ts';
export { onsitePlanRoutes } from './onsite-plan/routes.ts';
export { recordRoutes } from './record/routes.ts';
export { escalateOverdueOrders } from './rectification/escalate-overdue.ts';
export { recomputePendingDeadlines } from './rectification/recompute-deadlines.ts';
export { rectificationRoutes } from './rectification/routes.ts';
export { inspectionRoutes } from './routes.ts';
export { planInspectionInTx } from './service.ts';
