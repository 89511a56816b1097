import { useMemo } from 'react';
import { Select, type SelectProps } from 'antd';
import { useIndustries, useInspectionMatters, useTerritories } from './hooks';

type StringSelectProps = Omit<SelectProps<string>, 'options' | 'loading'>;

export const TerritorySelect = (props: StringSelectProps) => {
  const territories = useTerritories();
  return (
    <Select<string>
      showSearch={{ optionFilterProp: 'label' }}
      {...props}
      loading={territories.isPending}
      options={(territories.data ?? []).map((territory) => ({ value: territory.code, label: territory.name }))}
    />
  );
};

// Industries grouped as the catalogue groups them (工贸, 危险化学品, ...).
export const IndustrySelect = (props: StringSelectProps) => {
  const industries = useIndustries();
  const options = useMemo(() => {
    const groups = new Map<string, { value: string; label: string }[]>();
    for (const industry of industries.data ?? []) {
      const group = groups.get(industry.group) ?? [];
      group.push({ value: industry.code, label: industry.name });
      groups.set(industry.group, group);
    }
    return [...groups].map(([group, items]) => ({ label: group, title: group, options: items }));
  }, [industries.data]);
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
