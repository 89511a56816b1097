import { useMemo } from 'react';
import {
  Card,
  Col,
  Empty,
  Row,
  Select,
  Space,
  Statistic,
  Table,
  Tag,
  Tooltip,
  Typography,
  type TableColumnsType,
} from 'antd';
import { Link } from 'react-router-dom';
import type { BurdenLevel, BurdenRow } from '../../api/types';
import { isCityLevel } from '../../app/auth/access';
import { EChart, type EChartOption } from '../../app/components/echart';
import { ErrorAlert } from '../../app/components/error-alert';
import { PageHeader } from '../../app/components/page-header';
import { useT } from '../../app/i18n/i18n-context';
import { useListParams } from '../../app/list-params';
import { useCurrentUser } from '../auth/hooks';
import { TerritorySelect } from '../reference/selects';
import { BurdenBadge } from './burden-badge';
import { useBurden } from './hooks';
import { kindLabel } from './inspection-tags';
import { FilterBar, YearFilter } from '../../app/components/list-filters';

const LEVELS: Exclude<BurdenLevel, 'none'>[] = ['normal', 'yellow', 'red'];
const LEVEL_COLORS: Record<Exclude<BurdenLevel, 'none'>, string> = {
  normal: '#8c8c8c',
  yellow: '#faad14',
  red: '#f5222d',
};

// How many enterprises had one, two, three or more inspections: one count query per level.
const useDistribution = (year: number | undefined, territory: string | undefined) => {
  const normal = useBurden({ year, territory, level: 'normal', page: 1, pageSize: 1 });
  const yellow = useBurden({ year, territory, level: 'yellow', page: 1, pageSize: 1 });
  const red = useBurden({ year, territory, level: 'red', page: 1, pageSize: 1 });
  return { normal: normal.data?.total, yellow: yellow.data?.total, red: red.data?.total };
};

