import { Empty, Flex, List, Typography } from 'antd';
import { useNavigate } from 'react-router-dom';
import { useT } from '../../app/i18n/i18n-context';
import { formatDateTime } from '../../app/format';
import { useMarkNotificationRead, useNotifications } from './hooks';

// The reminders under the bell; a click marks one read and follows its link.
export const NotificationList = () => {
  const t = useT();
  const navigate = useNavigate();
  const notifications = useNotifications();
  const markRead = useMarkNotificationRead();
  const items = notifications.data?.items ?? [];
  return (
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
};
