import { App, Form, Input, Modal, Radio, Typography } from 'antd';
import { errorTitle } from '../../app/components/error-alert';
import { useT } from '../../app/i18n/i18n-context';
import { useDecideReferral, type CaseReferral } from './hooks';

type Values = { outcome: 'case_opened' | 'no_case'; caseReference?: string; reason?: string; basis?: string };

// measure 15: the legal reviewer opens a case (with its reference) or records why none is due, citing the rule.
export const DecideReferralModal = ({
  referral,
  onClose,
}: {
  referral: CaseReferral | null;
  onClose: () => void;
}) => {
  const t = useT();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const outcome = Form.useWatch('outcome', form);
  const decide = useDecideReferral();
  const submit = async () => {
    const values = await form.validateFields();
    const body =
      values.outcome === 'case_opened'
        ? { outcome: 'case_opened' as const, caseReference: values.caseReference!.trim() }
        : { outcome: 'no_case' as const, reason: values.reason!.trim(), basis: values.basis!.trim() };
    try {
      await decide.mutateAsync({ id: referral!.id, body });
      message.success(t('referral.decided'));
      form.resetFields();
      onClose();
    } catch (error) {
      message.error(errorTitle(error, t));
    }
  };
  return (
    <Modal
      open={referral !== null}
      title={t('referral.decide')}
      onCancel={onClose}
      onOk={() => void submit()}
      confirmLoading={decide.isPending}
      destroyOnHidden
      okButtonProps={{ 'data-testid': 'referral-submit' } as Record<string, string>}
    >
      {referral ? (
        <Typography.Paragraph>
          <Typography.Text strong>{referral.enterpriseName}</Typography.Text>：{referral.description}
        </Typography.Paragraph>
      ) : null}
      <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>
        {t('referral.basisNote')}
      </Typography.Paragraph>
      <Form form={form} layout="vertical" initialValues={{ outcome: 'case_opened' }}>
        <Form.Item name="outcome" label={t('referral.outcome')}>
          <Radio.Group data-testid="referral-outcome">
            <Radio value="case_opened" data-testid="referral-outcome-case">
              {t('referral.outcome.case_opened')}
            </Radio>
            <Radio value="no_case" data-testid="referral-outcome-none">
              {t('referral.outcome.no_case')}
            </Radio>
          </Radio.Group>
        </Form.Item>
        {outcome === 'no_case' ? (
          <>
            <Form.Item
              name="reason"
              label={t('referral.reason')}
              rules={[{ required: true, whitespace: true, message: t('referral.reasonRequired') }]}
            >
              <Input.TextArea rows={3} maxLength={2000} data-testid="referral-reason" />
            </Form.Item>
            <Form.Item
              name="basis"
              label={t('referral.rule')}
              rules={[{ required: true, whitespace: true, message: t('referral.ruleRequired') }]}
            >
              <Input maxLength={500} data-testid="referral-basis" placeholder={t('referral.ruleHint')} />
            </Form.Item>
          </>
        ) : (
          <Form.Item
            name="caseReference"
            label={t('referral.caseReference')}
            rules={[{ required: true, whitespace: true, message: t('referral.caseReferenceRequired') }]}
          >
            <Input maxLength={200} data-testid="referral-case-reference" />
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
};
