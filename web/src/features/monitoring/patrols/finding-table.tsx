import { Empty, Image, Table, Tag, Typography } from 'antd';
import { Link } from 'react-router-dom';
import { formatDateTime } from '../../../app/format';
import { useT } from '../../../app/i18n/i18n-context';
import type { Finding } from './hooks';

// What a drone patrol found: the photo, what it shows, where and when, and the lead it raised.
export const FindingTable = ({ findings, compact = false }: { findings: Finding[]; compact?: boolean }) => {
  const t = useT();
  if (findings.length === 0) return <Empty description={t('drone.noFindings')} />;
  return (
    <Table<Finding>
      rowKey="id"
      size="small"
      pagination={false}
      dataSource={findings}
      data-testid="finding-table"
      columns={[
        {
          title: t('drone.field.photo'),
          dataIndex: 'photoUrl',
          width: 130,
          render: (url: string, row) => (
            <Image src={url} width={112} alt={row.kindName} data-testid="finding-photo" />
          ),
        },
        {
          title: t('drone.field.kind'),
          dataIndex: 'kindName',
          width: 150,
          render: (name: string, row) => (
            <>
              {name}
              {row.insideArea ? null : <Tag style={{ marginLeft: 4 }}>{t('drone.outsideArea')}</Tag>}
            </>
          ),
        },
        ...(compact ? [] : [{ title: t('drone.field.enterprise'), dataIndex: 'enterpriseName' }]),
        { title: t('drone.field.note'), dataIndex: 'note' },
        {
          title: t('drone.field.takenAt'),
          dataIndex: 'takenAt',
          width: 160,
          render: (value: string, row) => (
            <>
              {formatDateTime(value)}
              <br />
              <Typography.Text type="secondary">{`${row.latitude.toFixed(5)}, ${row.longitude.toFixed(5)}`}</Typography.Text>
            </>
          ),
        },
        ...(compact
          ? []
          : [
              {
                title: t('drone.field.incident'),
                key: 'incident',
                width: 160,
                render: (_: unknown, row: Finding) =>
                  row.incidentId ? (
                    <Link to={`/monitoring?incident=${row.incidentId}`}>{row.incidentStateName}</Link>
                  ) : (
                    t('drone.noIncident')
                  ),
              },
            ]),
      ]}
    />
  );
};
