import { Button, Card, Table, Tag } from 'antd';
import { Link, useNavigate } from 'react-router-dom';
import { ErrorAlert } from '../../../app/components/error-alert';
import { PageHeader } from '../../../app/components/page-header';
import { useCan } from '../../../app/auth/use-can';
import { useT } from '../../../app/i18n/i18n-context';
import { useMissions, type Mission } from './hooks';

// measure 21: the territory's drone patrols, planned and flown.
export const MissionListPage = () => {
  const t = useT();
  const navigate = useNavigate();
  const mayPlan = useCan('drone_mission:create');
  const { data, error, isFetching } = useMissions();
  return (
    <>
      <PageHeader
        title={t('drone.list.title')}
        subtitle={t('drone.list.subtitle')}
        extra={
          mayPlan ? (
            <Button
              type="primary"
              data-testid="plan-mission"
              onClick={() => navigate('/monitoring/patrols/new')}
            >
              {t('drone.plan.title')}
            </Button>
          ) : null
        }
      />
      <Card>
        {error ? <ErrorAlert error={error} /> : null}
        <Table<Mission>
          rowKey="id"
          loading={isFetching && !data}
          dataSource={data?.items ?? []}
          pagination={{ pageSize: 20 }}
          columns={[
            {
              title: t('drone.field.title'),
              dataIndex: 'title',
              render: (title: string, row) => <Link to={`/monitoring/patrols/${row.id}`}>{title}</Link>,
            },
            { title: t('drone.field.areaKind'), dataIndex: 'areaKindName', width: 130 },
            {
              title: t('drone.field.schedule'),
              key: 'schedule',
              width: 200,
              render: (_: unknown, row) =>
                `${row.schedule.date} ${row.schedule.startTime}–${row.schedule.endTime}`,
            },
            { title: t('drone.field.pilot'), dataIndex: 'pilotName', width: 200 },
            { title: t('drone.findings'), dataIndex: 'findingCount', width: 100 },
            {
              title: t('drone.field.state'),
              dataIndex: 'stateName',
              width: 100,
              render: (name: string, row) => (
                <Tag color={row.state === 'planned' ? 'blue' : 'default'}>{name}</Tag>
              ),
            },
          ]}
        />
      </Card>
    </>
  );
};
