import { useEffect } from 'react';
import { Alert, App, DatePicker, Form, Input, Modal, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import type { AnnualPlan } from '../../api/types';
import { ErrorAlert } from '../../app/components/error-alert';
import { toIsoDate, todayPickerValue } from '../../app/format';
import { useT } from '../../app/i18n/i18n-context';
import type { MessageKey } from '../../app/i18n/zh';
import {
  useApproveAnnualPlan,
  useFileAnnualPlan,
  usePublishAnnualPlan,
  useReturnAnnualPlan,
  useReviseAnnualPlan,
  useSubmitAnnualPlan,
} from './hooks';

export type WorkflowStep = 'submit' | 'return' | 'approve' | 'file' | 'publish' | 'revise';

type Field = {
  name: string;
  label: MessageKey;
  kind: 'date' | 'text' | 'reason';
  required: boolean;
  today?: boolean;
};

// What each step records (安监总政法〔2017〕150号 第十七条; measure 1): the server refuses a step without them.
const FIELDS: Record<WorkflowStep, Field[]> = {
  submit: [
    { name: 'discussedOn', label: 'plan.field.discussedOn', kind: 'date', required: true },
    { name: 'submittedOn', label: 'plan.field.submittedOn', kind: 'date', required: true, today: true },
  ],
  return: [{ name: 'reason', label: 'plan.field.returnReason', kind: 'reason', required: true }],
  approve: [
    { name: 'documentNumber', label: 'plan.field.documentNumber', kind: 'text', required: true },
    { name: 'approvedOn', label: 'plan.field.approvedOn', kind: 'date', required: true },
  ],
  file: [{ name: 'filedOn', label: 'plan.field.filedOn', kind: 'date', required: true }],
  publish: [
    { name: 'publishedOn', label: 'plan.field.publishedOn', kind: 'date', required: true, today: true },
  ],
  revise: [{ name: 'reason', label: 'plan.field.revisionReason', kind: 'reason', required: true }],
};

type Values = Record<string, Dayjs | string | undefined>;

const useStepMutation = (step: WorkflowStep, id: string) => {
  const submit = useSubmitAnnualPlan(id);
  const returned = useReturnAnnualPlan(id);
  const approve = useApproveAnnualPlan(id);
  const file = useFileAnnualPlan(id);
  const publish = usePublishAnnualPlan(id);
  const revise = useReviseAnnualPlan(id);
  const mutations = { submit, return: returned, approve, file, publish, revise };
  const mutation = mutations[step];
  const run = (values: Record<string, string>): Promise<AnnualPlan> => {
    switch (step) {
      case 'submit':
        return submit.mutateAsync({ discussedOn: values.discussedOn, submittedOn: values.submittedOn });
      case 'return':
        return returned.mutateAsync(values.reason ?? '');
      case 'approve':
        return approve.mutateAsync({ documentNumber: values.documentNumber, approvedOn: values.approvedOn });
      case 'file':
        return file.mutateAsync({ filedOn: values.filedOn });
      case 'publish':
        return publish.mutateAsync({ publishedOn: values.publishedOn });
      case 'revise':
        return revise.mutateAsync(values.reason ?? '');
    }
  };
  return {
    run,
    isPending: mutation.isPending,
    error: mutation.error,
    reset: () => Object.values(mutations).forEach((m) => m.reset()),
  };
};

type WorkflowModalProps = {
  plan: AnnualPlan;
  step: WorkflowStep | null;
  onClose: () => void;
  onDone?: (plan: AnnualPlan) => void;
};

// One modal per workflow step, collecting the fields that step records.
export const WorkflowModal = ({ plan, step, onClose, onDone }: WorkflowModalProps) => {
  const t = useT();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const mutation = useStepMutation(step ?? 'submit', plan.id);
  const fields = step ? FIELDS[step] : [];

  useEffect(() => {
    if (!step) return;
    mutation.reset();
    form.resetFields();
    form.setFieldsValue(
      Object.fromEntries(fields.filter((f) => f.today).map((f) => [f.name, todayPickerValue()])),
    );
    // eslint-disable-next-line react-hooks/exhaustive-deps -- reset once per opening
  }, [step]);

  const finish = (values: Values) => {
    if (!step) return;
    const body = Object.fromEntries(
      Object.entries(values).flatMap(([name, value]) => {
        if (value === undefined || value === null) return [];
        return [[name, typeof value === 'string' ? value.trim() : toIsoDate(value)]];
      }),
    );
    mutation.run(body).then(
      (next) => {
        void message.success(t(`plan.step.${step}.done`));
        onClose();
        onDone?.(next);
      },
      () => undefined,
    );
  };

  return (
    <Modal
      title={step ? t(`plan.step.${step}.title`, { year: plan.year, version: plan.version }) : undefined}
      open={step !== null}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={step ? t(`plan.step.${step}.ok`) : undefined}
      okButtonProps={{ 'data-testid': 'plan-step-confirm', danger: step === 'return' }}
      confirmLoading={mutation.isPending}
      destroyOnHidden
    >
      {step && (
        <>
          <Alert
            type={step === 'revise' || step === 'return' ? 'warning' : 'info'}
            showIcon
            style={{ marginBottom: 16 }}
            title={t(`plan.step.${step}.hint`)}
          />
          {mutation.error && (
            <ErrorAlert error={mutation.error} style={{ marginBottom: 16 }} testId="plan-step-error" />
          )}
          {/* no <form> element: Enter in a one-field step (a date) must not send it before the user confirms */}
          <div data-testid={`plan-step-form-${step}`}>
            <Form<Values> form={form} component={false} layout="vertical" onFinish={finish}>
              {fields.map((field) => (
                <Form.Item
                  key={field.name}
                  name={field.name}
                  label={t(field.label)}
                  rules={[
                    field.kind === 'date'
                      ? { required: field.required, message: t('validation.required') }
                      : { required: field.required, whitespace: true, message: t('validation.required') },
                    ...(field.kind === 'date' ? [] : [{ max: field.kind === 'text' ? 100 : 500 }]),
                  ]}
                >
                  {field.kind === 'date' ? (
                    <DatePicker data-testid={`plan-field-${field.name}`} style={{ width: '100%' }} />
                  ) : field.kind === 'text' ? (
                    <Input
                      data-testid={`plan-field-${field.name}`}
                      placeholder={t('plan.field.documentNumberPlaceholder')}
                    />
                  ) : (
                    <Input.TextArea data-testid={`plan-field-${field.name}`} rows={3} />
                  )}
                </Form.Item>
              ))}
            </Form>
          </div>
          {step === 'publish' && (
            <Typography.Paragraph type="secondary" style={{ marginBottom: 0 }}>
              {t('plan.step.publish.public')}
            </Typography.Paragraph>
          )}
        </>
      )}
    </Modal>
  );
};
