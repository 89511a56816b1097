import { lazy, Suspense } from 'react';
import { Badge, Button, Popover, Spin } from 'antd';
import { BellOutlined } from '@ant-design/icons';
import { useT } from '../../app/i18n/i18n-context';
import { useNotifications } from './hooks';

// The list (antd's List, with its pagination) loads when the bell is first opened, not with every page.
const NotificationList = lazy(async () => ({
  default: (await import('./notification-list')).NotificationList,
}));

// In-app reminders (e.g. next month's plan is due, measure 2): unread count on the bell, the list on click.
export const NotificationBell = () => {
  const t = useT();
  const notifications = useNotifications();
  const content = (
    <Suspense fallback={<Spin size="small" />}>
      <NotificationList />
    </Suspense>
  );
  return (
    <Popover trigger="click" placement="bottomRight" title={t('notifications.title')} content={content}>
      <Badge count={notifications.data?.unread ?? 0} size="small" data-testid="notification-count">
        <Button
          type="text"
          aria-label={t('notifications.title')}
          icon={<BellOutlined />}
          data-testid="notification-bell"
        />
      </Badge>
    </Popover>
  );
};
