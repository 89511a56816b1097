import { Alert, Form, Input, Modal } from 'antd';
import { ErrorAlert } from '../../app/components/error-alert';
import { applyServerFieldErrors } from '../../app/form-errors';
import { useT } from '../../app/i18n/i18n-context';
import { useDeclineMerge } from './hooks';

type DeclineMergeModalProps = {
  inspectionIds: string[] | null;
  enterpriseName?: string;
  onClose: () => void;
  onDeclined?: () => void;
};

// measure 8: inspections of one enterprise in one period stay separate only with a written reason.
export const DeclineMergeModal = ({
  inspectionIds,
  enterpriseName,
  onClose,
  onDeclined,
}: DeclineMergeModalProps) => {
  const t = useT();
  const [form] = Form.useForm<{ reason: string }>();
  const decline = useDeclineMerge();

  const submit = async () => {
    if (!inspectionIds) return;
    const { reason } = await form.validateFields();
    decline.mutate(
      { inspectionIds, reason: reason.trim() },
      {
        onSuccess: () => {
          form.resetFields();
          onDeclined?.();
          onClose();
        },
        onError: (error) => applyServerFieldErrors(form, error, ['reason']),
      },
    );
  };

  return (
    <Modal
      open={inspectionIds !== null}
      title={t('merge.decline.title')}
      okText={t('merge.decline.ok')}
      okButtonProps={{ danger: true, 'data-testid': 'merge-decline-submit' }}
      confirmLoading={decline.isPending}
      onOk={submit}
      onCancel={() => {
        decline.reset();
        onClose();
      }}
      destroyOnHidden
    >
      <Alert
        type="info"
        showIcon
        style={{ marginBottom: 16 }}
        title={t('merge.decline.hint', {
          enterprise: enterpriseName ?? '',
          count: inspectionIds?.length ?? 0,
        })}
      />
      <Form form={form} layout="vertical" data-testid="merge-decline-form">
        <Form.Item
          name="reason"
          label={t('merge.decline.reason')}
          rules={[
            { required: true, whitespace: true, message: t('merge.decline.reasonRequired') },
            { min: 2, message: t('merge.decline.reasonRequired') },
          ]}
        >
          <Input.TextArea rows={3} maxLength={500} showCount data-testid="merge-decline-reason" />
        </Form.Item>
      </Form>
      {decline.isError && <ErrorAlert error={decline.error} />}
    </Modal>
  );
};
