import { useEffect, type ReactNode } from 'react';
import { Alert, App, Descriptions, Form, Input, Modal, Radio } from 'antd';
import type { DrawDetail, DrawMember, DrawResultRow } from '../../api/types';
import { ErrorAlert } from '../../app/components/error-alert';
import { useT, type Translate } from '../../app/i18n/i18n-context';
import { useDecideCancellation, useRecordRecusal, useRequestCancellation } from './hooks';

export type RecusalTarget = { row: DrawResultRow; member: DrawMember };

// A reason a person gave (recusal, cancellation): written out, at least four characters.
const reasonRules = (t: Translate) => [
  { required: true, whitespace: true, message: t('validation.required') },
  { min: 4, message: t('draw.reasonTooShort') },
  { max: 500 },
];

// What the modal is about, above its form.
const ModalFacts = ({ children }: { children: ReactNode }) => (
  <Descriptions
    column={1}
    size="small"
    bordered
    style={{ marginBottom: 16 }}
    styles={{ label: { width: 110, whiteSpace: 'nowrap' } }}
  >
    {children}
  </Descriptions>
);

// 回避 after the draw (item 7): the officer is replaced by continuing the same sampler sequence, never redrawn.
export const RecusalModal = ({
  draw,
  target,
  onClose,
}: {
  draw: DrawDetail;
  target: RecusalTarget | null;
  onClose: () => void;
}) => {
  const t = useT();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ reason: string }>();
  const recusal = useRecordRecusal(draw.id);

  useEffect(() => {
    if (!target) return;
    recusal.reset();
    form.resetFields();
    // eslint-disable-next-line react-hooks/exhaustive-deps -- reset once per opening
  }, [target]);

  const finish = ({ reason }: { reason: string }) => {
    if (!target) return;
    recusal.mutate(
      { enterprise: target.row.creditCode, inspector: target.member.certificate, reason: reason.trim() },
      {
        onSuccess: (result) => {
          void message.success(t('draw.recusal.done', { replacement: result.replacement }));
          onClose();
        },
      },
    );
  };

  return (
    <Modal
      title={t('draw.recusal.title')}
      open={target !== null}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('draw.recusal.ok')}
      okButtonProps={{ 'data-testid': 'draw-recusal-confirm' }}
      confirmLoading={recusal.isPending}
      destroyOnHidden
    >
      <Alert type="info" showIcon style={{ marginBottom: 16 }} title={t('draw.recusal.hint')} />
      {recusal.error && <ErrorAlert error={recusal.error} style={{ marginBottom: 16 }} />}
      {target && (
        <ModalFacts>
          <Descriptions.Item label={t('draw.result.enterprise')}>
            {target.row.enterpriseName ?? '—'}（{target.row.creditCode}）
          </Descriptions.Item>
          <Descriptions.Item label={t('draw.recusal.officer')}>
            {target.member.name ?? '—'}（{target.member.certificate}）
          </Descriptions.Item>
        </ModalFacts>
      )}
      <Form form={form} layout="vertical" onFinish={finish}>
        <Form.Item name="reason" label={t('draw.recusal.reason')} rules={reasonRules(t)}>
          <Input.TextArea rows={3} data-testid="draw-recusal-reason" />
        </Form.Item>
      </Form>
    </Modal>
  );
};

// Item 9: a cancellation is asked for with a reason; only the bureau head decides, and it stays public.
export const CancellationRequestModal = ({
  draw,
  open,
  onClose,
}: {
  draw: DrawDetail;
  open: boolean;
  onClose: () => void;
}) => {
  const t = useT();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ reason: string }>();
  const request = useRequestCancellation(draw.id);

  useEffect(() => {
    if (!open) return;
    request.reset();
    form.resetFields();
    // eslint-disable-next-line react-hooks/exhaustive-deps -- reset once per opening
  }, [open]);

  return (
    <Modal
      title={t('draw.cancellation.requestTitle')}
      open={open}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('draw.cancellation.requestOk')}
      okButtonProps={{ 'data-testid': 'draw-cancellation-confirm', danger: true }}
      confirmLoading={request.isPending}
      destroyOnHidden
    >
      <Alert
        type="warning"
        showIcon
        style={{ marginBottom: 16 }}
        title={t('draw.cancellation.requestHint')}
      />
      {request.error && <ErrorAlert error={request.error} style={{ marginBottom: 16 }} />}
      <Form
        form={form}
        layout="vertical"
        onFinish={({ reason }: { reason: string }) =>
          request.mutate(reason.trim(), {
            onSuccess: () => {
              void message.success(t('draw.cancellation.requested'));
              onClose();
            },
          })
        }
      >
        <Form.Item name="reason" label={t('draw.cancellation.reason')} rules={reasonRules(t)}>
          <Input.TextArea rows={4} data-testid="draw-cancellation-reason" />
        </Form.Item>
      </Form>
    </Modal>
  );
};

type DecisionForm = { approve: boolean; comment?: string };

export const CancellationDecisionModal = ({
  draw,
  open,
  onClose,
}: {
  draw: DrawDetail;
  open: boolean;
  onClose: () => void;
}) => {
  const t = useT();
  const { message } = App.useApp();
  const [form] = Form.useForm<DecisionForm>();
  const decide = useDecideCancellation(draw.id);
  const approve = Form.useWatch('approve', form);

  useEffect(() => {
    if (!open) return;
    decide.reset();
    form.resetFields();
    // eslint-disable-next-line react-hooks/exhaustive-deps -- reset once per opening
  }, [open]);

  return (
    <Modal
      title={t('draw.cancellation.decisionTitle')}
      open={open}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('draw.cancellation.decisionOk')}
      okButtonProps={{ 'data-testid': 'draw-decision-confirm', danger: approve === true }}
      confirmLoading={decide.isPending}
      destroyOnHidden
    >
      {draw.cancellation && (
        <ModalFacts>
          <Descriptions.Item label={t('draw.cancellation.reason')}>
            {draw.cancellation.reason}
          </Descriptions.Item>
          <Descriptions.Item label={t('draw.cancellation.requestedBy')}>
            {draw.cancellation.requestedByName}
          </Descriptions.Item>
        </ModalFacts>
      )}
      {decide.error && <ErrorAlert error={decide.error} style={{ marginBottom: 16 }} />}
      <Form<DecisionForm>
        form={form}
        layout="vertical"
        initialValues={{ approve: true }}
        onFinish={(values) =>
          decide.mutate(
            { approve: values.approve, comment: (values.comment ?? '').trim() },
            {
              onSuccess: () => {
                void message.success(
                  values.approve ? t('draw.cancellation.approvedDone') : t('draw.cancellation.rejectedDone'),
                );
                onClose();
              },
            },
          )
        }
      >
        <Form.Item name="approve" label={t('draw.cancellation.decision')}>
          <Radio.Group
            data-testid="draw-decision"
            options={[
              { value: true, label: t('draw.cancellation.approve') },
              { value: false, label: t('draw.cancellation.reject') },
            ]}
          />
        </Form.Item>
        <Form.Item
          name="comment"
          label={t('draw.cancellation.comment')}
          rules={[
            {
              required: approve === false,
              whitespace: true,
              message: t('draw.cancellation.commentRequired'),
            },
            { max: 500 },
          ]}
        >
          <Input.TextArea rows={3} data-testid="draw-decision-comment" />
        </Form.Item>
      </Form>
    </Modal>
  );
};
