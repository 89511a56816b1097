import { useState } from 'react';
import { Button, Card, Segmented, Table, Tag } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { Link, useSearchParams } from 'react-router-dom';
import { can } from '../../app/auth/access';
import { ErrorAlert } from '../../app/components/error-alert';
import { FilterBar } from '../../app/components/list-filters';
import { PageHeader } from '../../app/components/page-header';
import { formatDateTime } from '../../app/format';
import { useT } from '../../app/i18n/i18n-context';
import { useCurrentUser } from '../auth/hooks';
import { AccountabilityFormDrawer } from './accountability-form-drawer';
import { useAccountabilityRecords, type AccountabilityRecord } from './hooks';

export const STATUS_COLORS = { draft: 'default', submitted: 'orange', approved: 'green' } as const;
type View = 'all' | 'submitted' | 'draft' | 'approved';

// measure 30: the bureau head's and the legal reviewer's list of accountability records, those waiting for
// approval first to hand.
export const AccountabilityListPage = () => {
  const t = useT();
  const user = useCurrentUser();
  const [params, setParams] = useSearchParams();
  const view = (params.get('view') ?? 'all') as View;
  const page = Number(params.get('page') ?? 1);
  const pageSize = Number(params.get('pageSize') ?? 20);
  const [drafting, setDrafting] = useState(false);
  const { data, error, isFetching } = useAccountabilityRecords({
    page,
    pageSize,
    ...(view === 'all' ? {} : { status: view }),
  });
  return (
    <>
      <PageHeader
        title={t('accountability.title')}
        subtitle={t('accountability.subtitle')}
        extra={
          can(user, 'accountability_record:create') && (
            <Button
              type="primary"
              icon={<PlusOutlined />}
              data-testid="accountability-new"
              onClick={() => setDrafting(true)}
            >
              {t('accountability.new')}
            </Button>
          )
        }
      />
      <FilterBar>
        <Segmented<View>
          value={view}
          onChange={(value) => setParams({ view: value })}
          options={[
            { value: 'all', label: t('accountability.view.all') },
            { value: 'submitted', label: t('accountability.view.submitted') },
            { value: 'draft', label: t('accountability.view.draft') },
            { value: 'approved', label: t('accountability.view.approved') },
          ]}
        />
      </FilterBar>
      <Card>
        {error ? <ErrorAlert error={error} /> : null}
        <Table<AccountabilityRecord>
          rowKey="id"
          data-testid="accountability-table"
          loading={isFetching}
          dataSource={data?.items ?? []}
          pagination={{
            current: page,
            pageSize,
            total: data?.total ?? 0,
            onChange: (p, s) => setParams({ view, page: String(p), pageSize: String(s) }),
          }}
          columns={[
            {
              title: t('accountability.kind'),
              dataIndex: 'kindName',
              render: (name: string, row) => <Link to={`/accountability/${row.id}`}>{name}</Link>,
            },
            { title: t('accountability.facts'), dataIndex: 'facts', ellipsis: true },
            {
              title: t('accountability.persons'),
              key: 'persons',
              render: (_: unknown, row) =>
                row.persons.map((person) => `${person.officerName}（${person.sanctionName}）`).join('；'),
            },
            {
              title: t('accountability.correction'),
              key: 'correction',
              render: (_: unknown, row) => row.correction?.kindName ?? '—',
            },
            {
              title: t('accountability.origin'),
              key: 'origin',
              render: (_: unknown, row) =>
                row.originReference ? `${row.originName} ${row.originReference}` : row.originName,
            },
            {
              title: t('accountability.status'),
              dataIndex: 'status',
              render: (status: AccountabilityRecord['status'], row) => (
                <Tag color={STATUS_COLORS[status]} data-testid="accountability-status">
                  {row.statusName}
                </Tag>
              ),
            },
            { title: t('accountability.draftedBy'), dataIndex: 'draftedByName' },
            {
              title: t('accountability.createdAt'),
              dataIndex: 'createdAt',
              render: (value: string) => formatDateTime(value),
            },
          ]}
        />
      </Card>
      <AccountabilityFormDrawer open={drafting} onClose={() => setDrafting(false)} />
    </>
  );
};
