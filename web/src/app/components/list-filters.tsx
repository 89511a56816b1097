import type { ReactNode } from 'react';
import { Button, Card, Flex, InputNumber } from 'antd';
import { ReloadOutlined } from '@ant-design/icons';
import { useT } from '../i18n/i18n-context';

type FilterBarProps = {
  children: ReactNode;
  // given when a filter is set: shows the button that clears them all
  onReset?: () => void;
};

// The filters above a list, in one row that wraps on a narrow screen. Every list page uses it.
export const FilterBar = ({ children, onReset }: FilterBarProps) => {
  const t = useT();
  return (
    <Card size="small" style={{ marginBottom: 16 }}>
      <Flex gap={12} wrap align="center">
        {children}
        {onReset && (
          <Button icon={<ReloadOutlined />} onClick={onReset} data-testid="filter-reset">
            {t('common.reset')}
          </Button>
        )}
      </Flex>
    </Card>
  );
};

type YearFilterProps = {
  value: number | undefined;
  onChange: (year: number | undefined) => void;
  testId: string;
  // what an empty box means on this list (every year by default)
  placeholder?: string;
};

// A year to filter by; empty means every year.
export const YearFilter = ({ value, onChange, testId, placeholder }: YearFilterProps) => {
  const t = useT();
  return (
    <InputNumber<number>
      data-testid={testId}
      min={2020}
      max={2100}
      precision={0}
      placeholder={placeholder ?? t('plan.allYears')}
      value={value ?? null}
      onChange={(next) => onChange(next ?? undefined)}
      // 年 only after a year: an empty box reads 全部年度, not 全部年度 年 (issue 13 item 9); the suffix element
      // stays so the input is not re-created while typing
      suffix={<span>{value ? t('plan.yearSuffix') : ''}</span>}
      style={{ width: 140 }}
    />
  );
};
