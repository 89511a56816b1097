import { useEffect, useMemo, useRef, useState } from 'react';
import { Select, Typography } from 'antd';
import { useT } from '../../app/i18n/i18n-context';
import { useEnterpriseOptions } from './hooks';

type EnterprisePickerProps = {
  value?: string;
  onChange?: (value: string | undefined) => void;
  open: boolean;
  testId: string;
  id?: string;
};

type Option = { value: string; label: string; title: string; creditCode: string; territoryName: string };

// Searches the enterprise register by name or credit code as the user types (a form control).
export const EnterprisePicker = ({ value, onChange, open, testId, id }: EnterprisePickerProps) => {
  const t = useT();
  const [text, setText] = useState('');
  const [query, setQuery] = useState('');
  const timer = useRef<ReturnType<typeof setTimeout>>(undefined);
  const enterprises = useEnterpriseOptions(query, open);
  // the chosen enterprise keeps its name when a later search no longer lists it
  const [chosen, setChosen] = useState<Option | null>(null);

  useEffect(() => () => clearTimeout(timer.current), []);

  const options = useMemo(() => {
    const found: Option[] = (enterprises.data?.items ?? []).map((enterprise) => ({
      value: enterprise.id,
      label: enterprise.name,
      title: enterprise.name,
      creditCode: enterprise.creditCode,
      territoryName: enterprise.territoryName,
    }));
    return chosen && value === chosen.value && !found.some((option) => option.value === chosen.value)
      ? [chosen, ...found]
      : found;
  }, [enterprises.data, chosen, value]);

  return (
    <Select<string, Option>
      id={id}
      data-testid={testId}
      value={value}
      allowClear
      placeholder={t('inspection.plan.enterprisePlaceholder')}
      loading={enterprises.isFetching}
      showSearch={{
        filterOption: false,
        searchValue: text,
        onSearch: (next) => {
          setText(next);
          clearTimeout(timer.current);
          timer.current = setTimeout(() => setQuery(next.trim()), 250);
        },
      }}
      options={options}
      optionRender={(option) => (
        <div>
          <div>{option.data.label}</div>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {option.data.creditCode} · {option.data.territoryName}
          </Typography.Text>
        </div>
      )}
      onChange={(next, option) => {
        setChosen(option && !Array.isArray(option) ? option : null);
        onChange?.(next);
      }}
      notFoundContent={enterprises.isFetching ? undefined : t('inspection.plan.noEnterprise')}
    />
  );
};
