import { Button, Card, Empty, Flex, Select } from 'antd';
import { ReloadOutlined } from '@ant-design/icons';
import { ErrorAlert } from '../../app/components/error-alert';
import { PageHeader } from '../../app/components/page-header';
import { useT } from '../../app/i18n/i18n-context';
import { useListParams } from '../../app/list-params';
import { AuditTable } from './audit-table';
import { useAuditActions, useAuditEvents } from './hooks';
import { VerifyCard } from './verify-card';
import { SearchInput } from '../../app/components/search-input';

const ENTITY_TYPES = ['enterprise', 'organisation', 'officer', 'certificate', 'user'] as const;

export const AuditPage = () => {
  const t = useT();
  const { page, pageSize, get, update, reset, hasFilters } = useListParams();
  const filters = {
    entityType: get('entityType'),
    entityId: get('entityId'),
    action: get('action'),
    actorName: get('actorName'),
  };
  const actions = useAuditActions();
  const events = useAuditEvents({ ...filters, page, pageSize });

  return (
    <>
      <PageHeader title={t('nav.audit')} subtitle={t('audit.subtitle')} />
      <Flex vertical gap={16}>
        <VerifyCard />
        <Card size="small">
          <Flex gap={12} wrap align="center">
            <Select<string>
              data-testid="audit-filter-entity-type"
              allowClear
              placeholder={t('audit.entityType')}
              value={filters.entityType}
              onChange={(entityType) => update({ entityType })}
              style={{ width: 180 }}
              options={ENTITY_TYPES.map((type) => ({ value: type, label: t(`entityType.${type}`) }))}
            />
            <SearchInput
              testId="audit-filter-entity-id"
              placeholder={t('audit.entityId')}
              value={filters.entityId}
              onSearch={(entityId) => update({ entityId })}
              style={{ width: 320 }}
            />
            <Select<string>
              data-testid="audit-filter-action"
              allowClear
              showSearch
              optionFilterProp="label"
              placeholder={t('audit.actionPlaceholder')}
              value={filters.action}
              onChange={(action) => update({ action })}
              style={{ width: 280 }}
              options={(actions.data ?? []).map((action) => ({ value: action.name, label: action.label }))}
            />
            <SearchInput
              testId="audit-filter-actor"
              placeholder={t('audit.actorPlaceholder')}
              value={filters.actorName}
              onSearch={(actorName) => update({ actorName })}
              style={{ width: 200 }}
            />
            {hasFilters && (
              <Button icon={<ReloadOutlined />} onClick={reset}>
                {t('common.reset')}
              </Button>
            )}
          </Flex>
        </Card>
        {events.isError && <ErrorAlert error={events.error} />}
        <Card styles={{ body: { padding: 0 } }}>
          {events.isSuccess && events.data.total === 0 ? (
            <Empty style={{ padding: 48 }} description={t('audit.empty')} />
          ) : (
            <AuditTable
              events={events.data?.items ?? []}
              loading={events.isFetching}
              pagination={{
                current: page,
                pageSize,
                total: events.data?.total ?? 0,
                showSizeChanger: true,
                pageSizeOptions: [20, 50, 100, 200],
                showTotal: (total) => t('common.total', { total }),
              }}
              onPageChange={(nextPage, nextSize) => update({ page: nextPage, pageSize: nextSize })}
            />
          )}
        </Card>
      </Flex>
    </>
  );
};
