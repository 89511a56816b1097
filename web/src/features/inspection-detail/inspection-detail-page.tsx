import { Alert, App, Button, Col, Row, Space, Tag } from 'antd';
import { FormOutlined, InteractionOutlined } from '@ant-design/icons';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { can } from '../../app/auth/access';
import { DetailPage } from '../../app/components/detail-page';
import { PageHeader } from '../../app/components/page-header';
import { formatDate, formatDateTime } from '../../app/format';
import { useT } from '../../app/i18n/i18n-context';
import type { MessageKey } from '../../app/i18n/zh';
import { useCurrentUser } from '../auth/hooks';
import { CheckInCodeCard } from './checkin-code-card';
import { GuardsCard } from './guards-card';
import { useApproveTrigger, useInspection, useOnsite } from './hooks';
import type { OnsiteOverview } from './types';
import { LifecycleSteps } from './lifecycle-steps';
import { PlanCard } from './plan-card';
import { TimelineCard } from './timeline-card';
import { ConclusionCard } from './conclusion-card';
import { ResumptionCard } from './resumption-card';
import { DocumentsPanel } from '../rectification/documents-panel';
import { RectificationPanel } from '../rectification/rectification-panel';
import { BurdenBadge, TriggerTag } from '../inspections';
import { InspectionCasesCard } from '../penalty-cases/inspection-cases-card';
import { FindingHelpCard } from '../experts/finding-help-card';

const KINDS = ['key', 'double_random', 'targeted', 'other'];
// From arrival on, the officers record the visit on their phones.
const RECORD_STAGES = ['checked_in', 'findings_recorded', 'concluded', 'closed'];

// One inspection from plan to close (issue 5 items 3, 4, 9): stage, guards, the on-site plan and its approval,
// the check-in code, and the timeline.
export const InspectionDetailPage = () => {
  const { id = '' } = useParams<{ id: string }>();
  const onsite = useOnsite(id);
  const summary = useInspection(id);
  return (
    <DetailPage query={onsite}>{(data) => <InspectionDetail data={data} summary={summary} />}</DetailPage>
  );
};

type InspectionDetailProps = { data: OnsiteOverview; summary: ReturnType<typeof useInspection> };

const InspectionDetail = ({ data, summary }: InspectionDetailProps) => {
  const t = useT();
  const navigate = useNavigate();
  const user = useCurrentUser();
  const { message } = App.useApp();
  const approveTrigger = useApproveTrigger(data.id);
  const kind = KINDS.includes(data.kind) ? t(`onsite.kind.${data.kind}` as MessageKey) : data.kind;

  return (
    <>
      <PageHeader
        title={
          <Space wrap>
            <span data-testid="inspection-title">{data.enterpriseName}</span>
            {summary.data?.burden && (
              <BurdenBadge count={summary.data.burden.count} level={summary.data.burden.level} />
            )}
            <Tag
              color="blue"
              data-testid="inspection-stage"
              data-stage={data.stage}
              style={{ fontSize: 14, padding: '2px 8px' }}
            >
              {data.stageName}
            </Tag>
          </Space>
        }
        subtitle={
          <Space size={[16, 4]} wrap>
            <span>{t('onsite.header.creditCode', { code: data.creditCode })}</span>
            <span>{t('onsite.header.kind', { kind })}</span>
            <span>{t('onsite.header.plannedOn', { date: formatDate(data.plannedOn) })}</span>
            {summary.data?.organisationName && (
              <span>{t('onsite.header.organisation', { name: summary.data.organisationName })}</span>
            )}
            {summary.data?.trigger && (
              <TriggerTag
                trigger={summary.data.trigger}
                reference={summary.data.triggerReference}
                description={summary.data.triggerDescription}
                pending={summary.data.trigger === 'other' && !summary.data.triggerApprovedAt}
              />
            )}
            {summary.data?.trigger === 'other' &&
              !summary.data.triggerApprovedAt &&
              can(user, 'onsite_plan:approve') && (
                <Button
                  size="small"
                  loading={approveTrigger.isPending}
                  onClick={() =>
                    approveTrigger.mutate(undefined, {
                      onSuccess: () => void message.success(t('inspection.triggerApproved')),
                    })
                  }
                  data-testid="inspection-trigger-approve"
                >
                  {t('inspection.triggerApprove')}
                </Button>
              )}
            {data.checkedInAt && (
              <span>{t('onsite.header.checkedIn', { at: formatDateTime(data.checkedInAt) })}</span>
            )}
          </Space>
        }
        crumbs={[{ title: t('onsite.crumb'), to: '/inspections' }, { title: data.enterpriseName }]}
        extra={
          <>
            <Button icon={<FormOutlined />} onClick={() => navigate(`/enterprises/${data.enterpriseId}`)}>
              {t('onsite.header.enterprise')}
            </Button>
            {data.drawId && (
              <Button icon={<InteractionOutlined />} onClick={() => navigate(`/draws/${data.drawId}`)}>
                {t('onsite.header.draw')}
              </Button>
            )}
            {RECORD_STAGES.includes(data.stage) && (
              <Link to={`/inspections/${data.id}/onsite`} data-testid="onsite-record-link">
                <Button type="primary">{t('onsite.header.record')}</Button>
              </Link>
            )}
          </>
        }
      />
      {summary.data?.overCapReason && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 16 }}
          data-testid="inspection-over-cap-reason"
          title={t('inspection.detail.overCapReason')}
          description={summary.data.overCapReason}
        />
      )}
      <LifecycleSteps
        stage={data.stage}
        stageName={data.stageName}
        rejected={data.plan?.status === 'rejected'}
      />
      <Row gutter={16}>
        <Col xs={24} xl={14}>
          <PlanCard overview={data} user={user} organisationId={summary.data?.organisationId ?? undefined} />
          <CheckInCodeCard overview={data} />
          <ConclusionCard inspectionId={data.id} stage={data.stage} mayAct={can(user, 'inspection:update')} />
          {['findings_recorded', 'concluded', 'closed'].includes(data.stage) && (
            <ResumptionCard inspectionId={data.id} mayApprove={can(user, 'inspection:approve')} />
          )}
          {RECORD_STAGES.includes(data.stage) && <FindingHelpCard inspectionId={data.id} />}
          {RECORD_STAGES.includes(data.stage) && <RectificationPanel inspectionId={data.id} />}
          <DocumentsPanel inspectionId={data.id} />
        </Col>
        <Col xs={24} xl={10}>
          <GuardsCard checks={data.checks} />
          {can(user, 'penalty_case:read') && <InspectionCasesCard inspectionId={data.id} />}
          <TimelineCard inspectionId={data.id} />
        </Col>
      </Row>
    </>
  );
};
