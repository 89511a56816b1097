import { keepAppOffline } from '../onsite/offline-shell';
import { can } from '../../app/auth/access';
import { usePageTitle } from '../../app/components/page-title';
import { Alert, Button, Card, Flex, Form, Input, Space, Typography, theme } from 'antd';
import {
  FileTextOutlined,
  GlobalOutlined,
  LockOutlined,
  SafetyCertificateFilled,
  UserOutlined,
} from '@ant-design/icons';
import { Link, Navigate, useNavigate, useSearchParams } from 'react-router-dom';
import { ErrorAlert } from '../../app/components/error-alert';
import { useT } from '../../app/i18n/i18n-context';
import { LanguageSwitch } from '../../app/layout/header-bar';
import { useLogin, useSession, type Credentials } from './hooks';

// Only same-site paths, so a crafted ?from= cannot send the user elsewhere.
const safeTarget = (from: string | null): string => (from && /^\/(?!\/)/.test(from) ? from : '/');

export const LoginPage = () => {
  const t = useT();
  usePageTitle(t('login.title'));
  const { token } = theme.useToken();
  const navigate = useNavigate();
  const [searchParams] = useSearchParams();
  const session = useSession();
  const login = useLogin();
  const target = safeTarget(searchParams.get('from'));

  if (session.data) return <Navigate to={target} replace />;

  const submit = (values: Credentials) => {
    login.mutate(values, {
      onSuccess: ({ user }) => {
        navigate(target, { replace: true });
        // issue 14 item 6: the on-site page and the service worker that keeps it, fetched while the officer is
        // still on a good link, so the record opens in a plant or underground. Only for those who record on
        // site, and only once the page they asked for has had its turn on a slow link.
        if (can(user, 'onsite_plan:create'))
          window.setTimeout(() => void import('../onsite/onsite-page').then(() => keepAppOffline()), 5_000);
      },
    });
  };

  return (
    <Flex
      vertical
      align="center"
      justify="center"
      style={{
        minHeight: '100vh',
        padding: 24,
        background: `linear-gradient(160deg, #0b2d5b 0%, #1d4e89 45%, ${token.colorBgLayout} 45%)`,
      }}
    >
      <div style={{ position: 'absolute', top: 16, right: 24 }}>
        <LanguageSwitch />
      </div>
      <Flex vertical align="center" gap={4} style={{ marginBottom: 24, color: '#fff', textAlign: 'center' }}>
        <SafetyCertificateFilled style={{ fontSize: 44 }} />
        <Typography.Title level={1} style={{ color: '#fff', margin: '8px 0 0', fontSize: 30 }}>
          {t('app.name')}
        </Typography.Title>
        <Typography.Text style={{ color: 'rgba(255,255,255,0.8)' }}>{t('app.bureau')}</Typography.Text>
      </Flex>
      <Card style={{ width: 400, maxWidth: '100%', boxShadow: token.boxShadowSecondary }}>
        <Typography.Title level={2} style={{ marginTop: 0, fontSize: 20 }}>
          {t('login.title')}
        </Typography.Title>
        {login.isError && (
          <ErrorAlert error={login.error} testId="login-error" style={{ marginBottom: 16 }} />
        )}
        <Form<Credentials> layout="vertical" onFinish={submit} requiredMark={false} data-testid="login-form">
          <Form.Item
            name="username"
            label={t('login.username')}
            rules={[{ required: true, whitespace: true, message: t('login.usernameRequired') }]}
          >
            <Input
              data-testid="login-username"
              prefix={<UserOutlined />}
              autoComplete="username"
              autoFocus
              size="large"
            />
          </Form.Item>
          <Form.Item
            name="password"
            label={t('login.password')}
            rules={[{ required: true, message: t('login.passwordRequired') }]}
          >
            <Input.Password
              data-testid="login-password"
              prefix={<LockOutlined />}
              autoComplete="current-password"
              size="large"
            />
          </Form.Item>
          <Button
            data-testid="login-submit"
            type="primary"
            htmlType="submit"
            size="large"
            block
            loading={login.isPending}
          >
            {t('login.submit')}
          </Button>
        </Form>
        <Alert
          data-testid="login-demo-hint"
          style={{ marginTop: 16 }}
          type="info"
          showIcon
          title={t('login.demoTitle')}
          description={t('login.demoHint')}
        />
      </Card>
      <Space size={24} style={{ marginTop: 16 }} wrap>
        <Link to="/public/guide-lists" data-testid="login-public-link">
          <GlobalOutlined /> {t('login.publicLink')}
        </Link>
        <Link to="/public/annual-plans" data-testid="login-public-plans-link">
          <FileTextOutlined /> {t('login.publicPlansLink')}
        </Link>
      </Space>
      <Typography.Text type="secondary" style={{ marginTop: 8 }}>
        {t('app.footer')}
      </Typography.Text>
    </Flex>
  );
};
