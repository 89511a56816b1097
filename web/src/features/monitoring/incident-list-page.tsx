import { useEffect, useState } from 'react';
import { Card, Segmented, Table, Tag, Typography } from 'antd';
import { useSearchParams } from 'react-router-dom';
import { ErrorAlert } from '../../app/components/error-alert';
import { FilterBar } from '../../app/components/list-filters';
import { PageHeader } from '../../app/components/page-header';
import { formatDateTime } from '../../app/format';
import { useT } from '../../app/i18n/i18n-context';
import { IncidentDrawer } from './incident-drawer';
import { useIncidents, type Incident } from './hooks';
import { useIncidentStreamState, useMarkIncidentsRead } from './incident-stream';

type View = 'waiting' | 'closed' | 'escalated';
export const LEVEL_COLORS: Record<string, string> = {
  red: 'red',
  orange: 'orange',
  yellow: 'gold',
  blue: 'blue',
};
const PRIORITY_COLORS: Record<string, string> = {
  urgent: 'red',
  high: 'orange',
  normal: 'blue',
  low: 'default',
};

// measures 19–20: the leads of the territory's monitoring systems, waiting ones first; an officer checks each
// remotely and visits only where he must.
export const IncidentListPage = () => {
  const t = useT();
  const [params, setParams] = useSearchParams();
  const asked = params.get('view');
  const view: View = asked === 'closed' || asked === 'escalated' ? asked : 'waiting';
  const { data, error, isFetching } = useIncidents({ status: view });
  // a finding's page links its lead here: /monitoring?incident=<id> opens its drawer
  const [openId, setOpenId] = useState<string | null>(params.get('incident'));
  const stream = useIncidentStreamState().data;
  const markRead = useMarkIncidentsRead();
  // the officer has the list in front of him: what arrived up to now is seen
  const { mutate } = markRead;
  useEffect(() => {
    if (stream.eventId > 0 && document.visibilityState === 'visible') mutate(stream.eventId);
  }, [stream.eventId, mutate]);
  return (
    <>
      <PageHeader title={t('monitoring.page.title')} subtitle={t('monitoring.page.subtitle')} />
      <FilterBar>
        <Segmented<View>
          value={view}
          onChange={(value) => setParams({ view: value })}
          options={[
            { value: 'waiting', label: t('monitoring.view.waiting') },
            { value: 'closed', label: t('monitoring.view.closed') },
            { value: 'escalated', label: t('monitoring.view.escalated') },
          ]}
        />
        <Typography.Text type={stream.live ? 'success' : 'secondary'} data-testid="incident-stream-state">
          {stream.live ? t('monitoring.stream.live') : t('monitoring.stream.down')}
        </Typography.Text>
      </FilterBar>
      <Card>
        {error ? <ErrorAlert error={error} /> : null}
        <Table<Incident>
          rowKey="id"
          data-testid="incident-table"
          loading={isFetching && !data}
          dataSource={data?.items ?? []}
          pagination={{ pageSize: 20 }}
          onRow={(row) => ({ onClick: () => setOpenId(row.id), style: { cursor: 'pointer' } })}
          columns={[
            {
              title: t('monitoring.priority'),
              dataIndex: 'priorityName',
              width: 90,
              render: (name: string, row) => <Tag color={PRIORITY_COLORS[row.priority]}>{name}</Tag>,
            },
            { title: t('monitoring.enterprise'), dataIndex: 'enterpriseName' },
            {
              title: t('monitoring.summary'),
              dataIndex: 'summary',
              render: (summary: string, row) => (
                <>
                  <Tag color={LEVEL_COLORS[row.level]}>{row.levelName}</Tag>
                  {summary}
                </>
              ),
            },
            { title: t('monitoring.count'), dataIndex: 'alarmCount', width: 90 },
            {
              title: t('monitoring.lastAlarm'),
              dataIndex: 'lastAlarmAt',
              width: 170,
              render: (value: string) => formatDateTime(value),
            },
            {
              title: t('monitoring.state'),
              dataIndex: 'stateName',
              width: 190,
              render: (name: string, row) => (
                <span data-testid="incident-state">
                  {name}
                  {row.overdue ? (
                    <Tag color="red" style={{ marginLeft: 8 }}>
                      {t('monitoring.overdue')}
                    </Tag>
                  ) : null}
                  {row.escalationSteps > 0 && row.state === 'open' ? (
                    <Tag color="volcano" style={{ marginLeft: 8 }} data-testid="incident-escalated">
                      {t('monitoring.escalatedTag', { name: row.handlingTerritoryName })}
                    </Tag>
                  ) : null}
                </span>
              ),
            },
          ]}
        />
      </Card>
      <IncidentDrawer id={openId} onClose={() => setOpenId(null)} />
    </>
  );
};
