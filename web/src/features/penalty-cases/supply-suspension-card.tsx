import { Alert, App, Button, Card, Checkbox, Descriptions, Form, Input, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { can } from '../../app/auth/access';
import { errorTitle } from '../../app/components/error-alert';
import { formatDateTime } from '../../app/format';
import { useT } from '../../app/i18n/i18n-context';
import { useCurrentUser } from '../auth/hooks';
import {
  useDecideSupplySuspension,
  useLiftSupplySuspension,
  useProposeSupplySuspension,
  type PenaltyCase,
  type SupplySuspensionBody,
} from './hooks';

type Suspension = PenaltyCase['supplySuspensions'][number];

// 2026-12-06T10:00 typed in Beijing time → an instant
const beijing = (local: string) => new Date(`${local}:00+08:00`).toISOString();

// 安全生产法 第七十条: when an enterprise refuses a decision to stop for a major hidden danger, the bureau has the
// power supply or the supply of civil explosives stopped, on its principal head's approval, and lifts it once the
// enterprise complies. Shown where such a decision stands or a measure exists.
export const SupplySuspensionCard = ({ detail }: { detail: PenaltyCase }) => {
  const t = useT();
  const user = useCurrentUser();
  const officer = can(user, 'penalty_case:update');
  const mayPropose = officer && detail.status !== 'closed' && detail.stopDecisions.length > 0;
  if (detail.supplySuspensions.length === 0 && !mayPropose) return null;
  return (
    <Card title={t('case.supply.title')} data-testid="case-supply">
      <Typography.Paragraph type="secondary" style={{ fontSize: 13 }}>
        {detail.supplySuspensionBasis.law}
        <br />
        {detail.supplySuspensionBasis.notice}
      </Typography.Paragraph>
      {detail.stopDecisions.length > 0 ? (
        <Typography.Paragraph>
          {t('case.supply.stopDecisions')}：
          {detail.stopDecisions
            .map((decision) =>
              [decision.kindName, decision.decisionNumber, decision.description].filter(Boolean).join(' '),
            )
            .join('；')}
        </Typography.Paragraph>
      ) : null}
      <Space direction="vertical" size="middle" style={{ width: '100%' }}>
        {detail.supplySuspensions.map((suspension) => (
          <SuspensionItem key={suspension.id} detail={detail} suspension={suspension} />
        ))}
        {mayPropose ? <ProposeSuspension detail={detail} /> : null}
      </Space>
    </Card>
  );
};

const SuspensionItem = ({ detail, suspension }: { detail: PenaltyCase; suspension: Suspension }) => {
  const t = useT();
  const user = useCurrentUser();
  const { message } = App.useApp();
  const decide = useDecideSupplySuspension();
  const lift = useLiftSupplySuspension();
  const [note, setNote] = useState('');
  const run = async (action: () => Promise<unknown>) => {
    try {
      await action();
    } catch (error) {
      message.error(errorTitle(error, t));
    }
  };
  return (
    <Card size="small" data-testid="case-supply-item">
      <Space style={{ marginBottom: 8 }}>
        {suspension.kindNames.map((name) => (
          <Tag key={name} color="red">
            {name}
          </Tag>
        ))}
        <Tag data-testid="case-supply-status">{suspension.statusName}</Tag>
      </Space>
      <Descriptions column={1} size="small">
        <Descriptions.Item label={t('case.supply.suppliers')}>{suspension.suppliers}</Descriptions.Item>
        <Descriptions.Item label={t('case.supply.reason')}>{suspension.reason}</Descriptions.Item>
        <Descriptions.Item label={t('case.supply.notifiedAt')}>
          {formatDateTime(suspension.enterpriseNotifiedAt)}
        </Descriptions.Item>
        <Descriptions.Item label={t('case.supply.effectiveAt')}>
          {formatDateTime(suspension.effectiveAt)}
          {suspension.urgent ? `（${t('case.supply.urgent')}：${suspension.urgentReason ?? ''}）` : ''}
        </Descriptions.Item>
        <Descriptions.Item label={t('case.supply.proposedBy')}>{suspension.proposedByName}</Descriptions.Item>
        {suspension.decidedByName ? (
          <Descriptions.Item label={t('case.supply.decidedBy')}>
            {[suspension.decidedByName, suspension.decisionNote].filter(Boolean).join('：')}
          </Descriptions.Item>
        ) : null}
        {suspension.liftedAt ? (
          <Descriptions.Item label={t('case.supply.lifted')}>
            <span data-testid="case-supply-lift-note">
              {`${formatDateTime(suspension.liftedAt)} ${suspension.liftNote ?? ''}（${suspension.liftedByName ?? ''}）`}
            </span>
          </Descriptions.Item>
        ) : null}
      </Descriptions>
      {suspension.status === 'proposed' && can(user, 'penalty_decision:approve') ? (
        <Space style={{ marginTop: 8 }}>
          <Button
            type="primary"
            danger
            data-testid="case-supply-approve"
            loading={decide.isPending}
            onClick={() =>
              void run(() =>
                decide.mutateAsync({
                  id: detail.id,
                  body: { suspensionId: suspension.id, body: { approve: true } },
                }),
              )
            }
          >
            {t('case.supply.approve')}
          </Button>
          <Button
            loading={decide.isPending}
            onClick={() =>
              void run(() =>
                decide.mutateAsync({
                  id: detail.id,
                  body: { suspensionId: suspension.id, body: { approve: false } },
                }),
              )
            }
          >
            {t('case.supply.refuse')}
          </Button>
        </Space>
      ) : null}
      {suspension.status === 'in_force' && can(user, 'penalty_case:update') ? (
        <Space direction="vertical" style={{ width: '100%', marginTop: 8 }}>
          <Alert type="warning" showIcon title={t('case.supply.liftWhenComplied')} />
          <Input.TextArea
            rows={2}
            maxLength={2000}
            value={note}
            onChange={(event) => setNote(event.target.value)}
            placeholder={t('case.supply.liftNote')}
            data-testid="case-supply-lift-text"
          />
          <Button
            data-testid="case-supply-lift"
            disabled={note.trim().length < 2}
            loading={lift.isPending}
            onClick={() =>
              void run(() =>
                lift.mutateAsync({ id: detail.id, body: { suspensionId: suspension.id, body: { note } } }),
              )
            }
          >
            {t('case.supply.lift')}
          </Button>
        </Space>
      ) : null}
    </Card>
  );
};

type FormValues = Omit<SupplySuspensionBody, 'enterpriseNotifiedAt' | 'effectiveAt' | 'urgent'> & {
  enterpriseNotifiedAt: string;
  effectiveAt: string;
  urgent?: boolean;
};

const ProposeSuspension = ({ detail }: { detail: PenaltyCase }) => {
  const t = useT();
  const { message } = App.useApp();
  const propose = useProposeSupplySuspension();
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm<FormValues>();
  const urgent = Form.useWatch('urgent', form);
  if (!open)
    return (
      <Button danger data-testid="case-supply-new" onClick={() => setOpen(true)}>
        {t('case.supply.new')}
      </Button>
    );
  const submit = async (values: FormValues) => {
    try {
      await propose.mutateAsync({
        id: detail.id,
        body: {
          ...values,
          refusedToComply: Boolean(values.refusedToComply),
          imminentDanger: Boolean(values.imminentDanger),
          safetyEnsured: Boolean(values.safetyEnsured),
          urgent: Boolean(values.urgent),
          enterpriseNotifiedAt: beijing(values.enterpriseNotifiedAt),
          effectiveAt: beijing(values.effectiveAt),
        },
      });
      setOpen(false);
      form.resetFields();
    } catch (error) {
      message.error(errorTitle(error, t));
    }
  };
  const required = (key: Parameters<typeof t>[0]) => [{ required: true, message: t(key) }];
  return (
    <Form
      form={form}
      layout="vertical"
      onFinish={(values) => void submit(values)}
      data-testid="case-supply-form"
    >
      <Form.Item name="kinds" label={t('case.supply.kinds')} rules={required('case.supply.kindsRequired')}>
        <Checkbox.Group
          options={[
            { value: 'power', label: t('case.supply.power') },
            { value: 'explosives', label: t('case.supply.explosives') },
          ]}
        />
      </Form.Item>
      <Form.Item
        name="suppliers"
        label={t('case.supply.suppliers')}
        rules={required('case.supply.suppliersRequired')}
      >
        <Input maxLength={500} data-testid="case-supply-suppliers" />
      </Form.Item>
      <Form.Item name="reason" label={t('case.supply.reason')} rules={required('case.supply.reasonRequired')}>
        <Input.TextArea rows={2} maxLength={2000} data-testid="case-supply-reason" />
      </Form.Item>
      <Form.Item name="refusedToComply" valuePropName="checked" style={{ marginBottom: 4 }}>
        <Checkbox data-testid="case-supply-refused">{t('case.supply.refusedToComply')}</Checkbox>
      </Form.Item>
      <Form.Item name="imminentDanger" valuePropName="checked" style={{ marginBottom: 4 }}>
        <Checkbox data-testid="case-supply-danger">{t('case.supply.imminentDanger')}</Checkbox>
      </Form.Item>
      <Form.Item name="safetyEnsured" valuePropName="checked">
        <Checkbox data-testid="case-supply-safe">{t('case.supply.safetyEnsured')}</Checkbox>
      </Form.Item>
      <Space wrap>
        <Form.Item
          name="enterpriseNotifiedAt"
          label={t('case.supply.notifiedAt')}
          rules={required('case.supply.timeRequired')}
        >
          <Input type="datetime-local" data-testid="case-supply-notified-at" />
        </Form.Item>
        <Form.Item
          name="effectiveAt"
          label={t('case.supply.effectiveAt')}
          rules={required('case.supply.timeRequired')}
        >
          <Input type="datetime-local" data-testid="case-supply-effective-at" />
        </Form.Item>
      </Space>
      <Form.Item name="urgent" valuePropName="checked" style={{ marginBottom: urgent ? 8 : undefined }}>
        <Checkbox>{t('case.supply.urgentCheck')}</Checkbox>
      </Form.Item>
      {urgent ? (
        <Form.Item
          name="urgentReason"
          label={t('case.supply.urgentReason')}
          rules={required('case.supply.urgentRequired')}
        >
          <Input.TextArea rows={2} maxLength={2000} />
        </Form.Item>
      ) : null}
      <Space>
        <Button
          type="primary"
          danger
          htmlType="submit"
          loading={propose.isPending}
          data-testid="case-supply-propose"
        >
          {t('case.supply.propose')}
        </Button>
        <Button onClick={() => setOpen(false)}>{t('common.cancel')}</Button>
      </Space>
    </Form>
  );
};
