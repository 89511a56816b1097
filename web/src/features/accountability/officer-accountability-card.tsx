import { Card, Table, Tag } from 'antd';
import { Link } from 'react-router-dom';
import { formatDateTime } from '../../app/format';
import { useT } from '../../app/i18n/i18n-context';
import { STATUS_COLORS } from './accountability-list-page';
import { useAccountabilityRecords, type AccountabilityRecord } from './hooks';

// measure 30: the accountability records naming this officer, on his page (for those who read them).
export const OfficerAccountabilityCard = ({ officerId }: { officerId: string }) => {
  const t = useT();
  const { data, isFetching } = useAccountabilityRecords({ page: 1, pageSize: 50, officerId });
  return (
    <Card title={t('accountability.ofOfficer')}>
      <Table<AccountabilityRecord>
        rowKey="id"
        size="small"
        data-testid="officer-accountability"
        loading={isFetching}
        pagination={false}
        dataSource={data?.items ?? []}
        locale={{ emptyText: t('accountability.noneForOfficer') }}
        columns={[
          {
            title: t('accountability.kind'),
            dataIndex: 'kindName',
            render: (name: string, row) => <Link to={`/accountability/${row.id}`}>{name}</Link>,
          },
          { title: t('accountability.facts'), dataIndex: 'facts', ellipsis: true },
          {
            title: t('accountability.sanction'),
            key: 'sanction',
            render: (_: unknown, row) =>
              row.persons
                .filter((person) => person.officerId === officerId)
                .map((person) => person.sanctionName)
                .join('、'),
          },
          {
            title: t('accountability.status'),
            dataIndex: 'status',
            render: (status: AccountabilityRecord['status'], row) => (
              <Tag color={STATUS_COLORS[status]}>{row.statusName}</Tag>
            ),
          },
          {
            title: t('accountability.createdAt'),
            dataIndex: 'createdAt',
            render: (value: string) => formatDateTime(value),
          },
        ]}
      />
    </Card>
  );
};
