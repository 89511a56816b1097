import type { BodyOf, ResponseOf } from '../../api/types';

// The on-site part of an inspection (issue 5 items 3, 4, 9), as the server answers it.
export type OnsiteOverview = ResponseOf<'/api/v1/inspections/{id}/onsite', 'get'>;
export type OnsiteCheck = OnsiteOverview['checks'][number];
export type OnsiteMember = OnsiteOverview['team'][number];
export type OnsitePlan = NonNullable<OnsiteOverview['plan']>;
export type OnsitePlanContent = OnsitePlan['content'];
export type OnsitePlanMode = OnsitePlanContent['mode'];
export type OnsitePlanDraft = BodyOf<'/api/v1/inspections/{id}/onsite-plan', 'post'>;
export type OnsitePlanDecision = BodyOf<'/api/v1/inspections/{id}/onsite-plan/decision', 'post'>;
export type UrgentStart = BodyOf<'/api/v1/inspections/{id}/onsite-plan/urgent-start', 'post'>;
export type CheckInCode = ResponseOf<'/api/v1/inspections/{id}/checkin-code', 'get'>;
export type TimelineStep = ResponseOf<'/api/v1/inspections/{id}/timeline', 'get'>[number];
export type InspectionSummary = ResponseOf<'/api/v1/inspections/{id}', 'get'>;
export type DelegationInput = BodyOf<'/api/v1/plan-approval-delegations', 'post'>;
export type Delegation = ResponseOf<'/api/v1/plan-approval-delegations', 'get'>['items'][number];
export type RecordFinding = ResponseOf<'/api/v1/inspections/{id}/form', 'get'>['findings'][number];
