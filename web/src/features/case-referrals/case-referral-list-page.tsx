import { useState } from 'react';
import { App, Button, Card, Segmented, Table, Tag } from 'antd';
import { Link, useNavigate, useSearchParams } from 'react-router-dom';
import { errorTitle } from '../../app/components/error-alert';
import { useOpenCase, usePenaltyCases } from '../penalty-cases/hooks';
import { can } from '../../app/auth/access';
import { ErrorAlert } from '../../app/components/error-alert';
import { FilterBar } from '../../app/components/list-filters';
import { PageHeader } from '../../app/components/page-header';
import { formatDateTime } from '../../app/format';
import { useT } from '../../app/i18n/i18n-context';
import { useCurrentUser } from '../auth/hooks';
import { DecideReferralModal } from './decide-referral-modal';
import { useCaseReferrals, type CaseReferral } from './hooks';

type View = 'open' | 'all';
const STATUS_COLORS = { open: 'red', case_opened: 'blue', no_case: 'default' } as const;

// measure 15 (安全生产法 第一百零二条): the major hidden dangers referred for a case, open ones first; the legal
// reviewer settles each one, and its inspection cannot close before.
export const CaseReferralListPage = () => {
  const t = useT();
  const user = useCurrentUser();
  const [params, setParams] = useSearchParams();
  const view: View = params.get('view') === 'all' ? 'all' : 'open';
  const page = Number(params.get('page') ?? 1);
  const pageSize = Number(params.get('pageSize') ?? 20);
  const { data, error, isFetching } = useCaseReferrals({
    page,
    pageSize,
    ...(view === 'open' ? { status: 'open' as const } : {}),
  });
  const [deciding, setDeciding] = useState<CaseReferral | null>(null);
  const mayDecide = can(user, 'case_referral:approve');
  // issue 15: the legal reviewer opens the penalty case here; a settled item links to its case
  const mayOpenCase = mayDecide && can(user, 'penalty_case:create');
  const navigate = useNavigate();
  const { message } = App.useApp();
  const openCase = useOpenCase();
  const cases = usePenaltyCases({ page: 1, pageSize: 200 });
  const caseOf = (referralId: string) => cases.data?.items.find((item) => item.caseReferralId === referralId);
  const open = async (referral: CaseReferral) => {
    try {
      const opened = await openCase.mutateAsync({ source: 'case_referral', caseReferralId: referral.id });
      navigate(`/penalty-cases/${opened.id}`);
    } catch (error) {
      message.error(errorTitle(error, t));
    }
  };
  return (
    <>
      <PageHeader title={t('referral.page.title')} subtitle={t('referral.page.subtitle')} />
      <FilterBar>
        <Segmented<View>
          value={view}
          onChange={(value) => setParams({ view: value })}
          options={[
            { value: 'open', label: t('referral.view.open') },
            { value: 'all', label: t('referral.view.all') },
          ]}
        />
      </FilterBar>
      <Card>
        {error ? <ErrorAlert error={error} /> : null}
        <Table<CaseReferral>
          rowKey="id"
          data-testid="referral-table"
          loading={isFetching}
          dataSource={data?.items ?? []}
          pagination={{
            current: page,
            pageSize,
            total: data?.total ?? 0,
            onChange: (p, s) => setParams({ view, page: String(p), pageSize: String(s) }),
          }}
          columns={[
            {
              title: t('referral.enterprise'),
              dataIndex: 'enterpriseName',
              render: (name: string, row) => <Link to={`/inspections/${row.inspectionId}`}>{name}</Link>,
            },
            { title: t('referral.danger'), dataIndex: 'description' },
            {
              title: t('referral.openedAt'),
              dataIndex: 'openedAt',
              render: (value: string) => formatDateTime(value),
            },
            {
              title: t('referral.status'),
              dataIndex: 'status',
              render: (status: CaseReferral['status'], row) => (
                <Tag color={STATUS_COLORS[status]} data-testid="referral-status">
                  {row.statusName}
                </Tag>
              ),
            },
            {
              title: t('referral.result'),
              key: 'result',
              render: (_: unknown, row) =>
                row.status === 'case_opened'
                  ? row.caseReference
                  : row.status === 'no_case'
                    ? `${row.reason ?? ''}（${t('referral.rule')}：${row.basis ?? ''}）`
                    : '—',
            },
            {
              title: '',
              key: 'actions',
              render: (_: unknown, row) => {
                const opened = caseOf(row.id);
                if (opened)
                  return (
                    <Link to={`/penalty-cases/${opened.id}`} data-testid="referral-case-link">
                      {t('referral.viewCase')}
                    </Link>
                  );
                return mayDecide && row.status === 'open' ? (
                  <>
                    {mayOpenCase ? (
                      <Button
                        size="small"
                        type="primary"
                        data-testid="referral-open-case"
                        onClick={() => open(row)}
                        style={{ marginRight: 8 }}
                      >
                        {t('referral.openCase')}
                      </Button>
                    ) : null}
                    <Button size="small" data-testid="referral-decide" onClick={() => setDeciding(row)}>
                      {t('referral.decide')}
                    </Button>
                  </>
                ) : null;
              },
            },
          ]}
        />
      </Card>
      <DecideReferralModal referral={deciding} onClose={() => setDeciding(null)} />
    </>
  );
};
