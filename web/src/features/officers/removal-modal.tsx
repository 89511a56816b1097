import { useEffect } from 'react';
import { Alert, App, DatePicker, Form, Input, Modal } from 'antd';
import type { Dayjs } from 'dayjs';
import type { Officer } from '../../api/types';
import { ErrorAlert } from '../../app/components/error-alert';
import { toIsoDate, todayPickerValue } from '../../app/format';
import { useT } from '../../app/i18n/i18n-context';
import { useRemoveFromRoster } from './hooks';

type RemovalForm = { date: Dayjs; reason: string };

// measure 10: an officer who no longer meets the requirements leaves the enforcement roster.
export const RemovalModal = ({
  officer,
  open,
  onClose,
}: {
  officer: Officer;
  open: boolean;
  onClose: () => void;
}) => {
  const t = useT();
  const { message } = App.useApp();
  const [form] = Form.useForm<RemovalForm>();
  const removal = useRemoveFromRoster(officer.id);

  useEffect(() => {
    if (open) {
      form.setFieldsValue({ date: todayPickerValue(), reason: '' });
      removal.reset();
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps -- reset once per opening
  }, [open]);

  const submit = ({ date, reason }: RemovalForm) =>
    removal.mutate(
      { date: toIsoDate(date), reason: reason.trim() },
      {
        onSuccess: () => {
          void message.success(t('officer.removedDone', { name: officer.name }));
          onClose();
        },
      },
    );

  return (
    <Modal
      title={t('officer.removeTitle', { name: officer.name })}
      open={open}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('officer.removeConfirm')}
      okButtonProps={{ danger: true, 'data-testid': 'removal-confirm' }}
      confirmLoading={removal.isPending}
    >
      <Alert type="warning" showIcon style={{ marginBottom: 16 }} title={t('officer.removeWarning')} />
      {removal.isError && <ErrorAlert error={removal.error} style={{ marginBottom: 16 }} />}
      <Form<RemovalForm> form={form} layout="vertical" onFinish={submit}>
        <Form.Item
          name="date"
          label={t('officer.removalDate')}
          rules={[{ required: true, message: t('validation.required') }]}
        >
          <DatePicker allowClear={false} />
        </Form.Item>
        <Form.Item
          name="reason"
          label={t('officer.removalReason')}
          rules={[
            { required: true, whitespace: true, message: t('officer.removalReasonRequired') },
            { max: 500 },
          ]}
        >
          <Input.TextArea data-testid="removal-reason" rows={3} />
        </Form.Item>
      </Form>
    </Modal>
  );
};
