import { useState } from 'react';
import type { ReactNode } from 'react';
import {
  Alert,
  App,
  Button,
  Card,
  DatePicker,
  Descriptions,
  Divider,
  Input,
  InputNumber,
  List,
  Radio,
  Space,
  Tag,
  Typography,
} from 'antd';
import type dayjs from 'dayjs';
import { can } from '../../app/auth/access';
import { errorTitle } from '../../app/components/error-alert';
import { toIsoDate, todayPickerValue } from '../../app/format';
import { useT } from '../../app/i18n/i18n-context';
import { useCurrentUser } from '../auth/hooks';
import {
  plainSource,
  useApplyForFineArrangement,
  useDecideFineArrangement,
  useIssueCaseDocument,
  useRecordCourtApplication,
  useRecordFinePayment,
  useRecordFineReminder,
  yuan,
  type PenaltyCase,
} from './hooks';

type Performance = NonNullable<PenaltyCase['performance']>;

const toFen = (value: number | null) => (value === null ? 0 : Math.round(value * 100));

// 履行 (issue 15 item 3 after service): once a decision with a fine is served, what is paid and owed, by when, the
// 加处罚款 once overdue, the party's 暂缓/分期 and the head's answer, and the 催告 and court application if unpaid.
export const PerformanceCard = ({ detail }: { detail: PenaltyCase }) => {
  const t = useT();
  const user = useCurrentUser();
  const performance = detail.performance;
  if (!performance) return null;
  const open = detail.status === 'served' && performance.outstandingFen > 0;
  const officer = can(user, 'penalty_case:update') && open;
  return (
    <Card title={t('case.performance.title')} data-testid="case-performance">
      {performance.warnings.map((warning) => (
        <Alert
          key={warning.code}
          type={warning.state === 'overdue' ? 'error' : 'warning'}
          showIcon
          style={{ marginBottom: 8 }}
          title={`${warning.name}：${warning.due}（${warning.state === 'overdue' ? t('case.periods.overdue') : t('case.periods.dueSoon')}）`}
        />
      ))}
      <Descriptions column={2} size="small" bordered>
        <Descriptions.Item label={t('case.performance.fine')}>{yuan(performance.fineFen)}</Descriptions.Item>
        <Descriptions.Item label={t('case.performance.paid')}>{yuan(performance.paidFen)}</Descriptions.Item>
        <Descriptions.Item label={t('case.performance.outstanding')}>
          <Typography.Text strong data-testid="case-performance-outstanding">
            {yuan(performance.outstandingFen)}
          </Typography.Text>
        </Descriptions.Item>
        <Descriptions.Item label={t('case.performance.due')}>
          {performance.dueOn ?? t('case.performance.paidInFull', { on: performance.paidInFullOn ?? '' })}
          {performance.overdue ? (
            <Tag color="red" style={{ marginLeft: 8 }}>
              {t('case.performance.overdue')}
            </Tag>
          ) : null}
        </Descriptions.Item>
        {performance.surchargeDays > 0 ? (
          <Descriptions.Item label={t('case.performance.surcharge')} span={2}>
            <span data-testid="case-performance-surcharge">
              {t('case.performance.surchargeFigure', {
                days: performance.surchargeDays,
                amount: yuan(performance.surchargeFen),
              })}
            </span>
          </Descriptions.Item>
        ) : null}
      </Descriptions>
      <Typography.Paragraph type="secondary" style={{ fontSize: 12, marginTop: 8 }}>
        {plainSource(performance.basis.payment)}；{plainSource(performance.basis.surcharge)}
      </Typography.Paragraph>

      <Divider titlePlacement="start">{t('case.performance.payments')}</Divider>
      <List
        size="small"
        dataSource={performance.payments}
        locale={{ emptyText: t('case.performance.noPayments') }}
        renderItem={(payment) => (
          <List.Item data-testid="case-performance-payment">
            {payment.paidOn} {yuan(payment.amountFen)} {t('case.performance.reference')}：{payment.reference}
            （{payment.recordedByName}）
          </List.Item>
        )}
      />
      {officer ? <PaymentForm detail={detail} performance={performance} /> : null}

      <Arrangements detail={detail} performance={performance} officer={officer} />
      <Enforcement detail={detail} performance={performance} officer={officer} />

      {can(user, 'penalty_case:approve') ? (
        <Typography.Paragraph type="secondary" style={{ fontSize: 12, marginTop: 8 }}>
          {performance.challengePeriods.map((period) => (
            <span key={period.name} style={{ display: 'block' }}>
              {period.verified ? null : <Tag>{t('case.unverified')}</Tag>}
              {period.name}：{period.source}
            </span>
          ))}
        </Typography.Paragraph>
      ) : null}
    </Card>
  );
};

