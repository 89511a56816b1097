import { useState } from 'react';
import { Alert, Button, Card, Descriptions, Empty, Space, Tag, Typography } from 'antd';
import {
  CheckOutlined,
  EditOutlined,
  NotificationOutlined,
  RollbackOutlined,
  SendOutlined,
} from '@ant-design/icons';
import { can, type Holder } from '../../app/auth/access';
import { formatDateTime } from '../../app/format';
import { useT } from '../../app/i18n/i18n-context';
import { useSubmitPlan } from './hooks';
import { PlanFormDrawer } from './plan-form-drawer';
import { DecisionModal, NotifyModal, type Decision } from './plan-modals';
import { RefusalAlert } from './refusal-alert';
import type { OnsiteOverview, OnsitePlan } from './types';

const STATUS_COLORS: Record<OnsitePlan['status'], string> = {
  draft: 'default',
  submitted: 'processing',
  approved: 'success',
  rejected: 'error',
};

const PlanView = ({ plan }: { plan: OnsitePlan }) => {
  const t = useT();
  const { content } = plan;
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
            <span key={officer.certificate}>
              {officer.name}{' '}
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
  const mayDecide =
    can(user, 'onsite_plan:approve') && nextEvents.includes('approve_plan') && plan?.status === 'submitted';
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
        </Space>
      }
      size="small"
      style={{ marginBottom: 16 }}
      data-testid="onsite-plan"
      extra={actions}
    >
      {submit.error && <RefusalAlert error={submit.error} style={{ marginBottom: 12 }} />}
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
        <PlanView plan={plan} />
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
