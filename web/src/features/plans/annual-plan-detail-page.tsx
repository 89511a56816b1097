import { useMemo, useState, type HTMLAttributes, type ReactNode } from 'react';
import {
  Alert,
  App,
  Button,
  Card,
  Col,
  Collapse,
  Descriptions,
  Empty,
  Flex,
  List,
  Row,
  Space,
  Statistic,
  Steps,
  Table,
  Tag,
  Typography,
  type TableColumnsType,
} from 'antd';
import {
  BarChartOutlined,
  CalculatorOutlined,
  CheckOutlined,
  DownloadOutlined,
  EditOutlined,
  FileDoneOutlined,
  FileWordOutlined,
  GlobalOutlined,
  RollbackOutlined,
  SendOutlined,
} from '@ant-design/icons';
import { Link, useNavigate, useParams } from 'react-router-dom';
import type { AnnualPlan, KeyInspection, PlanBatch, PlanLink } from '../../api/types';
import { can } from '../../app/auth/permissions';
import { errorTitle } from '../../app/components/error-alert';
import { DetailPage } from '../../app/components/detail-page';
import { PageHeader } from '../../app/components/page-header';
import { formatDate, formatDateTime } from '../../app/format';
import { useT } from '../../app/i18n/i18n-context';
import { useCurrentUser } from '../auth/hooks';
import { LevelTag, isEnforcementLevel } from '../grading/grade-tags';
import { useInspectionMatters, useTerritories } from '../reference/hooks';
import { ComputePlanModal } from './compute-plan-modal';
import { FormulaCard, formatNumber } from './formula-card';
import { exportAnnualPlan, exportAnnualPlanDocx, useAnnualPlan } from './hooks';
import { PLAN_STEPS, PlanStatusTag, UnverifiedTag, tierLabel } from './plan-tags';
import { WorkflowModal, type WorkflowStep } from './workflow-modals';

const useNames = () => {
  const territories = useTerritories();
  const matters = useInspectionMatters();
  return useMemo(() => {
    const territory = new Map((territories.data ?? []).map((item) => [item.code, item.name]));
    const matter = new Map((matters.data ?? []).map((item) => [item.code, item.name]));
    return {
      territory: (code: string) => territory.get(code) ?? code,
      matter: (code: string) => matter.get(code) ?? code,
    };
  }, [territories.data, matters.data]);
};

const Total = ({
  title,
  value,
  testId,
  color,
  suffix,
}: {
  title: ReactNode;
  value: number;
  testId: string;
  color?: string;
  suffix?: string;
}) => (
  <Card size="small" style={{ height: '100%' }}>
    <Statistic
      title={title}
      value={formatNumber(value)}
      suffix={suffix}
      data-testid={testId}
      data-value={value}
      styles={{ content: { color, fontVariantNumeric: 'tabular-nums' } }}
    />
  </Card>
);