const useRun = () => {
  const t = useT();
  const { message } = App.useApp();
  return async (action: () => Promise<unknown>, done?: () => void) => {
    try {
      await action();
      done?.();
      message.success(t('case.action.done'));
    } catch (error) {
      message.error(errorTitle(error, t));
    }
  };
};

const Field = ({ label, children }: { label: string; children: ReactNode }) => (
  <Space direction="vertical" size={2}>
    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
      {label}
    </Typography.Text>
    {children}
  </Space>
);

const PaymentForm = ({ detail, performance }: { detail: PenaltyCase; performance: Performance }) => {
  const t = useT();
  const run = useRun();
  const record = useRecordFinePayment();
  const [paidOn, setPaidOn] = useState<dayjs.Dayjs>(todayPickerValue());
  const [amount, setAmount] = useState<number | null>(performance.outstandingFen / 100);
  const [reference, setReference] = useState('');
  return (
    <Space wrap align="end" style={{ marginTop: 8 }}>
      <Field label={t('case.performance.paidOn')}>
        <DatePicker value={paidOn} onChange={(value) => value && setPaidOn(value)} />
      </Field>
      <Field label={t('case.performance.amountYuan')}>
        <InputNumber
          min={0.01}
          max={performance.outstandingFen / 100}
          precision={2}
          value={amount}
          onChange={(value) => setAmount(value)}
          data-testid="case-performance-amount"
        />
      </Field>
      <Field label={t('case.performance.reference')}>
        <Input
          value={reference}
          maxLength={200}
          onChange={(event) => setReference(event.target.value)}
          data-testid="case-performance-reference"
        />
      </Field>
      <Button
        type="primary"
        loading={record.isPending}
        data-testid="case-performance-pay"
        onClick={() =>
          void run(
            () =>
              record.mutateAsync({
                id: detail.id,
                body: { paidOn: toIsoDate(paidOn), amountFen: toFen(amount), reference: reference.trim() },
              }),
            () => setReference(''),
          )
        }
      >
        {t('case.performance.recordPayment')}
      </Button>
    </Space>
  );
};

