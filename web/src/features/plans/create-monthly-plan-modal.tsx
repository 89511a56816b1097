import { useEffect } from 'react';
import { Alert, App, Form, InputNumber, Modal, Select } from 'antd';
import { ErrorAlert } from '../../app/components/error-alert';
import { todayInZone } from '../../app/format';
import { useT } from '../../app/i18n/i18n-context';
import { useCreateMonthlyPlan } from './hooks';

export const MONTHS = Array.from({ length: 12 }, (_, index) => index + 1);

// The month a unit plans for now: the next one.
const nextMonth = (): { year: number; month: number } => {
  const [year, month] = todayInZone().split('-').map(Number) as [number, number];
  return month === 12 ? { year: year + 1, month: 1 } : { year, month: month + 1 };
};

type CreateForm = { year: number; month: number };

export const CreateMonthlyModal = ({ open, onClose }: { open: boolean; onClose: () => void }) => {
  const t = useT();
  const { message } = App.useApp();
  const [form] = Form.useForm<CreateForm>();
  const create = useCreateMonthlyPlan();

  useEffect(() => {
    if (!open) return;
    create.reset();
    form.setFieldsValue(nextMonth());
    // eslint-disable-next-line react-hooks/exhaustive-deps -- reset once per opening
  }, [open]);

  return (
    <Modal
      title={t('monthly.create')}
      open={open}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('monthly.createOk')}
      okButtonProps={{ 'data-testid': 'monthly-create-confirm' }}
      confirmLoading={create.isPending}
      destroyOnHidden
    >
      <Alert type="info" showIcon style={{ marginBottom: 16 }} title={t('monthly.createHint')} />
      {create.isError && (
        <ErrorAlert error={create.error} style={{ marginBottom: 16 }} testId="monthly-create-error" />
      )}
      <Form<CreateForm>
        form={form}
        layout="inline"
        onFinish={(values) =>
          create.mutate(values, {
            onSuccess: (plan) => {
              void message.success(
                t('monthly.created', { year: plan.year, month: plan.month, count: plan.enterpriseCount }),
              );
              onClose();
            },
          })
        }
      >
        <Form.Item
          name="year"
          label={t('plan.year')}
          rules={[{ required: true, message: t('validation.required') }]}
        >
          <InputNumber<number>
            data-testid="monthly-create-year"
            min={2020}
            max={2100}
            precision={0}
            style={{ width: 110 }}
          />
        </Form.Item>
        <Form.Item
          name="month"
          label={t('plan.month')}
          rules={[{ required: true, message: t('validation.required') }]}
        >
          <Select<number>
            data-testid="monthly-create-month"
            style={{ width: 110 }}
            options={MONTHS.map((month) => ({ value: month, label: t('plan.monthN', { month }) }))}
          />
        </Form.Item>
      </Form>
    </Modal>
  );
};
