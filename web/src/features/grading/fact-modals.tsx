import { useEffect } from 'react';
import { Alert, App, Form, Input, Modal } from 'antd';
import type { Fact, FactKind } from '../../api/types';
import { ErrorAlert } from '../../app/components/error-alert';
import { applyServerFieldErrors } from '../../app/form-errors';
import { useT } from '../../app/i18n/i18n-context';
import { useRecordFact, useRetractFact } from './hooks';
import { FactFields } from './fact-fields';
import { FORM_FIELD, factKindLabel, initialValues, toInput, type FactForm } from './fact-form';

type AddFactModalProps = { enterpriseId: string; kind: FactKind | null; onClose: () => void };

// 登记事实: records one dated fact; the server regrades at once and says what changed.
export const AddFactModal = ({ enterpriseId, kind, onClose }: AddFactModalProps) => {
  const t = useT();
  const { message } = App.useApp();
  const [form] = Form.useForm<FactForm>();
  const record = useRecordFact(enterpriseId);

  useEffect(() => {
    if (kind) {
      form.resetFields();
      form.setFieldsValue(initialValues(kind));
      record.reset();
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps -- reset once per opening
  }, [kind]);

  const submit = (values: FactForm) => {
    if (!kind) return;
    record.mutate(toInput(kind, values), {
      onSuccess: ({ change }) => {
        if (change)
          void message.info({ content: t('fact.recordedChanged', { summary: change.summary }), duration: 8 });
        else void message.success(t('fact.recordedUnchanged'));
        onClose();
      },
      onError: (error) => {
        applyServerFieldErrors(form, error, Object.values(FORM_FIELD), (path) => {
          const key = path.find((part) => typeof part === 'string' && part !== 'data');
          return typeof key === 'string' ? FORM_FIELD[key] : undefined;
        });
      },
    });
  };

  return (
    <Modal
      title={kind ? t('fact.addTitle', { kind: t(`factKind.${kind}`) }) : undefined}
      open={kind !== null}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('fact.submit')}
      okButtonProps={{ 'data-testid': 'fact-submit' }}
      confirmLoading={record.isPending}
      destroyOnHidden
    >
      <Alert type="info" showIcon style={{ marginBottom: 16 }} title={t('fact.regradeHint')} />
      {record.isError && <ErrorAlert error={record.error} style={{ marginBottom: 16 }} />}
      <Form<FactForm> form={form} layout="vertical" onFinish={submit} data-testid="fact-form">
        {kind && <FactFields kind={kind} />}
      </Form>
    </Modal>
  );
};

type RetractFactModalProps = { enterpriseId: string; fact: Fact | null; onClose: () => void };

// A mistaken fact is retracted with a reason, never deleted; the grade is recomputed without it.
export const RetractFactModal = ({ enterpriseId, fact, onClose }: RetractFactModalProps) => {
  const t = useT();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ reason: string }>();
  const retract = useRetractFact(enterpriseId);

  useEffect(() => {
    if (fact) {
      form.resetFields();
      retract.reset();
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps -- reset once per opening
  }, [fact]);

  const submit = ({ reason }: { reason: string }) => {
    if (!fact) return;
    retract.mutate(
      { factId: fact.id, reason: reason.trim() },
      {
        onSuccess: ({ change }) => {
          if (change)
            void message.info({
              content: t('fact.retractedChanged', { summary: change.summary }),
              duration: 8,
            });
          else void message.success(t('fact.retracted'));
          onClose();
        },
      },
    );
  };

  return (
    <Modal
      title={fact ? t('fact.retractTitle', { kind: factKindLabel(fact.kind, t) }) : undefined}
      open={fact !== null}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('fact.retractConfirm')}
      okButtonProps={{ danger: true, 'data-testid': 'retraction-confirm' }}
      confirmLoading={retract.isPending}
    >
      <Alert type="warning" showIcon style={{ marginBottom: 16 }} title={t('fact.retractWarning')} />
      {retract.isError && <ErrorAlert error={retract.error} style={{ marginBottom: 16 }} />}
      <Form form={form} layout="vertical" onFinish={submit}>
        <Form.Item
          name="reason"
          label={t('fact.retractionReason')}
          rules={[
            { required: true, whitespace: true, message: t('fact.retractionReasonRequired') },
            { max: 500 },
          ]}
        >
          <Input.TextArea data-testid="retraction-reason" rows={3} />
        </Form.Item>
      </Form>
    </Modal>
  );
};
