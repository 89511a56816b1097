import { Alert, Button, Card, DatePicker, Flex, Form, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import type { SubjectCheck } from '../../api/types';
import { ErrorAlert } from '../../app/components/error-alert';
import { toIsoDate } from '../../app/format';
import { useT } from '../../app/i18n/i18n-context';
import { MatterSelect } from '../reference/selects';
import { useSubjectCheck } from './hooks';

type CheckForm = { matter: string; date: Dayjs };

// A refusal is data: it names the measure and the legal basis, and we show both.
export const CheckResult = ({ result, okText, testId }: { result: SubjectCheck; okText: string; testId: string }) => {
  const t = useT();
  if (result.ok) {
    return <Alert data-testid={testId} data-ok="true" type="success" showIcon title={okText} />;
  }
  return (
    <Alert
      data-testid={testId}
      data-ok="false"
      type="error"
      showIcon
      title={result.message}
      description={
        <>
          {result.measure !== undefined && <div>{t('error.measure', { measure: result.measure })}</div>}
          {result.basis && <div>{t('error.basis', { basis: result.basis })}</div>}
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('error.code', { code: result.code })}
          </Typography.Text>
        </>
      }
    />
  );
};

export const SubjectCheckCard = ({ organisationId }: { organisationId: string }) => {
  const t = useT();
  const check = useSubjectCheck(organisationId);

  return (
    <Card title={t('subjectCheck.title')} data-testid="subject-check">
      <Typography.Paragraph type="secondary">{t('subjectCheck.explanation')}</Typography.Paragraph>
      <Form<CheckForm>
        layout="inline"
        initialValues={{ date: dayjs() }}
        onFinish={({ matter, date }) => check.mutate({ matter, date: toIsoDate(date) })}
        style={{ rowGap: 12 }}
      >
        <Form.Item name="matter" label={t('subjectCheck.matter')} rules={[{ required: true, message: t('validation.required') }]}>
          <MatterSelect data-testid="subject-check-matter" style={{ width: 280 }} />
        </Form.Item>
        <Form.Item name="date" label={t('subjectCheck.date')} rules={[{ required: true, message: t('validation.required') }]}>
          <DatePicker data-testid="subject-check-date" allowClear={false} />
        </Form.Item>
        <Form.Item>
          <Button data-testid="subject-check-run" type="primary" htmlType="submit" loading={check.isPending}>
            {t('subjectCheck.run')}
          </Button>
        </Form.Item>
      </Form>
      <Flex vertical style={{ marginTop: 16 }}>
        {check.isError && <ErrorAlert error={check.error} testId="subject-check-result" />}
        {check.data && <CheckResult result={check.data} okText={t('subjectCheck.ok')} testId="subject-check-result" />}
      </Flex>
    </Card>
  );
};
