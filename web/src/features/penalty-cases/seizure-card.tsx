import {
  Alert,
  App,
  Button,
  Card,
  DatePicker,
  Descriptions,
  Form,
  Input,
  InputNumber,
  Radio,
  Select,
  Space,
  Table,
  Tag,
  Typography,
} from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { can } from '../../app/auth/access';
import { errorTitle } from '../../app/components/error-alert';
import { useT } from '../../app/i18n/i18n-context';
import type { MessageKey } from '../../app/i18n/zh';
import { useCurrentUser } from '../auth/hooks';
import {
  useDecideExtension,
  useDecideSeizure,
  useProposeSeizure,
  useRecordTestingPeriod,
  useReleaseSeizure,
  useRequestExtension,
  type PenaltyCase,
  type SeizureBody,
  type SeizureExtensionBody,
  type SeizureReleaseBody,
  type TestingPeriodBody,
} from './hooks';

type Seizure = PenaltyCase['seizures'][number];
type TestingForm = {
  kind: TestingPeriodBody['kind'];
  range: [Dayjs, Dayjs];
  notifiedOn: Dayjs;
  note?: string;
};

const RELEASE_GROUNDS = ['no_violation', 'unrelated', 'decided', 'expired', 'other'] as const;
const TESTING_KINDS = ['testing', 'inspection', 'quarantine', 'appraisal'] as const;

// Issue 15 item 7 (measure 16): 查封、扣押 in a case. The officer lists what is sealed or detained and how each
// concerns the violation; the head approves; 30 days from the day after, one extension of at most 30 on the
// head's approval before the last day; release with a ground of 行政强制法 第二十八条.
export const SeizureCard = ({ detail }: { detail: PenaltyCase }) => {
  const t = useT();
  const user = useCurrentUser();
  const officer = can(user, 'penalty_case:update');
  const mayPropose = officer && detail.status !== 'closed' && detail.violation !== null;
  if (detail.seizures.length === 0 && !mayPropose) return null;
  return (
    <Card title={t('case.seizure.title')} data-testid="case-seizures">
      <Typography.Paragraph type="secondary" style={{ fontSize: 13 }}>
        {detail.seizureBasis.law}
        <br />
        {detail.seizureBasis.scope}
        <br />
        {detail.seizureBasis.period}
        <br />
        {detail.seizureBasis.testing}
      </Typography.Paragraph>
      <Space direction="vertical" size="middle" style={{ width: '100%' }}>
        {detail.seizures.map((seizure) => (
          <SeizureItem key={seizure.id} detail={detail} seizure={seizure} />
        ))}
        {mayPropose ? <ProposeSeizure detail={detail} /> : null}
      </Space>
    </Card>
  );
};

