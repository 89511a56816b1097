import type { ReactNode } from 'react';
import { Alert, Card, Col, Empty, Flex, List, Row, Statistic, Tag, Typography } from 'antd';
import {
  ApartmentOutlined,
  AuditOutlined,
  BankOutlined,
  BarChartOutlined,
  BellOutlined,
  BookOutlined,
  CustomerServiceOutlined,
  IdcardOutlined,
  SolutionOutlined,
  CalendarOutlined,
  FileTextOutlined,
  InteractionOutlined,
  OrderedListOutlined,
  ScheduleOutlined,
  ShopOutlined,
  TeamOutlined,
  ToolOutlined,
  UploadOutlined,
} from '@ant-design/icons';
import { Link, useNavigate } from 'react-router-dom';
import { useCurrentUser, useLastLockout } from '../../features/auth/hooks';
import { formatDate, formatDateTime } from '../format';
import { serverNow } from '../server-clock';
import { ErrorAlert } from '../components/error-alert';
import { useWorkbench } from '../../features/workbench/hooks';
import { MyObservations } from '../../features/open-days/my-observations';
import { can, ENTERPRISE_REGISTRY, OWN_ENTERPRISE, type Need } from '../auth/access';
import { useT } from '../i18n/i18n-context';
import { ExpertWorkbench } from '../../features/experts/expert-workbench';
import type { MessageKey } from '../i18n/zh';

type Shortcut = {
  key: string;
  path: string;
  icon: ReactNode;
  title: MessageKey;
  text: MessageKey;
  permission: Need;
};

const SHORTCUTS: Shortcut[] = [
  {
    key: 'enterprises',
    path: '/enterprises',
    icon: <BankOutlined />,
    title: 'nav.enterprises',
    text: 'home.enterprisesText',
    permission: ENTERPRISE_REGISTRY,
  },
  {
    key: 'import',
    path: '/enterprises/import',
    icon: <UploadOutlined />,
    title: 'import.title',
    text: 'home.importText',
    permission: 'enterprise:create',
  },
  {
    key: 'my-enterprise',
    path: '/my-enterprise',
    icon: <ShopOutlined />,
    title: 'nav.myEnterprise',
    text: 'home.myEnterpriseText',
    permission: OWN_ENTERPRISE,
  },
  {
    key: 'my-rectifications',
    path: '/my-enterprise/rectifications',
    icon: <ToolOutlined />,
    title: 'rect.enterprise.title',
    text: 'home.myRectificationsText',
    permission: OWN_ENTERPRISE,
  },
  {
    key: 'grading',
    path: '/grading',
    icon: <BarChartOutlined />,
    title: 'nav.grading',
    text: 'home.gradingText',
    permission: ENTERPRISE_REGISTRY,
  },
  {
    key: 'guide-lists',
    path: '/guide-lists',
    icon: <OrderedListOutlined />,
    title: 'nav.guideLists',
    text: 'home.guideListsText',
    permission: 'guide_list:read',
  },
  {
    key: 'plans-annual',
    path: '/plans/annual',
    icon: <FileTextOutlined />,
    title: 'nav.annualPlans',
    text: 'home.annualPlansText',
    permission: 'annual_plan:read',
  },
  {
    key: 'plans-monthly',
    path: '/plans/monthly',
    icon: <CalendarOutlined />,
    title: 'nav.monthlyPlans',
    text: 'home.monthlyPlansText',
    permission: 'monthly_plan:read',
  },
  {
    key: 'draws',
    path: '/draws',
    icon: <InteractionOutlined />,
    title: 'nav.draws',
    text: 'home.drawsText',
    permission: 'draw:read',
  },
  {
    key: 'catalog',
    path: '/catalog/grading',
    icon: <BookOutlined />,
    title: 'nav.gradingCatalog',
    text: 'home.gradingCatalogText',
    permission: 'catalog:read',
  },
  {
    key: 'organisations',
    path: '/organisations',
    icon: <ApartmentOutlined />,
    title: 'nav.organisations',
    text: 'home.organisationsText',
    permission: 'organisation:read',
  },
  {
    key: 'officers',
    path: '/officers',
    icon: <TeamOutlined />,
    title: 'nav.officers',
    text: 'home.officersText',
    permission: 'officer:read',
  },
  {
    key: 'expert-help',
    path: '/my-enterprise/expert-help',
    icon: <CustomerServiceOutlined />,
    title: 'nav.expertHelp',
    text: 'home.expertHelpText',
    permission: OWN_ENTERPRISE,
  },
  {
    key: 'expert-dispatches',
    path: '/expert-dispatches',
    icon: <SolutionOutlined />,
    title: 'nav.expertDispatches',
    text: 'home.expertDispatchesText',
    permission: 'expert_dispatch:create',
  },
  {
    key: 'experts',
    path: '/experts',
    icon: <IdcardOutlined />,
    title: 'nav.experts',
    text: 'home.expertsText',
    permission: 'expert:read',
  },
  {
    key: 'team',
    path: '/team',
    icon: <TeamOutlined />,
    title: 'nav.team',
    text: 'home.teamText',
    permission: 'team:read',
  },
  {
    key: 'audit',
    path: '/audit',
    icon: <AuditOutlined />,
    title: 'nav.audit',
    text: 'home.auditText',
    permission: 'audit:read',
  },
];

