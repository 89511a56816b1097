import { useState, type HTMLAttributes } from 'react';
import { Button, Card, Empty, Select, Space, Table, Typography, type TableColumnsType } from 'antd';
import { GlobalOutlined, LockOutlined } from '@ant-design/icons';
import { Link, useNavigate } from 'react-router-dom';
import type { DrawStatus, DrawSummary } from '../../api/types';
import { can } from '../../app/auth/access';
import { ErrorAlert } from '../../app/components/error-alert';
import { FilterBar, YearFilter } from '../../app/components/list-filters';
import { PageHeader } from '../../app/components/page-header';
import { formatDate, formatDateTime, shortHash } from '../../app/format';
import { useT } from '../../app/i18n/i18n-context';
import { useListParams } from '../../app/list-params';
import { useCurrentUser } from '../auth/hooks';
import { CancellationTag, DrawStatusTag } from './draw-tags';
import { FreezeDrawModal } from './freeze-draw-modal';
import { useDraws } from './hooks';

const STATUSES: DrawStatus[] = ['frozen', 'drawn', 'cancelled'];

// 双随机抽取 (measures 5, 6, 12): every batch of the user's territory, newest first.
export const DrawListPage = () => {
  const t = useT();
  const navigate = useNavigate();
  const user = useCurrentUser();
  const { page, pageSize, get, update } = useListParams();
  const year = get('year') ? Number(get('year')) : undefined;
  const status = get('status') as DrawStatus | undefined;
  const draws = useDraws({ page, pageSize, year, status });
  const [freezing, setFreezing] = useState(false);
  const mayFreeze = can(user, 'draw:create');

  const columns: TableColumnsType<DrawSummary> = [
    {
      key: 'title',
      title: t('draw.field.title'),
      render: (_, draw) => (
        <>
          <Link
            to={`/draws/${draw.id}`}
            onClick={(event) => event.stopPropagation()}
            data-testid="draw-row-link"
          >
            {draw.title}
          </Link>
          <div>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {draw.organisationName}
            </Typography.Text>
          </div>
        </>
      ),
    },
    {
      key: 'inspectionDate',
      title: t('draw.field.inspectionDate'),
      width: 110,
      render: (_, draw) => formatDate(draw.inspectionDate),
    },
    {
      key: 'status',
      title: t('field.status'),
      width: 170,
      render: (_, draw) => (
        <Space size={4} wrap>
          <DrawStatusTag status={draw.status} />
          <CancellationTag cancellation={draw.cancellation} />
        </Space>
      ),
    },
    {
      key: 'enterpriseCount',
      title: t('draw.field.enterpriseCount'),
      width: 100,
      align: 'right',
      dataIndex: 'enterpriseCount',
    },
    {
      key: 'sampleSize',
      title: t('draw.field.sampleSize'),
      width: 90,
      align: 'right',
      dataIndex: 'sampleSize',
    },
    {
      key: 'inspectorCount',
      title: t('draw.field.inspectorCount'),
      width: 100,
      align: 'right',
      dataIndex: 'inspectorCount',
    },
    { key: 'teamSize', title: t('draw.field.teamSize'), width: 90, align: 'right', dataIndex: 'teamSize' },
    {
      key: 'partners',
      title: t('draw.field.partners'),
      width: 160,
      render: (_, draw) =>
        draw.partners.length ? draw.partners.map((partner) => partner.organisationName).join('、') : '—',
    },
    {
      key: 'poolHash',
      title: t('draw.field.poolHash'),
      width: 130,
      render: (_, draw) => <Typography.Text code>{shortHash(draw.poolHash)}</Typography.Text>,
    },
    {
      key: 'frozenAt',
      title: t('draw.field.frozenAt'),
      width: 180,
      render: (_, draw) => (
        <>
          <div>{draw.frozenByName}</div>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {formatDateTime(draw.frozenAt)}
          </Typography.Text>
        </>
      ),
    },
  ];

  return (
    <>
      <PageHeader
        title={t('nav.draws')}
        subtitle={t('draw.listSubtitle')}
        extra={
          <>
            <Button
              icon={<GlobalOutlined />}
              onClick={() => navigate('/public/draws')}
              data-testid="draw-public-link"
            >
              {t('draw.publicPage')}
            </Button>
            {mayFreeze && (
              <Button
                type="primary"
                icon={<LockOutlined />}
                onClick={() => setFreezing(true)}
                data-testid="draw-freeze"
              >
                {t('draw.freeze.button')}
              </Button>
            )}
          </>
        }
      />
      <FilterBar>
        <YearFilter testId="draw-filter-year" value={year} onChange={(value) => update({ year: value })} />
        <Select<DrawStatus>
          data-testid="draw-filter-status"
          allowClear
          placeholder={t('plan.allStatuses')}
          value={status}
          onChange={(value) => update({ status: value })}
          options={STATUSES.map((value) => ({ value, label: t(`draw.status.${value}`) }))}
          style={{ width: 160 }}
        />
      </FilterBar>
      {draws.isError && <ErrorAlert error={draws.error} style={{ marginBottom: 16 }} />}
      <Card styles={{ body: { padding: 0 } }}>
        <Table<DrawSummary>
          data-testid="draw-table"
          rowKey="id"
          columns={columns}
          dataSource={draws.data?.items ?? []}
          loading={draws.isFetching}
          pagination={{
            current: page,
            pageSize,
            total: draws.data?.total ?? 0,
            showTotal: (total) => t('common.total', { total }),
            onChange: (next, size) => update({ page: next, pageSize: size }),
          }}
          onRow={(draw) =>
            ({
              'data-testid': 'draw-row',
              'data-status': draw.status,
              style: { cursor: 'pointer' },
              onClick: () => navigate(`/draws/${draw.id}`),
            }) as HTMLAttributes<HTMLElement>
          }
          locale={{
            emptyText: (
              <Empty
                image={Empty.PRESENTED_IMAGE_SIMPLE}
                description={mayFreeze ? t('draw.emptyManager') : t('draw.empty')}
              />
            ),
          }}
          scroll={{ x: 1400 }}
        />
      </Card>
      {mayFreeze && (
        <FreezeDrawModal
          open={freezing}
          onClose={() => setFreezing(false)}
          onFrozen={(draw) => navigate(`/draws/${draw.id}`)}
        />
      )}
    </>
  );
};
