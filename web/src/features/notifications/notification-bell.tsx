import { Badge, Button, Empty, Flex, List, Popover, Typography } from 'antd';
import { BellOutlined } from '@ant-design/icons';
import { useNavigate } from 'react-router-dom';
import { useT } from '../../app/i18n/i18n-context';
import { formatDateTime } from '../../app/format';
import { useMarkNotificationRead, useNotifications } from './hooks';

// In-app reminders (e.g. next month's plan is due, measure 2): unread count on the bell, the list on click.
export const NotificationBell = () => {
  const t = useT();
  const navigate = useNavigate();
  const notifications = useNotifications();
  const markRead = useMarkNotificationRead();
  const items = notifications.data?.items ?? [];
  const content = (
    <div style={{ width: 340, maxHeight: 420, overflow: 'auto' }} data-testid="notification-list">
      {items.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('notifications.empty')} />
      ) : (
        <List
          size="small"
          dataSource={items}
          renderItem={(item) => (
            <List.Item
              data-testid="notification-item"
              style={{ cursor: item.link ? 'pointer' : 'default', opacity: item.readAt ? 0.6 : 1 }}
              onClick={() => {
                if (!item.readAt) markRead.mutate(item.id);
                if (item.link) navigate(item.link);
              }}
            >
              <Flex vertical gap={2}>
                <Typography.Text strong={!item.readAt}>{item.title}</Typography.Text>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {item.body}
                </Typography.Text>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {formatDateTime(item.createdAt)}
                </Typography.Text>
              </Flex>
            </List.Item>
          )}
        />
      )}
    </div>
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