const TotalsCard = ({ plan }: { plan: AnnualPlan }) => {
  const t = useT();
  const { totals } = plan;
  const day = t('plan.daysUnit');
  const items: { key: keyof typeof totals; suffix?: string; color?: string }[] = [
    { key: 'statutoryWorkdays', suffix: day },
    { key: 'certifiedOfficers', suffix: t('plan.peopleUnit') },
    { key: 'totalWorkdays', suffix: day },
    { key: 'otherEnforcementWorkdays', suffix: day },
    { key: 'nonEnforcementWorkdays', suffix: day },
    { key: 'inspectionWorkdays', suffix: day, color: '#1d4e89' },
    { key: 'keyInspectionWorkdays', suffix: day },
    { key: 'generalInspectionWorkdays', suffix: day },
    { key: 'keyWorkdaysNeeded', suffix: day },
    { key: 'generalWorkdaysNeeded', suffix: day },
    { key: 'workdayBalance', suffix: day, color: totals.workdayBalance < 0 ? '#cf1322' : '#389e0d' },
    { key: 'keyEnterprises', suffix: t('plan.enterpriseUnit') },
    { key: 'keyInspections', suffix: t('plan.inspectionUnit') },
    { key: 'generalPool', suffix: t('plan.enterpriseUnit') },
    { key: 'generalPlanned', suffix: t('plan.enterpriseUnit') },
    { key: 'rotationDue', suffix: t('plan.enterpriseUnit') },
  ];
  return (
    <Card title={t('plan.totalsTitle')} data-testid="plan-totals">
      <Row gutter={[12, 12]}>
        {items.map((item) => (
          <Col key={item.key} xs={12} md={8} xl={6} xxl={4}>
            <Total
              testId={`plan-total-${item.key}`}
              title={t(`plan.totals.${item.key}`)}
              value={totals[item.key]}
              suffix={item.suffix}
              color={item.color}
            />
          </Col>
        ))}
      </Row>
      <Typography.Paragraph
        type="secondary"
        style={{ fontSize: 12, margin: '12px 0 0' }}
        data-testid="plan-ratio"
      >
        {t('plan.ratioText', { numerator: plan.ratio.numerator, denominator: plan.ratio.denominator })}{' '}
        {!plan.ratio.verified && <UnverifiedTag />}
      </Typography.Paragraph>
    </Card>
  );
};

// The plan says so, and by how much, instead of silently dropping enterprises.
const ShortfallAlert = ({ plan }: { plan: AnnualPlan }) => {
  const t = useT();
  if (!plan.shortfall) return null;
  return (
    <Alert
      data-testid="plan-shortfall"
      type="error"
      showIcon
      title={
        <Typography.Text strong style={{ color: '#cf1322', fontSize: 16 }}>
          {t('plan.shortfallTitle', { workdays: formatNumber(plan.shortfall.workdays) })}
        </Typography.Text>
      }
      description={t('plan.shortfallText', {
        key: plan.shortfall.keyEnterprises,
        general: plan.shortfall.generalEnterprises,
      })}
    />
  );
};

const WarningsCard = ({ plan }: { plan: AnnualPlan }) => {
  const t = useT();
  return (
    <Card title={t('plan.warningsTitle', { count: plan.warnings.length })} data-testid="plan-warnings">
      {plan.warnings.length === 0 ? (
        <Typography.Text type="secondary">{t('plan.noWarnings')}</Typography.Text>
      ) : (
        <List
          size="small"
          dataSource={plan.warnings}
          renderItem={(warning) => (
            <List.Item data-testid="plan-warning" data-code={warning.code}>
              <Space align="start" wrap>
                <Tag color="orange">{t('plan.measureN', { measure: warning.measure })}</Tag>
                <Typography.Text>{warning.message}</Typography.Text>
                {warning.enterpriseIds.length > 0 && (
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {t('plan.warningEnterprises', { count: warning.enterpriseIds.length })}
                  </Typography.Text>
                )}
              </Space>
            </List.Item>
          )}
        />
      )}
    </Card>
  );
};

