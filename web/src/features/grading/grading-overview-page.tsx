import { useCallback, useMemo, type ReactNode } from 'react';
import { Card, Col, Empty, Flex, Row, Statistic, Table, Typography, type TableColumnsType } from 'antd';
import { useNavigate } from 'react-router-dom';
import type { GradingOverview } from '../../api/types';
import { can, isCityLevel } from '../../app/auth/access';
import { EChart, type EChartClick, type EChartOption } from '../../app/components/echart';
import { ErrorAlert } from '../../app/components/error-alert';
import { PageHeader } from '../../app/components/page-header';
import { useT, type Translate } from '../../app/i18n/i18n-context';
import { useListParams } from '../../app/list-params';
import { useCurrentUser } from '../auth/hooks';
import { TerritorySelect } from '../reference/selects';
import { ENFORCEMENT_LEVELS, RISK_COLORS, RISK_GRADES } from './grade-tags';
import { useGradingOverview } from './hooks';
import { RegradeButton, RegradeRunsCard } from './regrade-card';

type TerritoryRow = GradingOverview['byTerritory'][number];

const KEY_COLOR = '#1d4e89';
const GENERAL_COLOR = '#8fb3e0';
const LEVEL_COLORS = { city_organised: '#2f54eb', county: '#13a8a8' } as const;

const countOf = <K extends string, T extends Record<K, string> & { count: number }>(
  rows: T[],
  key: K,
  value: string,
) => rows.find((row) => row[key] === value)?.count ?? 0;

const territoryOption = (overview: GradingOverview, t: Translate): EChartOption => ({
  tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
  legend: { top: 0 },
  grid: { left: 8, right: 16, top: 40, bottom: 8, containLabel: true },
  xAxis: {
    type: 'category',
    data: overview.byTerritory.map((row) => row.territoryName),
    axisLabel: { interval: 0 },
  },
  yAxis: { type: 'value', minInterval: 1 },
  series: [
    {
      name: t('grading.class.key'),
      type: 'bar',
      stack: 'class',
      color: KEY_COLOR,
      data: overview.byTerritory.map((row) => row.key),
      emphasis: { focus: 'series' },
    },
    {
      name: t('grading.class.general'),
      type: 'bar',
      stack: 'class',
      color: GENERAL_COLOR,
      data: overview.byTerritory.map((row) => row.general),
      emphasis: { focus: 'series' },
    },
  ],
});

const riskOption = (overview: GradingOverview, t: Translate): EChartOption => ({
  tooltip: { trigger: 'item', formatter: '{b}：{c}（{d}%）' },
  legend: { bottom: 0 },
  series: [
    {
      type: 'pie',
      name: t('grading.field.riskGrade'),
      radius: ['45%', '72%'],
      center: ['50%', '45%'],
      avoidLabelOverlap: true,
      itemStyle: { borderColor: '#fff', borderWidth: 2 },
      label: { formatter: '{b}\n{c}' },
      data: RISK_GRADES.map((grade) => {
        const value = countOf(overview.byRiskGrade, 'riskGrade', grade);
        // an empty grade stays in the legend but draws no label
        return {
          name: t(`grading.risk.${grade}`),
          value,
          itemStyle: { color: RISK_COLORS[grade].background },
          label: { show: value > 0 },
          labelLine: { show: value > 0 },
        };
      }),
    },
  ],
});

const levelOption = (overview: GradingOverview, t: Translate): EChartOption => ({
  tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
  grid: { left: 8, right: 24, top: 16, bottom: 8, containLabel: true },
  xAxis: { type: 'value', minInterval: 1 },
  yAxis: { type: 'category', data: ENFORCEMENT_LEVELS.map((level) => t(`grading.level.${level}`)) },
  series: [
    {
      type: 'bar',
      name: t('grading.field.enforcementLevel'),
      barMaxWidth: 40,
      label: { show: true, position: 'right' },
      data: ENFORCEMENT_LEVELS.map((level) => ({
        value: countOf(overview.byLevel, 'enforcementLevel', level),
        itemStyle: { color: LEVEL_COLORS[level] },
      })),
    },
  ],
});

const StatCard = ({
  title,
  value,
  color,
  testId,
}: {
  title: ReactNode;
  value: number;
  color?: string;
  testId: string;
}) => (
  <Card size="small" style={{ height: '100%' }}>
    <Statistic title={title} value={value} styles={{ content: { color } }} data-testid={testId} />
  </Card>
);

