import { useState } from 'react';
import { Grid, Layout, Menu, Typography, theme } from 'antd';
import { SafetyCertificateFilled } from '@ant-design/icons';
import { Outlet, useLocation, useNavigate } from 'react-router-dom';
import { useCurrentUser } from '../../features/auth/hooks';
import { useT } from '../i18n/i18n-context';
import { PageTitle } from '../components/page-title';
import { HeaderBar } from './header-bar';
import { navItemsFor, navKeyOf } from './menu-items';
import { IncidentStreamConnection } from '../../features/monitoring/incident-stream';

export const AppLayout = () => {
  const t = useT();
  const user = useCurrentUser();
  const location = useLocation();
  const navigate = useNavigate();
  const [collapsed, setCollapsed] = useState(false);
  const { token } = theme.useToken();
  const items = navItemsFor(user);
  // useBreakpoint is empty on the first render: only a known narrow screen is a phone
  const phone = Grid.useBreakpoint().md === false;
  const current = items.find((item) => item.key === navKeyOf(location.pathname));

  return (
    <Layout style={{ minHeight: '100vh' }}>
      {/* issue 16 item 4: the officer's leads arrive by push while he works anywhere in the app */}
      {items.some((item) => item.key === 'monitoring') ? <IncidentStreamConnection /> : null}
      <Layout.Sider
        collapsible
        collapsed={collapsed}
        onCollapse={setCollapsed}
        breakpoint="lg"
        width={220}
        // a phone gives the page its whole width: the menu folds away behind a tab at the edge and opens over
        // the page (issue 13 item 7)
        collapsedWidth={phone ? 0 : 80}
        zeroWidthTriggerStyle={{ top: 11 }}
        style={
          phone
            ? { position: 'fixed', top: 0, left: 0, height: '100vh', zIndex: 20 }
            : { position: 'sticky', top: 0, height: '100vh' }
        }
      >
        {/* the menu scrolls above the collapse trigger, never under it */}
        <div style={{ height: '100%', overflowY: 'auto', overflowX: 'hidden' }}>
          <div
            style={{
              height: 64,
              display: 'flex',
              alignItems: 'center',
              gap: 10,
              padding: '0 20px',
              overflow: 'hidden',
            }}
          >
            <SafetyCertificateFilled style={{ fontSize: 24, color: '#fff' }} />
            {!collapsed && (
              <div style={{ lineHeight: 1.2, whiteSpace: 'nowrap' }}>
                <Typography.Text strong style={{ color: '#fff', fontSize: 16 }}>
                  {t('app.shortName')}
                </Typography.Text>
                <div
                  style={{
                    color: 'rgba(255,255,255,0.65)',
                    fontSize: 12,
                    overflow: 'hidden',
                    textOverflow: 'ellipsis',
                    maxWidth: 150,
                  }}
                >
                  {t('app.bureau')}
                </div>
              </div>
            )}
          </div>
          <Menu
            data-testid="side-menu"
            theme="dark"
            mode="inline"
            selectedKeys={[navKeyOf(location.pathname)]}
            items={items.map((item) => ({
              key: item.key,
              icon: item.icon,
              label: item.extra ? (
                <>
                  {t(item.label)}
                  {item.extra}
                </>
              ) : (
                t(item.label)
              ),
              onClick: () => {
                navigate(item.path);
                // on a phone the open menu covers the page it leads to
                if (phone) setCollapsed(true);
              },
            }))}
          />
        </div>
      </Layout.Sider>
      <Layout>
        <Layout.Header
          style={{
            background: token.colorBgContainer,
            padding: phone ? '0 12px' : '0 24px',
            borderBottom: `1px solid ${token.colorBorderSecondary}`,
            position: 'sticky',
            top: 0,
            zIndex: 10,
          }}
        >
          <PageTitle name={current ? t(current.label) : ''} />
          <HeaderBar />
        </Layout.Header>
        <Layout.Content style={{ padding: phone ? 12 : 24 }}>
          <div style={{ maxWidth: 1440, margin: '0 auto' }}>
            <Outlet />
          </div>
        </Layout.Content>
        <Layout.Footer style={{ textAlign: 'center', color: token.colorTextTertiary }}>
          {t('app.footer')}
        </Layout.Footer>
      </Layout>
    </Layout>
  );
};