// 检查频次 (issue 6 item 10, measures 5 and 24): each enterprise's inspections this year by every department
// and in every mode, most inspected first, against the allowance its grade gives.
export const BurdenPage = () => {
  const t = useT();
  const user = useCurrentUser();
  const { page, pageSize, get, update } = useListParams();
  const year = get('year') ? Number(get('year')) : undefined;
  const level = get('level') as Exclude<BurdenLevel, 'none'> | undefined;
  const territory = get('territory');
  const burden = useBurden({ page, pageSize, year, level, territory });
  const distribution = useDistribution(year, territory);

  const chart = useMemo<EChartOption>(
    () => ({
      tooltip: { trigger: 'axis' },
      grid: { left: 40, right: 16, top: 16, bottom: 28 },
      xAxis: { type: 'category', data: LEVELS.map((value) => t(`burden.level.${value}`)) },
      yAxis: { type: 'value', minInterval: 1 },
      series: [
        {
          type: 'bar',
          name: t('burden.chart.enterprises'),
          barMaxWidth: 56,
          data: LEVELS.map((value) => ({
            value: distribution[value] ?? 0,
            itemStyle: { color: LEVEL_COLORS[value] },
          })),
          label: { show: true, position: 'top' },
        },
      ],
    }),
    [distribution, t],
  );

  const columns: TableColumnsType<BurdenRow> = [
    {
      key: 'enterprise',
      title: t('inspection.field.enterprise'),
      width: 260,
      render: (_, row) => (
        <>
          <Link to={`/enterprises/${row.enterpriseId}`} data-testid="burden-enterprise-link">
            {row.enterpriseName}
          </Link>
          <div>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {row.creditCode} · {row.territoryName}
            </Typography.Text>
          </div>
        </>
      ),
    },
    {
      key: 'count',
      title: t('burden.field.count'),
      width: 90,
      render: (_, row) => (
        <BurdenBadge count={row.count} level={row.level} cap={row.cap} capVerified={row.capVerified} />
      ),
    },
    {
      key: 'cap',
      title: t('burden.field.cap'),
      width: 150,
      render: (_, row) =>
        row.cap === null ? (
          <Typography.Text type="secondary">{t('burden.capNone')}</Typography.Text>
        ) : (
          <Space size={4} wrap>
            <Tooltip title={row.capSource ?? undefined}>
              <span data-testid="burden-cap">
                {row.count} / {row.cap}
              </span>
            </Tooltip>
            {!row.capVerified && (
              <Tag color="orange" data-testid="burden-cap-unverified">
                {t('burden.unverified')}
              </Tag>
            )}
          </Space>
        ),
    },
    {
      key: 'overCap',
      title: t('burden.field.overCap'),
      width: 90,
      render: (_, row) =>
        row.overCap ? (
          <Tag color="red" data-testid="burden-over-cap">
            {t('burden.overCap')}
          </Tag>
        ) : row.wouldExceedCap ? (
          <Tag color="orange" data-testid="burden-at-cap">
            {t('burden.atCap')}
          </Tag>
        ) : (
          <Typography.Text type="secondary">—</Typography.Text>
        ),
    },
    {
      key: 'byDepartment',
      title: t('burden.field.byDepartment'),
      render: (_, row) => (
        <Space size={[4, 4]} wrap>
          {row.byDepartment.map((entry) => (
            <Tag key={entry.organisationName}>
              {entry.organisationName} × {entry.count}
            </Tag>
          ))}
        </Space>
      ),
    },
    {
      key: 'byKind',
      title: t('burden.field.byKind'),
      width: 170,
      render: (_, row) => (
        <Space size={[4, 4]} wrap>
          {row.byKind.map((entry) => (
            <Tag key={entry.kind}>
              {kindLabel(entry.kind, t)} × {entry.count}
            </Tag>
          ))}
        </Space>
      ),
    },
  ];

  return (
    <>
      <PageHeader
        title={t('nav.inspectionBurden')}
        subtitle={t('burden.subtitle')}
        crumbs={[{ title: t('nav.inspections'), to: '/inspections' }, { title: t('nav.inspectionBurden') }]}
      />
      <Row gutter={16} style={{ marginBottom: 16 }}>
        <Col xs={24} md={10}>
          <Card size="small" title={t('burden.summary')} style={{ height: '100%' }}>
            <Row gutter={8}>
              {LEVELS.map((value) => (
                <Col span={8} key={value}>
                  <Statistic
                    title={t(`burden.level.${value}`)}
                    value={distribution[value] ?? '—'}
                    styles={{ content: { color: LEVEL_COLORS[value] } }}
                    suffix={distribution[value] === undefined ? undefined : t('burden.enterpriseUnit')}
                  />
                </Col>
              ))}
            </Row>
            <Typography.Paragraph type="secondary" style={{ fontSize: 12, margin: '12px 0 0' }}>
              {t('burden.levelsHint')}
            </Typography.Paragraph>
          </Card>
        </Col>
        <Col xs={24} md={14}>
          <Card size="small" title={t('burden.chart.title')}>
            <EChart
              testId="burden-chart"
              option={chart}
              height={180}
              label={LEVELS.map((value) => `${t(`burden.level.${value}`)} ${distribution[value] ?? 0}`).join(
                '，',
              )}
            />
          </Card>
        </Col>
      </Row>
      <FilterBar>
        <YearFilter
          testId="burden-filter-year"
          placeholder={t('burden.thisYear')}
          value={year}
          onChange={(value) => update({ year: value })}
        />
        <Select<Exclude<BurdenLevel, 'none'>>
          data-testid="burden-filter-level"
          allowClear
          placeholder={t('burden.allLevels')}
          value={level}
          onChange={(value) => update({ level: value })}
          options={LEVELS.map((value) => ({ value, label: t(`burden.level.${value}`) }))}
          style={{ width: 180 }}
        />
        {isCityLevel(user.territory) && (
          <TerritorySelect
            data-testid="burden-filter-territory"
            allowClear
            placeholder={t('burden.allTerritories')}
            value={territory}
            onChange={(value) => update({ territory: value })}
            style={{ width: 180 }}
          />
        )}
      </FilterBar>
      {burden.isError && <ErrorAlert error={burden.error} style={{ marginBottom: 16 }} />}
      <Card styles={{ body: { padding: 0 } }}>
        <Table<BurdenRow>
          data-testid="burden-table"
          rowKey="enterpriseId"
          columns={columns}
          dataSource={burden.data?.items ?? []}
          loading={burden.isFetching}
          pagination={{
            current: page,
            pageSize,
            total: burden.data?.total ?? 0,
            showTotal: (total) => t('common.total', { total }),
            onChange: (next, size) => update({ page: next, pageSize: size }),
          }}
          onRow={(row) =>
            ({
              'data-testid': 'burden-row',
              'data-level': row.level,
              'data-enterprise': row.enterpriseId,
            }) as object
          }
          locale={{
            emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('burden.empty')} />,
          }}
          scroll={{ x: 1100 }}
        />
      </Card>
    </>
  );
};