// measures 3, 4, 24: how the territory's enterprises fall into classes, risk grades and levels.
export const GradingOverviewPage = () => {
  const t = useT();
  const navigate = useNavigate();
  const user = useCurrentUser();
  const { get, update } = useListParams();
  const city = isCityLevel(user.territory);
  const territory = city ? get('territory') : undefined;
  const overview = useGradingOverview(territory ? { territory } : {});
  const data = overview.data;
  const admin = can(user, 'grading_run:create');
  const seesRuns = can(user, 'grading_run:read');

  const options = useMemo(
    () =>
      data
        ? { territory: territoryOption(data, t), risk: riskOption(data, t), level: levelOption(data, t) }
        : undefined,
    [data, t],
  );

  // a bar opens the enterprise list of that county and class
  const openTerritory = useCallback(
    (event: EChartClick) => {
      const row = data?.byTerritory[event.dataIndex];
      if (!row) return;
      const isKey = event.seriesName === t('grading.class.key') ? 'true' : 'false';
      navigate(`/enterprises?territory=${row.territory}&isKey=${isKey}`);
    },
    [data, navigate, t],
  );

  const columns: TableColumnsType<TerritoryRow> = [
    { key: 'territoryName', title: t('field.territory'), dataIndex: 'territoryName' },
    { key: 'key', title: t('grading.class.key'), dataIndex: 'key', align: 'right' },
    { key: 'general', title: t('grading.class.general'), dataIndex: 'general', align: 'right' },
    ...RISK_GRADES.map((grade) => ({
      key: grade,
      title: t(`grading.risk.${grade}`),
      dataIndex: grade,
      align: 'right' as const,
    })),
    { key: 'total', title: t('grading.total'), dataIndex: 'total', align: 'right' },
  ];

  const classCount = (value: 'key' | 'general') => countOf(data?.byClass ?? [], 'class', value);
  const riskCount = (value: 'red' | 'orange') => countOf(data?.byRiskGrade ?? [], 'riskGrade', value);
  const empty = data !== undefined && data.total === 0;

  return (
    <Flex vertical gap={16} data-testid="grading-overview">
      <PageHeader
        title={t('nav.grading')}
        subtitle={t('grading.overviewSubtitle')}
        extra={
          <>
            {city && (
              <TerritorySelect
                data-testid="grading-filter-territory"
                allowClear
                placeholder={t('grading.allTerritories')}
                value={territory}
                onChange={(next) => update({ territory: next })}
                style={{ width: 180 }}
              />
            )}
            {admin && <RegradeButton />}
          </>
        }
      />
      {overview.isError && <ErrorAlert error={overview.error} />}
      <Row gutter={[16, 16]}>
        <Col xs={12} md={8} xl={4}>
          <StatCard testId="grading-stat-total" title={t('grading.stat.total')} value={data?.total ?? 0} />
        </Col>
        <Col xs={12} md={8} xl={4}>
          <StatCard
            testId="grading-stat-key"
            title={t('grading.stat.key')}
            value={classCount('key')}
            color={KEY_COLOR}
          />
        </Col>
        <Col xs={12} md={8} xl={4}>
          <StatCard
            testId="grading-stat-general"
            title={t('grading.stat.general')}
            value={classCount('general')}
          />
        </Col>
        <Col xs={12} md={8} xl={4}>
          <StatCard
            testId="grading-stat-red"
            title={t('grading.stat.red')}
            value={riskCount('red')}
            color={RISK_COLORS.red.background}
          />
        </Col>
        <Col xs={12} md={8} xl={4}>
          <StatCard
            testId="grading-stat-orange"
            title={t('grading.stat.orange')}
            value={riskCount('orange')}
            color={RISK_COLORS.orange.background}
          />
        </Col>
        <Col xs={12} md={8} xl={4}>
          <StatCard
            testId="grading-stat-ungraded"
            title={t('grading.stat.ungraded')}
            value={data?.ungraded ?? 0}
          />
        </Col>
      </Row>
      {empty ? (
        <Card>
          <Empty data-testid="grading-empty" description={t('grading.overviewEmpty')} />
        </Card>
      ) : (
        <>
          <Row gutter={[16, 16]}>
            <Col xs={24} xl={14}>
              <Card title={t('grading.chart.territory')} loading={!options}>
                {options && (
                  <EChart
                    testId="grading-chart-territory"
                    option={options.territory}
                    height={320}
                    onClick={openTerritory}
                    label={t('grading.chart.territory')}
                  />
                )}
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {t('grading.chart.territoryHint')}
                </Typography.Text>
              </Card>
            </Col>
            <Col xs={24} xl={10}>
              <Card title={t('grading.chart.risk')} loading={!options} style={{ height: '100%' }}>
                {options && <EChart testId="grading-chart-risk" option={options.risk} height={340} />}
              </Card>
            </Col>
          </Row>
          <Row gutter={[16, 16]}>
            <Col xs={24} xl={9}>
              <Card title={t('grading.chart.level')} loading={!options} style={{ height: '100%' }}>
                {options && <EChart testId="grading-chart-level" option={options.level} height={200} />}
                <Typography.Paragraph type="secondary" style={{ fontSize: 12, margin: '8px 0 0' }}>
                  {t('grading.levelExplanation.city_organised')}
                  <br />
                  {t('grading.levelExplanation.county')}
                </Typography.Paragraph>
              </Card>
            </Col>
            <Col xs={24} xl={15}>
              <Card
                title={t('grading.byTerritoryTable')}
                styles={{ body: { padding: 0 } }}
                style={{ height: '100%' }}
              >
                <Table<TerritoryRow>
                  data-testid="grading-territory-table"
                  rowKey="territory"
                  size="small"
                  columns={columns}
                  dataSource={data?.byTerritory ?? []}
                  loading={overview.isFetching}
                  pagination={false}
                  scroll={{ x: 640 }}
                />
              </Card>
            </Col>
          </Row>
        </>
      )}
      {seesRuns && <RegradeRunsCard />}
    </Flex>
  );
};
