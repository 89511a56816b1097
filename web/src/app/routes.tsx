import { lazy, Suspense, type ComponentType, type ReactNode } from 'react';
import { Navigate, Route, Routes } from 'react-router-dom';
import { RequireAuth, RequirePermission } from './auth/guards';
import { ENTERPRISE_REGISTRY, OWN_ENTERPRISE, type Need } from './auth/access';
import { FullPageSpin, PageSkeleton } from './components/page-loading';
import { AppLayout } from './layout/app-layout';
import { NotFoundPage } from './pages/not-found-page';

// Each capability is its own chunk, loaded when first visited; so are the sign-in page, the home
// page and the public layout, which only some visitors need.
const page = <K extends string>(load: () => Promise<Record<K, ComponentType>>, name: K) =>
  lazy(async () => ({ default: (await load())[name] }));

const LoginPage = page(() => import('../features/auth/login-page'), 'LoginPage');
const HomePage = page(() => import('./pages/home-page'), 'HomePage');
const PublicLayout = page(() => import('./layout/public-layout'), 'PublicLayout');

const EnterpriseListPage = page(
  () => import('../features/enterprises/enterprise-list-page'),
  'EnterpriseListPage',
);
const EnterpriseDetailPage = page(
  () => import('../features/enterprises/enterprise-detail-page'),
  'EnterpriseDetailPage',
);
const MyEnterprisePage = page(
  () => import('../features/enterprises/enterprise-detail-page'),
  'MyEnterprisePage',
);
const EnterpriseImportPage = page(
  () => import('../features/enterprises/enterprise-import-page'),
  'EnterpriseImportPage',
);
const OrganisationListPage = page(
  () => import('../features/organisations/organisation-list-page'),
  'OrganisationListPage',
);
const OrganisationDetailPage = page(
  () => import('../features/organisations/organisation-detail-page'),
  'OrganisationDetailPage',
);
const OfficerListPage = page(() => import('../features/officers/officer-list-page'), 'OfficerListPage');
const OfficerDetailPage = page(() => import('../features/officers/officer-detail-page'), 'OfficerDetailPage');
const AccountabilityListPage = page(
  () => import('../features/accountability/accountability-list-page'),
  'AccountabilityListPage',
);
const AccountabilityDetailPage = page(
  () => import('../features/accountability/accountability-detail-page'),
  'AccountabilityDetailPage',
);
const AuditPage = page(() => import('../features/audit/audit-page'), 'AuditPage');
const GradingOverviewPage = page(
  () => import('../features/grading/grading-overview-page'),
  'GradingOverviewPage',
);
const GradingCatalogPage = page(() => import('../features/grading/catalog-page'), 'GradingCatalogPage');
const HolidayTablesPage = page(() => import('../features/calendar/holiday-tables-page'), 'HolidayTablesPage');
const GuideListListPage = page(
  () => import('../features/guide-lists/guide-list-list-page'),
  'GuideListListPage',
);
const GuideListDetailPage = page(
  () => import('../features/guide-lists/guide-list-detail-page'),
  'GuideListDetailPage',
);
const PublicGuideListIndexPage = page(
  () => import('../features/guide-lists/public-guide-list-pages'),
  'PublicGuideListIndexPage',
);
const PublicGuideListPage = page(
  () => import('../features/guide-lists/public-guide-list-pages'),
  'PublicGuideListPage',
);
const AnnualPlanListPage = page(
  () => import('../features/plans/annual-plan-list-page'),
  'AnnualPlanListPage',
);
const AnnualPlanDetailPage = page(
  () => import('../features/plans/annual-plan-detail-page'),
  'AnnualPlanDetailPage',
);
const PlanExecutionPage = page(() => import('../features/plans/plan-execution-page'), 'PlanExecutionPage');
const MonthlyPlanListPage = page(
  () => import('../features/plans/monthly-plan-list-page'),
  'MonthlyPlanListPage',
);
const PublicAnnualPlansPage = page(
  () => import('../features/plans/public-annual-plans-page'),
  'PublicAnnualPlansPage',
);
const DrawListPage = page(() => import('../features/draws/draw-list-page'), 'DrawListPage');
const DrawDetailPage = page(() => import('../features/draws/draw-detail-page'), 'DrawDetailPage');
const PublicDrawListPage = page(() => import('../features/draws/public-draw-pages'), 'PublicDrawListPage');
const PublicDrawPage = page(() => import('../features/draws/public-draw-pages'), 'PublicDrawPage');
const RectificationListPage = page(
  () => import('../features/rectification/rectification-list-page'),
  'RectificationListPage',
);
const PenaltyCaseListPage = page(
  () => import('../features/penalty-cases/case-list-page'),
  'PenaltyCaseListPage',
);
const PenaltyCasePage = page(() => import('../features/penalty-cases/case-page'), 'PenaltyCasePage');
const ClosureProposalsPage = page(
  () => import('../features/penalty-cases/closure-proposals-page'),
  'ClosureProposalsPage',
);
const PenaltyCatalogPage = page(
  () => import('../features/penalty-cases/penalty-catalog-page'),
  'PenaltyCatalogPage',
);
const ComplaintsPage = page(() => import('../features/supervision/complaints-page'), 'ComplaintsPage');
const ReviewRoundsPage = page(() => import('../features/supervision/review-pages'), 'ReviewRoundsPage');
const ReviewRoundPage = page(() => import('../features/supervision/review-pages'), 'ReviewRoundPage');
const SupervisionPage = page(() => import('../features/supervision/supervision-page'), 'SupervisionPage');
const CaseReferralListPage = page(
  () => import('../features/case-referrals/case-referral-list-page'),
  'CaseReferralListPage',
);
const IncidentListPage = page(() => import('../features/monitoring/incident-list-page'), 'IncidentListPage');
const VisitsSavedPage = page(() => import('../features/monitoring/visits-saved-page'), 'VisitsSavedPage');
// the map pages carry Leaflet and the district outlines: their own chunks, loaded only when opened
const TerritoryMapPage = page(
  () => import('../features/monitoring/map/territory-map-page'),
  'TerritoryMapPage',
);
const MissionListPage = page(
  () => import('../features/monitoring/patrols/mission-list-page'),
  'MissionListPage',
);
const MissionPlanPage = page(
  () => import('../features/monitoring/patrols/mission-plan-page'),
  'MissionPlanPage',
);
const MissionPage = page(() => import('../features/monitoring/patrols/mission-page'), 'MissionPage');
const ExpertDatabasePage = page(
  () => import('../features/experts/expert-database-page'),
  'ExpertDatabasePage',
);
const DispatchListPage = page(() => import('../features/experts/dispatch-list-page'), 'DispatchListPage');
const DispatchPage = page(() => import('../features/experts/dispatch-page'), 'DispatchPage');
const EnterpriseHelpPage = page(
  () => import('../features/experts/enterprise-help-page'),
  'EnterpriseHelpPage',
);
const TeamPage = page(() => import('../features/team/team-page'), 'TeamPage');
const EnterpriseQuestionsPage = page(
  () => import('../features/monitoring/enterprise-questions-page'),
  'EnterpriseQuestionsPage',
);
const PublicPenaltyDecisionsPage = page(
  () => import('../features/credit/public-penalty-decisions-page'),
  'PublicPenaltyDecisionsPage',
);
const PortalHomePage = page(() => import('../features/disclosure/public-portal-pages'), 'PortalHomePage');
const PublicInspectionResultsPage = page(
  () => import('../features/disclosure/public-portal-pages'),
  'PublicInspectionResultsPage',
);
const PublicCreditRepairsPage = page(
  () => import('../features/disclosure/public-portal-pages'),
  'PublicCreditRepairsPage',
);
const PublicBenchmarksPage = page(
  () => import('../features/disclosure/public-portal-pages'),
  'PublicBenchmarksPage',
);
const PublicAnnualReportsPage = page(
  () => import('../features/disclosure/public-portal-pages'),
  'PublicAnnualReportsPage',
);
const PublicOpenDaysPage = page(
  () => import('../features/disclosure/public-portal-pages'),
  'PublicOpenDaysPage',
);
const AnnualReportsPage = page(
  () => import('../features/disclosure/annual-reports-page'),
  'AnnualReportsPage',
);
const OpenDaysPage = page(() => import('../features/open-days/open-days-page'), 'OpenDaysPage');
const EnterpriseCreditPage = page(
  () => import('../features/credit/enterprise-credit-page'),
  'EnterpriseCreditPage',
);
const EnterpriseRectificationsPage = page(
  () => import('../features/rectification/enterprise-rectifications-page'),
  'EnterpriseRectificationsPage',
);

