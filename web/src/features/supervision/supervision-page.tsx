import { Alert, Card, DatePicker, Empty, Space, Table, Tabs, Tag } from 'antd';
import dayjs from 'dayjs';
import { Link, useSearchParams } from 'react-router-dom';
import { ErrorAlert } from '../../app/components/error-alert';
import { FilterBar } from '../../app/components/list-filters';
import { PageHeader } from '../../app/components/page-header';
import { useT } from '../../app/i18n/i18n-context';
import { serverNow } from '../../app/server-clock';
import { useStatistics, type StatisticsUnit } from './hooks';

// measures 18 and 29: supervision that watches leniency as closely as excess. Per bureau and per officer the
// figures of the period, and the units beyond the catalogue's threshold on either side with the cases behind them.

const percent = (value: number | null) => (value === null ? '—' : `${Math.round(value * 100)}%`);
const decimal = (value: number | null) => (value === null ? '—' : value.toFixed(2));

const FlagList = ({ unit }: { unit: StatisticsUnit }) =>
  unit.flags.length === 0 ? null : (
    <Space direction="vertical" style={{ width: '100%' }}>
      {unit.flags.map((flag) => (
        <div key={flag.metric} data-testid={`flag-${flag.side}`}>
          <Tag color={flag.side === 'lenient' ? 'gold' : 'volcano'}>{flag.sideName}</Tag>
          {flag.metricName}：{decimal(flag.value)}（同级平均 {decimal(flag.peerMean)}，标准差{' '}
          {decimal(flag.peerDeviation)}）
          <div style={{ marginLeft: 8 }}>
            {flag.cases.map((c) => (
              <span key={c.inspectionId} style={{ marginRight: 12 }}>
                <Link to={`/inspections/${c.inspectionId}`}>
                  {c.enterpriseName}（{c.on}，问题 {c.findings}）
                </Link>
                {c.caseIds.map((caseId) => (
                  <Link key={caseId} to={`/penalty-cases/${caseId}`} style={{ marginLeft: 4 }}>
                    案件
                  </Link>
                ))}
              </span>
            ))}
          </div>
        </div>
      ))}
    </Space>
  );

const UnitTable = ({ units, testId }: { units: StatisticsUnit[]; testId: string }) => (
  <Table<StatisticsUnit>
    rowKey="key"
    data-testid={testId}
    dataSource={[...units].sort((a, b) => b.flags.length - a.flags.length)}
    pagination={{ pageSize: 50 }}
    expandable={{
      rowExpandable: (row) => row.flags.length > 0,
      expandedRowRender: (row) => <FlagList unit={row} />,
      defaultExpandAllRows: true,
    }}
    columns={[
      { title: '名称', dataIndex: 'name' },
      { title: '检查', dataIndex: 'inspections', width: 70 },
      { title: '问题发现率', render: (_: unknown, row) => percent(row.metrics.findingRate), width: 100 },
      {
        title: '每次检查整改指令',
        render: (_: unknown, row) => decimal(row.metrics.ordersPerInspection),
        width: 130,
      },
      {
        title: '每项问题处罚',
        render: (_: unknown, row) => decimal(row.metrics.penaltiesPerFinding),
        width: 110,
      },
      { title: '罚款/基准', render: (_: unknown, row) => decimal(row.metrics.fineToBenchmark), width: 90 },
      { title: '重复检查', render: (_: unknown, row) => percent(row.metrics.repeatVisitRate), width: 90 },
      { title: '投诉率', render: (_: unknown, row) => decimal(row.metrics.complaintRate), width: 80 },
      {
        title: '提示',
        width: 140,
        render: (_: unknown, row) =>
          !row.assessed ? (
            <Tag>检查过少，未比较</Tag>
          ) : (
            <Space size={4}>
              {row.flags.some((flag) => flag.side === 'lenient') ? <Tag color="gold">偏宽</Tag> : null}
              {row.flags.some((flag) => flag.side === 'severe') ? <Tag color="volcano">偏严</Tag> : null}
            </Space>
          ),
      },
    ]}
  />
);

export const SupervisionPage = () => {
  const t = useT();
  const year = dayjs(serverNow()).year();
  const [params, setParams] = useSearchParams();
  const period: [string, string] = [
    params.get('from') ?? `${year - 1}-01-01`,
    params.get('to') ?? `${year}-12-31`,
  ];
  const setPeriod = ([from, to]: [string, string]) => setParams({ from, to });
  const { data, error, isFetching } = useStatistics(period[0], period[1]);
  return (
    <>
      <PageHeader
        title={t('nav.supervision')}
        subtitle="既查过严，也查过宽：各单位、各执法人员的问题发现率、整改指令、处罚、罚款与裁量基准、重复检查和投诉率"
      />
      <FilterBar>
        <DatePicker.RangePicker
          data-testid="statistics-period"
          value={[dayjs(period[0]), dayjs(period[1])]}
          allowClear={false}
          onChange={(value) => {
            if (value?.[0] && value[1])
              setPeriod([value[0].format('YYYY-MM-DD'), value[1].format('YYYY-MM-DD')]);
          }}
        />
      </FilterBar>
      {error ? <ErrorAlert error={error} /> : null}
      {data ? (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 12 }}
          message={`偏离同级平均值超过 ${data.thresholds.standardDeviations} 个标准差即提示（检查不少于 ${data.thresholds.minInspections} 次、同级不少于 ${data.thresholds.minPeers} 个方比较）${data.thresholds.verified ? '' : '；阈值待法制审核'}。提示只供监督参考，不据此认定执法过宽或过严。`}
        />
      ) : null}
      <Card loading={isFetching && !data}>
        {data ? (
          <Tabs
            items={[
              {
                key: 'officers',
                label: '执法人员',
                children: <UnitTable units={data.officers} testId="officer-statistics" />,
              },
              {
                key: 'bureaus',
                label: '执法单位',
                children: <UnitTable units={data.bureaus} testId="bureau-statistics" />,
              },
            ]}
          />
        ) : (
          <Empty />
        )}
      </Card>
    </>
  );
};
