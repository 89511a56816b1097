import { useState, type HTMLAttributes } from 'react';
import {
  Button,
  Card,
  Checkbox,
  DatePicker,
  Empty,
  Input,
  Select,
  Space,
  Table,
  Tag,
  Typography,
  type TableColumnsType,
} from 'antd';
import dayjs from 'dayjs';
import { BarChartOutlined, DownloadOutlined, MergeCellsOutlined, PlusOutlined } from '@ant-design/icons';
import { Link, useNavigate } from 'react-router-dom';
import type { InspectionKind, InspectionRow, InspectionStage, InspectionStatus } from '../../api/types';
import { downloadFile } from '../../api/client';
import { can } from '../../app/auth/access';
import { ErrorAlert } from '../../app/components/error-alert';
import { FilterBar, YearFilter } from '../../app/components/list-filters';
import { PageHeader } from '../../app/components/page-header';
import { formatDate } from '../../app/format';
import { useT } from '../../app/i18n/i18n-context';
import { useListParams } from '../../app/list-params';
import { useCurrentUser } from '../auth/hooks';
import { BurdenBadge } from './burden-badge';
import { useInspections } from './hooks';
import {
  INSPECTION_KINDS,
  INSPECTION_STATUSES,
  InspectionKindTag,
  InspectionStatusTag,
  TriggerTag,
} from './inspection-tags';
import { useMatterNames } from './matter-names';
import { PlanInspectionModal } from './plan-inspection-modal';
import { DelegationCard } from '../inspection-detail/delegation-card';

const INSPECTION_STAGE_OPTIONS: InspectionStage[] = [
  'planned',
  'remote_check',
  'plan_drafted',
  'plan_submitted',
  'plan_approved',
  'notified',
  'checked_in',
  'findings_recorded',
  'concluded',
  'closed',
  'closed_without_visit',
  'cancelled',
  'merged',
  'completed',
];

