// Domain types derived from the generated OpenAPI `paths`, so nothing is typed twice.
import type { paths } from './schema';

type Method = 'get' | 'post' | 'put' | 'patch';
type Operation<P extends keyof paths, M extends Method> = M extends keyof paths[P]
  ? NonNullable<paths[P][M]>
  : never;
type JsonContent<R> = R extends { content: { 'application/json': infer J } } ? J : never;
type SuccessOf<Rs> = Rs extends { 200: infer R }
  ? R
  : Rs extends { 201: infer R }
    ? R
    : Rs extends { 202: infer R }
      ? R
      : never;

export type ResponseOf<P extends keyof paths, M extends Method> =
  Operation<P, M> extends { responses: infer Rs } ? JsonContent<SuccessOf<Rs>> : never;
export type QueryOf<P extends keyof paths, M extends Method> =
  Operation<P, M> extends { parameters: { query?: infer Q } } ? NonNullable<Q> : never;
export type BodyOf<P extends keyof paths, M extends Method> =
  Operation<P, M> extends { requestBody?: infer B } ? JsonContent<NonNullable<B>> : never;

export type User = ResponseOf<'/api/v1/auth/me', 'get'>['user'];
export type Role = User['role'];
export type Territory = ResponseOf<'/api/v1/territories', 'get'>['items'][number];
export type Industry = ResponseOf<'/api/v1/catalog/industries', 'get'>['items'][number];
export type InspectionMatter = ResponseOf<'/api/v1/catalog/inspection-matters', 'get'>['items'][number];

export type EnterprisePage = ResponseOf<'/api/v1/enterprises', 'get'>;
export type Enterprise = ResponseOf<'/api/v1/enterprises/{id}', 'get'>;
export type EnterpriseQuery = QueryOf<'/api/v1/enterprises', 'get'>;
export type EnterpriseCreate = BodyOf<'/api/v1/enterprises', 'post'>;
export type EnterprisePatch = BodyOf<'/api/v1/enterprises/{id}', 'patch'>;
export type Scale = Enterprise['scale'];
export type ImportResult = ResponseOf<'/api/v1/enterprises/import', 'post'>;

export type OrganisationPage = ResponseOf<'/api/v1/organisations', 'get'>;
export type Organisation = ResponseOf<'/api/v1/organisations/{id}', 'get'>;
export type OrganisationQuery = QueryOf<'/api/v1/organisations', 'get'>;
export type OrganisationCreate = BodyOf<'/api/v1/organisations', 'post'>;
export type OrganisationPatch = BodyOf<'/api/v1/organisations/{id}', 'patch'>;
export type OrganisationKind = Organisation['kind'];
export type SubjectCheck = ResponseOf<'/api/v1/organisations/{id}/subject-check', 'get'>;

export type OfficerPage = ResponseOf<'/api/v1/officers', 'get'>;
export type Officer = ResponseOf<'/api/v1/officers/{id}', 'get'>;
export type OfficerQuery = QueryOf<'/api/v1/officers', 'get'>;
export type OfficerCreate = BodyOf<'/api/v1/officers', 'post'>;
export type OfficerPatch = BodyOf<'/api/v1/officers/{id}', 'patch'>;
export type Certificate = Officer['certificates'][number];
export type CertificateCreate = BodyOf<'/api/v1/officers/{id}/certificates', 'post'>;
export type CertificateStatusChange = BodyOf<'/api/v1/officers/{id}/certificates/{certificateId}', 'patch'>;
export type Removal = BodyOf<'/api/v1/officers/{id}/removal', 'post'>;
export type Qualification = Officer['qualifications'][number];
export type Eligibility = ResponseOf<'/api/v1/officers/{id}/eligibility', 'get'>;

export type AuditPage = ResponseOf<'/api/v1/audit/events', 'get'>;
export type AuditEvent = AuditPage['items'][number];
export type AuditQuery = QueryOf<'/api/v1/audit/events', 'get'>;
export type AuditVerification = ResponseOf<'/api/v1/audit/verify', 'get'>;

export type GradeView = ResponseOf<'/api/v1/enterprises/{id}/grade', 'get'>;
export type Grade = NonNullable<GradeView['grade']>;
export type GradeReason = Grade['reasons'][number];
export type GradeChange = GradeView['history'][number];
export type GradeSnapshot = GradeChange['to'];
export type EnforcementClass = Grade['class'];
export type RiskGrade = Grade['riskGrade'];
export type EnforcementLevel = Grade['enforcementLevel'];
export type StandardisationLevel = Grade['standardisation'];
export type Fact = ResponseOf<'/api/v1/enterprises/{id}/facts', 'get'>['items'][number];
export type FactInput = BodyOf<'/api/v1/enterprises/{id}/facts', 'post'>;
export type FactKind = FactInput['kind'];
export type FactRecorded = ResponseOf<'/api/v1/enterprises/{id}/facts', 'post'>;
export type GradingOverview = ResponseOf<'/api/v1/grading/overview', 'get'>;
export type GradingOverviewQuery = QueryOf<'/api/v1/grading/overview', 'get'>;
export type RegradeRun = ResponseOf<'/api/v1/grading/runs/{id}', 'get'>;
export type GradingCatalog = ResponseOf<'/api/v1/catalog/grading', 'get'>;

