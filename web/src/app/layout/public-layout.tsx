import { Suspense } from 'react';
import { Flex, Grid, Layout, Space, Typography, theme } from 'antd';
import { LoginOutlined, SafetyCertificateFilled } from '@ant-design/icons';
import { Link, NavLink, Outlet, useLocation } from 'react-router-dom';
import { PageTitle } from '../components/page-title';
import type { MessageKey } from '../i18n/zh';

const SECTION_KEYS: [string, MessageKey][] = [
  ['/public/inspection-results', 'public.nav.inspectionResults'],
  ['/public/credit-repairs', 'public.nav.creditRepairs'],
  ['/public/benchmarks', 'public.nav.benchmarks'],
  ['/public/annual-reports', 'public.nav.annualReports'],
  ['/public/open-days', 'public.nav.openDays'],
  ['/public/reports', 'public.nav.reports'],
];

const publicPageKey = (pathname: string): MessageKey =>
  SECTION_KEYS.find(([prefix]) => pathname.startsWith(prefix))?.[1] ??
  (pathname.startsWith('/public/draws')
    ? 'public.nav.draws'
    : pathname.startsWith('/public/annual-plans')
      ? 'public.nav.annualPlans'
      : pathname.startsWith('/public/guide-lists')
        ? 'public.nav.guideLists'
        : pathname.startsWith('/public/penalty-decisions')
          ? 'public.nav.penaltyDecisions'
          : pathname === '/public' || pathname === '/public/'
            ? 'public.nav.home'
            : 'page.public');
import { PageSkeleton } from '../components/page-loading';
import { useT } from '../i18n/i18n-context';
import { LanguageSwitch } from './header-bar';

// The public sections side by side: the portal's home (a menu of everything public, measure 29), the
// key-enterprise guide lists, the annual plans, the draws, the published penalty decisions and the inspection
// results; the other sections open from the home's menu.
const navStyle = ({ isActive }: { isActive: boolean }) => ({
  color: isActive ? '#fff' : 'rgba(255,255,255,0.75)',
  fontWeight: isActive ? 600 : undefined,
  whiteSpace: 'nowrap' as const,
});

// Pages anyone may read without signing in (公示): no side menu, no session.
export const PublicLayout = () => {
  const t = useT();
  const location = useLocation();
  const { token } = theme.useToken();
  // a phone keeps its narrow width for the page, not for the margins
  const narrow = !Grid.useBreakpoint().sm;
  return (
    <Layout style={{ minHeight: '100vh' }} data-testid="public-layout">
      {/* on a phone the links wrap onto lines of their own: the header grows with them, never over the page */}
      <Layout.Header
        style={{ background: '#0b2d5b', padding: '12px 24px', height: 'auto', lineHeight: '40px' }}
      >
        <Flex
          align="center"
          justify="space-between"
          wrap
          style={{ maxWidth: 1200, margin: '0 auto' }}
          gap={8}
        >
          <Link to="/public">
            <Flex align="center" gap={10}>
              <SafetyCertificateFilled style={{ fontSize: 24, color: '#fff' }} />
              <Typography.Text
                data-testid="public-header"
                strong
                style={{ color: '#fff', fontSize: 18, whiteSpace: 'nowrap' }}
              >
                {t('public.header')}
              </Typography.Text>
            </Flex>
          </Link>
          <Space size={[16, 0]} wrap>
            <NavLink to="/public" end style={navStyle} data-testid="public-nav-home">
              {t('public.nav.home')}
            </NavLink>
            <NavLink to="/public/guide-lists" style={navStyle} data-testid="public-nav-guide-lists">
              {t('public.nav.guideLists')}
            </NavLink>
            <NavLink to="/public/annual-plans" style={navStyle} data-testid="public-nav-annual-plans">
              {t('public.nav.annualPlans')}
            </NavLink>
            <NavLink to="/public/draws" style={navStyle} data-testid="public-nav-draws">
              {t('public.nav.draws')}
            </NavLink>
            <NavLink
              to="/public/penalty-decisions"
              style={navStyle}
              data-testid="public-nav-penalty-decisions"
            >
              {t('public.nav.penaltyDecisions')}
            </NavLink>
            <NavLink
              to="/public/inspection-results"
              style={navStyle}
              data-testid="public-nav-inspection-results"
            >
              {t('public.nav.inspectionResults')}
            </NavLink>
            <NavLink to="/public/reports" style={navStyle} data-testid="public-nav-reports">
              {t('public.nav.reports')}
            </NavLink>
            <LanguageSwitch />
            <Link
              to="/login"
              style={{ color: 'rgba(255,255,255,0.85)', whiteSpace: 'nowrap' }}
              data-testid="public-login-link"
            >
              <LoginOutlined /> {t('public.staffLogin')}
            </Link>
          </Space>
        </Flex>
      </Layout.Header>
      <Layout.Content style={{ padding: narrow ? '16px 8px' : 24 }}>
        <PageTitle name={t(publicPageKey(location.pathname))} />
        <div style={{ maxWidth: 1200, margin: '0 auto' }}>
          <Suspense fallback={<PageSkeleton />}>
            <Outlet />
          </Suspense>
        </div>
      </Layout.Content>
      <Layout.Footer style={{ textAlign: 'center', color: token.colorTextTertiary }}>
        {t('public.footer')}
      </Layout.Footer>
    </Layout>
  );
};
