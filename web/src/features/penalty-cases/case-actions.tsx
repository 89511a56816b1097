import { useState } from 'react';
import {
  Alert,
  App,
  Button,
  Card,
  Checkbox,
  DatePicker,
  Form,
  Input,
  InputNumber,
  Select,
  Space,
  Typography,
} from 'antd';
import type dayjs from 'dayjs';
import { can } from '../../app/auth/access';
import { errorTitle } from '../../app/components/error-alert';
import { toIsoDate, todayPickerValue } from '../../app/format';
import { useT } from '../../app/i18n/i18n-context';
import { useCurrentUser } from '../auth/hooks';
import { useCaseAction, yuan, type CaseActionBody, type PenaltyCase } from './hooks';

type DecideValues = {
  tier: 'no_penalty' | 'mitigated' | 'lighter' | 'ordinary' | 'heavier';
  amountYuan: number | null;
  departureReason?: string;
  legalGround?: string;
};

// The next step of the case for whoever may take it (officers, the legal reviewer, the bureau head).
export const CaseActions = ({ detail }: { detail: PenaltyCase }) => {
  const t = useT();
  const user = useCurrentUser();
  const { message } = App.useApp();
  const act = useCaseAction();
  const [note, setNote] = useState('');
  const [ground, setGround] = useState('');
  const [date, setDate] = useState<dayjs.Dayjs>(todayPickerValue());
  const [withNotice, setWithNotice] = useState(true);
  const [decideForm] = Form.useForm<DecideValues>();
  const run = async (body: CaseActionBody) => {
    try {
      await act.mutateAsync({ id: detail.id, body });
      setNote('');
      message.success(t('case.action.done'));
    } catch (error) {
      message.error(errorTitle(error, t));
    }
  };
  const officer = can(user, 'penalty_case:update');
  const reviewer = can(user, 'penalty_case:approve');
  const head = can(user, 'penalty_decision:approve');
  const decide = async () => {
    const values = await decideForm.validateFields();
    await run({
      action: 'decide',
      tier: values.tier,
      amountFen:
        values.tier === 'no_penalty' || values.amountYuan === null
          ? null
          : Math.round(values.amountYuan * 100),
      ...(values.departureReason?.trim() ? { departureReason: values.departureReason.trim() } : {}),
      ...(values.legalGround?.trim() ? { legalGround: values.legalGround.trim() } : {}),
    });
  };
  const noteInput = (
    <Input.TextArea
      rows={2}
      value={note}
      onChange={(event) => setNote(event.target.value)}
      placeholder={t('case.action.note')}
      data-testid="case-action-note"
    />
  );
  const datePicker = <DatePicker value={date} onChange={(value) => value && setDate(value)} />;
  let body: React.ReactNode = null;
  switch (detail.status) {
    case 'investigating':
      body = officer ? (
        <Button type="primary" onClick={() => run({ action: 'submit_for_review' })} data-testid="case-submit">
          {t('case.action.submit')}
        </Button>
      ) : null;
      break;
    case 'legal_review':
      body = reviewer ? (
        <Space direction="vertical" style={{ width: '100%' }}>
          {noteInput}
          <Space>
            <Button
              type="primary"
              onClick={() => run({ action: 'approve_review', ...(note.trim() ? { note: note.trim() } : {}) })}
              data-testid="case-approve"
            >
              {t('case.action.approve')}
            </Button>
            <Button onClick={() => run({ action: 'return_for_investigation', note: note.trim() })}>
              {t('case.action.return')}
            </Button>
          </Space>
        </Space>
      ) : null;
      break;
    case 'collective_discussion':
      body = head ? (
        <Space direction="vertical" style={{ width: '100%' }}>
          {noteInput}
          <Button
            type="primary"
            onClick={() => run({ action: 'record_discussion', note: note.trim() })}
            data-testid="case-discussion"
          >
            {t('case.action.discussion')}
          </Button>
        </Space>
      ) : null;
      break;
    case 'review_approved':
    case 'notified':
    case 'hearing':
      body = (
        <Space direction="vertical" style={{ width: '100%' }}>
          {detail.status === 'review_approved' && officer && detail.proposal?.tier !== 'no_penalty' ? (
            <Space>
              {datePicker}
              <Button
                type="primary"
                onClick={() => run({ action: 'notify', notifiedOn: toIsoDate(date) })}
                data-testid="case-notify"
              >
                {t('case.action.notify')}
              </Button>
            </Space>
          ) : null}
          {detail.status === 'notified' && officer && detail.hearingRight ? (
            <Space>
              {datePicker}
              <Button onClick={() => run({ action: 'request_hearing', hearingOn: toIsoDate(date) })}>
                {t('case.action.hearing')}
              </Button>
            </Space>
          ) : null}
          {head && (detail.status !== 'review_approved' || detail.proposal?.tier === 'no_penalty') ? (
            <Form
              form={decideForm}
              layout="vertical"
              data-testid="case-decide-form"
              initialValues={{
                tier: detail.proposal?.tier,
                amountYuan:
                  detail.proposal?.amountFen === null || detail.proposal?.amountFen === undefined
                    ? null
                    : detail.proposal.amountFen / 100,
              }}
            >
              <Typography.Text type="secondary">
                {t('case.action.proposalWas')}：{detail.proposal?.tierName} {yuan(detail.proposal?.amountFen)}
              </Typography.Text>
              <Form.Item name="tier" label={t('case.proposal.tier')}>
                <Select
                  options={(['no_penalty', 'mitigated', 'lighter', 'ordinary', 'heavier'] as const).map(
                    (tier) => ({
                      value: tier,
                      label: t(`case.tier.${tier}`),
                    }),
                  )}
                />
              </Form.Item>
              <Form.Item name="amountYuan" label={t('case.action.amountYuan')}>
                <InputNumber min={0} precision={2} style={{ width: 200 }} />
              </Form.Item>
              <Form.Item name="departureReason" label={t('case.action.departureReason')}>
                <Input.TextArea rows={2} />
              </Form.Item>
              <Form.Item name="legalGround" label={t('case.action.legalGround')}>
                <Input.TextArea rows={2} />
              </Form.Item>
              <Button type="primary" onClick={decide} data-testid="case-decide">
                {t('case.action.decide')}
              </Button>
            </Form>
          ) : null}
        </Space>
      );
      break;
    case 'decided':
      body = officer ? (
        <Space direction="vertical">
          {detail.decision?.departsFromProposal ? (
            <Alert
              type="warning"
              showIcon
              message={`${t('case.action.departs')}：${detail.decision.departureReason ?? ''}`}
            />
          ) : null}
          <Space>
            {datePicker}
            {/* 两书同达 goes with a penalty decision; a decision without penalty has no credit-repair notice */}
            {detail.decision?.tier !== 'no_penalty' ? (
              <Checkbox
                checked={withNotice}
                onChange={(event) => setWithNotice(event.target.checked)}
                data-testid="case-serve-with-notice"
              >
                {t('case.action.withNotice')}
              </Checkbox>
            ) : null}
            <Button
              type="primary"
              onClick={() =>
                run({
                  action: 'serve',
                  servedOn: toIsoDate(date),
                  withCreditRepairNotice: detail.decision?.tier !== 'no_penalty' && withNotice,
                })
              }
              data-testid="case-serve"
            >
              {t('case.action.serve')}
            </Button>
          </Space>
        </Space>
      ) : null;
      break;
    case 'served':
      body = officer ? (
        <Space direction="vertical" style={{ width: '100%' }}>
          {detail.criminalReferralSuspected ? noteInput : null}
          {/* 履行: an unpaid fine closes only on the court application or another written legal ground */}
          {detail.performance && !detail.performance.closable ? (
            <>
              <Alert
                type="warning"
                showIcon
                data-testid="case-close-blocked"
                title={t('case.performance.closeBlocked', {
                  amount: yuan(detail.performance.outstandingFen),
                })}
              />
              <Input.TextArea
                rows={2}
                maxLength={2000}
                value={ground}
                onChange={(event) => setGround(event.target.value)}
                placeholder={t('case.performance.closingGround')}
              />
            </>
          ) : detail.performance?.closingGround ? (
            <Typography.Text>
              {t('case.performance.closingGroundIs', { ground: detail.performance.closingGround })}
            </Typography.Text>
          ) : null}
          <Button
            type="primary"
            onClick={() =>
              run({
                action: 'close',
                ...(note.trim() ? { criminalReferralNote: note.trim() } : {}),
                ...(ground.trim() ? { closingGround: ground.trim() } : {}),
              })
            }
            data-testid="case-close"
          >
            {t('case.action.close')}
          </Button>
        </Space>
      ) : null;
      break;
    default:
      body = null;
  }
  return (
    <Card title={t('case.action.title')} data-testid="case-actions">
      {detail.decision ? (
        <Typography.Paragraph>
          {t('case.action.decision')}：{detail.decision.tierName} {yuan(detail.decision.amountFen)}（
          {detail.decision.decidedByName} {detail.decision.decidedOn}）
          {detail.creditRepairNoticeServed ? `；${t('case.action.noticeServed')}` : ''}
        </Typography.Paragraph>
      ) : null}
      {body ?? <Typography.Text type="secondary">{t('case.action.waiting')}</Typography.Text>}
    </Card>
  );
};