export type GuideListSummary = ResponseOf<'/api/v1/guide-lists', 'get'>['items'][number];
export type GuideListStatus = GuideListSummary['status'];
export type GuideList = ResponseOf<'/api/v1/guide-lists/{id}', 'get'>;
export type GuideListEntry = GuideList['entries'][number];
export type GuideListDiff = GuideList['diff'];
export type PublicGuideListSummary = ResponseOf<'/api/v1/public/guide-lists', 'get'>['items'][number];
export type PublicGuideList = ResponseOf<'/api/v1/public/guide-lists/{year}', 'get'>;
export type PublicGuideListEntry = PublicGuideList['entries'][number];

export type AnnualPlanSummary = ResponseOf<'/api/v1/annual-plans', 'get'>['items'][number];
export type PlanStatus = AnnualPlanSummary['status'];
export type AnnualPlanTotals = AnnualPlanSummary['totals'];
export type AnnualPlanRecord = AnnualPlanSummary['record'];
export type AnnualPlan = ResponseOf<'/api/v1/annual-plans/{id}', 'get'>;
export type AnnualPlanCompute = BodyOf<'/api/v1/annual-plans/compute', 'post'>;
export type FormulaLine = AnnualPlan['formula']['lines'][number];
export type FormulaTerm = FormulaLine['result'];
export type KeyInspection = AnnualPlan['keyInspections'][number];
export type PlanBatch = AnnualPlan['batches'][number];
export type PlanWarning = AnnualPlan['warnings'][number];
export type PlanLink = NonNullable<AnnualPlan['link']>;
export type PlanExecution = ResponseOf<'/api/v1/annual-plans/{id}/execution', 'get'>;
export type ExecutionRow = PlanExecution['byMonth'][number];
export type UncoveredKeyEnterprise = PlanExecution['uncoveredKeyEnterprises'][number];
export type SubmitAnnualPlan = BodyOf<'/api/v1/annual-plans/{id}/submit', 'post'>;
export type ApproveAnnualPlan = BodyOf<'/api/v1/annual-plans/{id}/approve', 'post'>;
export type FileAnnualPlan = BodyOf<'/api/v1/annual-plans/{id}/file', 'post'>;
export type PublishAnnualPlan = BodyOf<'/api/v1/annual-plans/{id}/publish', 'post'>;
export type PublicAnnualPlan = ResponseOf<'/api/v1/public/annual-plans', 'get'>['items'][number];
export type MonthlyPlan = ResponseOf<'/api/v1/monthly-plans/{id}', 'get'>;
export type MonthlyPlanQuery = QueryOf<'/api/v1/monthly-plans', 'get'>;
export type MonthlyPlanCreate = BodyOf<'/api/v1/monthly-plans', 'post'>;
export type MonthlyTimeliness = NonNullable<MonthlyPlan['timeliness']>;

export type DrawSummary = ResponseOf<'/api/v1/draws', 'get'>['items'][number];
export type DrawStatus = DrawSummary['status'];
export type DrawCancellation = NonNullable<DrawSummary['cancellation']>;
export type DrawDetail = ResponseOf<'/api/v1/draws/{id}', 'get'>;
export type DrawDetailQuery = QueryOf<'/api/v1/draws/{id}', 'get'>;
export type DrawResultRow = DrawDetail['selected'][number];
export type DrawMember = DrawResultRow['inspectors'][number];
export type DrawFreeze = BodyOf<'/api/v1/draws', 'post'>;
export type DrawSource = DrawFreeze['source'];
export type DrawCriteriaStratum = Extract<DrawSource, { kind: 'criteria' }>['strata'][number];
export type DrawPerform = BodyOf<'/api/v1/draws/{id}/perform', 'post'>;
export type DrawRecusal = BodyOf<'/api/v1/draws/{id}/recusals', 'post'>;
export type DrawCancellationDecision = BodyOf<'/api/v1/draws/{id}/cancellation/decision', 'post'>;
export type PublicDrawSummary = ResponseOf<'/api/v1/public/draws', 'get'>['items'][number];
export type PublicDrawDetail = ResponseOf<'/api/v1/public/draws/{id}', 'get'>;

export type InspectionPage = ResponseOf<'/api/v1/inspections', 'get'>;
export type InspectionRow = InspectionPage['items'][number];
export type InspectionStage = InspectionRow['stage'];
export type InspectionQuery = QueryOf<'/api/v1/inspections', 'get'>;
export type InspectionKind = InspectionRow['kind'];
export type InspectionStatus = InspectionRow['status'];
export type BurdenLevel = InspectionRow['burden']['level'];
export type InspectionPlan = BodyOf<'/api/v1/inspections', 'post'>;
export type TargetedTrigger = NonNullable<InspectionPlan['trigger']>;
export type PlannedInspection = ResponseOf<'/api/v1/inspections', 'post'>;
export type BurdenRow = ResponseOf<'/api/v1/inspections/burden', 'get'>['items'][number];
export type BurdenQuery = QueryOf<'/api/v1/inspections/burden', 'get'>;
export type EnterpriseBurden = ResponseOf<'/api/v1/enterprises/{id}/burden', 'get'>;
export type MergeProposal = ResponseOf<'/api/v1/inspections/merge-proposals', 'get'>['items'][number];
export type MergePeriod = NonNullable<QueryOf<'/api/v1/inspections/merge-proposals', 'get'>['period']>;
