import type { ReactNode } from 'react';
import { Card, InputNumber, Space } from 'antd';
import { useT } from '../i18n/i18n-context';

// The filters above a list, in one row that wraps on a narrow screen.
export const FilterBar = ({ children }: { children: ReactNode }) => (
  <Card size="small" style={{ marginBottom: 16 }}>
    <Space wrap>{children}</Space>
  </Card>
);

type YearFilterProps = {
  value: number | undefined;
  onChange: (year: number | undefined) => void;
  testId: string;
};

// A year to filter by; empty means every year.
export const YearFilter = ({ value, onChange, testId }: YearFilterProps) => {
  const t = useT();
  return (
    <InputNumber<number>
      data-testid={testId}
      min={2020}
      max={2100}
      precision={0}
      placeholder={t('plan.allYears')}
      value={value ?? null}
      onChange={(next) => onChange(next ?? undefined)}
      suffix={t('plan.yearSuffix')}
      style={{ width: 140 }}
    />
  );
};
