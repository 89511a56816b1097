import { App, Form, Input, Modal } from 'antd';
import { errorTitle } from '../../app/components/error-alert';
import { useT } from '../../app/i18n/i18n-context';
import { useCloseWithout, type RectificationOrder } from './hooks';

// A unit head or the bureau head closes an order without rectification, with the reason on record.
export const CloseWithoutModal = ({
  order,
  onClose,
}: {
  order: RectificationOrder | null;
  onClose: () => void;
}) => {
  const t = useT();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ reason: string }>();
  const close = useCloseWithout();
  const submit = async () => {
    const { reason } = await form.validateFields();
    try {
      await close.mutateAsync({ id: order!.id, reason });
      message.success(t('rect.closeWithoutDone'));
      form.resetFields();
      onClose();
    } catch (error) {
      message.error(errorTitle(error, t));
    }
  };
  return (
    <Modal
      open={order !== null}
      title={t('rect.closeWithout')}
      onCancel={onClose}
      onOk={() => void submit()}
      confirmLoading={close.isPending}
      okButtonProps={{ danger: true }}
      destroyOnHidden
    >
      <Form form={form} layout="vertical">
        <Form.Item
          name="reason"
          label={t('rect.closeWithoutReason')}
          rules={[{ required: true, whitespace: true, message: t('rect.closeWithoutReasonRequired') }]}
        >
          <Input.TextArea rows={3} maxLength={2000} />
        </Form.Item>
      </Form>
    </Modal>
  );
};
