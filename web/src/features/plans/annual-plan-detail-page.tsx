import { useState, type ReactNode } from 'react';
import { Alert, App, Button, Card, Flex, Space, Tag } from 'antd';
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
import type { AnnualPlan } from '../../api/types';
import { can } from '../../app/auth/access';
import { errorTitle } from '../../app/components/error-alert';
import { DetailPage } from '../../app/components/detail-page';
import { PageHeader } from '../../app/components/page-header';
import { formatDateTime } from '../../app/format';
import { useT } from '../../app/i18n/i18n-context';
import { useCurrentUser } from '../auth/hooks';
import { ComputePlanModal } from './compute-plan-modal';
import { FormulaCard } from './formula-card';
import { exportAnnualPlan, exportAnnualPlanDocx, useAnnualPlan } from './hooks';
import { PlanStatusTag } from './plan-tags';
import { WorkflowModal, type WorkflowStep } from './workflow-modals';
import { BatchesCard, OfficersCollapse } from './plan-batches-card';
import { KeyInspectionsCard, LinkCard, useNames } from './plan-key-inspections-card';
import { ShortfallAlert, TotalsCard, WarningsCard } from './plan-totals-card';
import { PlanRecordCard } from './plan-record-card';

const AnnualPlanDetail = ({ plan }: { plan: AnnualPlan }) => {
  const t = useT();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const user = useCurrentUser();
  const names = useNames();
  const [step, setStep] = useState<WorkflowStep | null>(null);
  const [recomputing, setRecomputing] = useState(false);
  const [exporting, setExporting] = useState<'xlsx' | 'docx' | null>(null);
  const manager = can(user, 'annual_plan:update');
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
        <PlanRecordCard plan={plan} />
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