const SeizureItem = ({ detail, seizure }: { detail: PenaltyCase; seizure: Seizure }) => {
  const t = useT();
  const user = useCurrentUser();
  const { message } = App.useApp();
  const officer = can(user, 'penalty_case:update');
  const head = can(user, 'penalty_decision:approve');
  const decide = useDecideSeizure();
  const decideExtension = useDecideExtension();
  const run = async (action: () => Promise<unknown>) => {
    try {
      await action();
    } catch (error) {
      message.error(errorTitle(error, t));
    }
  };
  const pendingExtension = seizure.extension && !seizure.extension.decidedByName ? seizure.extension : null;
  return (
    <Card
      type="inner"
      data-testid="case-seizure"
      title={
        <Space>
          <span>{`${seizure.kindName} · ${seizure.statusName}`}</span>
          {seizure.warning ? (
            <Tag color={seizure.warning === 'overdue' ? 'red' : 'orange'} data-testid="case-seizure-warning">
              {t(seizure.warning === 'overdue' ? 'case.seizure.overdue' : 'case.seizure.dueSoon')}
            </Tag>
          ) : null}
        </Space>
      }
    >
      <Table
        size="small"
        pagination={false}
        rowKey={(_, index) => String(index)}
        dataSource={seizure.items}
        columns={[
          { title: t('case.seizure.itemName'), dataIndex: 'name' },
          {
            title: t('case.seizure.quantity'),
            render: (_, item) => `${item.quantity} ${item.unit}`,
            width: 120,
          },
          { title: t('case.seizure.relation'), dataIndex: 'relation' },
        ]}
      />
      <Descriptions column={1} size="small" style={{ marginTop: 12 }}>
        <Descriptions.Item label={t('case.seizure.reason')}>{seizure.reason}</Descriptions.Item>
        <Descriptions.Item label={t('case.seizure.draftedBy')}>{seizure.draftedByName}</Descriptions.Item>
        {seizure.decidedByName ? (
          <Descriptions.Item label={t('case.seizure.decidedBy')}>
            {[seizure.decidedByName, seizure.decisionNote].filter(Boolean).join('：')}
          </Descriptions.Item>
        ) : null}
        {seizure.startedOn && seizure.dueOn ? (
          <Descriptions.Item label={t('case.seizure.period')}>
            <span data-testid="case-seizure-period">
              {t('case.seizure.periodText', {
                from: seizure.startedOn,
                to: seizure.dueOn,
                days: seizure.limitDays,
                extension: seizure.extensionDays,
              })}
              {seizure.testingDays > 0
                ? t('case.seizure.testingExcluded', { days: seizure.testingDays })
                : ''}
            </span>
          </Descriptions.Item>
        ) : null}
        {seizure.testingPeriods.length > 0 ? (
          <Descriptions.Item label={t('case.seizure.testing')}>
            <Space direction="vertical" size={0} data-testid="case-seizure-testing">
              {seizure.testingPeriods.map((period) => (
                <span key={period.startsOn}>
                  {t('case.seizure.testingText', {
                    kind: period.kindName,
                    from: period.startsOn,
                    to: period.endsOn,
                    days: period.days,
                    notified: period.notifiedOn,
                  })}
                  {period.note ? `；${period.note}` : ''}
                </span>
              ))}
            </Space>
          </Descriptions.Item>
        ) : null}
        {seizure.extension ? (
          <Descriptions.Item label={t('case.seizure.extension')}>
            {t(
              seizure.extension.decidedByName
                ? 'case.seizure.extensionApproved'
                : 'case.seizure.extensionPending',
              {
                days: seizure.extension.days,
                reason: seizure.extension.reason,
                by: seizure.extension.requestedByName,
                head: seizure.extension.decidedByName ?? '',
              },
            )}
          </Descriptions.Item>
        ) : null}
        {seizure.release ? (
          <Descriptions.Item label={t('case.seizure.release')}>
            <span data-testid="case-seizure-release">
              {`${seizure.release.on} ${seizure.release.groundName}；${seizure.release.note}（${seizure.release.byName}）`}
            </span>
          </Descriptions.Item>
        ) : null}
      </Descriptions>
      {seizure.warning === 'overdue' ? (
        <Alert type="error" showIcon title={t('case.seizure.overdueText', { due: seizure.dueOn ?? '' })} />
      ) : null}
      {seizure.status === 'proposed' && head ? (
        <Space style={{ marginTop: 12 }}>
          <Button
            type="primary"
            data-testid="case-seizure-approve"
            loading={decide.isPending}
            onClick={() =>
              run(() =>
                decide.mutateAsync({
                  id: detail.id,
                  body: { seizureId: seizure.id, body: { approve: true, note: '' } },
                }),
              )
            }
          >
            {t('case.seizure.approve')}
          </Button>
          <Button
            onClick={() =>
              run(() =>
                decide.mutateAsync({
                  id: detail.id,
                  body: { seizureId: seizure.id, body: { approve: false, note: '' } },
                }),
              )
            }
          >
            {t('case.seizure.refuse')}
          </Button>
        </Space>
      ) : null}
      {seizure.status === 'in_force' && head && pendingExtension ? (
        <Space style={{ marginTop: 12 }}>
          <Button
            type="primary"
            data-testid="case-seizure-approve-extension"
            loading={decideExtension.isPending}
            onClick={() =>
              run(() =>
                decideExtension.mutateAsync({
                  id: detail.id,
                  body: { seizureId: seizure.id, body: { approve: true, note: '' } },
                }),
              )
            }
          >
            {t('case.seizure.approveExtension', { days: pendingExtension.days })}
          </Button>
          <Button
            onClick={() =>
              run(() =>
                decideExtension.mutateAsync({
                  id: detail.id,
                  body: { seizureId: seizure.id, body: { approve: false, note: '' } },
                }),
              )
            }
          >
            {t('case.seizure.refuseExtension')}
          </Button>
        </Space>
      ) : null}
      {seizure.status === 'in_force' && officer ? <InForceForms detail={detail} seizure={seizure} /> : null}
    </Card>
  );
};

