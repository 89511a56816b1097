import { useState, type HTMLAttributes } from 'react';
import {
  App,
  Button,
  Card,
  Empty,
  Popconfirm,
  Select,
  Space,
  Table,
  Typography,
  type TableColumnsType,
} from 'antd';
import { DownloadOutlined, FileDoneOutlined, PlusOutlined, SendOutlined } from '@ant-design/icons';
import { downloadFile } from '../../api/client';
import type { MonthlyPlan } from '../../api/types';
import { can } from '../../app/auth/access';
import { ErrorAlert, errorTitle } from '../../app/components/error-alert';
import { FilterBar, YearFilter } from '../../app/components/list-filters';
import { PageHeader } from '../../app/components/page-header';
import { formatDate, formatDateTime } from '../../app/format';
import { useT } from '../../app/i18n/i18n-context';
import { useListParams } from '../../app/list-params';
import { useCurrentUser } from '../auth/hooks';
import { useFileMonthlyPlan, useMonthlyPlans, useSubmitMonthlyPlan } from './hooks';
import { PlanStatusTag, TimelinessTag } from './plan-tags';
import { CreateMonthlyModal, MONTHS } from './create-monthly-plan-modal';
import { PendingCalendarTag } from '../calendar/pending-calendar-tag';
import { MonthlyItems } from './monthly-items';

// 月度工作计划 (measure 2): each unit's plan for next month, due by the month's end, filed by the supervision unit.
// the expand button's column, beside the columns' own widths
const EXPAND_WIDTH = 48;

