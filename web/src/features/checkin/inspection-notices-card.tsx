import { Card, Collapse, Descriptions, Empty, List, Space, Tag, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../api/client';
import { formatDateTime } from '../../app/format';
import { useT } from '../../app/i18n/i18n-context';

// Issue 5 item 4: an announced inspection reaches the enterprise in advance with its notice and a self-check
// list: the same items the officers will check, each with how to put it right (改哪里、如何改).
export const InspectionNoticesCard = () => {
  const t = useT();
  const notices = useQuery({
    queryKey: ['enterprise', 'inspection-notices'],
    queryFn: () => unwrap(api.GET('/api/v1/enterprise/inspection-notices')),
  });
  const items = notices.data ?? [];
  return (
    <Card title={t('notices.title')} loading={notices.isPending} data-testid="inspection-notices">
      {items.length === 0 ? (
        <Empty description={t('notices.none')} />
      ) : (
        <Space direction="vertical" style={{ width: '100%' }} size="large">
          {items.map((notice) => (
            <div key={notice.inspectionId} data-testid="inspection-notice">
              <Descriptions size="small" column={{ xs: 1, md: 2 }} bordered>
                <Descriptions.Item label={t('notices.bureau')}>{notice.bureau}</Descriptions.Item>
                <Descriptions.Item label={t('notices.time')}>
                  {formatDateTime(notice.scheduledAt)}
                </Descriptions.Item>
                <Descriptions.Item label={t('notices.site')}>{notice.site}</Descriptions.Item>
                <Descriptions.Item label={t('notices.officers')}>
                  {notice.officers
                    .map(
                      (officer) =>
                        `${officer.name}（${t('notices.certificate', { number: officer.certificate })}）`,
                    )
                    .join('、')}
                </Descriptions.Item>
                <Descriptions.Item label={t('notices.matters')} span={2}>
                  {notice.matters.map((matter) => (
                    <div key={matter.code}>
                      {matter.name}
                      <Typography.Text type="secondary">（{matter.basis}）</Typography.Text>
                    </div>
                  ))}
                </Descriptions.Item>
              </Descriptions>
              <Collapse
                style={{ marginTop: 8 }}
                items={[
                  {
                    key: 'self-check',
                    label: t('notices.selfCheck', { n: notice.selfCheck.length }),
                    children: (
                      <List
                        size="small"
                        dataSource={notice.selfCheck}
                        renderItem={(item) => (
                          <List.Item data-testid="self-check-item">
                            <Space direction="vertical" size={2}>
                              <Space wrap>
                                <Typography.Text strong>{item.text}</Typography.Text>
                                {item.majorHiddenDanger && <Tag color="red">{t('notices.major')}</Tag>}
                                {!item.verified && <Tag color="orange">{t('notices.unverified')}</Tag>}
                              </Space>
                              <Typography.Text type="secondary">{item.howToFix}</Typography.Text>
                            </Space>
                          </List.Item>
                        )}
                      />
                    ),
                  },
                ]}
              />
            </div>
          ))}
        </Space>
      )}
    </Card>
  );
};
