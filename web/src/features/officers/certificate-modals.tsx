import { useEffect } from 'react';
import { App, DatePicker, Form, Input, Modal, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import type { Certificate, CertificateStatusChange } from '../../api/types';
import { ErrorAlert } from '../../app/components/error-alert';
import { toIsoDate } from '../../app/format';
import { useT } from '../../app/i18n/i18n-context';
import { useAddCertificate, useChangeCertificateStatus } from './hooks';

type AddForm = { number: string; issuingAuthority: string; validity: [Dayjs, Dayjs] };
type ModalProps = { officerId: string; open: boolean; onClose: () => void };

export const AddCertificateModal = ({ officerId, open, onClose }: ModalProps) => {
  const t = useT();
  const { message } = App.useApp();
  const [form] = Form.useForm<AddForm>();
  const add = useAddCertificate(officerId);

  useEffect(() => {
    if (open) {
      form.resetFields();
      add.reset();
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps -- reset once per opening
  }, [open]);

  const submit = ({ number, issuingAuthority, validity }: AddForm) =>
    add.mutate(
      {
        number: number.trim(),
        issuingAuthority: issuingAuthority.trim(),
        validFrom: toIsoDate(validity[0]),
        validTo: toIsoDate(validity[1]),
      },
      {
        onSuccess: () => {
          void message.success(t('common.saved'));
          onClose();
        },
      },
    );

  const required = { required: true, message: t('validation.required') };
  return (
    <Modal
      title={t('certificate.add')}
      open={open}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={add.isPending}
      okText={t('common.save')}
    >
      {add.isError && <ErrorAlert error={add.error} style={{ marginBottom: 16 }} />}
      <Form<AddForm>
        form={form}
        layout="vertical"
        onFinish={submit}
        initialValues={{ issuingAuthority: t('certificate.defaultAuthority') }}
      >
        <Form.Item
          name="number"
          label={t('certificate.number')}
          rules={[required, { whitespace: true }, { max: 50 }]}
        >
          <Input data-testid="certificate-number" />
        </Form.Item>
        <Form.Item
          name="issuingAuthority"
          label={t('certificate.issuingAuthority')}
          rules={[required, { max: 100 }]}
        >
          <Input />
        </Form.Item>
        <Form.Item name="validity" label={t('certificate.validity')} rules={[required]}>
          <DatePicker.RangePicker style={{ width: '100%' }} />
        </Form.Item>
      </Form>
    </Modal>
  );
};

type StatusForm = CertificateStatusChange;

export const CertificateStatusModal = ({
  officerId,
  certificate,
  onClose,
}: {
  officerId: string;
  certificate: Certificate | null;
  onClose: () => void;
}) => {
  const t = useT();
  const { message } = App.useApp();
  const [form] = Form.useForm<StatusForm>();
  const change = useChangeCertificateStatus(officerId);

  useEffect(() => {
    if (certificate) {
      form.setFieldsValue({ status: certificate.status, reason: '' });
      change.reset();
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps -- reset once per opening
  }, [certificate]);

  const submit = (values: StatusForm) => {
    if (!certificate) return;
    change.mutate(
      { certificateId: certificate.id, status: values.status, reason: values.reason.trim() },
      {
        onSuccess: () => {
          void message.success(t('common.saved'));
          onClose();
        },
      },
    );
  };

  const statuses: Certificate['status'][] = ['valid', 'suspended', 'revoked'];
  return (
    <Modal
      title={t('certificate.changeStatus', { number: certificate?.number ?? '' })}
      open={certificate !== null}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={change.isPending}
      okText={t('common.save')}
    >
      {change.isError && <ErrorAlert error={change.error} style={{ marginBottom: 16 }} />}
      <Form<StatusForm> form={form} layout="vertical" onFinish={submit}>
        <Form.Item
          name="status"
          label={t('certificate.status')}
          rules={[{ required: true, message: t('validation.required') }]}
        >
          <Select
            options={statuses.map((status) => ({ value: status, label: t(`certificateStatus.${status}`) }))}
          />
        </Form.Item>
        <Form.Item
          name="reason"
          label={t('certificate.reason')}
          rules={[
            { required: true, whitespace: true, message: t('certificate.reasonRequired') },
            { max: 500 },
          ]}
        >
          <Input.TextArea rows={3} />
        </Form.Item>
      </Form>
    </Modal>
  );
};