const Arrangements = ({
  detail,
  performance,
  officer,
}: {
  detail: PenaltyCase;
  performance: Performance;
  officer: boolean;
}) => {
  const t = useT();
  const user = useCurrentUser();
  const run = useRun();
  const apply = useApplyForFineArrangement();
  const decide = useDecideFineArrangement();
  const [kind, setKind] = useState<'deferral' | 'instalment'>('deferral');
  const [appliedOn, setAppliedOn] = useState<dayjs.Dayjs>(todayPickerValue());
  const [reason, setReason] = useState('');
  const [until, setUntil] = useState<dayjs.Dayjs | null>(null);
  // one instalment a line: 2027-01-20 5000
  const [plan, setPlan] = useState('');
  const mayApply = officer && !performance.arrangements.some((row) => row.status !== 'refused');
  const head = can(user, 'penalty_decision:approve') && detail.status === 'served';
  const instalments = plan
    .split('\n')
    .map((line) => line.trim().split(/\s+/))
    .filter((parts) => parts.length === 2)
    .map(([dueOn, amountYuan]) => ({ dueOn: dueOn!, amountFen: toFen(Number(amountYuan)) }));
  return (
    <>
      <Divider titlePlacement="start">{t('case.performance.arrangement')}</Divider>
      <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>
        {plainSource(performance.basis.arrangement)}
      </Typography.Paragraph>
      {performance.arrangements.map((row) => (
        <Card
          size="small"
          key={row.id}
          style={{ marginBottom: 8 }}
          data-testid="case-performance-arrangement"
        >
          <Space wrap>
            <Tag>{row.kindName}</Tag>
            <Tag color={row.status === 'approved' ? 'green' : row.status === 'refused' ? 'default' : 'gold'}>
              {row.statusName}
            </Tag>
            <span>
              {t('case.performance.appliedOn')} {row.appliedOn}（{row.recordedByName}）
            </span>
          </Space>
          <div>{row.reason}</div>
          <div>
            {row.deferredUntil
              ? `${t('case.performance.deferredUntil')}：${row.deferredUntil}`
              : row.instalments.map((item) => `${item.dueOn} ${yuan(item.amountFen)}`).join('；')}
          </div>
          {row.decidedByName ? (
            <div>{[row.decidedByName, row.decisionNote].filter(Boolean).join('：')}</div>
          ) : null}
          {row.status === 'applied' && head ? (
            <Space style={{ marginTop: 8 }}>
              <Button
                type="primary"
                loading={decide.isPending}
                onClick={() =>
                  void run(() =>
                    decide.mutateAsync({
                      id: detail.id,
                      body: { arrangementId: row.id, body: { approve: true } },
                    }),
                  )
                }
              >
                {t('case.performance.approve')}
              </Button>
              <Button
                loading={decide.isPending}
                onClick={() =>
                  void run(() =>
                    decide.mutateAsync({
                      id: detail.id,
                      body: { arrangementId: row.id, body: { approve: false } },
                    }),
                  )
                }
              >
                {t('case.performance.refuse')}
              </Button>
            </Space>
          ) : null}
        </Card>
      ))}
      {mayApply ? (
        <Space direction="vertical" style={{ width: '100%' }}>
          <Radio.Group value={kind} onChange={(event) => setKind(event.target.value as typeof kind)}>
            <Radio value="deferral">{t('case.performance.deferral')}</Radio>
            <Radio value="instalment">{t('case.performance.instalment')}</Radio>
          </Radio.Group>
          <Space wrap align="end">
            <Field label={t('case.performance.appliedOn')}>
              <DatePicker value={appliedOn} onChange={(value) => value && setAppliedOn(value)} />
            </Field>
            {kind === 'deferral' ? (
              <Field label={t('case.performance.deferredUntil')}>
                <DatePicker value={until} onChange={(value) => setUntil(value)} />
              </Field>
            ) : null}
          </Space>
          {kind === 'instalment' ? (
            <Input.TextArea
              rows={3}
              value={plan}
              onChange={(event) => setPlan(event.target.value)}
              placeholder={t('case.performance.instalmentsHint')}
            />
          ) : null}
          <Input.TextArea
            rows={2}
            maxLength={2000}
            value={reason}
            onChange={(event) => setReason(event.target.value)}
            placeholder={t('case.performance.reason')}
          />
          <Button
            loading={apply.isPending}
            onClick={() =>
              void run(
                () =>
                  apply.mutateAsync({
                    id: detail.id,
                    body: {
                      kind,
                      appliedOn: toIsoDate(appliedOn),
                      reason: reason.trim(),
                      ...(kind === 'deferral' && until ? { deferredUntil: toIsoDate(until) } : {}),
                      ...(kind === 'instalment' ? { instalments } : {}),
                    },
                  }),
                () => setReason(''),
              )
            }
          >
            {t('case.performance.recordApplication')}
          </Button>
        </Space>
      ) : null}
    </>
  );
};