const InForceForms = ({ detail, seizure }: { detail: PenaltyCase; seizure: Seizure }) => {
  const t = useT();
  const { message } = App.useApp();
  const extend = useRequestExtension();
  const release = useReleaseSeizure();
  const recordTesting = useRecordTestingPeriod();
  const [extensionForm] = Form.useForm<SeizureExtensionBody>();
  const [testingForm] = Form.useForm<TestingForm>();
  const [releaseForm] = Form.useForm<SeizureReleaseBody>();
  const mayExtend = !seizure.extension && seizure.warning !== 'overdue';
  const submit = async <T,>(
    form: { validateFields: () => Promise<T>; resetFields: () => void },
    send: (body: T) => Promise<unknown>,
  ) => {
    const body = await form.validateFields();
    try {
      await send(body);
      form.resetFields();
    } catch (error) {
      message.error(errorTitle(error, t));
    }
  };
  return (
    <Space align="start" wrap size="large" style={{ marginTop: 12 }}>
      {mayExtend ? (
        <Form form={extensionForm} layout="vertical" style={{ width: 360 }}>
          <Form.Item
            name="days"
            label={t('case.seizure.extensionDays', { max: seizure.extensionMaxDays })}
            rules={[{ required: true, message: t('case.seizure.extensionDaysRequired') }]}
          >
            <InputNumber min={1} max={seizure.extensionMaxDays} data-testid="case-seizure-extension-days" />
          </Form.Item>
          <Form.Item
            name="reason"
            label={t('case.seizure.extensionReason')}
            rules={[{ required: true, whitespace: true, message: t('case.seizure.extensionReasonRequired') }]}
          >
            <Input.TextArea rows={2} maxLength={2000} data-testid="case-seizure-extension-reason" />
          </Form.Item>
          <Button
            loading={extend.isPending}
            data-testid="case-seizure-request-extension"
            onClick={() =>
              submit(extensionForm, (body) =>
                extend.mutateAsync({ id: detail.id, body: { seizureId: seizure.id, body } }),
              )
            }
          >
            {t('case.seizure.requestExtension')}
          </Button>
        </Form>
      ) : null}
      {seizure.warning !== 'overdue' ? (
        <Form form={testingForm} layout="vertical" style={{ width: 360 }} initialValues={{ kind: 'testing' }}>
          <Form.Item name="kind" label={t('case.seizure.testingKind')}>
            <Select
              data-testid="case-seizure-testing-kind"
              options={TESTING_KINDS.map((kind) => ({
                value: kind,
                label: t(`case.seizure.testingKind.${kind}`),
              }))}
            />
          </Form.Item>
          <Form.Item
            name="range"
            label={t('case.seizure.testingRange')}
            rules={[{ required: true, message: t('case.seizure.testingRangeRequired') }]}
          >
            <DatePicker.RangePicker data-testid="case-seizure-testing-range" />
          </Form.Item>
          <Form.Item
            name="notifiedOn"
            label={t('case.seizure.testingNotified')}
            rules={[{ required: true, message: t('case.seizure.testingNotifiedRequired') }]}
          >
            <DatePicker data-testid="case-seizure-testing-notified" />
          </Form.Item>
          <Form.Item name="note" label={t('case.seizure.testingNote')}>
            <Input maxLength={500} data-testid="case-seizure-testing-note" />
          </Form.Item>
          <Button
            loading={recordTesting.isPending}
            data-testid="case-seizure-testing-submit"
            onClick={() =>
              submit(testingForm, ({ kind, range, notifiedOn, note }) =>
                recordTesting.mutateAsync({
                  id: detail.id,
                  body: {
                    seizureId: seizure.id,
                    body: {
                      kind,
                      startsOn: range[0].format('YYYY-MM-DD'),
                      endsOn: range[1].format('YYYY-MM-DD'),
                      notifiedOn: notifiedOn.format('YYYY-MM-DD'),
                      note: note ?? '',
                    },
                  },
                }),
              )
            }
          >
            {t('case.seizure.testingSubmit')}
          </Button>
        </Form>
      ) : null}
      <Form form={releaseForm} layout="vertical" style={{ width: 560, maxWidth: '100%' }}>
        <Form.Item
          name="ground"
          label={t('case.seizure.releaseGround')}
          rules={[{ required: true, message: t('case.seizure.releaseGroundRequired') }]}
        >
          <Select
            data-testid="case-seizure-release-ground"
            options={RELEASE_GROUNDS.map((ground) => ({
              value: ground,
              label: t(`case.seizure.ground.${ground}`),
            }))}
          />
        </Form.Item>
        <Form.Item
          name="note"
          label={t('case.seizure.releaseNote')}
          rules={[{ required: true, whitespace: true, message: t('case.seizure.releaseNoteRequired') }]}
        >
          <Input.TextArea rows={2} maxLength={2000} data-testid="case-seizure-release-note" />
        </Form.Item>
        <Button
          danger
          loading={release.isPending}
          data-testid="case-seizure-release-submit"
          onClick={() =>
            submit(releaseForm, (body) =>
              release.mutateAsync({ id: detail.id, body: { seizureId: seizure.id, body } }),
            )
          }
        >
          {t('case.seizure.releaseSubmit')}
        </Button>
      </Form>
    </Space>
  );
};

