import { Card, List, Tag } from 'antd';
import { Link } from 'react-router-dom';
import { useT } from '../../app/i18n/i18n-context';
import { usePenaltyCases } from './hooks';

// issue 15: the penalty cases an inspection's 移交立案审查 items (or overdue orders) opened, on the inspection page.
export const InspectionCasesCard = ({ inspectionId }: { inspectionId: string }) => {
  const t = useT();
  const { data } = usePenaltyCases({ page: 1, pageSize: 50, inspectionId });
  if (!data || data.items.length === 0) return null;
  return (
    <Card
      title={t('case.list.title')}
      size="small"
      style={{ marginBottom: 16 }}
      data-testid="inspection-cases"
    >
      <List
        size="small"
        dataSource={data.items}
        renderItem={(item) => (
          <List.Item>
            <Link to={`/penalty-cases/${item.id}`}>{`${t('case.title')} ${item.reference}`}</Link>
            <span>{item.summary}</span>
            <Tag color="blue">{item.statusName}</Tag>
          </List.Item>
        )}
      />
    </Card>
  );
};
