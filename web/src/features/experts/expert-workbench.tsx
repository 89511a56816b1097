import { Card, Empty, Flex, List, Tag, Typography } from 'antd';
import { ScheduleOutlined } from '@ant-design/icons';
import { Link } from 'react-router-dom';
import { ErrorAlert } from '../../app/components/error-alert';
import { useT } from '../../app/i18n/i18n-context';
import { formatDate } from '../../app/format';
import { useDispatches } from './hooks';

// The expert account's first screen (measure 23): the dispatches naming it, those waiting for a visit first.
export const ExpertWorkbench = () => {
  const t = useT();
  const { data, error, isLoading } = useDispatches();
  const items = [...(data?.items ?? [])].sort(
    (a, b) =>
      Number(b.mayRecordVisit) - Number(a.mayRecordVisit) ||
      (a.plannedOn ?? '').localeCompare(b.plannedOn ?? ''),
  );
  return (
    <Card
      data-testid="expert-workbench"
      loading={isLoading}
      title={
        <Flex gap={8} align="center">
          <ScheduleOutlined />
          {t('home.expertWorkbench')}
        </Flex>
      }
    >
      {error ? <ErrorAlert error={error} /> : null}
      {data && items.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('home.expertWorkbenchEmpty')} />
      ) : (
        <List
          dataSource={items}
          renderItem={(item) => (
            <List.Item data-testid="expert-task">
              <Flex vertical gap={2} style={{ width: '100%' }}>
                <Flex justify="space-between" gap={8} wrap>
                  <Link to={`/expert-dispatches/${item.id}`} style={{ fontSize: 16 }}>
                    {item.enterpriseName}
                  </Link>
                  <Tag color={item.mayRecordVisit ? 'blue' : 'default'}>{item.stateName}</Tag>
                </Flex>
                <Typography.Text type="secondary">
                  {item.originName} · {t('experts.field.plannedOn')} {formatDate(item.plannedOn)}
                </Typography.Text>
                {item.request && <Typography.Text ellipsis>{item.request}</Typography.Text>}
              </Flex>
            </List.Item>
          )}
        />
      )}
    </Card>
  );
};