const ProposeSeizure = ({ detail }: { detail: PenaltyCase }) => {
  const t = useT();
  const { message } = App.useApp();
  const propose = useProposeSeizure();
  const [form] = Form.useForm<SeizureBody>();
  const [open, setOpen] = useState(false);
  if (!open)
    return (
      <Button onClick={() => setOpen(true)} data-testid="case-seizure-new">
        {t('case.seizure.new')}
      </Button>
    );
  const submit = async () => {
    const body = await form.validateFields();
    try {
      await propose.mutateAsync({ id: detail.id, body });
      form.resetFields();
      setOpen(false);
    } catch (error) {
      message.error(errorTitle(error, t));
    }
  };
  const required = (key: MessageKey) => [{ required: true, whitespace: true, message: t(key) }];
  return (
    <Form
      form={form}
      layout="vertical"
      style={{ maxWidth: 900 }}
      initialValues={{ kind: 'seal', items: [{ name: '', quantity: 1, unit: '', relation: '' }] }}
    >
      <Form.Item name="kind" label={t('case.seizure.kind')}>
        <Radio.Group
          options={[
            { value: 'seal', label: t('case.seizure.seal') },
            { value: 'detain', label: t('case.seizure.detain') },
          ]}
        />
      </Form.Item>
      <Typography.Text strong>{t('case.seizure.items')}</Typography.Text>
      <Form.List name="items">
        {(fields, { add, remove }) => (
          <>
            {fields.map((field, index) => (
              <Space key={field.key} align="start" wrap style={{ display: 'flex', marginTop: 8 }}>
                <Form.Item name={[field.name, 'name']} rules={required('case.seizure.itemNameRequired')}>
                  <Input
                    placeholder={t('case.seizure.itemName')}
                    data-testid={`case-seizure-item-name-${index}`}
                    maxLength={200}
                  />
                </Form.Item>
                <Form.Item
                  name={[field.name, 'quantity']}
                  rules={[{ required: true, message: t('case.seizure.quantityRequired') }]}
                >
                  <InputNumber min={0.001} placeholder={t('case.seizure.quantity')} style={{ width: 100 }} />
                </Form.Item>
                <Form.Item name={[field.name, 'unit']} rules={required('case.seizure.unitRequired')}>
                  <Input
                    placeholder={t('case.seizure.unit')}
                    style={{ width: 80 }}
                    maxLength={20}
                    data-testid={`case-seizure-item-unit-${index}`}
                  />
                </Form.Item>
                <Form.Item name={[field.name, 'relation']} rules={required('case.seizure.relationRequired')}>
                  <Input
                    placeholder={t('case.seizure.relation')}
                    style={{ width: 320 }}
                    maxLength={500}
                    data-testid={`case-seizure-item-relation-${index}`}
                  />
                </Form.Item>
                {fields.length > 1 ? (
                  <Button onClick={() => remove(field.name)}>{t('case.seizure.removeItem')}</Button>
                ) : null}
              </Space>
            ))}
            <Button
              type="dashed"
              onClick={() => add({ name: '', quantity: 1, unit: '', relation: '' })}
              style={{ marginBottom: 12 }}
            >
              {t('case.seizure.addItem')}
            </Button>
          </>
        )}
      </Form.List>
      <Form.Item
        name="reason"
        label={t('case.seizure.reason')}
        rules={required('case.seizure.reasonRequired')}
      >
        <Input.TextArea rows={2} maxLength={2000} data-testid="case-seizure-reason" />
      </Form.Item>
      <Space>
        <Button
          type="primary"
          onClick={submit}
          loading={propose.isPending}
          data-testid="case-seizure-propose"
        >
          {t('case.seizure.propose')}
        </Button>
        <Button onClick={() => setOpen(false)}>{t('case.seizure.cancel')}</Button>
      </Space>
    </Form>
  );
};