// 工作台 (issue 13 item 1): what waits for this user, each count a link into the list filtered to it; below it
// the shortcuts to what the role may use, and for a role that only reads, the public pages it may read.
export const HomePage = () => {
  const t = useT();
  const navigate = useNavigate();
  const user = useCurrentUser();
  const shortcuts = SHORTCUTS.filter((shortcut) => can(user, shortcut.permission));
  // the 举报受理员 reads no inspection, yet the reports waiting for him are his workbench
  const readsOnly = !can(user, 'inspection:read') && !can(user, OWN_ENTERPRISE) && !can(user, 'report:read');

  return (
    <Flex vertical gap={16} data-testid="home">
      <LockoutNotice />
      <Card>
        <Typography.Title level={3} style={{ marginTop: 0 }} data-testid="home-welcome">
          {t('home.welcome', { name: user.displayName })}
        </Typography.Title>
        <Flex gap={8} wrap align="center">
          <Tag color="blue">{t(`role.${user.role}`)}</Tag>
          <Typography.Text type="secondary">{user.territoryName}</Typography.Text>
        </Flex>
        <Typography.Paragraph type="secondary" style={{ marginTop: 12, marginBottom: 0 }}>
          {t(`home.roleIntro.${user.role}`)}
        </Typography.Paragraph>
      </Card>
      {can(user, 'observation:read') && <MyObservations />}
      {can(user, 'expert_dispatch:update') ? (
        <ExpertWorkbench />
      ) : readsOnly ? (
        <PublicPages />
      ) : (
        <Workbench />
      )}
      {shortcuts.length > 0 && (
        <>
          <Typography.Title level={5} style={{ margin: 0 }}>
            {t('workbench.shortcutsTitle')}
          </Typography.Title>
          <Row gutter={[16, 16]}>
            {shortcuts.map((shortcut) => (
              <Col key={shortcut.key} xs={24} sm={12} xl={8}>
                <Card
                  hoverable
                  size="small"
                  data-testid={`shortcut-${shortcut.key}`}
                  onClick={() => navigate(shortcut.path)}
                  style={{ height: '100%' }}
                >
                  <Card.Meta
                    avatar={<span style={{ fontSize: 24, color: '#1d4e89' }}>{shortcut.icon}</span>}
                    title={t(shortcut.title)}
                    description={t(shortcut.text)}
                  />
                </Card>
              </Col>
            ))}
          </Row>
        </>
      )}
    </Flex>
  );
};

