import { Card, Empty, Flex, Pagination, Segmented, Skeleton, Space, Tag, Typography } from 'antd';
import { Link } from 'react-router-dom';
import type { MergePeriod } from '../../api/types';
import { can } from '../../app/auth/access';
import { ErrorAlert } from '../../app/components/error-alert';
import { PageHeader } from '../../app/components/page-header';
import { formatDate } from '../../app/format';
import { useT } from '../../app/i18n/i18n-context';
import { useListParams } from '../../app/list-params';
import { useCurrentUser } from '../auth/hooks';
import { useMergeProposals } from './hooks';
import { MergeGroup } from './merge-group';

const PERIODS: MergePeriod[] = ['month', 'quarter', 'year'];

// 合并检查 (measure 8): inspections of one enterprise in the same period, whichever department planned them,
// proposed as one visit with all their matters and departments.
export const MergeProposalsPage = () => {
  const t = useT();
  const user = useCurrentUser();
  const { page, get, update } = useListParams();
  const pageSize = 10;
  const period = (get('period') as MergePeriod | undefined) ?? 'month';
  const proposals = useMergeProposals({ page, pageSize, period });
  const mayDecide = can(user, 'inspection:update');
  const items = proposals.data?.items ?? [];

  return (
    <>
      <PageHeader
        title={t('nav.inspectionMerges')}
        subtitle={t('merge.subtitle')}
        crumbs={[{ title: t('nav.inspections'), to: '/inspections' }, { title: t('nav.inspectionMerges') }]}
        extra={
          <Segmented<MergePeriod>
            data-testid="merge-period"
            value={period}
            onChange={(value) => update({ period: value === 'month' ? undefined : value })}
            options={PERIODS.map((value) => ({ value, label: t(`merge.period.${value}`) }))}
          />
        }
      />
      {proposals.isError && <ErrorAlert error={proposals.error} style={{ marginBottom: 16 }} />}
      {proposals.isPending ? (
        <Card>
          <Skeleton active />
        </Card>
      ) : items.length === 0 ? (
        <Card>
          <Empty
            data-testid="merge-empty"
            image={Empty.PRESENTED_IMAGE_SIMPLE}
            description={t('merge.empty')}
          />
        </Card>
      ) : (
        <Flex vertical gap={16}>
          {items.map((proposal) => (
            <Card
              key={`${proposal.enterpriseId}:${proposal.period}:${proposal.inspectionIds.join(',')}`}
              data-testid="merge-proposal"
              data-enterprise={proposal.enterpriseId}
              title={
                <Space wrap size={8}>
                  <Link to={`/enterprises/${proposal.enterpriseId}`}>{proposal.enterpriseName}</Link>
                  <Tag color="purple" data-testid="merge-proposal-period">
                    {proposal.period}
                  </Tag>
                  <Typography.Text type="secondary" style={{ fontWeight: 'normal', fontSize: 13 }}>
                    {t('merge.summary', {
                      count: proposal.inspections.length,
                      departments: proposal.departments.length,
                      from: formatDate(proposal.firstPlannedOn),
                      to: formatDate(proposal.lastPlannedOn),
                    })}
                  </Typography.Text>
                </Space>
              }
            >
              <MergeGroup
                enterpriseName={proposal.enterpriseName}
                inspections={proposal.inspections}
                matters={proposal.matters}
                departments={proposal.departments}
                suggestedIntoId={proposal.suggestedIntoId}
                mayDecide={mayDecide}
              />
            </Card>
          ))}
          {(proposals.data?.total ?? 0) > pageSize && (
            <Pagination
              align="end"
              current={page}
              pageSize={pageSize}
              total={proposals.data?.total ?? 0}
              showTotal={(total) => t('common.total', { total })}
              onChange={(next) => update({ page: next })}
            />
          )}
        </Flex>
      )}
    </>
  );
};
