import type { ReactNode } from 'react';
import {
  ExceptionOutlined,
  ApartmentOutlined,
  CustomerServiceOutlined,
  IdcardOutlined,
  SolutionOutlined,
  SafetyCertificateOutlined,
  AlertOutlined,
  EnvironmentOutlined,
  SendOutlined,
  AuditOutlined,
  BankOutlined,
  BarChartOutlined,
  BookOutlined,
  CalendarOutlined,
  FileTextOutlined,
  DashboardOutlined,
  EyeOutlined,
  FileDoneOutlined,
  FundOutlined,
  HomeOutlined,
  InteractionOutlined,
  MergeCellsOutlined,
  ScheduleOutlined,
  LikeOutlined,
  OrderedListOutlined,
  ShopOutlined,
  SoundOutlined,
  TeamOutlined,
  ToolOutlined,
} from '@ant-design/icons';
import type { MessageKey } from '../i18n/zh';
import { IncidentUnreadBadge } from '../../features/monitoring/incident-stream';
import { can, ENTERPRISE_REGISTRY, OWN_ENTERPRISE, type Holder, type Need } from '../auth/access';

export type NavItem = {
  key: string;
  path: string;
  label: MessageKey;
  icon: ReactNode;
  permission?: Need;
  // shown beside the label (a count of what waits)
  extra?: ReactNode;
};

