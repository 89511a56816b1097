import { Suspense } from 'react';
import { Flex, Layout, Space, Typography, theme } from 'antd';
import { LoginOutlined, SafetyCertificateFilled } from '@ant-design/icons';
import { Link, Outlet } from 'react-router-dom';
import { PageSkeleton } from '../components/page-loading';
import { useT } from '../i18n/i18n-context';
import { LanguageSwitch } from './header-bar';

// Pages anyone may read without signing in (公示): no side menu, no session.
export const PublicLayout = () => {
  const t = useT();
  const { token } = theme.useToken();
  return (
    <Layout style={{ minHeight: '100vh' }} data-testid="public-layout">
      <Layout.Header style={{ background: '#0b2d5b', padding: '0 24px' }}>
        <Flex align="center" justify="space-between" style={{ height: '100%', maxWidth: 1200, margin: '0 auto' }} gap={16}>
          <Link to="/public/guide-lists">
            <Flex align="center" gap={10}>
              <SafetyCertificateFilled style={{ fontSize: 24, color: '#fff' }} />
              <Typography.Text data-testid="public-header" strong style={{ color: '#fff', fontSize: 18, whiteSpace: 'nowrap' }}>
                {t('public.header')}
              </Typography.Text>
            </Flex>
          </Link>
          <Space size={16}>
            <LanguageSwitch />
            <Link to="/login" style={{ color: 'rgba(255,255,255,0.85)', whiteSpace: 'nowrap' }} data-testid="public-login-link">
              <LoginOutlined /> {t('public.staffLogin')}
            </Link>
          </Space>
        </Flex>
      </Layout.Header>
      <Layout.Content style={{ padding: 24 }}>
        <div style={{ maxWidth: 1200, margin: '0 auto' }}>
          <Suspense fallback={<PageSkeleton />}>
            <Outlet />
          </Suspense>
        </div>
      </Layout.Content>
      <Layout.Footer style={{ textAlign: 'center', color: token.colorTextTertiary }}>{t('public.footer')}</Layout.Footer>
    </Layout>
  );
};
