import { Card, Col, DatePicker, Empty, Row, Statistic, Table, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useSearchParams } from 'react-router-dom';
import { ErrorAlert } from '../../app/components/error-alert';
import { FilterBar } from '../../app/components/list-filters';
import { PageHeader } from '../../app/components/page-header';
import { useT } from '../../app/i18n/i18n-context';
import { serverNow } from '../../app/server-clock';
import { formatMinutes } from './incident-drawer';
import { useVisitsSaved, type VisitsSaved } from './hooks';

type Row = VisitsSaved['rows'][number];
type SourceRow = Row['sources'][number];

const percent = (rate: number | null) => (rate === null ? '—' : `${(rate * 100).toFixed(1)}%`);

// Issue 16 item 8 (measures 7, 19–21): what remote handling of monitoring leads saved, per month and
// territory of the user's scope; the last six months unless the user picks others.
export const VisitsSavedPage = () => {
  const t = useT();
  const [params, setParams] = useSearchParams();
  const thisMonth = dayjs(serverNow()).format('YYYY-MM');
  const from = params.get('from') ?? dayjs(serverNow()).subtract(5, 'month').format('YYYY-MM');
  const to = params.get('to') ?? thisMonth;
  const { data, error, isFetching } = useVisitsSaved({ from, to });
  const total = data?.total;
  const onRange = (range: [Dayjs | null, Dayjs | null] | null) => {
    if (range?.[0] && range[1])
      setParams({ from: range[0].format('YYYY-MM'), to: range[1].format('YYYY-MM') });
  };
  const sourceColumns = [
    { title: t('visitsSaved.source'), dataIndex: 'sourceName' },
    { title: t('visitsSaved.ended'), dataIndex: 'ended', width: 90 },
    { title: t('visitsSaved.falseAlarmCount'), dataIndex: 'falseAlarms', width: 90 },
    {
      title: t('visitsSaved.falseAlarmRate'),
      dataIndex: 'falseAlarmRate',
      width: 110,
      render: (rate: number | null) => percent(rate),
    },
  ];
  return (
    <>
      <PageHeader title={t('visitsSaved.title')} subtitle={t('visitsSaved.subtitle')} />
      <FilterBar>
        <DatePicker.RangePicker
          picker="month"
          allowClear={false}
          aria-label={`${t('visitsSaved.from')} – ${t('visitsSaved.to')}`}
          value={[dayjs(`${from}-01`), dayjs(`${to}-01`)]}
          onChange={onRange}
        />
      </FilterBar>
      {error ? <ErrorAlert error={error} /> : null}
      <Row gutter={[16, 16]} data-testid="visits-saved-totals">
        {(
          [
            ['visitsSaved.incidents', total?.incidents],
            ['visitsSaved.remoteChecks', total?.remoteChecks],
            ['visitsSaved.visitsAvoided', total?.visitsAvoided],
            ['visitsSaved.targetedVisits', total?.targetedVisits],
          ] as const
        ).map(([label, value]) => (
          <Col key={label} xs={12} md={6}>
            <Card>
              <Statistic title={t(label)} value={value ?? '—'} loading={isFetching && !data} />
            </Card>
          </Col>
        ))}
        {(
          [
            ['visitsSaved.acknowledgeMedian', total?.acknowledgeMedianMinutes],
            ['visitsSaved.handlingMedian', total?.handlingMedianMinutes],
            ['visitsSaved.handlingP90', total?.handlingP90Minutes],
          ] as const
        ).map(([label, value]) => (
          <Col key={label} xs={24} md={8}>
            <Card>
              <Statistic title={t(label)} value={formatMinutes(value, t)} loading={isFetching && !data} />
            </Card>
          </Col>
        ))}
      </Row>
      <Card style={{ marginTop: 16 }}>
        <Table<Row>
          rowKey={(row) => `${row.month}-${row.territory}`}
          data-testid="visits-saved-table"
          loading={isFetching && !data}
          dataSource={data?.rows ?? []}
          pagination={false}
          locale={{ emptyText: <Empty description={t('visitsSaved.empty')} /> }}
          columns={[
            { title: t('visitsSaved.month'), dataIndex: 'month', width: 100 },
            { title: t('visitsSaved.territory'), dataIndex: 'territoryName', width: 100 },
            { title: t('visitsSaved.incidents'), dataIndex: 'incidents', width: 80 },
            { title: t('visitsSaved.remoteChecks'), dataIndex: 'remoteChecks', width: 90 },
            { title: t('visitsSaved.visitsAvoided'), dataIndex: 'visitsAvoided', width: 90 },
            { title: t('visitsSaved.targetedVisits'), dataIndex: 'targetedVisits', width: 100 },
            {
              title: t('visitsSaved.handlingMedian'),
              dataIndex: 'handlingMedianMinutes',
              render: (value: number | null) => formatMinutes(value, t),
            },
            {
              title: t('visitsSaved.handlingP90'),
              dataIndex: 'handlingP90Minutes',
              render: (value: number | null) => formatMinutes(value, t),
            },
          ]}
          expandable={{
            rowExpandable: (row) => row.sources.length > 0,
            expandedRowRender: (row) => (
              <Table<SourceRow>
                size="small"
                rowKey="sourceKind"
                pagination={false}
                dataSource={row.sources}
                columns={sourceColumns}
              />
            ),
          }}
        />
      </Card>
      <Card style={{ marginTop: 16 }} title={t('visitsSaved.falseAlarms')}>
        <Table<SourceRow>
          size="small"
          rowKey="sourceKind"
          data-testid="visits-saved-sources"
          pagination={false}
          dataSource={total?.sources ?? []}
          columns={sourceColumns}
        />
        <Typography.Paragraph type="secondary" style={{ marginTop: 12, marginBottom: 0 }}>
          {t('visitsSaved.note')}
        </Typography.Paragraph>
      </Card>
    </>
  );
};