export const MonthlyPlanListPage = () => {
  const t = useT();
  const { message } = App.useApp();
  const user = useCurrentUser();
  const { get, update } = useListParams();
  const year = get('year') ? Number(get('year')) : undefined;
  const month = get('month') ? Number(get('month')) : undefined;
  const plans = useMonthlyPlans({ ...(year ? { year } : {}), ...(month ? { month } : {}) });
  const submit = useSubmitMonthlyPlan();
  const file = useFileMonthlyPlan();
  const [creating, setCreating] = useState(false);
  const creator = can(user, 'monthly_plan:create');
  const filer = can(user, 'monthly_plan:approve');

  const act = (run: typeof submit.mutateAsync, id: string, done: string) =>
    run(id).then(
      () => void message.success(done),
      (error: unknown) => void message.error(errorTitle(error, t)),
    );

  const columns: TableColumnsType<MonthlyPlan> = [
    {
      key: 'month',
      title: t('monthly.period'),
      width: 120,
      render: (_, plan) => (
        <Typography.Text strong>
          {t('monthly.periodText', { year: plan.year, month: plan.month })}
        </Typography.Text>
      ),
    },
    { key: 'unit', title: t('plan.unit'), width: 130, dataIndex: 'unitName' },
    { key: 'territory', title: t('field.territory'), width: 80, dataIndex: 'territoryName' },
    {
      key: 'status',
      title: t('field.status'),
      width: 80,
      render: (_, plan) => <PlanStatusTag status={plan.status} testId="monthly-status" />,
    },
    {
      key: 'timeliness',
      title: t('monthly.timeliness'),
      width: 110,
      render: (_, plan) => <TimelinessTag timeliness={plan.timeliness} />,
    },
    {
      key: 'deadline',
      title: t('monthly.deadline'),
      width: 130,
      render: (_, plan) =>
        plan.timeliness ? (
          <>
            <div data-testid="monthly-deadline">
              {plan.timeliness.deadline}
              <PendingCalendarTag years={plan.timeliness.pendingYears} />
            </div>
            <Typography.Text type="secondary" style={{ fontSize: 12 }} data-testid="monthly-reminder">
              {t('monthly.reminderOn', { date: plan.timeliness.reminderOn })}
            </Typography.Text>
          </>
        ) : (
          '—'
        ),
    },
    {
      key: 'submittedFiled',
      title: t('monthly.submittedFiled'),
      width: 130,
      render: (_, plan) => (
        <>
          <div>{t('monthly.submittedOnShort', { date: formatDate(plan.submittedOn) })}</div>
          <div>{t('monthly.filedOnShort', { date: formatDate(plan.filedOn) })}</div>
        </>
      ),
    },
    {
      key: 'enterpriseCount',
      title: t('monthly.enterpriseCount'),
      dataIndex: 'enterpriseCount',
      align: 'right',
      width: 80,
    },
    {
      key: 'created',
      title: t('monthly.createdBy'),
      width: 120,
      render: (_, plan) => (
        <>
          <div>{plan.createdByName}</div>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {formatDateTime(plan.createdAt)}
          </Typography.Text>
        </>
      ),
    },
    {
      key: 'actions',
      title: t('common.actions'),
      width: 130,
      // issue 13 item 9: the columns fit a 1440 px screen (table width below), so this column covers no header
      // there; it stays in reach when a narrower screen scrolls the table
      fixed: 'right',
      render: (_, plan) => (
        <Space>
          {creator && plan.status === 'draft' && (
            <Popconfirm
              title={t('monthly.submitTitle')}
              description={
                plan.timeliness?.status === 'overdue'
                  ? t('monthly.submitLate', { days: plan.timeliness.daysLate })
                  : t('monthly.submitText')
              }
              okButtonProps={{ 'data-testid': 'monthly-submit-confirm' }}
              onConfirm={() => act(submit.mutateAsync, plan.id, t('monthly.submitted'))}
            >
              <Button
                data-testid="monthly-submit"
                size="small"
                type="primary"
                icon={<SendOutlined />}
                loading={submit.isPending && submit.variables === plan.id}
              >
                {t('monthly.submit')}
              </Button>
            </Popconfirm>
          )}
          <Button
            data-testid="monthly-export"
            size="small"
            aria-label={t('monthly.export')}
            icon={<DownloadOutlined />}
            onClick={() =>
              void downloadFile(
                `/api/v1/monthly-plans/${encodeURIComponent(plan.id)}/export.xlsx`,
                {},
                `${plan.territoryName}${plan.year}年${plan.month}月工作计划.xlsx`,
              )
            }
          />
          {filer && plan.status === 'submitted' && (
            <Popconfirm
              title={t('monthly.fileTitle')}
              okButtonProps={{ 'data-testid': 'monthly-file-confirm' }}
              onConfirm={() => act(file.mutateAsync, plan.id, t('monthly.filed'))}
            >
              <Button
                data-testid="monthly-file"
                size="small"
                type="primary"
                icon={<FileDoneOutlined />}
                loading={file.isPending && file.variables === plan.id}
              >
                {t('monthly.file')}
              </Button>
            </Popconfirm>
          )}
        </Space>
      ),
    },
  ];

  return (
    <>
      <PageHeader
        title={t('nav.monthlyPlans')}
        subtitle={t('monthly.listSubtitle')}
        extra={
          creator && (
            <Button
              data-testid="monthly-create"
              type="primary"
              icon={<PlusOutlined />}
              onClick={() => setCreating(true)}
            >
              {t('monthly.create')}
            </Button>
          )
        }
      />
      <FilterBar>
        <YearFilter testId="monthly-filter-year" value={year} onChange={(value) => update({ year: value })} />
        <Select<number>
          data-testid="monthly-filter-month"
          allowClear
          placeholder={t('monthly.allMonths')}
          value={month}
          onChange={(value) => update({ month: value })}
          options={MONTHS.map((value) => ({ value, label: t('plan.monthN', { month: value }) }))}
          style={{ width: 130 }}
        />
      </FilterBar>
      {plans.isError && <ErrorAlert error={plans.error} style={{ marginBottom: 16 }} />}
      <Card styles={{ body: { padding: 0 } }}>
        <Table<MonthlyPlan>
          data-testid="monthly-table"
          rowKey="id"
          columns={columns}
          dataSource={plans.data ?? []}
          loading={plans.isFetching}
          pagination={false}
          expandable={{ expandedRowRender: (plan) => <MonthlyItems plan={plan} /> }}
          onRow={(plan) =>
            ({
              'data-testid': 'monthly-row',
              'data-status': plan.status,
              'data-timeliness': plan.timeliness?.status ?? '',
              'data-period': `${plan.year}-${String(plan.month).padStart(2, '0')}`,
            }) as HTMLAttributes<HTMLElement>
          }
          locale={{
            emptyText: (
              <Empty
                image={Empty.PRESENTED_IMAGE_SIMPLE}
                description={creator ? t('monthly.emptyCreator') : t('monthly.empty')}
              />
            ),
          }}
          // the columns' widths and the expand button's (1158): no wider than the content area beside the side menu on a
          // 1440 px screen (1172), so nothing scrolls there
          scroll={{ x: columns.reduce((width, column) => width + Number(column.width ?? 0), EXPAND_WIDTH) }}
        />
      </Card>
      {creator && <CreateMonthlyModal open={creating} onClose={() => setCreating(false)} />}
    </>
  );
};
