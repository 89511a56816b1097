import { useState } from 'react';
import { Empty } from 'antd';
import { ErrorAlert } from '../../app/components/error-alert';
import { useT } from '../../app/i18n/i18n-context';
import { AuditTable } from './audit-table';
import { useAuditEvents } from './hooks';

// The change history of one record, newest first, as the audit log holds it.
export const AuditTrail = ({ entityType, entityId }: { entityType: string; entityId: string }) => {
  const t = useT();
  const [page, setPage] = useState(1);
  const events = useAuditEvents({ entityType, entityId, page, pageSize: 10 });
  if (events.isError) return <ErrorAlert error={events.error} />;
  if (events.isSuccess && events.data.total === 0) {
    return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('audit.noHistory')} />;
  }
  return (
    <AuditTable
      compact
      events={events.data?.items ?? []}
      loading={events.isFetching}
      pagination={{ current: page, pageSize: 10, total: events.data?.total ?? 0, showSizeChanger: false }}
      onPageChange={(next) => setPage(next)}
    />
  );
};
