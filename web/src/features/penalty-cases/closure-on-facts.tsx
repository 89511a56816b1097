import { Alert, App, Button, Descriptions, Form, Input, Select, Space, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { can } from '../../app/auth/access';
import { errorTitle } from '../../app/components/error-alert';
import { formatDateTime } from '../../app/format';
import { useT } from '../../app/i18n/i18n-context';
import { useCurrentUser } from '../auth/hooks';
import { usePenaltyCases, useRecordClosureOnFacts, type ClosureOnFactsBody, type PenaltyCase } from './hooks';

type Closure = PenaltyCase['firmness']['closure'];
type FormValues = {
  item: 2 | 3 | 4;
  sentOn: string;
  documentNote: string;
  suspensionCaseId?: string;
  suspensionNumber?: string;
  suspensionDecidedOn?: string;
  reinspectedOn?: string;
  finding?: string;
  accidentOn?: string;
  accidentGrade?: 'ordinary' | 'larger' | 'major' | 'especially_major';
  accident?: string;
  conditionsLacking?: string;
  refusalFoundOn?: string;
  refusal?: string;
};

const DECIDED = new Set(['decided', 'served', 'closed']);

// 安全生产法 第一百一十三条第一款第（二）至（四）项 on the case: what the heads recorded, and for a head the form that
// records a proposal with the facts the chosen item names (the platform checks a referenced 停产停业整顿 case).
export const ClosureOnFactsSection = ({ detail, closure }: { detail: PenaltyCase; closure: Closure }) => {
  const t = useT();
  const user = useCurrentUser();
  const [open, setOpen] = useState(false);
  const mayRecord = can(user, 'penalty_decision:approve');
  if (closure.onFacts.length === 0 && !mayRecord) return null;
  return (
    <div data-testid="case-firmness-closure-facts">
      {closure.onFacts.map((recorded) => (
        <Alert
          key={recorded.item}
          type="error"
          showIcon
          style={{ marginBottom: 8 }}
          data-testid={`case-firmness-closure-facts-${recorded.item}`}
          title={t('case.firmness.closureFactsTitle', { provision: recorded.provision })}
          description={
            <Descriptions column={1} size="small">
              <Descriptions.Item label={t('case.firmness.lawText')}>{`“${recorded.text}”`}</Descriptions.Item>
              <Descriptions.Item label={t('case.firmness.facts')}>
                {recorded.summary}
                {recorded.suspensionCase ? (
                  <>
                    {'（'}
                    <Link to={`/penalty-cases/${recorded.suspensionCase.id}`}>
                      {`${t('case.title')} ${recorded.suspensionCase.reference}`}
                    </Link>
                    {'）'}
                  </>
                ) : null}
              </Descriptions.Item>
              <Descriptions.Item label={t('case.firmness.sentOn')}>{recorded.sentOn}</Descriptions.Item>
              <Descriptions.Item label={t('case.firmness.documentNote')}>
                {recorded.documentNote}
              </Descriptions.Item>
              <Descriptions.Item label={t('case.firmness.recordedBy')}>
                {`${recorded.recordedByName} ${formatDateTime(recorded.recordedAt)}`}
              </Descriptions.Item>
            </Descriptions>
          }
        />
      ))}
      {mayRecord ? (
        open ? (
          <ClosureOnFactsForm detail={detail} closure={closure} onDone={() => setOpen(false)} />
        ) : (
          <Button danger onClick={() => setOpen(true)} data-testid="case-firmness-closure-facts-open">
            {t('case.firmness.closureFactsOpen')}
          </Button>
        )
      ) : null}
    </div>
  );
};

const ClosureOnFactsForm = ({
  detail,
  closure,
  onDone,
}: {
  detail: PenaltyCase;
  closure: Closure;
  onDone: () => void;
}) => {
  const t = useT();
  const { message } = App.useApp();
  const record = useRecordClosureOnFacts();
  const [form] = Form.useForm<FormValues>();
  const item = Form.useWatch('item', form) ?? 2;
  // the enterprise's decided cases of the bureau, for a 停产停业整顿 decision the platform holds
  const cases = usePenaltyCases({ page: 1, pageSize: 200 });
  const candidates = (cases.data?.items ?? []).filter(
    (row) => row.enterpriseName === detail.enterpriseName && DECIDED.has(row.status),
  );
  const required = [{ required: true, message: t('case.firmness.required') }];
  const recorded = new Set(closure.onFacts.map((entry) => entry.item));
  const submit = async (values: FormValues) => {
    const sent = { sentOn: values.sentOn, documentNote: values.documentNote };
    const suspension = {
      ...(values.suspensionCaseId ? { caseId: values.suspensionCaseId } : {}),
      documentNumber: values.suspensionNumber ?? '',
      decidedOn: values.suspensionDecidedOn ?? '',
    };
    const body: ClosureOnFactsBody =
      values.item === 2
        ? {
            item: 2,
            ...sent,
            suspension,
            reinspectedOn: values.reinspectedOn ?? '',
            finding: values.finding ?? '',
          }
        : values.item === 3
          ? {
              item: 3,
              ...sent,
              accidentOn: values.accidentOn ?? '',
              accidentGrade: values.accidentGrade ?? 'major',
              accident: values.accident ?? '',
              conditionsLacking: values.conditionsLacking ?? '',
            }
          : {
              item: 4,
              ...sent,
              suspension,
              refusalFoundOn: values.refusalFoundOn ?? '',
              refusal: values.refusal ?? '',
            };
    try {
      await record.mutateAsync({ id: detail.id, body });
      onDone();
    } catch (error) {
      message.error(errorTitle(error, t));
    }
  };
  const law = closure.items.find((entry) => entry.item === item);
  return (
    <Form
      form={form}
      layout="vertical"
      initialValues={{ item: [2, 3, 4].find((candidate) => !recorded.has(candidate)) ?? 2 }}
      onFinish={(values) => void submit(values)}
      data-testid="case-firmness-closure-facts-form"
    >
      <Form.Item name="item" label={t('case.firmness.closureItem')} rules={required}>
        <Select
          data-testid="case-firmness-closure-item"
          options={closure.items
            .filter((entry) => entry.item > 1)
            .map((entry) => ({
              value: entry.item,
              label: `${entry.provision}：${entry.text}`,
              disabled: recorded.has(entry.item),
            }))}
        />
      </Form.Item>
      {law ? (
        <Typography.Paragraph type="secondary">{`${closure.basis}；${law.provision}：“${law.text}”`}</Typography.Paragraph>
      ) : null}
      {item === 3 ? (
        <>
          <Space wrap>
            <Form.Item name="accidentOn" label={t('case.firmness.accidentOn')} rules={required}>
              <Input type="date" />
            </Form.Item>
            <Form.Item name="accidentGrade" label={t('case.firmness.accidentGrade')} rules={required}>
              <Select
                style={{ width: 180 }}
                options={(['major', 'especially_major', 'larger', 'ordinary'] as const).map((grade) => ({
                  value: grade,
                  label: t(`case.firmness.grade.${grade}`),
                }))}
              />
            </Form.Item>
          </Space>
          <Form.Item name="accident" label={t('case.firmness.accident')} rules={required}>
            <Input.TextArea rows={2} maxLength={2000} />
          </Form.Item>
          <Form.Item name="conditionsLacking" label={t('case.firmness.conditionsLacking')} rules={required}>
            <Input.TextArea rows={2} maxLength={2000} />
          </Form.Item>
        </>
      ) : (
        <>
          <Form.Item name="suspensionCaseId" label={t('case.firmness.suspensionCase')}>
            <Select
              allowClear
              loading={cases.isLoading}
              placeholder={t('case.firmness.suspensionCaseNone')}
              options={candidates.map((row) => ({
                value: row.id,
                label: `${t('case.title')} ${row.reference}`,
              }))}
            />
          </Form.Item>
          <Space wrap>
            <Form.Item name="suspensionNumber" label={t('case.firmness.suspensionNumber')} rules={required}>
              <Input maxLength={200} style={{ width: 240 }} />
            </Form.Item>
            <Form.Item
              name="suspensionDecidedOn"
              label={t('case.firmness.suspensionDecidedOn')}
              rules={required}
            >
              <Input type="date" />
            </Form.Item>
          </Space>
          {item === 2 ? (
            <>
              <Form.Item name="reinspectedOn" label={t('case.firmness.reinspectedOn')} rules={required}>
                <Input type="date" />
              </Form.Item>
              <Form.Item name="finding" label={t('case.firmness.finding')} rules={required}>
                <Input.TextArea rows={2} maxLength={2000} />
              </Form.Item>
            </>
          ) : (
            <>
              <Form.Item name="refusalFoundOn" label={t('case.firmness.refusalFoundOn')} rules={required}>
                <Input type="date" />
              </Form.Item>
              <Form.Item name="refusal" label={t('case.firmness.refusal')} rules={required}>
                <Input.TextArea rows={2} maxLength={2000} />
              </Form.Item>
            </>
          )}
        </>
      )}
      <Space wrap>
        <Form.Item name="sentOn" label={t('case.firmness.sentOn')} rules={required}>
          <Input type="date" />
        </Form.Item>
        <Form.Item name="documentNote" label={t('case.firmness.documentNote')} rules={required}>
          <Input maxLength={1000} style={{ width: 320 }} />
        </Form.Item>
      </Space>
      <Space>
        <Button type="primary" danger htmlType="submit" loading={record.isPending}>
          {t('case.firmness.recordSent')}
        </Button>
        <Button onClick={onDone}>{t('common.cancel')}</Button>
      </Space>
    </Form>
  );
};