const LinkCard = ({ link, names }: { link: PlanLink; names: ReturnType<typeof useNames> }) => {
  const t = useT();
  const columns: TableColumnsType<PlanLink['excluded'][number]> = [
    {
      key: 'enterprise',
      title: t('plan.enterprise'),
      render: (_, row) => <Link to={`/enterprises/${row.enterpriseId}`}>{row.name}</Link>,
    },
    { key: 'matter', title: t('plan.matter'), render: (_, row) => names.matter(row.matter) },
    {
      key: 'coveredBy',
      title: t('plan.coveredBy'),
      render: (_, row) =>
        row.coveredBy.planId === link.cityPlanId
          ? t('plan.cityPlan')
          : names.territory(row.coveredBy.territory),
    },
    {
      key: 'month',
      title: t('plan.month'),
      render: (_, row) => (row.coveredBy.month ? t('plan.monthN', { month: row.coveredBy.month }) : '—'),
    },
  ];
  return (
    <Card
      data-testid="plan-link"
      title={t('plan.linkTitle')}
      extra={
        <Link to={`/plans/annual/${link.cityPlanId}`} data-testid="plan-link-city">
          {t('plan.linkOpenCity', { version: link.cityPlanVersion })}
        </Link>
      }
      styles={{ body: { padding: 0 } }}
    >
      <Typography.Paragraph style={{ padding: '12px 16px', margin: 0 }}>
        {t('plan.linkText', { count: link.excluded.length })}
      </Typography.Paragraph>
      {link.excluded.length > 0 && (
        <Table
          size="small"
          rowKey={(row) => `${row.enterpriseId}-${row.matter}`}
          columns={columns}
          dataSource={link.excluded}
          pagination={{ defaultPageSize: 10, hideOnSinglePage: true }}
        />
      )}
    </Card>
  );
};

const KeyInspectionsCard = ({ plan, names }: { plan: AnnualPlan; names: ReturnType<typeof useNames> }) => {
  const t = useT();
  const columns: TableColumnsType<KeyInspection> = [
    {
      key: 'name',
      title: t('plan.enterprise'),
      render: (_, entry) => <Link to={`/enterprises/${entry.enterpriseId}`}>{entry.name}</Link>,
    },
    {
      key: 'territory',
      title: t('field.territory'),
      width: 110,
      render: (_, entry) => names.territory(entry.territory),
    },
    { key: 'unit', title: t('plan.unit'), width: 160, render: (_, entry) => entry.unit ?? '—' },
    {
      key: 'level',
      title: t('grading.field.enforcementLevel'),
      width: 110,
      render: (_, entry) =>
        isEnforcementLevel(entry.enforcementLevel) ? (
          <LevelTag value={entry.enforcementLevel} />
        ) : (
          entry.enforcementLevel
        ),
    },
    {
      key: 'matters',
      title: t('plan.matters'),
      width: 200,
      render: (_, entry) => (
        <Space size={[0, 4]} wrap>
          {entry.matters.map((matter) => (
            <Tag key={matter}>{names.matter(matter)}</Tag>
          ))}
        </Space>
      ),
    },
    {
      key: 'months',
      title: t('plan.months'),
      width: 180,
      render: (_, entry) => (
        <Space size={[0, 4]} wrap data-testid="plan-key-months">
          {entry.months.map((month, index) => (
            <Tag key={`${month}-${index}`} color="blue">
              {t('plan.monthN', { month })}
            </Tag>
          ))}
        </Space>
      ),
    },
    { key: 'inspections', title: t('plan.inspections'), dataIndex: 'inspections', align: 'right', width: 90 },
    {
      key: 'workdays',
      title: t('plan.workdays'),
      align: 'right',
      width: 90,
      render: (_, entry) => formatNumber(entry.workdays),
    },
  ];
  return (
    <Card title={t('plan.keyTitle', { count: plan.keyInspections.length })} styles={{ body: { padding: 0 } }}>
      <Table<KeyInspection>
        data-testid="plan-key-table"
        rowKey="enterpriseId"
        size="small"
        columns={columns}
        dataSource={plan.keyInspections}
        pagination={{
          defaultPageSize: 20,
          showSizeChanger: true,
          pageSizeOptions: [20, 50, 100, 200],
          showTotal: (total) => t('common.total', { total }),
        }}
        onRow={() => ({ 'data-testid': 'plan-key-row' }) as HTMLAttributes<HTMLElement>}
        locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('plan.noKey')} /> }}
        scroll={{ x: 1100 }}
      />
    </Card>
  );
};

