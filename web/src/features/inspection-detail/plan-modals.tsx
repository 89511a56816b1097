import { useEffect } from 'react';
import { Alert, App, Checkbox, Form, Input, Modal, Radio, Space } from 'antd';
import { useT } from '../../app/i18n/i18n-context';
import { useDecidePlan, useNotify, useStartUrgently } from './hooks';
import type { UrgentStart } from './types';

const URGENT_GROUNDS = ['imminent_danger', 'report_verification'] as const;
import { RefusalAlert } from './refusal-alert';

export type Decision = 'approve' | 'reject';

type DecisionModalProps = { inspectionId: string; decision: Decision | null; onClose: () => void };

// measure 11: the department head approves (an opinion is optional) or sends the plan back (the reason is required).
export const DecisionModal = ({ inspectionId, decision, onClose }: DecisionModalProps) => {
  const t = useT();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ comment?: string }>();
  const decide = useDecidePlan(inspectionId);
  const approving = decision === 'approve';

  useEffect(() => {
    if (!decision) return;
    decide.reset();
    form.resetFields();
    // eslint-disable-next-line react-hooks/exhaustive-deps -- reset once per opening
  }, [decision]);

  const finish = ({ comment }: { comment?: string }) => {
    const text = comment?.trim();
    decide.mutate(
      { approve: approving, ...(text ? { comment: text } : {}) },
      {
        onSuccess: () => {
          void message.success(approving ? t('onsite.decision.approved') : t('onsite.decision.rejected'));
          onClose();
        },
      },
    );
  };

  return (
    <Modal
      title={approving ? t('onsite.decision.approveTitle') : t('onsite.decision.rejectTitle')}
      open={decision !== null}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={approving ? t('onsite.decision.approve') : t('onsite.decision.reject')}
      okButtonProps={{ danger: !approving, 'data-testid': 'onsite-decision-confirm' }}
      confirmLoading={decide.isPending}
      destroyOnHidden
    >
      {decide.error && (
        <RefusalAlert error={decide.error} style={{ marginBottom: 16 }} testId="onsite-decision-error" />
      )}
      <Form form={form} layout="vertical" onFinish={finish} data-testid="onsite-decision-form">
        <Form.Item
          name="comment"
          label={approving ? t('onsite.decision.comment') : t('onsite.decision.reason')}
          rules={
            approving
              ? []
              : [{ required: true, whitespace: true, message: t('onsite.decision.reasonRequired') }]
          }
        >
          <Input.TextArea rows={3} maxLength={500} data-testid="onsite-decision-comment" />
        </Form.Item>
      </Form>
    </Modal>
  );
};

type NotifyModalProps = {
  inspectionId: string;
  unannounced: boolean;
  unannouncedReason: string | null;
  open: boolean;
  onClose: () => void;
};

// The notice with the self-check list in advance, or, for 四不两直, the reason recorded in the plan.
export const NotifyModal = ({
  inspectionId,
  unannounced,
  unannouncedReason,
  open,
  onClose,
}: NotifyModalProps) => {
  const t = useT();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ selfCheckList: boolean }>();
  const notify = useNotify(inspectionId);

  useEffect(() => {
    if (!open) return;
    notify.reset();
    form.setFieldsValue({ selfCheckList: true });
    // eslint-disable-next-line react-hooks/exhaustive-deps -- reset once per opening
  }, [open]);

  const finish = ({ selfCheckList }: { selfCheckList: boolean }) =>
    notify.mutate(unannounced ? false : selfCheckList, {
      onSuccess: () => {
        void message.success(unannounced ? t('onsite.notify.recorded') : t('onsite.notify.sent'));
        onClose();
      },
    });

  return (
    <Modal
      title={unannounced ? t('onsite.notify.unannouncedTitle') : t('onsite.notify.title')}
      open={open}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={unannounced ? t('onsite.notify.record') : t('onsite.notify.send')}
      okButtonProps={{ 'data-testid': 'onsite-notify-confirm' }}
      confirmLoading={notify.isPending}
      destroyOnHidden
    >
      {notify.error && (
        <RefusalAlert error={notify.error} style={{ marginBottom: 16 }} testId="onsite-notify-error" />
      )}
      {unannounced ? (
        <Alert
          type="warning"
          showIcon
          title={t('onsite.notify.unannouncedHint')}
          description={unannouncedReason ?? ''}
        />
      ) : (
        <Alert type="info" showIcon style={{ marginBottom: 16 }} title={t('onsite.notify.hint')} />
      )}
      <Form form={form} onFinish={finish}>
        {!unannounced && (
          <Form.Item name="selfCheckList" valuePropName="checked" style={{ marginBottom: 0 }}>
            <Checkbox data-testid="onsite-notify-self-check">{t('onsite.notify.selfCheckList')}</Checkbox>
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
};

type UrgentStartModalProps = { inspectionId: string; open: boolean; onClose: () => void };

// measure 11 "原则上": imminent danger, or a report that must be verified at once, cannot wait for approval.
// The reason is recorded and the department head approves the plan afterwards (事后补批).
export const UrgentStartModal = ({ inspectionId, open, onClose }: UrgentStartModalProps) => {
  const t = useT();
  const { message } = App.useApp();
  const [form] = Form.useForm<UrgentStart>();
  const start = useStartUrgently(inspectionId);

  useEffect(() => {
    if (!open) return;
    start.reset();
    form.resetFields();
    // eslint-disable-next-line react-hooks/exhaustive-deps -- reset once per opening
  }, [open]);

  const finish = (values: UrgentStart) =>
    start.mutate(
      { ground: values.ground, reason: values.reason.trim() },
      {
        onSuccess: () => {
          void message.success(t('onsite.urgent.started'));
          onClose();
        },
      },
    );

  return (
    <Modal
      title={t('onsite.urgent.title')}
      open={open}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('onsite.urgent.confirm')}
      okButtonProps={{ danger: true, 'data-testid': 'onsite-urgent-confirm' }}
      confirmLoading={start.isPending}
      destroyOnHidden
    >
      {start.error && (
        <RefusalAlert error={start.error} style={{ marginBottom: 16 }} testId="onsite-urgent-error" />
      )}
      <Alert type="warning" showIcon style={{ marginBottom: 16 }} title={t('onsite.urgent.hint')} />
      <Form form={form} layout="vertical" onFinish={finish} data-testid="onsite-urgent-form">
        <Form.Item
          name="ground"
          label={t('onsite.urgent.ground')}
          rules={[{ required: true, message: t('onsite.urgent.groundRequired') }]}
        >
          <Radio.Group data-testid="onsite-urgent-ground">
            <Space direction="vertical">
              {URGENT_GROUNDS.map((ground) => (
                <Radio key={ground} value={ground} data-testid={`onsite-urgent-ground-${ground}`}>
                  {t(`onsite.urgent.grounds.${ground}`)}
                </Radio>
              ))}
            </Space>
          </Radio.Group>
        </Form.Item>
        <Form.Item
          name="reason"
          label={t('onsite.urgent.reason')}
          rules={[{ required: true, whitespace: true, min: 4, message: t('onsite.urgent.reasonRequired') }]}
        >
          <Input.TextArea rows={3} maxLength={500} data-testid="onsite-urgent-reason" />
        </Form.Item>
      </Form>
    </Modal>
  );
};
