import { Avatar, Button, Flex, Grid, Segmented, Tag, Tooltip, Typography } from 'antd';
import { EnvironmentOutlined, LogoutOutlined, UserOutlined } from '@ant-design/icons';
import { useNavigate } from 'react-router-dom';
import { useCurrentUser, useLogout } from '../../features/auth/hooks';
import { useLanguage, useT, type Language } from '../i18n/i18n-context';
import { endSession } from '../query-client';
import { NotificationBell } from '../../features/notifications/notification-bell';

export const LanguageSwitch = () => {
  const { language, setLanguage } = useLanguage();
  return (
    <Segmented<Language>
      data-testid="language-switch"
      size="small"
      value={language}
      onChange={setLanguage}
      options={[
        { label: '中文', value: 'zh' },
        { label: 'EN', value: 'en' },
      ]}
    />
  );
};

export const HeaderBar = () => {
  const t = useT();
  const user = useCurrentUser();
  const navigate = useNavigate();
  const logout = useLogout(() => {
    navigate('/login', { replace: true });
    endSession();
  });
  // on a phone the name and territory move into the avatar's tooltip, and sign-out keeps only its icon
  const phone = Grid.useBreakpoint().md === false;

  return (
    <Flex align="center" justify="flex-end" gap={phone ? 8 : 16} style={{ height: '100%' }} wrap={false}>
      {!phone && (
        <Tooltip title={t('header.territory')}>
          <Typography.Text data-testid="header-territory" type="secondary">
            <EnvironmentOutlined /> {user.territoryName}
          </Typography.Text>
        </Tooltip>
      )}
      <Flex align="center" gap={8}>
        <Tooltip title={phone ? `${user.displayName} · ${user.territoryName}` : undefined}>
          <Avatar size="small" icon={<UserOutlined />} style={{ backgroundColor: '#1d4e89', flex: 'none' }} />
        </Tooltip>
        {!phone && (
          <Typography.Text data-testid="header-user" strong>
            {user.displayName}
          </Typography.Text>
        )}
        <Tag data-testid="header-role" color="blue" style={{ marginInlineEnd: 0 }}>
          {t(`role.${user.role}`)}
        </Tag>
      </Flex>
      <NotificationBell />
      <LanguageSwitch />
      <Button
        data-testid="logout"
        aria-label={t('header.logout')}
        icon={<LogoutOutlined />}
        loading={logout.isPending}
        onClick={() => logout.mutate()}
      >
        {phone ? null : t('header.logout')}
      </Button>
    </Flex>
  );
};