const BatchesCard = ({ plan }: { plan: AnnualPlan }) => {
  const t = useT();
  const columns: TableColumnsType<PlanBatch> = [
    { key: 'code', title: t('plan.batch'), dataIndex: 'code', width: 140 },
    {
      key: 'month',
      title: t('plan.month'),
      width: 90,
      render: (_, batch) => t('plan.monthN', { month: batch.month }),
    },
    {
      key: 'ratio',
      title: t('plan.ratio'),
      width: 110,
      render: (_, batch) => `${batch.ratio.numerator}/${batch.ratio.denominator}`,
    },
    {
      key: 'share',
      title: t('plan.share'),
      width: 100,
      align: 'right',
      render: (_, batch) => `${formatNumber(batch.share * 100)}%`,
    },
    {
      key: 'candidates',
      title: t('plan.candidates'),
      width: 100,
      align: 'right',
      render: (_, batch) => batch.strata.reduce((total, stratum) => total + stratum.candidates, 0),
    },
    { key: 'size', title: t('plan.batchSize'), dataIndex: 'size', width: 100, align: 'right' },
    {
      key: 'workdays',
      title: t('plan.workdays'),
      width: 100,
      align: 'right',
      render: (_, batch) => formatNumber(batch.workdays),
    },
    {
      key: 'strata',
      title: t('plan.strata'),
      render: (_, batch) => (
        <Space size={[0, 4]} wrap>
          {batch.strata.map((stratum) => (
            <Tag key={stratum.key}>
              {tierLabel(stratum.key, t)}：{stratum.k}/{stratum.candidates}
            </Tag>
          ))}
        </Space>
      ),
    },
  ];
  return (
    <Card title={t('plan.batchesTitle', { count: plan.batches.length })} styles={{ body: { padding: 0 } }}>
      <Table<PlanBatch>
        data-testid="plan-batch-table"
        rowKey="code"
        size="small"
        columns={columns}
        dataSource={plan.batches}
        pagination={false}
        onRow={() => ({ 'data-testid': 'plan-batch-row' }) as HTMLAttributes<HTMLElement>}
        locale={{
          emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('plan.noBatches')} />,
        }}
        scroll={{ x: 900 }}
      />
    </Card>
  );
};

const OfficersCollapse = ({ plan }: { plan: AnnualPlan }) => {
  const t = useT();
  const certified = plan.input.officers.filter((officer) => officer.mayInspect).length;
  return (
    <Collapse
      data-testid="plan-officers"
      items={[
        {
          key: 'officers',
          label: t('plan.officersTitle', {
            certified,
            total: plan.input.officers.length,
            date: plan.input.eligibilityDate,
          }),
          children: (
            <Table
              size="small"
              rowKey="officerId"
              dataSource={plan.input.officers}
              pagination={{ defaultPageSize: 20, hideOnSinglePage: true }}
              columns={[
                {
                  key: 'name',
                  title: t('plan.officer'),
                  render: (_, officer) => <Link to={`/officers/${officer.officerId}`}>{officer.name}</Link>,
                },
                {
                  key: 'mayInspect',
                  title: t('plan.mayInspect'),
                  render: (_, officer) =>
                    officer.mayInspect ? (
                      <Tag color="green">{t('plan.counted')}</Tag>
                    ) : (
                      <Tag color="default">{t('plan.notCounted')}</Tag>
                    ),
                },
                {
                  key: 'reason',
                  title: t('plan.notCountedReason'),
                  render: (_, officer) => officer.reason ?? '—',
                },
              ]}
            />
          ),
        },
      ]}
    />
  );
};

const stepContent = (plan: AnnualPlan, t: ReturnType<typeof useT>): ReactNode[] => {
  const { record } = plan;
  const pending = t('plan.step.pending');
  return [
    `${plan.computedByName} ${formatDateTime(plan.computedAt)}`,
    record.submittedOn
      ? t('plan.step.submittedContent', {
          discussed: formatDate(record.discussedOn),
          submitted: record.submittedOn,
        })
      : pending,
    record.approval ? `${record.approval.documentNumber} · ${record.approval.approvedOn}` : pending,
    record.filedOn ? t('plan.step.filedContent', { date: record.filedOn }) : pending,
    record.publishedOn ? t('plan.step.publishedContent', { date: record.publishedOn }) : pending,
  ];
};

