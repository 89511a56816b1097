import { useEffect } from 'react';
import { Alert, App, Checkbox, Form, Input, Modal } from 'antd';
import { useT } from '../../app/i18n/i18n-context';
import { useDecidePlan, useNotify } from './hooks';
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