const Enforcement = ({
  detail,
  performance,
  officer,
}: {
  detail: PenaltyCase;
  performance: Performance;
  officer: boolean;
}) => {
  const t = useT();
  const run = useRun();
  const remind = useRecordFineReminder();
  const court = useRecordCourtApplication();
  const issue = useIssueCaseDocument();
  const [servedOn, setServedOn] = useState<dayjs.Dayjs>(todayPickerValue());
  const [appliedOn, setAppliedOn] = useState<dayjs.Dayjs>(todayPickerValue());
  const [courtName, setCourtName] = useState('');
  const window = performance.courtWindow;
  if (!performance.overdue && !performance.reminder && !performance.courtApplication) return null;
  return (
    <>
      <Divider titlePlacement="start">{t('case.performance.enforcement')}</Divider>
      <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>
        {plainSource(performance.basis.reminder)}；{plainSource(performance.basis.court)}
      </Typography.Paragraph>
      <Typography.Paragraph>
        {t('case.performance.courtWindow', { from: window.from, until: window.until })}
      </Typography.Paragraph>
      {performance.reminders.map((reminder, index) => (
        <Typography.Paragraph key={reminder.id} data-testid="case-performance-reminder">
          {t('case.performance.reminderServed', { on: reminder.servedOn })}
          {reminder.documentNumber ? `（${reminder.documentNumber}）` : ''}
          {reminder.overdueFen !== null
            ? t('case.performance.reminderOverdue', { amount: yuan(reminder.overdueFen) })
            : ''}
          ，{reminder.recordedByName}
          {index === performance.reminders.length - 1 && performance.courtMayApplyFrom
            ? t('case.performance.courtFrom', { from: performance.courtMayApplyFrom })
            : ''}
        </Typography.Paragraph>
      ))}
      {officer && !performance.courtApplication && performance.overdue ? (
        <Space wrap align="end">
          <Field label={t('case.performance.reminderServedOn')}>
            <DatePicker value={servedOn} onChange={(value) => value && setServedOn(value)} />
          </Field>
          <Button
            loading={issue.isPending}
            onClick={() =>
              void run(() => issue.mutateAsync({ id: detail.id, body: { type: 'fine_reminder' } }))
            }
          >
            {t('case.performance.issueReminder')}
          </Button>
          <Button
            loading={remind.isPending}
            onClick={() =>
              void run(() => remind.mutateAsync({ id: detail.id, body: { servedOn: toIsoDate(servedOn) } }))
            }
          >
            {performance.reminders.length > 0
              ? t('case.performance.recordReminderAgain')
              : t('case.performance.recordReminder')}
          </Button>
        </Space>
      ) : null}
      {performance.courtApplication ? (
        <Typography.Paragraph data-testid="case-performance-court">
          {t('case.performance.courtApplied', {
            on: performance.courtApplication.appliedOn,
            court: performance.courtApplication.court,
          })}
          {performance.courtApplication.warnings.map((warning) => (
            <Alert key={warning} type="warning" showIcon style={{ marginTop: 4 }} title={warning} />
          ))}
        </Typography.Paragraph>
      ) : officer && performance.reminder ? (
        <Space wrap align="end" style={{ marginTop: 8 }}>
          <Field label={t('case.performance.courtAppliedOn')}>
            <DatePicker value={appliedOn} onChange={(value) => value && setAppliedOn(value)} />
          </Field>
          <Field label={t('case.performance.court')}>
            <Input value={courtName} maxLength={200} onChange={(event) => setCourtName(event.target.value)} />
          </Field>
          <Button
            danger
            loading={court.isPending}
            onClick={() =>
              void run(() =>
                court.mutateAsync({
                  id: detail.id,
                  body: { appliedOn: toIsoDate(appliedOn), court: courtName.trim() },
                }),
              )
            }
          >
            {t('case.performance.recordCourt')}
          </Button>
        </Space>
      ) : null}
    </>
  );
};
