import { Alert, App, Button, Card, Descriptions, Form, Input, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { can, LEGAL_REVIEW } from '../../app/auth/access';
import { errorTitle } from '../../app/components/error-alert';
import { formatDateTime } from '../../app/format';
import { useT } from '../../app/i18n/i18n-context';
import { useCurrentUser } from '../auth/hooks';
import { ClosureOnFactsSection } from './closure-on-facts';
import {
  plainSource,
  useOpenFollowUpCase,
  useRecordClosureProposal,
  useRecordCorrectionRefusal,
  yuan,
  type ClosureProposalBody,
  type CorrectionRefusalBody,
  type PenaltyCase,
} from './hooks';

type Firmness = PenaltyCase['firmness'];

// Measure 15 (firmness) on a decided case: 安全生产法 第一百一十二条, the daily continuous penalty after a re-check
// finds the enterprise refusing to correct, and the follow-up case opened from it; 第一百一十三条, the closure
// proposal the enterprise's penalties call for, and the head's record that it went to the local government.
export const FirmnessCard = ({ detail }: { detail: PenaltyCase }) => {
  const t = useT();
  const user = useCurrentUser();
  const { continuousPenalty, originCase, closure } = detail.firmness;
  const mayRecord = continuousPenalty.eligible && can(user, 'penalty_case:update');
  // items (二) to (四) of 第一百一十三条第一款: recorded on the facts by the head, on a decided case
  const onFacts =
    closure.onFacts.length > 0 ||
    (can(user, 'penalty_decision:approve') && ['decided', 'served', 'closed'].includes(detail.status));
  if (!continuousPenalty.record && !originCase && !closure.proposal && !mayRecord && !onFacts) return null;
  return (
    <Card title={t('case.firmness.title')} data-testid="case-firmness">
      <Space direction="vertical" size="middle" style={{ width: '100%' }}>
        {closure.proposal ? <ClosureSection detail={detail} closure={closure} /> : null}
        {onFacts ? <ClosureOnFactsSection detail={detail} closure={closure} /> : null}
        {originCase ? (
          <Alert
            type="info"
            showIcon
            data-testid="case-firmness-origin"
            title={
              <span>
                {t('case.firmness.originCase')}
                <Link
                  to={`/penalty-cases/${originCase.id}`}
                >{`${t('case.title')} ${originCase.reference}`}</Link>
                {`：${yuan(originCase.perDayFen)} × ${originCase.days} ${t('case.firmness.days')} = ${yuan(originCase.amountFen)}`}
              </span>
            }
          />
        ) : null}
        {continuousPenalty.record || mayRecord ? (
          <ContinuousPenaltySection detail={detail} section={continuousPenalty} mayRecord={mayRecord} />
        ) : null}
      </Space>
    </Card>
  );
};

const Unverified = ({ source }: { source: string }) => {
  const t = useT();
  const user = useCurrentUser();
  return (
    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
      <Tag color="orange">{t('case.proposal.unverifiedSource')}</Tag>
      {can(user, LEGAL_REVIEW) ? source : plainSource(source)}
    </Typography.Text>
  );
};

const ContinuousPenaltySection = ({
  detail,
  section,
  mayRecord,
}: {
  detail: PenaltyCase;
  section: Firmness['continuousPenalty'];
  mayRecord: boolean;
}) => {
  const t = useT();
  const user = useCurrentUser();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const openFollowUp = useOpenFollowUpCase();
  const [editing, setEditing] = useState(false);
  const record = section.record;
  const open = async () => {
    try {
      const created = await openFollowUp.mutateAsync({ id: detail.id, body: null });
      message.success(t('case.firmness.followUpOpened'));
      void navigate(`/penalty-cases/${created.id}`);
    } catch (error) {
      message.error(errorTitle(error, t));
    }
  };
  return (
    <div>
      <Typography.Title level={5}>{t('case.firmness.continuous')}</Typography.Title>
      <Typography.Paragraph type="secondary" style={{ fontSize: 13 }}>
        {section.basis}
      </Typography.Paragraph>
      {record ? (
        <>
          <Descriptions column={1} size="small" bordered data-testid="case-firmness-calculation">
            <Descriptions.Item label={t('case.firmness.orderedOn')}>
              {`${record.orderedToCorrectOn} ${record.orderNote}`}
            </Descriptions.Item>
            <Descriptions.Item label={t('case.firmness.refusalOn')}>
              {`${record.refusalFoundOn} ${record.evidenceNote}`}
            </Descriptions.Item>
            <Descriptions.Item label={t('case.firmness.counted')}>
              {t('case.firmness.countedText', {
                from: record.fromOn,
                until: record.refusalFoundOn,
                days: String(record.days),
              })}
            </Descriptions.Item>
            <Descriptions.Item label={t('case.firmness.amount')}>
              <Typography.Text strong data-testid="case-firmness-amount">
                {`${yuan(record.perDayFen)} × ${record.days} ${t('case.firmness.days')} = ${yuan(record.amountFen)}`}
              </Typography.Text>
            </Descriptions.Item>
            <Descriptions.Item label={t('case.firmness.recordedBy')}>
              {`${record.recordedByName} ${formatDateTime(record.recordedAt)}`}
            </Descriptions.Item>
          </Descriptions>
          <div style={{ marginTop: 8 }}>
            <Unverified source={`${section.countingEnd.rule}（${section.countingEnd.source}）`} />
          </div>
          <Space style={{ marginTop: 12 }}>
            {record.followUpCase ? (
              <Link to={`/penalty-cases/${record.followUpCase.id}`} data-testid="case-firmness-follow-up">
                {`${t('case.firmness.followUpCase')} ${record.followUpCase.reference}`}
              </Link>
            ) : can(user, 'penalty_case:create') ? (
              <Button
                type="primary"
                danger
                loading={openFollowUp.isPending}
                onClick={() => void open()}
                data-testid="case-firmness-open"
              >
                {t('case.firmness.openFollowUp')}
              </Button>
            ) : (
              <Typography.Text type="secondary">{t('case.firmness.awaitOpen')}</Typography.Text>
            )}
            {mayRecord && !record.followUpCase && !editing ? (
              <Button onClick={() => setEditing(true)}>{t('case.firmness.recordAgain')}</Button>
            ) : null}
          </Space>
        </>
      ) : null}
      {mayRecord && (!record || editing) ? (
        editing || record ? (
          <RefusalForm detail={detail} section={section} onDone={() => setEditing(false)} />
        ) : (
          <Button danger onClick={() => setEditing(true)} data-testid="case-firmness-record">
            {t('case.firmness.record')}
          </Button>
        )
      ) : null}
    </div>
  );
};

const RefusalForm = ({
  detail,
  section,
  onDone,
}: {
  detail: PenaltyCase;
  section: Firmness['continuousPenalty'];
  onDone: () => void;
}) => {
  const t = useT();
  const { message } = App.useApp();
  const recordRefusal = useRecordCorrectionRefusal();
  const [form] = Form.useForm<CorrectionRefusalBody>();
  const submit = async (values: CorrectionRefusalBody) => {
    try {
      await recordRefusal.mutateAsync({ id: detail.id, body: values });
      onDone();
    } catch (error) {
      message.error(errorTitle(error, t));
    }
  };
  const required = [{ required: true, message: t('case.firmness.required') }];
  return (
    <Form
      form={form}
      layout="vertical"
      style={{ marginTop: 12 }}
      initialValues={{ orderedToCorrectOn: section.orderDefault ?? undefined }}
      onFinish={(values) => void submit(values)}
      data-testid="case-firmness-form"
    >
      <Space wrap>
        <Form.Item name="orderedToCorrectOn" label={t('case.firmness.orderedOn')} rules={required}>
          <Input type="date" data-testid="case-firmness-ordered-on" />
        </Form.Item>
        <Form.Item name="refusalFoundOn" label={t('case.firmness.refusalOn')} rules={required}>
          <Input type="date" data-testid="case-firmness-refusal-on" />
        </Form.Item>
      </Space>
      <Form.Item name="orderNote" label={t('case.firmness.orderNote')} rules={required}>
        <Input maxLength={500} data-testid="case-firmness-order-note" />
      </Form.Item>
      <Form.Item name="evidenceNote" label={t('case.firmness.evidenceNote')} rules={required}>
        <Input.TextArea rows={2} maxLength={2000} data-testid="case-firmness-evidence" />
      </Form.Item>
      <Space>
        <Button
          type="primary"
          htmlType="submit"
          loading={recordRefusal.isPending}
          data-testid="case-firmness-save"
        >
          {t('case.firmness.calculate')}
        </Button>
        <Button onClick={onDone}>{t('common.cancel')}</Button>
      </Space>
    </Form>
  );
};

const ClosureSection = ({ detail, closure }: { detail: PenaltyCase; closure: Firmness['closure'] }) => {
  const t = useT();
  const user = useCurrentUser();
  const { message } = App.useApp();
  const recordSent = useRecordClosureProposal();
  const [form] = Form.useForm<ClosureProposalBody>();
  const proposal = closure.proposal!;
  const submit = async (values: ClosureProposalBody) => {
    try {
      await recordSent.mutateAsync({ id: detail.id, body: values });
    } catch (error) {
      message.error(errorTitle(error, t));
    }
  };
  const required = [{ required: true, message: t('case.firmness.required') }];
  return (
    <div data-testid="case-firmness-closure">
      <Alert
        type="error"
        showIcon
        title={t('case.firmness.closureTitle', { provision: proposal.provision })}
        description={
          <Space direction="vertical" size={4}>
            <span>{`“${proposal.text}”`}</span>
            <span>
              {t('case.firmness.closureWindow', {
                words: proposal.window.words,
                from: proposal.window.from,
                to: proposal.window.to,
              })}
              {proposal.cases.map((item, index) => (
                <span key={item.id}>
                  {index > 0 ? '、' : ''}
                  <Link to={`/penalty-cases/${item.id}`}>{item.reference}</Link>
                  {`（${item.decidedOn}）`}
                </span>
              ))}
            </span>
            <span>{closure.basis}</span>
          </Space>
        }
      />
      {proposal.verified ? null : (
        <div style={{ marginTop: 8 }}>
          <Unverified source={`${proposal.reading}（${proposal.source}）`} />
        </div>
      )}
      {closure.sent ? (
        <Descriptions
          column={1}
          size="small"
          style={{ marginTop: 12 }}
          data-testid="case-firmness-closure-sent"
        >
          <Descriptions.Item label={t('case.firmness.sentOn')}>{closure.sent.sentOn}</Descriptions.Item>
          <Descriptions.Item label={t('case.firmness.documentNote')}>
            {closure.sent.documentNote}
          </Descriptions.Item>
          <Descriptions.Item label={t('case.firmness.recordedBy')}>
            {`${closure.sent.recordedByName} ${formatDateTime(closure.sent.recordedAt)}`}
          </Descriptions.Item>
        </Descriptions>
      ) : can(user, 'penalty_decision:approve') ? (
        <Form
          form={form}
          layout="inline"
          style={{ marginTop: 12, rowGap: 8 }}
          onFinish={(values) => void submit(values)}
          data-testid="case-firmness-closure-form"
        >
          <Form.Item name="sentOn" label={t('case.firmness.sentOn')} rules={required}>
            <Input type="date" data-testid="case-firmness-sent-on" />
          </Form.Item>
          <Form.Item name="documentNote" label={t('case.firmness.documentNote')} rules={required}>
            <Input maxLength={1000} style={{ width: 320 }} data-testid="case-firmness-document" />
          </Form.Item>
          <Button type="primary" danger htmlType="submit" loading={recordSent.isPending}>
            {t('case.firmness.recordSent')}
          </Button>
        </Form>
      ) : (
        <Typography.Paragraph type="secondary" style={{ marginTop: 8 }}>
          {t('case.firmness.awaitHead')}
        </Typography.Paragraph>
      )}
    </div>
  );
};
