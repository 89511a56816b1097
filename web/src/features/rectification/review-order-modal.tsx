import { App, Form, Input, Modal, Radio } from 'antd';
import { errorTitle } from '../../app/components/error-alert';
import { useT } from '../../app/i18n/i18n-context';
import { useReviewOrder, type RectificationOrder } from './hooks';

type Values = { passed: boolean; comment?: string };

// 整改复查: pass or fail, with what is still wrong when it fails; the server issues the 整改复查意见书.
export const ReviewOrderModal = ({
  order,
  onClose,
}: {
  order: RectificationOrder | null;
  onClose: () => void;
}) => {
  const t = useT();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const review = useReviewOrder();
  const passed = Form.useWatch('passed', form);
  const submit = async () => {
    const values = await form.validateFields();
    try {
      await review.mutateAsync({
        id: order!.id,
        body: { passed: values.passed, comment: values.comment ?? '' },
      });
      message.success(t(values.passed ? 'rect.review.passedDone' : 'rect.review.failedDone'));
      form.resetFields();
      onClose();
    } catch (error) {
      message.error(errorTitle(error, t));
    }
  };
  return (
    <Modal
      open={order !== null}
      title={t('rect.review.title')}
      onCancel={onClose}
      onOk={() => void submit()}
      confirmLoading={review.isPending}
      okText={t('rect.review.submit')}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" initialValues={{ passed: true }}>
        <Form.Item name="passed" label={t('rect.review.result')}>
          <Radio.Group
            options={[
              { value: true, label: t('rect.review.pass') },
              { value: false, label: t('rect.review.fail') },
            ]}
          />
        </Form.Item>
        <Form.Item
          name="comment"
          label={t('rect.review.comment')}
          rules={passed === false ? [{ required: true, message: t('rect.review.commentRequired') }] : []}
        >
          <Input.TextArea rows={3} maxLength={4000} />
        </Form.Item>
      </Form>
    </Modal>
  );
};