const OnsitePage = page(() => import('../features/onsite/onsite-page'), 'OnsitePage');
const InspectionDetailPage = page(
  () => import('../features/inspection-detail/inspection-detail-page'),
  'InspectionDetailPage',
);
const PublicReportPage = page(() => import('../features/reports/public-report-pages'), 'PublicReportPage');
const PublicReportFollowPage = page(
  () => import('../features/reports/public-report-pages'),
  'PublicReportFollowPage',
);
const ReportListPage = page(() => import('../features/reports/report-pages'), 'ReportListPage');
const ReportPage = page(() => import('../features/reports/report-pages'), 'ReportPage');
const PublicCheckInPage = page(() => import('../features/checkin/public-checkin-page'), 'PublicCheckInPage');
const RatingsPage = page(() => import('../features/checkin/ratings-page'), 'RatingsPage');
const InspectionListPage = page(
  () => import('../features/inspections/inspection-list-page'),
  'InspectionListPage',
);
const BurdenPage = page(() => import('../features/inspections/burden-page'), 'BurdenPage');
const MergeProposalsPage = page(
  () => import('../features/inspections/merge-proposals-page'),
  'MergeProposalsPage',
);

const guarded = (permission: Need, element: ReactNode) => (
  <RequirePermission permission={permission}>
    <Suspense fallback={<PageSkeleton />}>{element}</Suspense>
  </RequirePermission>
);

