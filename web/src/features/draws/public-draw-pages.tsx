import { useState, type HTMLAttributes } from 'react';
import { Alert, Card, Empty, Space, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { Link, useNavigate, useParams } from 'react-router-dom';
import type { PublicDrawDetail, PublicDrawSummary } from '../../api/types';
import { ErrorAlert } from '../../app/components/error-alert';
import { DetailPage } from '../../app/components/detail-page';
import { PageHeader } from '../../app/components/page-header';
import { formatDate, formatDateTime } from '../../app/format';
import { useT } from '../../app/i18n/i18n-context';
import { CancellationAlert, DrawOverviewCard } from './draw-overview';
import { DrawRecord, useDrawResultQuery } from './draw-record';
import { DrawStatusTag } from './draw-tags';
import { usePublicDraw, usePublicDraws } from './hooks';
import { VerifyDrawPanel, VerifyOtherRecordCard } from './verify/verify-panels';

// A cancellation is shown beside the draw: red once approved, so a cancelled draw is never read as a live one.
const PublicCancellation = ({ draw }: { draw: PublicDrawSummary }) => {
  const t = useT();
  const { cancellation } = draw;
  if (!cancellation || cancellation.status === 'rejected') return null;
  return cancellation.status === 'approved' ? (
    <Typography.Text type="danger" data-testid="public-draw-cancelled" style={{ fontSize: 12 }}>
      {t('publicDraw.cancelledBeside', {
        reason: cancellation.reason,
        at: formatDate(cancellation.decidedAt),
      })}
    </Typography.Text>
  ) : (
    <Tag color="orange" data-testid="public-draw-cancellation-requested">
      {t('draw.cancellation.requested')}
    </Tag>
  );
};

// 公示: every draw from the moment its pools are frozen (item 13), readable by anyone.
export const PublicDrawListPage = () => {
  const t = useT();
  const navigate = useNavigate();
  const [paging, setPaging] = useState({ page: 1, pageSize: 20 });
  const draws = usePublicDraws(paging);

  const columns: TableColumnsType<PublicDrawSummary> = [
    {
      key: 'title',
      title: t('draw.field.title'),
      render: (_, draw) => (
        <Link to={`/public/draws/${draw.id}`} onClick={(event) => event.stopPropagation()}>
          {draw.title}
        </Link>
      ),
    },
    { key: 'organisation', title: t('draw.field.organisation'), dataIndex: 'organisationName', width: 170 },
    {
      key: 'inspectionDate',
      title: t('draw.field.inspectionDate'),
      width: 110,
      render: (_, draw) => formatDate(draw.inspectionDate),
    },
    {
      key: 'status',
      title: t('field.status'),
      width: 240,
      render: (_, draw) => (
        <Space size={4} wrap>
          <DrawStatusTag status={draw.status} />
          <PublicCancellation draw={draw} />
        </Space>
      ),
    },
    {
      key: 'counts',
      title: t('publicDraw.counts'),
      width: 150,
      render: (_, draw) =>
        t('publicDraw.countsText', { sample: draw.sampleSize, enterprises: draw.enterpriseCount }),
    },
    {
      key: 'poolHash',
      title: t('draw.field.poolHash'),
      width: 180,
      render: (_, draw) => (
        <Typography.Text
          code
          style={{ fontFamily: 'ui-monospace, monospace' }}
          data-testid="public-draw-hash"
        >
          {draw.poolHash.slice(0, 16)}…
        </Typography.Text>
      ),
    },
  ];

  return (
    <>
      <PageHeader title={t('publicDraw.title')} subtitle={t('publicDraw.subtitle')} />
      {draws.isError && <ErrorAlert error={draws.error} style={{ marginBottom: 16 }} />}
      <Card styles={{ body: { padding: 0 } }}>
        <Table<PublicDrawSummary>
          data-testid="public-draw-list"
          rowKey="id"
          columns={columns}
          dataSource={draws.data?.items ?? []}
          loading={draws.isFetching}
          pagination={{
            current: paging.page,
            pageSize: paging.pageSize,
            total: draws.data?.total ?? 0,
            showTotal: (total) => t('common.total', { total }),
            onChange: (page, pageSize) => setPaging({ page, pageSize }),
          }}
          onRow={(draw) =>
            ({
              'data-testid': 'public-draw-row',
              'data-id': draw.id,
              'data-status': draw.status,
              style: { cursor: 'pointer' },
              onClick: () => navigate(`/public/draws/${draw.id}`),
            }) as HTMLAttributes<HTMLElement>
          }
          locale={{
            emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('publicDraw.empty')} />,
          }}
          scroll={{ x: 1000 }}
        />
      </Card>
    </>
  );
};

export const PublicDrawPage = () => {
  const t = useT();
  const { id = '' } = useParams<{ id: string }>();
  const resultQuery = useDrawResultQuery();
  const draw = usePublicDraw(id, resultQuery.params);
  return (
    <DetailPage
      query={draw}
      notFound={{
        title: t('publicDraw.missing'),
        subtitle: null,
        backTo: '/public/draws',
        backLabel: t('publicDraw.back'),
      }}
    >
      {(data) => <PublicDrawView data={data} fetching={draw.isFetching} resultQuery={resultQuery} />}
    </DetailPage>
  );
};

type PublicDrawViewProps = {
  data: PublicDrawDetail;
  fetching: boolean;
  resultQuery: ReturnType<typeof useDrawResultQuery>;
};

const PublicDrawView = ({ data, fetching, resultQuery }: PublicDrawViewProps) => {
  const t = useT();

  return (
    <>
      <PageHeader
        title={<span data-testid="public-draw-title">{data.title}</span>}
        subtitle={t('draw.detailSubtitle', {
          organisation: data.organisationName,
          at: formatDateTime(data.frozenAt),
        })}
        crumbs={[{ title: t('publicDraw.title'), to: '/public/draws' }, { title: data.title }]}
      />
      <CancellationAlert draw={data} />
      {data.seed ? (
        <VerifyDrawPanel
          drawId={data.id}
          resultHash={data.resultHash}
          disclosed={data.disclosed}
          windowClosesOn={data.windowClosesOn}
        />
      ) : (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 16 }}
          title={t('publicDraw.frozenOnly')}
          data-testid="public-draw-frozen"
        />
      )}
      {data.seed && !data.disclosed ? (
        <>
          <Alert
            type="info"
            showIcon
            style={{ marginBottom: 16 }}
            title={t('publicDraw.notYetDisclosed', { date: data.windowClosesOn })}
            data-testid="public-draw-undisclosed"
          />
          {/* what binds the draw is public at once: hashes, entropy, witnesses by role (issue 12 item 9) */}
          <DrawOverviewCard draw={data} />
        </>
      ) : (
        <DrawRecord draw={data} loading={fetching} resultQuery={resultQuery} testId="public-draw-result" />
      )}
      <VerifyOtherRecordCard />
    </>
  );
};
