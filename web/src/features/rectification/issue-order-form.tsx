import { App, Button, Checkbox, DatePicker, Form, Input, InputNumber, Radio, Space } from 'antd';
import type dayjs from 'dayjs';
import { errorTitle } from '../../app/components/error-alert';
import { toIsoDate } from '../../app/format';
import { useT } from '../../app/i18n/i18n-context';
import { useIssueOrder } from './hooks';

type Finding = { id: string; description: string; majorHiddenDanger: boolean; howToFix: string };
type Values = {
  findingIds: string[];
  requirements: string;
  mode: 'workdays' | 'date';
  workdays?: number;
  date?: dayjs.Dayjs;
};

// measure 13: an order for the findings not fixed on the spot, with requirements and a deadline in workdays (counted
// by the statutory calendar) or a date.
export const IssueOrderForm = ({
  inspectionId,
  openFindings,
}: {
  inspectionId: string;
  openFindings: Finding[];
}) => {
  const t = useT();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const issue = useIssueOrder(inspectionId);
  const mode = Form.useWatch('mode', form);
  const submit = async (values: Values) => {
    try {
      const order = await issue.mutateAsync({
        findingIds: values.findingIds,
        requirements: values.requirements,
        deadline:
          values.mode === 'date' && values.date
            ? { date: toIsoDate(values.date) }
            : { workdays: values.workdays ?? 10 },
      });
      message.success(t('rect.issue.done', { number: order.documents[0]?.number ?? '' }));
      form.resetFields();
    } catch (error) {
      message.error(errorTitle(error, t));
    }
  };
  return (
    <Form
      form={form}
      layout="vertical"
      onFinish={(values) => void submit(values)}
      initialValues={{ mode: 'workdays', workdays: 10, findingIds: openFindings.map((f) => f.id) }}
      data-testid="issue-order-form"
    >
      <Form.Item
        name="findingIds"
        label={t('rect.issue.findings')}
        rules={[{ required: true, message: t('rect.issue.findingsRequired') }]}
      >
        <Checkbox.Group style={{ display: 'flex', flexDirection: 'column', gap: 4 }}>
          {openFindings.map((finding) => (
            <Checkbox key={finding.id} value={finding.id}>
              {finding.majorHiddenDanger ? `【${t('rect.major')}】` : ''}
              {finding.description}
            </Checkbox>
          ))}
        </Checkbox.Group>
      </Form.Item>
      <Form.Item
        name="requirements"
        label={t('rect.issue.requirements')}
        rules={[{ required: true, whitespace: true, message: t('rect.issue.requirementsRequired') }]}
      >
        <Input.TextArea rows={3} maxLength={4000} placeholder={t('rect.issue.requirementsHint')} />
      </Form.Item>
      <Form.Item label={t('rect.issue.deadline')}>
        <Space wrap>
          <Form.Item name="mode" noStyle>
            <Radio.Group
              options={[
                { value: 'workdays', label: t('rect.issue.workdays') },
                { value: 'date', label: t('rect.issue.date') },
              ]}
            />
          </Form.Item>
          {mode === 'date' ? (
            <Form.Item
              name="date"
              noStyle
              rules={[{ required: true, message: t('rect.issue.dateRequired') }]}
            >
              <DatePicker />
            </Form.Item>
          ) : (
            <Form.Item name="workdays" noStyle>
              <InputNumber min={1} max={250} suffix={t('rect.issue.workdaysUnit')} style={{ width: 140 }} />
            </Form.Item>
          )}
        </Space>
      </Form.Item>
      <Button type="primary" htmlType="submit" loading={issue.isPending}>
        {t('rect.issue.submit')}
      </Button>
    </Form>
  );
};
