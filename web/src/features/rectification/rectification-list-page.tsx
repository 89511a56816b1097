import { useState } from 'react';
import { Card, Segmented, Select } from 'antd';
import { useSearchParams } from 'react-router-dom';
import { can } from '../../app/auth/access';
import { ErrorAlert } from '../../app/components/error-alert';
import { PageHeader } from '../../app/components/page-header';
import { useT } from '../../app/i18n/i18n-context';
import { useCurrentUser } from '../auth/hooks';
import { CloseWithoutModal } from './close-without-modal';
import { useOrders, type RectificationOrder, type RectificationStatus } from './hooks';
import { OrderTable } from './order-table';
import { ReviewOrderModal } from './review-order-modal';
import { FilterBar } from '../../app/components/list-filters';

const STATUSES: RectificationStatus[] = [
  'issued',
  'proof_submitted',
  'failed',
  'rectified',
  'escalated',
  'closed_without_rectification',
];
type View = 'all' | 'overdue' | 'candidates';

// measure 13: the territory's rectification orders; overdue ones and 移交立案候选 (escalated or past the deadline) apart.
export const RectificationListPage = () => {
  const t = useT();
  const user = useCurrentUser();
  const [params, setParams] = useSearchParams();
  const view: View =
    params.get('candidates') === 'true' ? 'candidates' : params.get('overdue') === 'true' ? 'overdue' : 'all';
  const status = (params.get('status') ?? undefined) as RectificationStatus | undefined;
  const page = Number(params.get('page') ?? 1);
  const pageSize = Number(params.get('pageSize') ?? 20);
  const { data, error, isFetching } = useOrders({
    page,
    pageSize,
    ...(status ? { status } : {}),
    ...(view === 'overdue' ? { overdue: 'true' as const } : {}),
    ...(view === 'candidates' ? { candidates: 'true' as const } : {}),
  });
  const [reviewing, setReviewing] = useState<RectificationOrder | null>(null);
  const [closing, setClosing] = useState<RectificationOrder | null>(null);
  const update = (next: Record<string, string | undefined>) => {
    const merged = new URLSearchParams(params);
    for (const [key, value] of Object.entries(next)) {
      if (value === undefined) merged.delete(key);
      else merged.set(key, value);
    }
    setParams(merged);
  };
  return (
    <>
      <PageHeader title={t('rect.page.title')} subtitle={t('rect.page.subtitle')} />
      <FilterBar>
        <Segmented<View>
          value={view}
          onChange={(value) =>
            update({
              overdue: value === 'overdue' ? 'true' : undefined,
              candidates: value === 'candidates' ? 'true' : undefined,
              page: undefined,
            })
          }
          options={[
            { value: 'all', label: t('rect.view.all') },
            { value: 'overdue', label: t('rect.view.overdue') },
            { value: 'candidates', label: t('rect.view.candidates') },
          ]}
        />
        <Select<RectificationStatus>
          allowClear
          style={{ width: 220 }}
          placeholder={t('rect.status')}
          value={status}
          onChange={(value) => update({ status: value, page: undefined })}
          options={STATUSES.map((value) => ({ value, label: t(`rect.status.${value}`) }))}
        />
      </FilterBar>
      <Card>
        {error ? <ErrorAlert error={error} /> : null}
        <OrderTable
          showEnterprise
          orders={data?.items ?? []}
          loading={isFetching}
          onReview={can(user, 'rectification:update') ? setReviewing : undefined}
          onCloseWithout={can(user, 'rectification:approve') ? setClosing : undefined}
          pagination={{
            current: page,
            pageSize,
            total: data?.total ?? 0,
            onChange: (p, s) => update({ page: String(p), pageSize: String(s) }),
          }}
        />
      </Card>
      <ReviewOrderModal order={reviewing} onClose={() => setReviewing(null)} />
      <CloseWithoutModal order={closing} onClose={() => setClosing(null)} />
    </>
  );
};
