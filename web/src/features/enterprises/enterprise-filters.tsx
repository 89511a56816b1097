import { Select } from 'antd';
import { useT } from '../../app/i18n/i18n-context';
import { useListParams } from '../../app/list-params';
import { IndustrySelect, TerritorySelect } from '../reference/selects';
import { useTerritories } from '../reference/hooks';
import { SearchInput } from '../../app/components/search-input';
import { FilterBar } from '../../app/components/list-filters';

export const EnterpriseFilters = () => {
  const t = useT();
  const { get, update, reset, hasFilters } = useListParams();
  const territories = useTerritories();
  // a county user has one territory: no point offering the choice
  const showTerritory = (territories.data?.length ?? 0) > 1;

  return (
    <FilterBar onReset={hasFilters ? reset : undefined}>
      <SearchInput
        testId="enterprise-search"
        placeholder={t('enterprise.searchPlaceholder')}
        value={get('q')}
        onSearch={(q) => update({ q })}
        style={{ width: 340 }}
      />
      {showTerritory && (
        <TerritorySelect
          data-testid="enterprise-filter-territory"
          aria-label={t('field.territory')}
          allowClear
          placeholder={t('field.territory')}
          value={get('territory')}
          onChange={(territory) => update({ territory })}
          style={{ width: 160 }}
        />
      )}
      <IndustrySelect
        data-testid="enterprise-filter-industry"
        aria-label={t('field.industry')}
        allowClear
        placeholder={t('field.industry')}
        value={get('industry')}
        onChange={(industry) => update({ industry })}
        style={{ width: 220 }}
      />
      <Select<string>
        data-testid="enterprise-filter-key"
        aria-label={t('enterprise.keyFilter')}
        allowClear
        placeholder={t('enterprise.keyFilter')}
        value={get('isKey')}
        onChange={(isKey) => update({ isKey })}
        style={{ width: 140 }}
        options={[
          { value: 'true', label: t('enterprise.keyOnly') },
          { value: 'false', label: t('enterprise.nonKeyOnly') },
        ]}
      />
    </FilterBar>
  );
};
