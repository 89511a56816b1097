import { Button, Card, DatePicker, Flex, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import type { Officer } from '../../api/types';
import { ErrorAlert } from '../../app/components/error-alert';
import { toIsoDate, todayPickerValue } from '../../app/format';
import { useT } from '../../app/i18n/i18n-context';
import { CheckResult } from '../../app/components/check-result';
import { useEligibility } from './hooks';

// Today's answer comes with the record; any other date is asked on demand.
export const EligibilityCard = ({ officer }: { officer: Officer }) => {
  const t = useT();
  const [date, setDate] = useState<Dayjs>(todayPickerValue);
  const eligibility = useEligibility(officer.id);
  const today = officer.mayInspectToday;

  return (
    <Card title={t('eligibility.title')} data-testid="eligibility">
      <Flex vertical gap={16}>
        <CheckResult
          testId="eligibility-today"
          okText={t('eligibility.okToday')}
          refusedText={t('officer.mayNotInspect')}
          result={today}
        />
        <Typography.Text type="secondary">{t('eligibility.otherDate')}</Typography.Text>
        <Flex gap={8} wrap>
          <DatePicker
            data-testid="eligibility-date"
            value={date}
            allowClear={false}
            onChange={(value) => value && setDate(value)}
          />
          <Button
            data-testid="eligibility-run"
            loading={eligibility.isPending}
            onClick={() => eligibility.mutate(toIsoDate(date))}
          >
            {t('eligibility.run')}
          </Button>
        </Flex>
        {eligibility.isError && <ErrorAlert error={eligibility.error} testId="eligibility-result" />}
        {eligibility.data && (
          <CheckResult
            testId="eligibility-result"
            okText={t('eligibility.ok', { date: eligibility.variables ?? '' })}
            refusedText={t('officer.mayNotInspect')}
            result={eligibility.data}
          />
        )}
      </Flex>
    </Card>
  );
};