const NAV_ITEMS: NavItem[] = [
  { key: 'home', path: '/', label: 'nav.home', icon: <HomeOutlined /> },
  {
    key: 'enterprises',
    path: '/enterprises',
    label: 'nav.enterprises',
    icon: <BankOutlined />,
    permission: ENTERPRISE_REGISTRY,
  },
  {
    key: 'my-enterprise',
    path: '/my-enterprise',
    label: 'nav.myEnterprise',
    icon: <ShopOutlined />,
    permission: OWN_ENTERPRISE,
  },
  {
    key: 'grading',
    path: '/grading',
    label: 'nav.grading',
    icon: <BarChartOutlined />,
    permission: ENTERPRISE_REGISTRY,
  },
  {
    key: 'guide-lists',
    path: '/guide-lists',
    label: 'nav.guideLists',
    icon: <OrderedListOutlined />,
    permission: 'guide_list:read',
  },
  {
    key: 'plans-annual',
    path: '/plans/annual',
    label: 'nav.annualPlans',
    icon: <FileTextOutlined />,
    permission: 'annual_plan:read',
  },
  {
    key: 'plans-monthly',
    path: '/plans/monthly',
    label: 'nav.monthlyPlans',
    icon: <CalendarOutlined />,
    permission: 'monthly_plan:read',
  },
  {
    key: 'draws',
    path: '/draws',
    label: 'nav.draws',
    icon: <InteractionOutlined />,
    permission: 'draw:read',
  },
  {
    key: 'rectification',
    path: '/rectification',
    label: 'nav.rectification',
    icon: <ToolOutlined />,
    permission: 'rectification:read',
  },
  {
    key: 'case-referrals',
    path: '/case-referrals',
    label: 'nav.caseReferrals',
    icon: <AuditOutlined />,
    permission: 'case_referral:read',
  },
  {
    key: 'reports',
    path: '/reports',
    label: 'nav.reports',
    icon: <SoundOutlined />,
    permission: 'report:read',
  },
  {
    key: 'complaints',
    path: '/complaints',
    label: 'nav.complaints',
    icon: <InteractionOutlined />,
    permission: 'complaint:read',
  },
  {
    key: 'case-reviews',
    path: '/case-reviews',
    label: 'nav.caseReviews',
    icon: <FileTextOutlined />,
    permission: 'case_review:read',
  },
  {
    key: 'supervision',
    path: '/supervision',
    label: 'nav.supervision',
    icon: <BarChartOutlined />,
    permission: 'supervision_statistics:read',
  },
  {
    key: 'monitoring',
    path: '/monitoring',
    label: 'nav.monitoring',
    icon: <AlertOutlined />,
    permission: 'monitoring_incident:read',
    extra: <IncidentUnreadBadge />,
  },
  {
    key: 'visits-saved',
    path: '/monitoring/visits-saved',
    label: 'nav.visitsSaved',
    icon: <FundOutlined />,
    permission: 'monitoring_incident:read',
  },
  {
    key: 'monitoring-map',
    path: '/monitoring/map',
    label: 'nav.monitoringMap',
    icon: <EnvironmentOutlined />,
    permission: 'monitoring_incident:read',
  },
  {
    key: 'drone-patrols',
    path: '/monitoring/patrols',
    label: 'nav.dronePatrols',
    icon: <SendOutlined />,
    permission: 'drone_mission:read',
  },
  {
    key: 'my-credit',
    path: '/my-enterprise/credit',
    label: 'nav.myCredit',
    icon: <SafetyCertificateOutlined />,
    permission: OWN_ENTERPRISE,
  },
  {
    key: 'my-monitoring-questions',
    path: '/my-enterprise/monitoring-questions',
    label: 'nav.myMonitoringQuestions',
    icon: <AlertOutlined />,
    permission: OWN_ENTERPRISE,
  },
  {
    key: 'penalty-cases',
    path: '/penalty-cases',
    label: 'nav.penaltyCases',
    icon: <AuditOutlined />,
    permission: 'penalty_case:read',
  },
  {
    key: 'penalty-closure-proposals',
    path: '/penalty-closure-proposals',
    label: 'nav.penaltyClosures',
    icon: <AuditOutlined />,
    permission: 'penalty_case:read',
  },
  {
    key: 'penalty-catalog',
    path: '/penalty-catalog',
    label: 'nav.penaltyCatalog',
    icon: <AuditOutlined />,
    permission: 'penalty_case:read',
  },
  {
    key: 'my-rectifications',
    path: '/my-enterprise/rectifications',
    label: 'rect.enterprise.title',
    icon: <ToolOutlined />,
    permission: OWN_ENTERPRISE,
  },
  {
    key: 'inspections',
    path: '/inspections',
    label: 'nav.inspections',
    icon: <ScheduleOutlined />,
    permission: 'inspection:read',
  },
  {
    key: 'inspections-burden',
    path: '/inspections/burden',
    label: 'nav.inspectionBurden',
    icon: <DashboardOutlined />,
    permission: 'inspection:read',
  },
  {
    key: 'inspections-merges',
    path: '/inspections/merges',
    label: 'nav.inspectionMerges',
    icon: <MergeCellsOutlined />,
    permission: 'inspection:read',
  },
  {
    key: 'catalog',
    path: '/catalog/grading',
    label: 'nav.gradingCatalog',
    icon: <BookOutlined />,
    permission: 'catalog:read',
  },
  {
    key: 'holiday-tables',
    path: '/calendar/holidays',
    label: 'nav.holidayTables',
    icon: <CalendarOutlined />,
    permission: 'holiday_table:read',
  },
  {
    key: 'organisations',
    path: '/organisations',
    label: 'nav.organisations',
    icon: <ApartmentOutlined />,
    permission: 'organisation:read',
  },
  {
    key: 'officers',
    path: '/officers',
    label: 'nav.officers',
    icon: <TeamOutlined />,
    permission: 'officer:read',
  },
  {
    key: 'accountability',
    path: '/accountability',
    label: 'nav.accountability',
    icon: <ExceptionOutlined />,
    permission: 'accountability_record:read',
  },
  {
    key: 'ratings',
    path: '/ratings',
    label: 'nav.ratings',
    icon: <LikeOutlined />,
    permission: 'audit:read',
  },
  {
    key: 'open-days',
    path: '/open-days',
    label: 'nav.openDays',
    icon: <EyeOutlined />,
    permission: 'open_day:read',
  },
  {
    key: 'annual-reports',
    path: '/annual-reports',
    label: 'nav.annualReports',
    icon: <FileDoneOutlined />,
    permission: 'annual_report:read',
  },
  {
    key: 'expert-help',
    path: '/my-enterprise/expert-help',
    label: 'nav.expertHelp',
    icon: <CustomerServiceOutlined />,
    permission: OWN_ENTERPRISE,
  },
  {
    key: 'expert-dispatches',
    path: '/expert-dispatches',
    label: 'nav.expertDispatches',
    icon: <SolutionOutlined />,
    permission: 'expert_dispatch:read',
  },
  {
    key: 'experts',
    path: '/experts',
    label: 'nav.experts',
    icon: <IdcardOutlined />,
    permission: 'expert:read',
  },
  { key: 'team', path: '/team', label: 'nav.team', icon: <TeamOutlined />, permission: 'team:read' },
  { key: 'audit', path: '/audit', label: 'nav.audit', icon: <AuditOutlined />, permission: 'audit:read' },
];

// The entries the user's permissions (from /auth/me) open.
export const navItemsFor = (user: Holder): NavItem[] =>
  NAV_ITEMS.filter((item) => item.permission === undefined || can(user, item.permission));

// The menu key a path belongs to: its first segment, or home; plans have an entry per kind (plans-annual).
export const navKeyOf = (pathname: string): string => {
  const [, first, second] = pathname.split('/');
  if (first === 'plans') return `plans-${second || 'annual'}`;
  // the territory map and the drone patrols have entries of their own beside 监测预警线索
  if (first === 'monitoring' && second === 'map') return 'monitoring-map';
  if (first === 'monitoring' && second === 'patrols') return 'drone-patrols';
  // 检查频次 and 合并检查 have entries of their own; an inspection's page (/inspections/:id) is 检查任务's
  if (first === 'inspections' && (second === 'burden' || second === 'merges')) return `inspections-${second}`;
  // the enterprise's own pages each have an entry: /my-enterprise/credit is 处罚公示与信用修复's, not 我的企业's
  if (first === 'my-enterprise' && second) {
    const own = NAV_ITEMS.find((item) => item.path === `/my-enterprise/${second}`);
    if (own) return own.key;
  }
  return first || 'home';
};
