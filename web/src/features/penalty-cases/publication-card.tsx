import { Alert, App, Button, Card, Descriptions, Form, Input, Select, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { can } from '../../app/auth/access';
import { errorTitle } from '../../app/components/error-alert';
import { formatDateTime } from '../../app/format';
import { useT } from '../../app/i18n/i18n-context';
import { useCurrentUser } from '../auth/hooks';
import { useDecideRepair, useWithdrawPublication, type WithdrawalBody } from '../credit/hooks';
import type { PenaltyCase } from './hooks';

type Application = NonNullable<PenaltyCase['publication']>['applications'][number];

// Measure 22: the served decision as the public sees it, and the enterprise's applications for credit repair,
// decided by the legal reviewer of the bureau (谁认定、谁修复).
export const PublicationCard = ({ detail }: { detail: PenaltyCase }) => {
  const t = useT();
  const publication = detail.publication;
  if (!publication) return null;
  return (
    <Card
      title={t('case.publication.title')}
      data-testid="case-publication"
      extra={<Tag data-testid="case-publication-state">{publication.stateName}</Tag>}
    >
      <Descriptions
        size="small"
        column={{ xs: 1, md: 2 }}
        items={[
          { key: 'number', label: t('case.publication.number'), children: publication.documentNumber },
          { key: 'publishedOn', label: t('credit.publishedOn'), children: publication.publishedOn },
          { key: 'class', label: t('credit.class'), children: publication.creditClassName },
          { key: 'max', label: t('credit.maxUntil'), children: publication.publicUntil },
          { key: 'facts', label: t('publicPenalty.facts'), children: publication.facts, span: 2 },
          { key: 'decision', label: t('publicPenalty.decision'), children: publication.decision, span: 2 },
        ]}
      />
      {publication.withdrawal ? (
        <Alert
          type={publication.withdrawal.late ? 'warning' : 'info'}
          showIcon
          style={{ marginTop: 12 }}
          data-testid="case-publication-withdrawal"
          title={`${publication.withdrawal.withdrawnOn} ${publication.withdrawal.groundName}`}
          description={
            <>
              <div>{publication.withdrawal.reason}</div>
              {publication.withdrawal.late ? (
                <div>{t('case.publication.withdrawnLate', { due: publication.withdrawal.due ?? '' })}</div>
              ) : null}
            </>
          }
        />
      ) : null}
      {publication.applications.map((application) => (
        <ApplicationItem key={application.id} application={application} />
      ))}
      {publication.state === 'published' ? <WithdrawPublication detail={detail} /> : null}
    </Card>
  );
};

// 行政处罚法 第四十八条第二款: the legal reviewer withdraws a decision varied, revoked, held unlawful or void
const GROUNDS = ['varied', 'revoked', 'unlawful', 'void'] as const;
const WithdrawPublication = ({ detail }: { detail: PenaltyCase }) => {
  const t = useT();
  const user = useCurrentUser();
  const { message } = App.useApp();
  const withdraw = useWithdrawPublication();
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm<WithdrawalBody>();
  if (!can(user, 'penalty_case:approve')) return null;
  if (!open)
    return (
      <Button
        style={{ marginTop: 12 }}
        onClick={() => setOpen(true)}
        data-testid="case-publication-withdraw-open"
      >
        {t('case.publication.withdraw')}
      </Button>
    );
  const submit = async (body: WithdrawalBody) => {
    try {
      await withdraw.mutateAsync({ id: detail.id, body });
      message.success(t('case.publication.withdrawn'));
      setOpen(false);
    } catch (e) {
      message.error(errorTitle(e, t));
    }
  };
  return (
    <Form
      form={form}
      layout="vertical"
      style={{ marginTop: 12 }}
      onFinish={(body) => void submit(body)}
      data-testid="case-publication-withdraw-form"
    >
      <Typography.Paragraph type="secondary" style={{ fontSize: 13 }}>
        {t('case.publication.withdrawLaw')}
      </Typography.Paragraph>
      <Form.Item
        name="ground"
        label={t('case.publication.withdrawGround')}
        rules={[{ required: true, message: t('case.publication.withdrawGroundRequired') }]}
      >
        <Select
          data-testid="case-publication-withdraw-ground"
          options={GROUNDS.map((ground) => ({
            value: ground,
            label: t(`case.publication.ground.${ground}`),
          }))}
        />
      </Form.Item>
      <Form.Item
        name="groundOn"
        label={t('case.publication.withdrawGroundOn')}
        rules={[{ required: true, message: t('case.publication.withdrawGroundOnRequired') }]}
      >
        <Input type="date" data-testid="case-publication-withdraw-ground-on" />
      </Form.Item>
      <Form.Item
        name="reason"
        label={t('case.publication.withdrawReason')}
        extra={t('case.publication.withdrawReasonHelp')}
        rules={[
          { required: true, whitespace: true, min: 4, message: t('case.publication.withdrawReasonRequired') },
        ]}
      >
        <Input.TextArea rows={2} maxLength={1000} data-testid="case-publication-withdraw-reason" />
      </Form.Item>
      <Space>
        <Button
          type="primary"
          danger
          htmlType="submit"
          loading={withdraw.isPending}
          data-testid="case-publication-withdraw"
        >
          {t('case.publication.withdraw')}
        </Button>
        <Button onClick={() => setOpen(false)}>{t('common.cancel')}</Button>
      </Space>
    </Form>
  );
};

const ApplicationItem = ({ application }: { application: Application }) => {
  const t = useT();
  const user = useCurrentUser();
  const { message } = App.useApp();
  const decide = useDecideRepair();
  const [note, setNote] = useState('');
  const run = async (approve: boolean) => {
    try {
      await decide.mutateAsync({ id: application.id, body: { approve, ...(note.trim() ? { note } : {}) } });
      message.success(approve ? t('case.publication.approved') : t('case.publication.rejected'));
    } catch (e) {
      message.error(errorTitle(e, t));
    }
  };
  return (
    <Card size="small" style={{ marginTop: 12 }} data-testid="case-repair-application">
      <Typography.Paragraph>
        <Typography.Text strong>{t('case.publication.application')}</Typography.Text>（
        {application.appliedByName}，{formatDateTime(application.appliedAt)}）：
        <Tag style={{ marginInlineStart: 8 }}>{application.statusName}</Tag>
      </Typography.Paragraph>
      <Typography.Paragraph>
        {t('credit.fulfilment')}：{application.fulfilment}
      </Typography.Paragraph>
      <Typography.Paragraph>
        {t('credit.pledge')}：{application.pledge}
      </Typography.Paragraph>
      {application.status === 'pending' ? (
        can(user, 'penalty_case:approve') ? (
          <Space direction="vertical" style={{ width: '100%' }}>
            <Typography.Text type="secondary">
              {t('credit.dueOn')}：{application.dueOn}
            </Typography.Text>
            <Input.TextArea
              rows={2}
              maxLength={2000}
              placeholder={t('case.publication.notePlaceholder')}
              value={note}
              onChange={(event) => setNote(event.target.value)}
              data-testid="case-repair-note"
            />
            <Space>
              <Button
                type="primary"
                loading={decide.isPending}
                onClick={() => void run(true)}
                data-testid="case-repair-approve"
              >
                {t('case.publication.approve')}
              </Button>
              <Button danger loading={decide.isPending} onClick={() => void run(false)}>
                {t('case.publication.reject')}
              </Button>
            </Space>
          </Space>
        ) : (
          <Typography.Text type="secondary">
            {t('credit.dueOn')}：{application.dueOn}
          </Typography.Text>
        )
      ) : (
        <Typography.Paragraph type="secondary">
          {application.decidedByName}，{application.decidedAt ? formatDateTime(application.decidedAt) : ''}
          {application.decisionNote ? `：${application.decisionNote}` : ''}
        </Typography.Paragraph>
      )}
    </Card>
  );
};