export const AppRoutes = () => (
  <Routes>
    <Route
      path="/login"
      element={
        <Suspense fallback={<FullPageSpin />}>
          <LoginPage />
        </Suspense>
      }
    />
    {/* 亮码入企: the enterprise scans the code on a phone, no login, a layout of its own */}
    <Route
      path="/public/checkin/:token"
      element={
        <Suspense fallback={<FullPageSpin />}>
          <PublicCheckInPage />
        </Suspense>
      }
    />
    {/* 公示: readable by anyone, outside the auth guard */}
    <Route
      path="/public"
      element={
        <Suspense fallback={<FullPageSpin />}>
          <PublicLayout />
        </Suspense>
      }
    >
      <Route index element={<PortalHomePage />} />
      <Route path="guide-lists" element={<PublicGuideListIndexPage />} />
      <Route path="guide-lists/:year" element={<PublicGuideListPage />} />
      <Route path="annual-plans" element={<PublicAnnualPlansPage />} />
      <Route path="draws" element={<PublicDrawListPage />} />
      <Route path="draws/:id" element={<PublicDrawPage />} />
      <Route path="penalty-decisions" element={<PublicPenaltyDecisionsPage />} />
      <Route path="inspection-results" element={<PublicInspectionResultsPage />} />
      <Route path="credit-repairs" element={<PublicCreditRepairsPage />} />
      <Route path="benchmarks" element={<PublicBenchmarksPage />} />
      <Route path="annual-reports" element={<PublicAnnualReportsPage />} />
      <Route path="open-days" element={<PublicOpenDaysPage />} />
      <Route path="reports" element={<PublicReportPage />} />
      <Route path="reports/follow" element={<PublicReportFollowPage />} />
      <Route path="*" element={<NotFoundPage backTo="/public" />} />
    </Route>
    {/* the on-site record on a phone: full screen, opens without network, checks the session itself */}
    <Route
      path="/inspections/:id/onsite"
      element={
        <Suspense fallback={<FullPageSpin />}>
          <OnsitePage />
        </Suspense>
      }
    />
    <Route
      element={
        <RequireAuth>
          <Suspense fallback={<FullPageSpin />}>
            <AppLayout />
          </Suspense>
        </RequireAuth>
      }
    >
      <Route
        index
        element={
          <Suspense fallback={<PageSkeleton />}>
            <HomePage />
          </Suspense>
        }
      />
      <Route path="enterprises" element={guarded(ENTERPRISE_REGISTRY, <EnterpriseListPage />)} />
      <Route path="enterprises/import" element={guarded('enterprise:create', <EnterpriseImportPage />)} />
      <Route path="enterprises/:id" element={guarded(ENTERPRISE_REGISTRY, <EnterpriseDetailPage />)} />
      <Route path="my-enterprise" element={guarded(OWN_ENTERPRISE, <MyEnterprisePage />)} />
      <Route
        path="my-enterprise/rectifications"
        element={guarded(OWN_ENTERPRISE, <EnterpriseRectificationsPage />)}
      />
      <Route path="organisations" element={guarded('organisation:read', <OrganisationListPage />)} />
      <Route path="organisations/:id" element={guarded('organisation:read', <OrganisationDetailPage />)} />
      <Route path="officers" element={guarded('officer:read', <OfficerListPage />)} />
      <Route path="officers/:id" element={guarded('officer:read', <OfficerDetailPage />)} />
      <Route
        path="accountability"
        element={guarded('accountability_record:read', <AccountabilityListPage />)}
      />
      <Route
        path="accountability/:id"
        element={guarded('accountability_record:read', <AccountabilityDetailPage />)}
      />
      <Route path="audit" element={guarded('audit:read', <AuditPage />)} />
      <Route path="open-days" element={guarded('open_day:read', <OpenDaysPage />)} />
      <Route path="annual-reports" element={guarded('annual_report:read', <AnnualReportsPage />)} />
      <Route path="grading" element={guarded(ENTERPRISE_REGISTRY, <GradingOverviewPage />)} />
      <Route path="guide-lists" element={guarded('guide_list:read', <GuideListListPage />)} />
      <Route path="guide-lists/:id" element={guarded('guide_list:read', <GuideListDetailPage />)} />
      <Route path="plans" element={<Navigate to="/plans/annual" replace />} />
      <Route path="plans/annual" element={guarded('annual_plan:read', <AnnualPlanListPage />)} />
      <Route path="plans/annual/:id" element={guarded('annual_plan:read', <AnnualPlanDetailPage />)} />
      <Route path="plans/annual/:id/execution" element={guarded('annual_plan:read', <PlanExecutionPage />)} />
      <Route path="plans/monthly" element={guarded('monthly_plan:read', <MonthlyPlanListPage />)} />
      <Route path="draws" element={guarded('draw:read', <DrawListPage />)} />
      <Route path="draws/:id" element={guarded('draw:read', <DrawDetailPage />)} />
      <Route path="rectification" element={guarded('rectification:read', <RectificationListPage />)} />
      <Route path="case-referrals" element={guarded('case_referral:read', <CaseReferralListPage />)} />
      <Route path="complaints" element={guarded('complaint:read', <ComplaintsPage />)} />
      <Route path="case-reviews" element={guarded('case_review:read', <ReviewRoundsPage />)} />
      <Route path="case-reviews/:id" element={guarded('case_review:read', <ReviewRoundPage />)} />
      <Route path="supervision" element={guarded('supervision_statistics:read', <SupervisionPage />)} />
      <Route path="monitoring" element={guarded('monitoring_incident:read', <IncidentListPage />)} />
      <Route path="reports" element={guarded('report:read', <ReportListPage />)} />
      <Route path="reports/:id" element={guarded('report:read', <ReportPage />)} />
      <Route
        path="monitoring/visits-saved"
        element={guarded('monitoring_incident:read', <VisitsSavedPage />)}
      />
      <Route path="monitoring/map" element={guarded('monitoring_incident:read', <TerritoryMapPage />)} />
      <Route path="monitoring/patrols" element={guarded('drone_mission:read', <MissionListPage />)} />
      <Route path="monitoring/patrols/new" element={guarded('drone_mission:create', <MissionPlanPage />)} />
      <Route path="monitoring/patrols/:id" element={guarded('drone_mission:read', <MissionPage />)} />
      <Route path="my-enterprise/credit" element={guarded(OWN_ENTERPRISE, <EnterpriseCreditPage />)} />
      <Route
        path="my-enterprise/monitoring-questions"
        element={guarded(OWN_ENTERPRISE, <EnterpriseQuestionsPage />)}
      />
      <Route path="penalty-cases" element={guarded('penalty_case:read', <PenaltyCaseListPage />)} />
      <Route path="penalty-cases/:id" element={guarded('penalty_case:read', <PenaltyCasePage />)} />
      <Route path="penalty-catalog" element={guarded('penalty_case:read', <PenaltyCatalogPage />)} />
      <Route
        path="penalty-closure-proposals"
        element={guarded('penalty_case:read', <ClosureProposalsPage />)}
      />
      <Route path="inspections/:id" element={guarded('onsite_plan:read', <InspectionDetailPage />)} />
      <Route path="ratings" element={guarded('audit:read', <RatingsPage />)} />
      <Route path="inspections" element={guarded('inspection:read', <InspectionListPage />)} />
      <Route path="inspections/burden" element={guarded('inspection:read', <BurdenPage />)} />
      <Route path="inspections/merges" element={guarded('inspection:read', <MergeProposalsPage />)} />
      <Route path="catalog/grading" element={guarded('catalog:read', <GradingCatalogPage />)} />
      <Route path="calendar/holidays" element={guarded('holiday_table:read', <HolidayTablesPage />)} />
      <Route path="experts" element={guarded('expert:read', <ExpertDatabasePage />)} />
      <Route path="expert-dispatches" element={guarded('expert_dispatch:read', <DispatchListPage />)} />
      <Route path="expert-dispatches/:id" element={<DispatchPage />} />
      <Route path="my-enterprise/expert-help" element={guarded(OWN_ENTERPRISE, <EnterpriseHelpPage />)} />
      <Route path="team" element={guarded('team:read', <TeamPage />)} />
      <Route path="*" element={<NotFoundPage />} />
    </Route>
  </Routes>
);