const Workbench = () => {
  const t = useT();
  const user = useCurrentUser();
  const workbench = useWorkbench();
  const items = workbench.data?.items ?? [];
  const waiting = items.filter((item) => item.count > 0);
  const ownEnterprise = can(user, OWN_ENTERPRISE);
  return (
    <Card
      data-testid="workbench"
      loading={workbench.isLoading}
      title={
        <Flex gap={8} align="center">
          <ScheduleOutlined />
          {t('workbench.title')}
        </Flex>
      }
      extra={
        workbench.data && workbench.data.unreadNotifications > 0 ? (
          <Tag color="gold" icon={<BellOutlined />} data-testid="workbench-unread">
            {t('workbench.unread', { count: workbench.data.unreadNotifications })}
          </Tag>
        ) : null
      }
    >
      {workbench.isError && <ErrorAlert error={workbench.error} />}
      <Row gutter={[12, 12]}>
        {items.map((item) => (
          <Col key={item.key} xs={12} sm={8} lg={6} xxl={4}>
            <Link to={item.link} data-testid={`workbench-${item.key}`} data-count={item.count}>
              <Card size="small" hoverable style={{ height: '100%' }}>
                <Statistic
                  title={t(`workbench.item.${item.key}`)}
                  value={item.count}
                  valueStyle={{
                    color: item.count === 0 ? '#8c8c8c' : item.urgent ? '#cf1322' : '#1d4e89',
                  }}
                />
              </Card>
            </Link>
          </Col>
        ))}
      </Row>
      {waiting.length === 0 && workbench.data && (
        <Empty
          image={Empty.PRESENTED_IMAGE_SIMPLE}
          description={t('workbench.empty')}
          data-testid="workbench-empty"
        />
      )}
      {waiting.length > 0 && (
        <Row gutter={[16, 16]} style={{ marginTop: 16 }}>
          {waiting.map((item) => (
            <Col key={item.key} xs={24} lg={12} xl={8}>
              <List
                size="small"
                bordered
                data-testid={`workbench-list-${item.key}`}
                header={
                  <Flex justify="space-between" align="center">
                    <Typography.Text strong>{t(`workbench.item.${item.key}`)}</Typography.Text>
                    <Link to={item.link}>
                      {item.count > item.rows.length
                        ? t('workbench.more', { count: item.count })
                        : t('workbench.viewAll')}
                    </Link>
                  </Flex>
                }
                dataSource={item.rows}
                renderItem={(row) => (
                  <List.Item>
                    <Link
                      to={
                        !ownEnterprise && row.caseId
                          ? `/penalty-cases/${row.caseId}`
                          : !ownEnterprise && row.inspectionId
                            ? `/inspections/${row.inspectionId}`
                            : item.link
                      }
                    >
                      {row.title}
                    </Link>
                    {row.date && <Typography.Text type="secondary">{formatDate(row.date)}</Typography.Text>}
                  </List.Item>
                )}
              />
            </Col>
          ))}
        </Row>
      )}
    </Card>
  );
};

const PUBLIC_PAGES: { path: string; text: MessageKey }[] = [
  { path: '/public', text: 'public.nav.home' },
  { path: '/public/draws', text: 'workbench.public.draws' },
  { path: '/public/guide-lists', text: 'workbench.public.guideLists' },
  { path: '/public/annual-plans', text: 'workbench.public.annualPlans' },
];

const PublicPages = () => {
  const t = useT();
  return (
    <Card data-testid="workbench-public" title={t('workbench.publicTitle')}>
      <List
        dataSource={PUBLIC_PAGES}
        renderItem={(page) => (
          <List.Item>
            <Link to={page.path}>{t(page.text)}</Link>
          </List.Item>
        )}
      />
    </Card>
  );
};

// A lock-out in the last 30 days: the account's owner is told, since anyone who knows the username can cause
// one by guessing.
const recentDays = 30;
const LockoutNotice = () => {
  const t = useT();
  const { data: lockedAt } = useLastLockout();
  if (!lockedAt || serverNow() - new Date(lockedAt).getTime() > recentDays * 86_400_000) return null;
  return (
    <Alert
      type="warning"
      showIcon
      data-testid="home-lockout"
      message={t('home.lockoutTitle', { at: formatDateTime(lockedAt) })}
      description={t('home.lockoutText')}
    />
  );
};
