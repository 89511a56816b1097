import { Card, Col, Empty, Rate, Row, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { ErrorAlert } from '../../app/components/error-alert';
import { PageHeader } from '../../app/components/page-header';
import { useT } from '../../app/i18n/i18n-context';
import { useRatingStatistics, type RatingStatistics } from './hooks';

type UnitRow = RatingStatistics['byUnit'][number];
type OfficerRow = RatingStatistics['byOfficer'][number];
type CommentRow = RatingStatistics['comments'][number] & { key: number };

const Average = ({ value }: { value: number }) => (
  <span style={{ whiteSpace: 'nowrap' }}>
    <Rate disabled allowHalf value={Math.round(value * 2) / 2} style={{ fontSize: 14 }} /> {value.toFixed(2)}
  </span>
);

// Issue 5 item 4: enterprises rate each visit anonymously; supervisors (法制审核) see statistics by unit and
// officer and the comments by month, never who wrote them or for which inspection.
export const RatingsPage = () => {
  const t = useT();
  const statistics = useRatingStatistics();

  const unitColumns: TableColumnsType<UnitRow> = [
    { key: 'unit', title: t('ratings.unit'), dataIndex: 'organisationName' },
    { key: 'ratings', title: t('ratings.count'), dataIndex: 'ratings', width: 90, align: 'right' },
    {
      key: 'average',
      title: t('ratings.average'),
      width: 200,
      render: (_, row) => <Average value={row.average} />,
    },
  ];
  const officerColumns: TableColumnsType<OfficerRow> = [
    { key: 'certificate', title: t('ratings.certificate'), dataIndex: 'certificate' },
    { key: 'ratings', title: t('ratings.count'), dataIndex: 'ratings', width: 90, align: 'right' },
    {
      key: 'average',
      title: t('ratings.average'),
      width: 200,
      render: (_, row) => <Average value={row.average} />,
    },
  ];
  const commentColumns: TableColumnsType<CommentRow> = [
    { key: 'month', title: t('ratings.month'), dataIndex: 'month', width: 100 },
    {
      key: 'score',
      title: t('ratings.score'),
      width: 160,
      render: (_, row) => <Rate disabled value={row.score} style={{ fontSize: 14 }} />,
    },
    {
      key: 'comment',
      title: t('ratings.comment'),
      render: (_, row) => row.comment ?? <Typography.Text type="secondary">—</Typography.Text>,
    },
  ];
  const empty = {
    emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('ratings.empty')} />,
  };

  return (
    <>
      <PageHeader title={t('ratings.title')} subtitle={t('ratings.subtitle')} />
      {statistics.isError && <ErrorAlert error={statistics.error} style={{ marginBottom: 16 }} />}
      <Row gutter={16}>
        <Col xs={24} lg={12}>
          <Card
            title={t('ratings.byUnit')}
            size="small"
            style={{ marginBottom: 16 }}
            styles={{ body: { padding: 0 } }}
          >
            <Table<UnitRow>
              data-testid="ratings-by-unit"
              rowKey="organisationName"
              size="small"
              columns={unitColumns}
              dataSource={statistics.data?.byUnit ?? []}
              loading={statistics.isPending}
              pagination={false}
              locale={empty}
            />
          </Card>
        </Col>
        <Col xs={24} lg={12}>
          <Card
            title={t('ratings.byOfficer')}
            size="small"
            style={{ marginBottom: 16 }}
            styles={{ body: { padding: 0 } }}
          >
            <Table<OfficerRow>
              data-testid="ratings-by-officer"
              rowKey="certificate"
              size="small"
              columns={officerColumns}
              dataSource={statistics.data?.byOfficer ?? []}
              loading={statistics.isPending}
              pagination={{ pageSize: 10, hideOnSinglePage: true }}
              locale={empty}
            />
          </Card>
        </Col>
      </Row>
      <Card
        title={t('ratings.comments')}
        size="small"
        extra={<Tag>{t('ratings.anonymousNote')}</Tag>}
        styles={{ body: { padding: 0 } }}
      >
        <Table<CommentRow>
          data-testid="ratings-comments"
          rowKey="key"
          size="small"
          columns={commentColumns}
          dataSource={(statistics.data?.comments ?? []).map((row, key) => ({ ...row, key }))}
          loading={statistics.isPending}
          pagination={{ pageSize: 20, hideOnSinglePage: true }}
          locale={empty}
        />
      </Card>
    </>
  );
};