const AnnualPlanDetail = ({ plan }: { plan: AnnualPlan }) => {
  const t = useT();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const user = useCurrentUser();
  const names = useNames();
  const [step, setStep] = useState<WorkflowStep | null>(null);
  const [recomputing, setRecomputing] = useState(false);
  const [exporting, setExporting] = useState<'xlsx' | 'docx' | null>(null);
  const manager = can(user.role, 'plans.annual.manage');
  // a newer version of this plan, if one exists, is where adjustments continue
  const newer = plan.versions.some((version) => version.version > plan.version);

  const runExport = async (format: 'xlsx' | 'docx') => {
    setExporting(format);
    try {
      await (format === 'xlsx' ? exportAnnualPlan : exportAnnualPlanDocx)(plan.id, plan.year, plan.version);
    } catch (error) {
      void message.error(errorTitle(error, t));
    } finally {
      setExporting(null);
    }
  };

  const action = (key: WorkflowStep, icon: ReactNode, primary = true) => (
    <Button
      key={key}
      data-testid={`plan-action-${key}`}
      type={primary ? 'primary' : 'default'}
      danger={key === 'return'}
      icon={icon}
      onClick={() => setStep(key)}
    >
      {t(`plan.step.${key}.button`)}
    </Button>
  );

  const actions: ReactNode[] = !manager
    ? []
    : plan.status === 'draft'
      ? [
          <Button
            key="recompute"
            data-testid="plan-recompute"
            icon={<CalculatorOutlined />}
            onClick={() => setRecomputing(true)}
          >
            {t('plan.recompute')}
          </Button>,
          action('submit', <SendOutlined />),
        ]
      : plan.status === 'submitted'
        ? [action('return', <RollbackOutlined />, false), action('approve', <CheckOutlined />)]
        : plan.status === 'approved'
          ? [action('file', <FileDoneOutlined />)]
          : plan.status === 'filed'
            ? [action('publish', <GlobalOutlined />)]
            : plan.status === 'published' && !newer
              ? [action('revise', <EditOutlined />, false)]
              : [];

  const current = plan.status === 'superseded' ? PLAN_STEPS.length - 1 : PLAN_STEPS.indexOf(plan.status);
  const contents = stepContent(plan, t);

  return (
    <>
      <PageHeader
        title={
          <Space wrap>
            <span data-testid="plan-title">
              {t('plan.titleFor', { year: plan.year, territory: plan.territoryName })}
            </span>
            <Tag data-testid="plan-version">{t('plan.versionN', { version: plan.version })}</Tag>
            <PlanStatusTag status={plan.status} />
          </Space>
        }
        subtitle={t('plan.detailSubtitle', {
          version: plan.catalogVersion,
          by: plan.computedByName,
          at: formatDateTime(plan.computedAt),
        })}
        crumbs={[
          { title: t('nav.annualPlans'), to: '/plans/annual' },
          { title: `${plan.year} · ${t('plan.versionN', { version: plan.version })}` },
        ]}
        extra={
          <>
            <Button
              data-testid="plan-execution-link"
              icon={<BarChartOutlined />}
              onClick={() => navigate(`/plans/annual/${plan.id}/execution`)}
            >
              {t('plan.execution')}
            </Button>
            <Button
              data-testid="plan-export"
              icon={<DownloadOutlined />}
              loading={exporting === 'xlsx'}
              onClick={() => void runExport('xlsx')}
            >
              {t('plan.export')}
            </Button>
            <Button
              data-testid="plan-export-docx"
              icon={<FileWordOutlined />}
              loading={exporting === 'docx'}
              onClick={() => void runExport('docx')}
            >
              {t('plan.exportDocx')}
            </Button>
            {actions}
          </>
        }
      />
      <Flex vertical gap={16}>
        <Card>
          <Steps
            data-testid="plan-steps"
            current={current}
            status={plan.status === 'published' || plan.status === 'superseded' ? 'finish' : 'process'}
            items={PLAN_STEPS.map((status, index) => ({
              title: t(`plan.status.${status}`),
              content: contents[index],
            }))}
          />
          <Descriptions
            style={{ marginTop: 24 }}
            column={{ xs: 1, md: 2, xl: 3 }}
            items={[
              { key: 'territory', label: t('field.territory'), children: plan.territoryName },
              { key: 'catalogVersion', label: t('plan.catalogVersion'), children: plan.catalogVersion },
              {
                key: 'documentNumber',
                label: t('plan.field.documentNumber'),
                children: (
                  <span data-testid="plan-document-number">
                    {plan.record.approval?.documentNumber ?? '—'}
                  </span>
                ),
              },
              {
                key: 'discussedOn',
                label: t('plan.field.discussedOn'),
                children: formatDate(plan.record.discussedOn),
              },
              { key: 'filedOn', label: t('plan.field.filedOn'), children: formatDate(plan.record.filedOn) },
              {
                key: 'publishedOn',
                label: t('plan.field.publishedOn'),
                children: formatDate(plan.record.publishedOn),
              },
              ...(plan.record.adjustment
                ? [
                    {
                      key: 'adjustment',
                      label: t('plan.adjustment'),
                      span: 'filled' as const,
                      children: (
                        <span data-testid="plan-adjustment">
                          {t('plan.adjustmentText', {
                            version: plan.record.adjustment.previousVersion,
                            reason: plan.record.adjustment.reason,
                          })}
                        </span>
                      ),
                    },
                  ]
                : []),
            ]}
          />
        </Card>
        <ShortfallAlert plan={plan} />
        {plan.input.ungradedEnterprises > 0 && (
          <Alert
            type="warning"
            showIcon
            data-testid="plan-ungraded"
            title={t('plan.ungraded', { count: plan.input.ungradedEnterprises })}
          />
        )}
        <FormulaCard plan={plan} />
        <TotalsCard plan={plan} />
        <OfficersCollapse plan={plan} />
        <WarningsCard plan={plan} />
        {plan.link && <LinkCard link={plan.link} names={names} />}
        <KeyInspectionsCard plan={plan} names={names} />
        <BatchesCard plan={plan} />
        <Card title={t('plan.versionsTitle')} data-testid="plan-versions" size="small">
          <Space wrap>
            {plan.versions.map((version) => (
              <Link
                key={version.id}
                to={`/plans/annual/${version.id}`}
                data-testid="plan-version-link"
                data-version={version.version}
              >
                <Tag color={version.id === plan.id ? 'blue' : undefined} style={{ cursor: 'pointer' }}>
                  {t('plan.versionN', { version: version.version })} · {t(`plan.status.${version.status}`)}
                </Tag>
              </Link>
            ))}
          </Space>
        </Card>
      </Flex>
      {manager && (
        <>
          <WorkflowModal
            plan={plan}
            step={step}
            onClose={() => setStep(null)}
            onDone={(next) => {
              if (next.id !== plan.id) navigate(`/plans/annual/${next.id}`);
            }}
          />
          <ComputePlanModal
            open={recomputing}
            onClose={() => setRecomputing(false)}
            recompute={plan}
            defaultYear={plan.year}
          />
        </>
      )}
    </>
  );
};

export const AnnualPlanDetailPage = () => {
  const t = useT();
  const { id = '' } = useParams<{ id: string }>();
  const plan = useAnnualPlan(id);
  return (
    <DetailPage query={plan} notFound={{ title: t('plan.notFound'), backTo: '/plans/annual' }}>
      {(record) => <AnnualPlanDetail plan={record} />}
    </DetailPage>
  );
};
