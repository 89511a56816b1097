import { useState } from 'react';
import { Alert, Button, Card, Descriptions, Empty, Space, Tag, Typography } from 'antd';
import {
  CheckOutlined,
  EditOutlined,
  NotificationOutlined,
  RollbackOutlined,
  SendOutlined,
  ThunderboltOutlined,
} from '@ant-design/icons';
import { can, type Holder } from '../../app/auth/access';
import { formatDateTime } from '../../app/format';
import { useT } from '../../app/i18n/i18n-context';
import { useSubmitPlan } from './hooks';
import { PlanFormDrawer } from './plan-form-drawer';
import { DecisionModal, NotifyModal, UrgentStartModal, type Decision } from './plan-modals';
import { RefusalAlert } from './refusal-alert';
import type { OnsiteOverview, OnsitePlan } from './types';

const STATUS_COLORS: Record<OnsitePlan['status'], string> = {
  draft: 'default',
  submitted: 'processing',
  approved: 'success',
  rejected: 'error',
};

const POST_APPROVAL_COLORS: Record<OnsitePlan['postApproval'], string> = {
  not_urgent: 'default',
  pending: 'warning',
  overdue: 'error',
  approved: 'success',
  rejected: 'error',
};

const PlanView = ({ plan, partners }: { plan: OnsitePlan; partners: OnsiteOverview['partners'] }) => {
  const t = useT();
  const { content } = plan;
  // measure 6: the partner departments' drawn officers of a joint inspection, labelled with their department
  const partnerCertificates = new Set(
    partners.flatMap((partner) => partner.team.map((member) => member.certificate)),
  );
  return (
    <Descriptions column={{ xs: 1, md: 2 }} size="small" bordered data-testid="onsite-plan-view">
      <Descriptions.Item label={t('onsite.plan.scheduledAt')}>
        {formatDateTime(content.scheduledAt).slice(0, 16)}
      </Descriptions.Item>
      <Descriptions.Item label={t('onsite.plan.mode')}>{t(`onsite.mode.${content.mode}`)}</Descriptions.Item>
      <Descriptions.Item label={t('onsite.plan.subject')}>{content.subjectName}</Descriptions.Item>
      <Descriptions.Item label={t('onsite.plan.site')}>{content.site || '—'}</Descriptions.Item>
      <Descriptions.Item label={t('onsite.plan.matters')} span={2}>
        <Space size={4} wrap>
          {content.matterNames.map((name) => (
            <Tag key={name}>{name}</Tag>
          ))}
        </Space>
      </Descriptions.Item>
      <Descriptions.Item label={t('onsite.plan.officers')} span={2}>
        <Space size={[12, 4]} wrap data-testid="onsite-plan-officer-list">
          {content.officers.map((officer) => (
            <span
              key={officer.certificate}
              data-testid="onsite-plan-officer"
              data-partner={partnerCertificates.has(officer.certificate) ? 'true' : 'false'}
            >
              {officer.name}{' '}
              {partnerCertificates.has(officer.certificate) && officer.organisationName && (
                <Tag color="purple">
                  {t('onsite.plan.jointOfficer', { department: officer.organisationName })}
                </Tag>
              )}
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {t('onsite.certificateNo', { number: officer.certificate })}
              </Typography.Text>
            </span>
          ))}
        </Space>
      </Descriptions.Item>
      <Descriptions.Item label={t('onsite.plan.notice')} span={2}>
        {content.unannounced ? (
          <>
            <Tag color="orange">{t('onsite.plan.unannouncedTag')}</Tag>
            {content.unannouncedReason}
          </>
        ) : (
          t('onsite.plan.announced')
        )}
      </Descriptions.Item>
      <Descriptions.Item label={t('onsite.plan.visitReason')} span={2}>
        {content.visitReason ?? '—'}
      </Descriptions.Item>
      <Descriptions.Item label={t('onsite.plan.drafted')} span={2}>
        {t('onsite.plan.draftedText', {
          name: plan.draftedByName,
          at: formatDateTime(plan.draftedAt),
          version: plan.version,
        })}
      </Descriptions.Item>
      {plan.decidedAt && (
        <Descriptions.Item label={t('onsite.plan.decided')} span={2}>
          {t('onsite.plan.decidedText', {
            name: plan.decidedByName ?? '',
            at: formatDateTime(plan.decidedAt),
          })}
        </Descriptions.Item>
      )}
    </Descriptions>
  );
};

type PlanCardProps = { overview: OnsiteOverview; user: Holder; organisationId: string | undefined };

