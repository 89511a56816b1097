import { Button, Space, Table, Typography } from 'antd';
import { Link } from 'react-router-dom';
import { formatDate } from '../../app/format';
import { useT } from '../../app/i18n/i18n-context';
import type { RectificationOrder } from './hooks';
import { OrderStatusTag } from './order-status-tag';
import { PendingCalendarTag } from '../calendar/pending-calendar-tag';

type Props = {
  orders: RectificationOrder[];
  loading?: boolean;
  showEnterprise?: boolean;
  onReview?: (order: RectificationOrder) => void;
  onCloseWithout?: (order: RectificationOrder) => void;
  pagination?:
    | false
    | {
        current: number;
        pageSize: number;
        total: number;
        onChange: (page: number, pageSize: number) => void;
      };
};

// The orders with their status, deadline, problems and what can be done next.
export const OrderTable = ({
  orders,
  loading,
  showEnterprise,
  onReview,
  onCloseWithout,
  pagination = false,
}: Props) => {
  const t = useT();
  return (
    <Table<RectificationOrder>
      rowKey="id"
      size="small"
      loading={loading}
      dataSource={orders}
      pagination={pagination}
      locale={{ emptyText: t('rect.empty') }}
      rowClassName={(order) => (order.escalationCandidate ? 'row-escalation-candidate' : '')}
      expandable={{
        expandedRowRender: (order) => (
          <Space orientation="vertical" size={4}>
            <Typography.Text>
              {t('rect.requirements')}：{order.requirements}
            </Typography.Text>
            {order.findings.map((finding) => (
              <Typography.Text key={finding.id} type="secondary">
                · {finding.description} — {t('rect.howToFix')}：{finding.howToFix}
              </Typography.Text>
            ))}
            {order.reviews.map((review) => (
              <Typography.Text key={review.reviewedAt}>
                {formatDate(review.reviewedAt)} {review.reviewedByName}：
                {review.passed ? t('rect.review.pass') : t('rect.review.fail')} {review.comment}
              </Typography.Text>
            ))}
            {order.escalation && <Typography.Text type="danger">{order.escalation.reason}</Typography.Text>}
            {order.closure && (
              <Typography.Text type="secondary">
                {t('rect.closedBecause')}：{order.closure.reason}（{order.closure.byName}）
              </Typography.Text>
            )}
          </Space>
        ),
      }}
      columns={[
        ...(showEnterprise
          ? [
              {
                title: t('rect.enterprise'),
                key: 'enterprise',
                render: (_: unknown, order: RectificationOrder) => (
                  <Link to={`/inspections/${order.inspectionId}`}>{order.enterpriseName}</Link>
                ),
              },
            ]
          : []),
        {
          title: t('rect.number'),
          key: 'number',
          render: (_: unknown, order) =>
            order.documents.find((doc) => doc.type === 'rectification_order')?.number ?? '—',
        },
        { title: t('rect.problems'), key: 'problems', render: (_: unknown, order) => order.findings.length },
        {
          title: t('rect.deadline'),
          key: 'deadline',
          render: (_: unknown, order) => (
            <>
              {`${order.deadline}${order.deadlineWorkdays ? `（${t('rect.workdays', { n: order.deadlineWorkdays })}）` : ''}`}
              <PendingCalendarTag years={order.deadlinePendingYears} />
            </>
          ),
        },
        {
          title: t('rect.status'),
          key: 'status',
          render: (_: unknown, order) => (
            <Space size={0} wrap>
              <OrderStatusTag status={order.status} overdue={order.overdue} />
              {order.escalationCandidate && order.status !== 'escalated' && (
                <span>{t('rect.candidate')}</span>
              )}
            </Space>
          ),
        },
        {
          title: '',
          key: 'actions',
          render: (_: unknown, order) => (
            <Space>
              {onReview && order.status === 'proof_submitted' && (
                <Button size="small" type="primary" onClick={() => onReview(order)}>
                  {t('rect.review.title')}
                </Button>
              )}
              {onCloseWithout && ['issued', 'failed', 'escalated'].includes(order.status) && (
                <Button size="small" danger onClick={() => onCloseWithout(order)}>
                  {t('rect.closeWithout')}
                </Button>
              )}
            </Space>
          ),
        },
      ]}
    />
  );
};
