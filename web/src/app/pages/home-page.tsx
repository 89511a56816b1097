import type { ReactNode } from 'react';
import { Alert, Card, Col, Flex, Row, Tag, Typography } from 'antd';
import {
  ApartmentOutlined,
  AuditOutlined,
  BankOutlined,
  BarChartOutlined,
  BookOutlined,
  CalendarOutlined,
  ClockCircleOutlined,
  FileTextOutlined,
  InteractionOutlined,
  OrderedListOutlined,
  ShopOutlined,
  TeamOutlined,
  UploadOutlined,
} from '@ant-design/icons';
import { useNavigate } from 'react-router-dom';
import type { Role } from '../../api/types';
import { useCurrentUser, useLastLockout } from '../../features/auth/hooks';
import { formatDateTime } from '../format';
import { serverNow } from '../server-clock';
import { can, ENTERPRISE_REGISTRY, OWN_ENTERPRISE, type Need } from '../auth/access';
import { useT } from '../i18n/i18n-context';
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
    key: 'audit',
    path: '/audit',
    icon: <AuditOutlined />,
    title: 'nav.audit',
    text: 'home.auditText',
    permission: 'audit:read',
  },
];

// What each role will find here as the platform grows (MISSION.md, roles table).
const UPCOMING: Partial<Record<Role, MessageKey[]>> = {
  expert: ['upcoming.expert.dispatch', 'upcoming.expert.guidance', 'upcoming.expert.records'],
  social_supervisor: [
    'upcoming.supervisor.openDays',
    'upcoming.supervisor.observe',
    'upcoming.supervisor.suggestions',
  ],
  enterprise: [
    'upcoming.enterprise.inspections',
    'upcoming.enterprise.rectification',
    'upcoming.enterprise.creditRepair',
  ],
};
const UPCOMING_STAFF: MessageKey[] = ['upcoming.staff.onsite', 'upcoming.staff.penalty'];

export const HomePage = () => {
  const t = useT();
  const navigate = useNavigate();
  const user = useCurrentUser();
  const shortcuts = SHORTCUTS.filter((shortcut) => can(user, shortcut.permission));
  const upcoming = UPCOMING[user.role] ?? UPCOMING_STAFF;

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
      {shortcuts.length > 0 && (
        <Row gutter={[16, 16]}>
          {shortcuts.map((shortcut) => (
            <Col key={shortcut.key} xs={24} sm={12} xl={8}>
              <Card
                hoverable
                data-testid={`shortcut-${shortcut.key}`}
                onClick={() => navigate(shortcut.path)}
                style={{ height: '100%' }}
              >
                <Card.Meta
                  avatar={<span style={{ fontSize: 28, color: '#1d4e89' }}>{shortcut.icon}</span>}
                  title={t(shortcut.title)}
                  description={t(shortcut.text)}
                />
              </Card>
            </Col>
          ))}
        </Row>
      )}
      <Card
        data-testid="home-upcoming"
        title={
          <Flex gap={8} align="center">
            <ClockCircleOutlined />
            {t('home.upcomingTitle')}
          </Flex>
        }
      >
        <ul style={{ margin: 0, paddingInlineStart: 20, lineHeight: 2 }}>
          {upcoming.map((key) => (
            <li key={key}>
              <Typography.Text>{t(key)}</Typography.Text>
            </li>
          ))}
        </ul>
      </Card>
    </Flex>
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
