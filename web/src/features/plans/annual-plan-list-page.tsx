import { useMemo, useState, type HTMLAttributes } from 'react';
import { Button, Card, Empty, Select, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { CalculatorOutlined, GlobalOutlined } from '@ant-design/icons';
import { Link, useNavigate } from 'react-router-dom';
import type { AnnualPlanSummary, PlanStatus } from '../../api/types';
import { can } from '../../app/auth/access';
import { ErrorAlert } from '../../app/components/error-alert';
import { FilterBar, YearFilter } from '../../app/components/list-filters';
import { PageHeader } from '../../app/components/page-header';
import { formatDateTime, todayInZone } from '../../app/format';
import { useT } from '../../app/i18n/i18n-context';
import { useListParams } from '../../app/list-params';
import { useCurrentUser } from '../auth/hooks';
import { ComputePlanModal } from './compute-plan-modal';
import { formatNumber } from './formula-card';
import { useAnnualPlans } from './hooks';
import { PlanComparisonCard } from './plan-comparison-card';
import { PLAN_STATUSES, PlanStatusTag } from './plan-tags';

const currentYear = (): number => Number(todayInZone().slice(0, 4));

// 年度监督检查计划 (measure 1): every version of every year's plan the user's territory sees.
export const AnnualPlanListPage = () => {
  const t = useT();
  const navigate = useNavigate();
  const user = useCurrentUser();
  const { get, update } = useListParams();
  const year = get('year') ? Number(get('year')) : undefined;
  const status = get('status') as PlanStatus | undefined;
  const plans = useAnnualPlans(year);
  const all = useAnnualPlans();
  const [computing, setComputing] = useState(false);
  const manager = can(user, 'annual_plan:create');

  const shown = useMemo(
    () => (plans.data ?? []).filter((plan) => !status || plan.status === status),
    [plans.data, status],
  );
  // the newest plan the user sees lists the catalogue's workday categories for the form
  const sourcePlanId = useMemo(
    () => [...(all.data ?? [])].sort((a, b) => b.computedAt.localeCompare(a.computedAt))[0]?.id,
    [all.data],
  );

  const columns: TableColumnsType<AnnualPlanSummary> = [
    {
      key: 'year',
      title: t('plan.year'),
      width: 230,
      render: (_, plan) => (
        <Link to={`/plans/annual/${plan.id}`} onClick={(event) => event.stopPropagation()}>
          {t('plan.titleFor', { year: plan.year, territory: plan.territoryName })}
        </Link>
      ),
    },
    {
      key: 'version',
      title: t('plan.version'),
      width: 80,
      render: (_, plan) => t('plan.versionN', { version: plan.version }),
    },
    {
      key: 'status',
      title: t('field.status'),
      width: 100,
      render: (_, plan) => <PlanStatusTag status={plan.status} />,
    },
    {
      key: 'inspectionWorkdays',
      title: t('plan.totals.inspectionWorkdays'),
      align: 'right',
      width: 130,
      render: (_, plan) => formatNumber(plan.totals.inspectionWorkdays),
    },
    {
      key: 'keyInspections',
      title: t('plan.totals.keyInspections'),
      align: 'right',
      width: 110,
      render: (_, plan) => plan.totals.keyInspections,
    },
    {
      key: 'generalPlanned',
      title: t('plan.totals.generalPlanned'),
      align: 'right',
      width: 110,
      render: (_, plan) => plan.totals.generalPlanned,
    },
    {
      key: 'shortfall',
      title: t('plan.shortfallColumn'),
      width: 130,
      render: (_, plan) =>
        plan.shortfall ? (
          <Tag color="red" data-testid="plan-row-shortfall">
            {t('plan.shortfallTag', { workdays: formatNumber(plan.shortfall.workdays) })}
          </Tag>
        ) : (
          <Tag color="green">{t('plan.noShortfall')}</Tag>
        ),
    },
    {
      key: 'approval',
      title: t('plan.field.documentNumber'),
      width: 190,
      render: (_, plan) => plan.record.approval?.documentNumber ?? '—',
    },
    {
      key: 'computedAt',
      title: t('plan.computedAt'),
      width: 200,
      render: (_, plan) => (
        <>
          <div>{plan.computedByName}</div>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {formatDateTime(plan.computedAt)}
          </Typography.Text>
        </>
      ),
    },
  ];

  return (
    <>
      <PageHeader
        title={t('nav.annualPlans')}
        subtitle={t('plan.listSubtitle')}
        extra={
          <>
            <Button
              icon={<GlobalOutlined />}
              onClick={() => navigate('/public/annual-plans')}
              data-testid="plan-public-link"
            >
              {t('plan.publicPage')}
            </Button>
            {manager && (
              <Button
                data-testid="plan-compute"
                type="primary"
                icon={<CalculatorOutlined />}
                onClick={() => setComputing(true)}
              >
                {t('plan.compute.title')}
              </Button>
            )}
          </>
        }
      />
      <FilterBar>
        <YearFilter testId="plan-filter-year" value={year} onChange={(value) => update({ year: value })} />
        <Select<PlanStatus>
          data-testid="plan-filter-status"
          allowClear
          placeholder={t('plan.allStatuses')}
          value={status}
          onChange={(value) => update({ status: value })}
          options={PLAN_STATUSES.map((value) => ({ value, label: t(`plan.status.${value}`) }))}
          style={{ width: 160 }}
        />
      </FilterBar>
      {plans.isError && <ErrorAlert error={plans.error} style={{ marginBottom: 16 }} />}
      <Card styles={{ body: { padding: 0 } }}>
        <Table<AnnualPlanSummary>
          data-testid="plan-table"
          rowKey="id"
          columns={columns}
          dataSource={shown}
          loading={plans.isFetching}
          pagination={false}
          onRow={(plan) =>
            ({
              'data-testid': 'plan-row',
              'data-status': plan.status,
              'data-year': plan.year,
              style: { cursor: 'pointer' },
              onClick: () => navigate(`/plans/annual/${plan.id}`),
            }) as HTMLAttributes<HTMLElement>
          }
          locale={{
            emptyText: (
              <Empty
                image={Empty.PRESENTED_IMAGE_SIMPLE}
                description={manager ? t('plan.emptyManager') : t('plan.empty')}
              />
            ),
          }}
          scroll={{ x: 1300 }}
        />
      </Card>
      {manager && user.territory.endsWith('00') && <PlanComparisonCard />}
      {manager && (
        <ComputePlanModal
          open={computing}
          onClose={() => setComputing(false)}
          sourcePlanId={sourcePlanId}
          defaultYear={year ?? currentYear()}
          onComputed={(plan) => navigate(`/plans/annual/${plan.id}`)}
        />
      )}
    </>
  );
};
