import { useMemo, type HTMLAttributes } from 'react';
import {
  Alert,
  Card,
  Col,
  DatePicker,
  Empty,
  Flex,
  Progress,
  Row,
  Statistic,
  Table,
  Tabs,
  Tag,
  Typography,
  type TableColumnsType,
} from 'antd';
import dayjs from 'dayjs';
import { Link, useParams } from 'react-router-dom';
import type { AnnualPlan, PlanExecution, UncoveredKeyEnterprise } from '../../api/types';
import { EChart } from '../../app/components/echart';
import { ErrorAlert } from '../../app/components/error-alert';
import { DetailPage } from '../../app/components/detail-page';
import { PageHeader } from '../../app/components/page-header';
import { PageSkeleton } from '../../app/components/page-loading';
import { toIsoDate } from '../../app/format';
import { useT } from '../../app/i18n/i18n-context';
import { useListParams } from '../../app/list-params';
import { useTerritories } from '../reference/hooks';
import { formatNumber } from './formula-card';
import { useAnnualPlan, usePlanExecution } from './hooks';
import { PlanStatusTag } from './plan-tags';
import { monthOption, workdayOption } from './execution-charts';
import { KIND_LABELS, RowsTable } from './execution-rows-table';

const ExecutionView = ({ plan, execution }: { plan: AnnualPlan; execution: PlanExecution }) => {
  const t = useT();
  const territories = useTerritories();
  const territoryName = useMemo(() => {
    const names = new Map((territories.data ?? []).map((item) => [item.code, item.name]));
    return (code: string) => names.get(code) ?? code;
  }, [territories.data]);
  const options = useMemo(
    () => ({ month: monthOption(execution, t), workdays: workdayOption(execution, t) }),
    [execution, t],
  );
  const { keyCoverage, workdays, batches } = execution;
  const percent = Math.round(keyCoverage.share * 1000) / 10;
  const batchesDone = batches.filter((batch) => batch.complete).length;
  const workdayPercent =
    workdays.planned > 0 ? Math.round((workdays.used / workdays.planned) * 1000) / 10 : 0;

  const uncoveredColumns: TableColumnsType<UncoveredKeyEnterprise> = [
    {
      key: 'name',
      title: t('plan.enterprise'),
      render: (_, row) => <Link to={`/enterprises/${row.enterpriseId}`}>{row.name}</Link>,
    },
    {
      key: 'territory',
      title: t('field.territory'),
      width: 120,
      render: (_, row) => territoryName(row.territory),
    },
    { key: 'unit', title: t('plan.unit'), width: 160, render: (_, row) => row.unit ?? '—' },
    {
      key: 'months',
      title: t('plan.months'),
      width: 200,
      render: (_, row) => row.plannedMonths.map((month) => t('plan.monthN', { month })).join('、'),
    },
    {
      key: 'behind',
      title: t('execution.schedule'),
      width: 120,
      render: (_, row) =>
        row.behindSchedule ? (
          <Tag color="red" data-testid="execution-behind">
            {t('execution.behind')}
          </Tag>
        ) : (
          <Tag>{t('execution.notYetDue')}</Tag>
        ),
    },
  ];

  return (
    <Flex vertical gap={16} data-testid="plan-execution">
      {execution.coverageWarning && (
        <Alert
          data-testid="execution-coverage-warning"
          type="error"
          showIcon
          title={t('execution.coverageWarning', { count: execution.uncoveredKeyEnterprises.length })}
          description={t('execution.coverageWarningText')}
        />
      )}
      <Row gutter={[16, 16]}>
        <Col xs={24} md={8}>
          <Card title={t('execution.keyCoverage')} style={{ height: '100%' }}>
            <Flex vertical align="center" gap={8}>
              <Progress
                data-testid="execution-key-gauge"
                type="dashboard"
                percent={percent}
                status={execution.coverageWarning ? 'exception' : undefined}
                format={() => `${percent}%`}
                size={180}
              />
              <Typography.Text data-testid="execution-key-coverage">
                {t('execution.keyCoverageText', { covered: keyCoverage.covered, total: keyCoverage.total })}
              </Typography.Text>
            </Flex>
          </Card>
        </Col>
        <Col xs={24} md={16}>
          <Row gutter={[16, 16]}>
            <Col xs={12}>
              <Card size="small">
                <Statistic
                  data-testid="execution-batches"
                  title={t('execution.batchesDone')}
                  value={batchesDone}
                  suffix={`/ ${batches.length}`}
                />
              </Card>
            </Col>
            <Col xs={12}>
              <Card size="small">
                <Statistic
                  data-testid="execution-workdays"
                  title={t('execution.workdaysUsed')}
                  value={formatNumber(workdays.used)}
                  suffix={`/ ${formatNumber(workdays.planned)}`}
                />
                <Progress percent={workdayPercent} size="small" />
              </Card>
            </Col>
            <Col xs={24}>
              <Card size="small" title={t('execution.batchesTitle')}>
                <Flex wrap gap={8} data-testid="execution-batch-list">
                  {batches.length === 0 && (
                    <Typography.Text type="secondary">{t('plan.noBatches')}</Typography.Text>
                  )}
                  {batches.map((batch) => (
                    <Tag
                      key={batch.code}
                      color={batch.complete ? 'green' : 'default'}
                      data-testid="execution-batch"
                    >
                      {t('plan.monthN', { month: batch.month })} · {batch.code}：{batch.done}/{batch.size}
                    </Tag>
                  ))}
                </Flex>
              </Card>
            </Col>
          </Row>
        </Col>
      </Row>
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={14}>
          <Card title={t('execution.chartMonth')}>
            <EChart
              testId="execution-chart-month"
              option={options.month}
              height={320}
              label={t('execution.chartMonth')}
            />
          </Card>
        </Col>
        <Col xs={24} xl={10}>
          <Card title={t('execution.chartWorkdays')} style={{ height: '100%' }}>
            <EChart
              testId="execution-chart-workdays"
              option={options.workdays}
              height={320}
              label={t('execution.chartWorkdays')}
            />
          </Card>
        </Col>
      </Row>
      <Card
        title={t('execution.uncoveredTitle', { count: execution.uncoveredKeyEnterprises.length })}
        styles={{ body: { padding: 0 } }}
      >
        <Table<UncoveredKeyEnterprise>
          data-testid="execution-uncovered-table"
          rowKey="enterpriseId"
          size="small"
          columns={uncoveredColumns}
          dataSource={execution.uncoveredKeyEnterprises}
          pagination={{
            defaultPageSize: 20,
            hideOnSinglePage: true,
            showTotal: (total) => t('common.total', { total }),
          }}
          onRow={(row) =>
            ({
              'data-testid': 'execution-uncovered-row',
              'data-behind': String(row.behindSchedule),
            }) as HTMLAttributes<HTMLElement>
          }
          locale={{
            emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('execution.allCovered')} />,
          }}
          scroll={{ x: 800 }}
        />
      </Card>
      <Card styles={{ body: { paddingTop: 0 } }}>
        <Tabs
          data-testid="execution-tabs"
          items={[
            {
              key: 'unit',
              label: t('execution.byUnit'),
              children: <RowsTable rows={execution.byUnit} label={(key) => key} testId="execution-by-unit" />,
            },
            {
              key: 'territory',
              label: t('execution.byTerritory'),
              children: (
                <RowsTable
                  rows={execution.byTerritory}
                  label={territoryName}
                  testId="execution-by-territory"
                />
              ),
            },
            {
              key: 'kind',
              label: t('execution.byKind'),
              children: (
                <RowsTable
                  rows={execution.byKind}
                  label={(key) => (KIND_LABELS[key] ? t(KIND_LABELS[key]) : key)}
                  testId="execution-by-kind"
                />
              ),
            },
          ]}
        />
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {t('execution.noInspectionsYet', { year: plan.year })}
        </Typography.Text>
      </Card>
    </Flex>
  );
};

