import type { ReactNode } from 'react';
import {
  ApartmentOutlined,
  AuditOutlined,
  BankOutlined,
  BarChartOutlined,
  BookOutlined,
  CalendarOutlined,
  FileTextOutlined,
  DashboardOutlined,
  HomeOutlined,
  InteractionOutlined,
  MergeCellsOutlined,
  ScheduleOutlined,
  LikeOutlined,
  OrderedListOutlined,
  ShopOutlined,
  TeamOutlined,
  ToolOutlined,
} from '@ant-design/icons';
import type { Role } from '../../api/types';
import type { MessageKey } from '../i18n/zh';
import { can, type Permission } from '../auth/permissions';

export type NavItem = {
  key: string;
  path: string;
  label: MessageKey;
  icon: ReactNode;
  permission?: Permission;
};

const NAV_ITEMS: NavItem[] = [
  { key: 'home', path: '/', label: 'nav.home', icon: <HomeOutlined /> },
  {
    key: 'enterprises',
    path: '/enterprises',
    label: 'nav.enterprises',
    icon: <BankOutlined />,
    permission: 'enterprises.read',
  },
  {
    key: 'my-enterprise',
    path: '/my-enterprise',
    label: 'nav.myEnterprise',
    icon: <ShopOutlined />,
    permission: 'enterprise.own',
  },
  {
    key: 'grading',
    path: '/grading',
    label: 'nav.grading',
    icon: <BarChartOutlined />,
    permission: 'grading.read',
  },
  {
    key: 'guide-lists',
    path: '/guide-lists',
    label: 'nav.guideLists',
    icon: <OrderedListOutlined />,
    permission: 'guideLists.read',
  },
  {
    key: 'plans-annual',
    path: '/plans/annual',
    label: 'nav.annualPlans',
    icon: <FileTextOutlined />,
    permission: 'plans.read',
  },
  {
    key: 'plans-monthly',
    path: '/plans/monthly',
    label: 'nav.monthlyPlans',
    icon: <CalendarOutlined />,
    permission: 'plans.read',
  },
  {
    key: 'draws',
    path: '/draws',
    label: 'nav.draws',
    icon: <InteractionOutlined />,
    permission: 'draws.read',
  },
  {
    key: 'rectification',
    path: '/rectification',
    label: 'nav.rectification',
    icon: <ToolOutlined />,
    permission: 'rectification.read',
  },
  {
    key: 'my-rectifications',
    path: '/my-enterprise/rectifications',
    label: 'rect.enterprise.title',
    icon: <ToolOutlined />,
    permission: 'rectification.own',
  },
  {
    key: 'inspections',
    path: '/inspections',
    label: 'nav.inspections',
    icon: <ScheduleOutlined />,
    permission: 'inspections.read',
  },
  {
    key: 'inspections-burden',
    path: '/inspections/burden',
    label: 'nav.inspectionBurden',
    icon: <DashboardOutlined />,
    permission: 'inspections.read',
  },
  {
    key: 'inspections-merges',
    path: '/inspections/merges',
    label: 'nav.inspectionMerges',
    icon: <MergeCellsOutlined />,
    permission: 'inspections.read',
  },
  {
    key: 'catalog',
    path: '/catalog/grading',
    label: 'nav.gradingCatalog',
    icon: <BookOutlined />,
    permission: 'grading.catalog',
  },
  {
    key: 'organisations',
    path: '/organisations',
    label: 'nav.organisations',
    icon: <ApartmentOutlined />,
    permission: 'people.read',
  },
  {
    key: 'officers',
    path: '/officers',
    label: 'nav.officers',
    icon: <TeamOutlined />,
    permission: 'people.read',
  },
  {
    key: 'ratings',
    path: '/ratings',
    label: 'nav.ratings',
    icon: <LikeOutlined />,
    permission: 'ratings.read',
  },
  { key: 'audit', path: '/audit', label: 'nav.audit', icon: <AuditOutlined />, permission: 'audit.read' },
];

export const navItemsFor = (role: Role): NavItem[] =>
  NAV_ITEMS.filter((item) => item.permission === undefined || can(role, item.permission));

// The menu key a path belongs to: its first segment, or home; plans have an entry per kind (plans-annual).
export const navKeyOf = (pathname: string): string => {
  const [, first, second] = pathname.split('/');
  if (first === 'plans') return `plans-${second || 'annual'}`;
  // 检查频次 and 合并检查 have entries of their own; an inspection's page (/inspections/:id) is 检查任务's
  if (first === 'inspections' && (second === 'burden' || second === 'merges')) return `inspections-${second}`;
  return first || 'home';
};
