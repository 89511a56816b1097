import { useMemo } from 'react';
import { Select, type SelectProps } from 'antd';
import { useT } from '../../app/i18n/i18n-context';
import { useIndustries, useInspectionMatters, useTerritories } from './hooks';

type StringSelectProps = Omit<SelectProps<string>, 'options' | 'loading'>;

export const TerritorySelect = (props: StringSelectProps) => {
  const territories = useTerritories();
  return (
    <Select<string>
      showSearch={{ optionFilterProp: 'label' }}
      {...props}
      loading={territories.isPending}
      options={(territories.data ?? []).map((territory) => ({
        value: territory.code,
        label: territory.name,
      }))}
    />
  );
};

// Industries grouped as the catalogue groups them (工贸, 危险化学品, ...).
export const IndustrySelect = (props: StringSelectProps) => {
  const t = useT();
  const industries = useIndustries();
  const options = useMemo(() => {
    const groups = new Map<string, { value: string; label: string }[]>();
    for (const industry of industries.data ?? []) {
      const name = industry.group ?? t('industry.otherGroup');
      const group = groups.get(name) ?? [];
      group.push({ value: industry.code, label: industry.name });
      groups.set(name, group);
    }
    return [...groups].map(([group, items]) => ({ label: group, title: group, options: items }));
  }, [industries.data, t]);
  return (
    <Select<string>
      showSearch={{ optionFilterProp: 'label' }}
      {...props}
      loading={industries.isPending}
      options={options}
    />
  );
};

export const MatterSelect = (props: Omit<SelectProps<string | string[]>, 'options' | 'loading'>) => {
  const matters = useInspectionMatters();
  return (
    <Select<string | string[]>
      showSearch={{ optionFilterProp: 'label' }}
      {...props}
      loading={matters.isPending}
      options={(matters.data ?? []).map((matter) => ({ value: matter.code, label: matter.name }))}
    />
  );
};