// measure 11: the plan as it stands, and the steps the user may take next (nextEvents and role both say so).
export const PlanCard = ({ overview, user, organisationId }: PlanCardProps) => {
  const t = useT();
  const { plan, nextEvents } = overview;
  const submit = useSubmitPlan(overview.id);
  const [editing, setEditing] = useState(false);
  const [decision, setDecision] = useState<Decision | null>(null);
  const [notifying, setNotifying] = useState(false);
  const mayDraft = can(user, 'onsite_plan:create') && nextEvents.includes('draft_plan');
  const maySubmit =
    can(user, 'onsite_plan:update') && nextEvents.includes('submit_plan') && plan?.status === 'draft';
  // measure 11: the server says whether this user may decide (bureau head, or a unit head under its delegation,
  // never the drafter), before the visit or afterwards (事后补批)
  const mayDecide = overview.mayDecidePlan && plan?.status === 'submitted';
  const mayStartUrgently =
    can(user, 'onsite_plan:update') &&
    nextEvents.includes('start_urgently') &&
    (plan?.status === 'draft' || plan?.status === 'submitted');
  const [urgent, setUrgent] = useState(false);
  const mayNotify =
    can(user, 'inspection:update') && nextEvents.includes('notify') && plan?.status === 'approved';

  const actions = (
    <Space wrap>
      {mayDraft && (
        <Button
          icon={<EditOutlined />}
          onClick={() => {
            submit.reset();
            setEditing(true);
          }}
          data-testid="onsite-plan-edit"
        >
          {plan ? t('onsite.plan.edit') : t('onsite.plan.create')}
        </Button>
      )}
      {maySubmit && (
        <Button
          type="primary"
          icon={<SendOutlined />}
          loading={submit.isPending}
          onClick={() => submit.mutate(undefined)}
          data-testid="onsite-plan-submit"
        >
          {t('onsite.plan.submit')}
        </Button>
      )}
      {mayDecide && (
        <>
          <Button
            type="primary"
            icon={<CheckOutlined />}
            onClick={() => setDecision('approve')}
            data-testid="onsite-plan-approve"
          >
            {t('onsite.decision.approve')}
          </Button>
          <Button
            danger
            icon={<RollbackOutlined />}
            onClick={() => setDecision('reject')}
            data-testid="onsite-plan-reject"
          >
            {t('onsite.decision.reject')}
          </Button>
        </>
      )}
      {mayStartUrgently && (
        <Button
          danger
          icon={<ThunderboltOutlined />}
          onClick={() => setUrgent(true)}
          data-testid="onsite-urgent-start"
        >
          {t('onsite.urgent.button')}
        </Button>
      )}
      {mayNotify && (
        <Button
          type="primary"
          icon={<NotificationOutlined />}
          onClick={() => setNotifying(true)}
          data-testid="onsite-notify"
        >
          {plan?.content.unannounced ? t('onsite.notify.record') : t('onsite.notify.button')}
        </Button>
      )}
    </Space>
  );

  return (
    <Card
      title={
        <Space>
          {t('onsite.plan.title')}
          {plan && (
            <Tag
              color={STATUS_COLORS[plan.status]}
              data-testid="onsite-plan-status"
              data-status={plan.status}
            >
              {t(`onsite.planStatus.${plan.status}`)}
            </Tag>
          )}
          {plan && plan.postApproval !== 'not_urgent' && (
            <Tag
              color={POST_APPROVAL_COLORS[plan.postApproval]}
              data-testid="onsite-plan-post-approval"
              data-state={plan.postApproval}
            >
              {t(`onsite.postApproval.${plan.postApproval}`)}
            </Tag>
          )}
        </Space>
      }
      size="small"
      style={{ marginBottom: 16 }}
      data-testid="onsite-plan"
      extra={actions}
    >
      {submit.error && <RefusalAlert error={submit.error} style={{ marginBottom: 12 }} />}
      {plan?.urgent && (
        <Alert
          type={plan.postApproval === 'approved' ? 'info' : 'warning'}
          showIcon
          style={{ marginBottom: 12 }}
          title={t('onsite.urgent.startedLine', {
            name: plan.urgent.startedByName,
            at: formatDateTime(plan.urgent.startedAt),
            ground: t(`onsite.urgent.grounds.${plan.urgent.ground}`),
          })}
          description={
            <>
              <div>{plan.urgent.reason}</div>
              {plan.postApproval !== 'approved' && (
                <div>{t('onsite.urgent.dueLine', { at: formatDateTime(plan.urgent.approvalDueBy) })}</div>
              )}
            </>
          }
          data-testid="onsite-plan-urgent"
        />
      )}
      {plan?.status === 'rejected' && (
        <Alert
          type="error"
          showIcon
          style={{ marginBottom: 12 }}
          title={t('onsite.plan.rejectedBy', { name: plan.decidedByName ?? '' })}
          description={plan.comment}
          data-testid="onsite-plan-rejection"
        />
      )}
      {plan?.status === 'approved' && plan.comment && (
        <Alert
          type="success"
          showIcon
          style={{ marginBottom: 12 }}
          title={t('onsite.plan.approvedComment', { name: plan.decidedByName ?? '' })}
          description={plan.comment}
          data-testid="onsite-plan-comment"
        />
      )}
      {plan ? (
        <PlanView plan={plan} partners={overview.partners} />
      ) : (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('onsite.plan.none')} />
      )}
      <PlanFormDrawer
        overview={overview}
        organisationId={organisationId}
        open={editing}
        onClose={() => setEditing(false)}
      />
      <DecisionModal inspectionId={overview.id} decision={decision} onClose={() => setDecision(null)} />
      <UrgentStartModal inspectionId={overview.id} open={urgent} onClose={() => setUrgent(false)} />
      <NotifyModal
        inspectionId={overview.id}
        unannounced={plan?.content.unannounced ?? false}
        unannouncedReason={plan?.content.unannouncedReason ?? null}
        open={notifying}
        onClose={() => setNotifying(false)}
      />
    </Card>
  );
};