// 检查任务 (issue 6 items 10–11): every inspection of the user's territory, each with the enterprise's count
// this year across all departments (yellow at the second, red from the third).
export const InspectionListPage = () => {
  const t = useT();
  const navigate = useNavigate();
  const user = useCurrentUser();
  const matterNames = useMatterNames();
  const { page, pageSize, get, update } = useListParams();
  const year = get('year') ? Number(get('year')) : undefined;
  const kind = get('kind') as InspectionKind | undefined;
  const status = get('status') as InspectionStatus | undefined;
  // one enterprise's inspections, when linked from its page (/inspections?enterpriseId=…)
  const enterpriseId = get('enterpriseId') || undefined;
  // issue 13 item 3: every stage, a planned date range, overdue, name or credit code, officer
  const stage = get('stage');
  const stages = (stage?.split(',').filter(Boolean) ?? []) as InspectionStage[];
  const plannedFrom = get('plannedFrom');
  const plannedTo = get('plannedTo');
  const overdue = get('overdue') === 'true' ? ('true' as const) : undefined;
  const q = get('q');
  const officer = get('officer');
  // from the workbench: the inspections whose on-site plan was returned to me
  const returnedToMe = get('returnedToMe') === 'true' ? ('true' as const) : undefined;
  const filters = {
    year,
    kind,
    status,
    enterpriseId,
    stage,
    plannedFrom,
    plannedTo,
    overdue,
    q,
    officer,
    returnedToMe,
  };
  const inspections = useInspections({ page, pageSize, ...filters });
  const [exporting, setExporting] = useState(false);
  const exportList = async () => {
    setExporting(true);
    try {
      await downloadFile('/api/v1/inspections/export.xlsx', filters, '行政检查.xlsx');
    } finally {
      setExporting(false);
    }
  };
  const [planning, setPlanning] = useState(false);
  const mayPlan = can(user, 'inspection:create');

  const columns: TableColumnsType<InspectionRow> = [
    {
      key: 'enterprise',
      title: t('inspection.field.enterprise'),
      render: (_, inspection) => (
        <>
          <Link
            to={`/inspections/${inspection.id}`}
            onClick={(event) => event.stopPropagation()}
            data-testid="inspection-row-link"
          >
            {inspection.enterpriseName}
          </Link>
          <div>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {inspection.territoryName} · {matterNames(inspection.matters).join('、')}
            </Typography.Text>
          </div>
        </>
      ),
    },
    {
      key: 'burden',
      title: t('inspection.field.burden'),
      width: 100,
      render: (_, inspection) => (
        <BurdenBadge count={inspection.burden.count} level={inspection.burden.level} />
      ),
    },
    {
      key: 'kind',
      title: t('inspection.field.kind'),
      width: 150,
      render: (_, inspection) => (
        <Space size={4} wrap>
          <InspectionKindTag kind={inspection.kind} />
          <TriggerTag
            trigger={inspection.trigger}
            reference={inspection.triggerReference}
            description={inspection.triggerDescription}
            pending={inspection.trigger === 'other' && !inspection.triggerApprovedAt}
          />
        </Space>
      ),
    },
    {
      key: 'department',
      title: t('inspection.field.department'),
      width: 220,
      render: (_, inspection) => (
        <>
          <div>{inspection.organisationName}</div>
          {inspection.partners.length > 0 && (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {t('inspection.withPartners', {
                partners: inspection.partners.map((partner) => partner.organisationName).join('、'),
              })}
            </Typography.Text>
          )}
        </>
      ),
    },
    {
      key: 'plannedOn',
      title: t('inspection.field.plannedOn'),
      width: 120,
      render: (_, inspection) => (
        <>
          <div>{formatDate(inspection.plannedOn)}</div>
          {inspection.overdue && (
            <Tag color="red" data-testid="inspection-overdue">
              {t('inspection.overdueTag')}
            </Tag>
          )}
        </>
      ),
    },
    {
      key: 'status',
      title: t('field.status'),
      width: 150,
      render: (_, inspection) => (
        <>
          <InspectionStatusTag status={inspection.status} stageName={inspection.stageName} />
          {inspection.nextStep && (
            <div>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {t('inspection.nextStep', { step: inspection.nextStep })}
              </Typography.Text>
            </div>
          )}
        </>
      ),
    },
    {
      key: 'team',
      title: t('inspection.field.team'),
      width: 150,
      render: (_, inspection) =>
        inspection.team.length > 0 ? (
          inspection.team.map((member) => member.name).join('、')
        ) : (
          <Typography.Text type="secondary">—</Typography.Text>
        ),
    },
    {
      key: 'createdBy',
      title: t('inspection.field.createdBy'),
      width: 170,
      render: (_, inspection) => (
        <Typography.Text type="secondary">{inspection.createdByName}</Typography.Text>
      ),
    },
  ];

  return (
    <>
      <PageHeader
        title={t('nav.inspections')}
        subtitle={t('inspection.listSubtitle')}
        extra={
          <>
            <Button
              icon={<DownloadOutlined />}
              loading={exporting}
              onClick={() => void exportList()}
              data-testid="inspection-export"
            >
              {t('inspection.export')}
            </Button>
            <Button icon={<BarChartOutlined />} onClick={() => navigate('/inspections/burden')}>
              {t('nav.inspectionBurden')}
            </Button>
            <Button icon={<MergeCellsOutlined />} onClick={() => navigate('/inspections/merges')}>
              {t('nav.inspectionMerges')}
            </Button>
            {mayPlan && (
              <Button
                type="primary"
                icon={<PlusOutlined />}
                onClick={() => setPlanning(true)}
                data-testid="inspection-plan"
              >
                {t('inspection.plan.button')}
              </Button>
            )}
          </>
        }
      />
      {(can(user, 'onsite_plan:approve') || user?.role === 'unit_head') && (
        <DelegationCard mayDelegate={can(user, 'onsite_plan:approve')} />
      )}
      <FilterBar>
        <YearFilter
          testId="inspection-filter-year"
          value={year}
          onChange={(value) => update({ year: value })}
        />
        <Select<InspectionKind>
          data-testid="inspection-filter-kind"
          allowClear
          placeholder={t('inspection.allKinds')}
          value={kind}
          onChange={(value) => update({ kind: value })}
          options={INSPECTION_KINDS.map((value) => ({ value, label: t(`inspection.kind.${value}`) }))}
          style={{ width: 160 }}
        />
        <Select<InspectionStatus>
          data-testid="inspection-filter-status"
          allowClear
          placeholder={t('plan.allStatuses')}
          value={status}
          onChange={(value) => update({ status: value })}
          options={INSPECTION_STATUSES.map((value) => ({ value, label: t(`inspection.status.${value}`) }))}
          style={{ width: 160 }}
        />
        <Select<InspectionStage[]>
          data-testid="inspection-filter-stage"
          mode="multiple"
          allowClear
          maxTagCount="responsive"
          placeholder={t('inspection.allStages')}
          value={stages}
          onChange={(value) => update({ stage: value.join(',') })}
          options={INSPECTION_STAGE_OPTIONS.map((value) => ({
            value,
            label: t(`inspection.stage.${value}`),
          }))}
          style={{ width: 240 }}
        />
        <DatePicker.RangePicker
          data-testid="inspection-filter-dates"
          value={[plannedFrom ? dayjs(plannedFrom) : null, plannedTo ? dayjs(plannedTo) : null]}
          onChange={(range) =>
            update({
              plannedFrom: range?.[0]?.format('YYYY-MM-DD'),
              plannedTo: range?.[1]?.format('YYYY-MM-DD'),
            })
          }
          placeholder={[t('inspection.plannedFrom'), t('inspection.plannedTo')]}
        />
        <Input.Search
          data-testid="inspection-filter-q"
          allowClear
          defaultValue={q}
          placeholder={t('inspection.searchPlaceholder')}
          onSearch={(value) => update({ q: value.trim() || undefined })}
          style={{ width: 240 }}
        />
        <Input.Search
          data-testid="inspection-filter-officer"
          allowClear
          defaultValue={officer}
          placeholder={t('inspection.officerPlaceholder')}
          onSearch={(value) => update({ officer: value.trim() || undefined })}
          style={{ width: 160 }}
        />
        <Checkbox
          data-testid="inspection-filter-overdue"
          checked={overdue === 'true'}
          onChange={(event) => update({ overdue: event.target.checked ? 'true' : undefined })}
        >
          {t('inspection.overdueOnly')}
        </Checkbox>
        {returnedToMe && (
          <Tag
            closable
            color="orange"
            data-testid="inspection-filter-returned"
            onClose={() => update({ returnedToMe: undefined })}
          >
            {t('inspection.returnedToMe')}
          </Tag>
        )}
      </FilterBar>
      {inspections.isError && <ErrorAlert error={inspections.error} style={{ marginBottom: 16 }} />}
      <Card styles={{ body: { padding: 0 } }}>
        <Table<InspectionRow>
          data-testid="inspection-table"
          rowKey="id"
          columns={columns}
          dataSource={inspections.data?.items ?? []}
          loading={inspections.isFetching}
          pagination={{
            current: page,
            pageSize,
            total: inspections.data?.total ?? 0,
            showTotal: (total) => t('common.total', { total }),
            onChange: (next, size) => update({ page: next, pageSize: size }),
          }}
          onRow={(inspection) =>
            ({
              'data-testid': 'inspection-row',
              'data-id': inspection.id,
              'data-status': inspection.status,
              style: { cursor: 'pointer' },
              onClick: () => navigate(`/inspections/${inspection.id}`),
            }) as HTMLAttributes<HTMLElement>
          }
          locale={{
            emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('inspection.empty')} />,
          }}
          scroll={{ x: 1300 }}
        />
      </Card>
      {mayPlan && <PlanInspectionModal open={planning} onClose={() => setPlanning(false)} />}
    </>
  );
};