// measure 2 and 5: how much of the plan is done, and which key enterprises are still waiting.
export const PlanExecutionPage = () => {
  const t = useT();
  const { id = '' } = useParams<{ id: string }>();
  const { get, update } = useListParams();
  const asOf = get('asOf');
  const plan = useAnnualPlan(id);
  const execution = usePlanExecution(id, asOf);
  return (
    <DetailPage query={plan} notFound={{ title: t('plan.notFound'), backTo: '/plans/annual' }}>
      {(data) => (
        <>
          <PageHeader
            title={
              <Flex gap={8} align="center" wrap>
                <span data-testid="execution-title">
                  {t('execution.title', { year: data.year, territory: data.territoryName })}
                </span>
                <PlanStatusTag status={data.status} />
              </Flex>
            }
            subtitle={execution.data ? t('execution.asOf', { date: execution.data.asOf }) : undefined}
            crumbs={[
              { title: t('nav.annualPlans'), to: '/plans/annual' },
              {
                title: `${data.year} · ${t('plan.versionN', { version: data.version })}`,
                to: `/plans/annual/${data.id}`,
              },
              { title: t('plan.execution') },
            ]}
            extra={
              <DatePicker
                data-testid="execution-as-of"
                allowClear
                placeholder={t('execution.asOfPlaceholder')}
                value={asOf ? dayjs(asOf) : null}
                style={{ width: 200 }}
                onChange={(value) => update({ asOf: value ? toIsoDate(value) : undefined })}
              />
            }
          />
          {execution.isError && <ErrorAlert error={execution.error} style={{ marginBottom: 16 }} />}
          {execution.data ? <ExecutionView plan={data} execution={execution.data} /> : <PageSkeleton />}
        </>
      )}
    </DetailPage>
  );
};
