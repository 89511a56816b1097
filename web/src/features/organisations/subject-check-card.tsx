import { Button, Card, DatePicker, Flex, Form, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { CheckResult } from '../../app/components/check-result';
import { ErrorAlert } from '../../app/components/error-alert';
import { toIsoDate, todayPickerValue } from '../../app/format';
import { useT } from '../../app/i18n/i18n-context';
import { MatterSelect } from '../reference/selects';
import { useSubjectCheck } from './hooks';

type CheckForm = { matter: string; date: Dayjs };

export const SubjectCheckCard = ({ organisationId }: { organisationId: string }) => {
  const t = useT();
  const check = useSubjectCheck(organisationId);

  return (
    <Card title={t('subjectCheck.title')} data-testid="subject-check">
      <Typography.Paragraph type="secondary">{t('subjectCheck.explanation')}</Typography.Paragraph>
      <Form<CheckForm>
        layout="inline"
        initialValues={{ date: todayPickerValue() }}
        onFinish={({ matter, date }) => check.mutate({ matter, date: toIsoDate(date) })}
        style={{ rowGap: 12 }}
      >
        <Form.Item
          name="matter"
          label={t('subjectCheck.matter')}
          rules={[{ required: true, message: t('validation.required') }]}
        >
          <MatterSelect data-testid="subject-check-matter" style={{ width: 280 }} />
        </Form.Item>
        <Form.Item
          name="date"
          label={t('subjectCheck.date')}
          rules={[{ required: true, message: t('validation.required') }]}
        >
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
        {check.data && (
          <CheckResult
            result={check.data}
            okText={t('subjectCheck.ok')}
            refusedText={t('subjectCheck.refused')}
            testId="subject-check-result"
          />
        )}
      </Flex>
    </Card>
  );
};
