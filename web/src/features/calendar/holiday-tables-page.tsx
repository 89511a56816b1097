import { useState } from 'react';
import {
  Alert,
  App,
  Button,
  Card,
  Form,
  Input,
  InputNumber,
  Table,
  Tag,
  Typography,
  type TableColumnsType,
} from 'antd';
import type { ResponseOf } from '../../api/types';
import { ErrorAlert } from '../../app/components/error-alert';
import { PageHeader } from '../../app/components/page-header';
import { formatDateTime } from '../../app/format';
import { useT } from '../../app/i18n/i18n-context';
import { parseDates } from './dates-text';
import { useEnterHolidayTable, useHolidayTables } from './hooks';

type HolidayYear = ResponseOf<'/api/v1/calendar/holiday-tables', 'get'>['items'][number];
type EntryForm = { year: number; notice: string; holidays: string; makeUpWorkdays: string };

// issue 11 item 12: the statutory calendar year by year. A city legal reviewer enters next year's holidays from
// the State Council's notice; until then deadlines reaching that year are counted weekends only (待国务院公布).
export const HolidayTablesPage = () => {
  const t = useT();
  const { message } = App.useApp();
  const tables = useHolidayTables();
  const enter = useEnterHolidayTable();
  const [form] = Form.useForm<EntryForm>();
  const [unreadable, setUnreadable] = useState<string[]>([]);
  const pending = tables.data?.pendingYears ?? [];

  const submit = async (values: EntryForm) => {
    const holidays = parseDates(values.holidays);
    const makeUp = parseDates(values.makeUpWorkdays ?? '');
    const wrong = [...holidays.unreadable, ...makeUp.unreadable];
    setUnreadable(wrong);
    if (wrong.length > 0) return;
    const result = await enter.mutateAsync({
      year: values.year,
      notice: values.notice,
      holidays: holidays.dates,
      makeUpWorkdays: makeUp.dates,
    });
    message.success(t('calendar.entered', { year: values.year, orders: result.recomputedOrders }));
    form.resetFields();
  };

  const columns: TableColumnsType<HolidayYear> = [
    { key: 'year', title: t('calendar.year'), dataIndex: 'year', width: 90 },
    {
      key: 'source',
      title: t('calendar.source'),
      render: (_, row) =>
        row.source === 'legal_reviewer' ? (
          <Tag color="blue">{row.sourceName}</Tag>
        ) : (
          <Tag>{row.sourceName}</Tag>
        ),
    },
    { key: 'notice', title: t('calendar.notice'), render: (_, row) => row.notice ?? '—' },
    {
      key: 'holidays',
      title: t('calendar.holidayCount'),
      render: (_, row) => row.holidays.length,
      width: 110,
    },
    {
      key: 'makeUp',
      title: t('calendar.makeUpWorkdays'),
      render: (_, row) => row.makeUpWorkdays.join('、') || '—',
    },
    {
      key: 'entered',
      title: t('calendar.enteredBy'),
      render: (_, row) =>
        row.enteredAt ? `${row.enteredByName ?? ''} ${formatDateTime(row.enteredAt)}` : '—',
    },
  ];

  return (
    <>
      <PageHeader title={t('nav.holidayTables')} subtitle={t('calendar.subtitle')} />
      {pending.length > 0 && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 16 }}
          data-testid="calendar-pending"
          title={t('calendar.pending', { years: pending.join('、') })}
        />
      )}
      {tables.data?.mayEnter && (
        <Card title={t('calendar.enterTitle')} style={{ marginBottom: 16 }} data-testid="calendar-entry">
          <Form<EntryForm>
            form={form}
            layout="vertical"
            onFinish={(values) => void submit(values).catch(() => undefined)}
            initialValues={{ year: pending[0] }}
          >
            <Form.Item name="year" label={t('calendar.year')} rules={[{ required: true }]}>
              <InputNumber<number> min={2000} max={2100} precision={0} data-testid="calendar-year" />
            </Form.Item>
            <Form.Item
              name="notice"
              label={t('calendar.notice')}
              rules={[{ required: true, whitespace: true, message: t('calendar.noticeRequired') }]}
            >
              <Input maxLength={100} placeholder="国办发明电〔2026〕×号" data-testid="calendar-notice" />
            </Form.Item>
            <Form.Item
              name="holidays"
              label={t('calendar.holidays')}
              extra={t('calendar.datesHelp')}
              rules={[{ required: true, whitespace: true }]}
            >
              <Input.TextArea rows={4} data-testid="calendar-holidays" />
            </Form.Item>
            <Form.Item
              name="makeUpWorkdays"
              label={t('calendar.makeUpWorkdays')}
              extra={t('calendar.makeUpHelp')}
            >
              <Input.TextArea rows={2} data-testid="calendar-make-up" />
            </Form.Item>
            {unreadable.length > 0 && (
              <Alert
                type="error"
                style={{ marginBottom: 16 }}
                title={t('calendar.unreadable', { pieces: unreadable.join(' ') })}
              />
            )}
            <ErrorAlert error={enter.error} testId="calendar-error" style={{ marginBottom: 16 }} />
            <Button type="primary" htmlType="submit" loading={enter.isPending} data-testid="calendar-submit">
              {t('calendar.submit')}
            </Button>
          </Form>
        </Card>
      )}
      <ErrorAlert error={tables.error} />
      <Card>
        <Typography.Paragraph type="secondary">{t('calendar.tableNote')}</Typography.Paragraph>
        <Table<HolidayYear>
          rowKey="year"
          size="small"
          loading={tables.isLoading}
          columns={columns}
          dataSource={tables.data?.items ?? []}
          pagination={{ pageSize: 10 }}
          data-testid="calendar-table"
        />
      </Card>
    </>
  );
};
