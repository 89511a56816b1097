import { useState } from 'react';
import { Alert, Card, Divider } from 'antd';
import { can } from '../../app/auth/access';
import { ErrorAlert } from '../../app/components/error-alert';
import { useT } from '../../app/i18n/i18n-context';
import { useCurrentUser } from '../auth/hooks';
import { CloseWithoutModal } from './close-without-modal';
import { useInspectionOrders, useRecordFindings, type RectificationOrder } from './hooks';
import { IssueOrderForm } from './issue-order-form';
import { OrderTable } from './order-table';
import { ReviewOrderModal } from './review-order-modal';

const ISSUING_STAGES = ['findings_recorded', 'concluded'];

// measure 13: on the inspection page, the orders of this inspection; an order for the findings not fixed on the
// spot; the review of submitted proof.
export const RectificationPanel = ({ inspectionId }: { inspectionId: string }) => {
  const t = useT();
  const user = useCurrentUser();
  const orders = useInspectionOrders(inspectionId);
  const record = useRecordFindings(inspectionId);
  const [reviewing, setReviewing] = useState<RectificationOrder | null>(null);
  const [closing, setClosing] = useState<RectificationOrder | null>(null);
  const openFindings = (record.data?.findings ?? []).filter((finding) => finding.status === 'open');
  const mayIssue =
    can(user, 'rectification:create') && record.data && ISSUING_STAGES.includes(record.data.inspection.stage);
  return (
    <Card title={t('rect.panel.title')} data-testid="rectification-panel">
      {orders.error ? <ErrorAlert error={orders.error} /> : null}
      <OrderTable
        orders={orders.data?.items ?? []}
        loading={orders.isLoading}
        onReview={can(user, 'rectification:update') ? setReviewing : undefined}
        onCloseWithout={can(user, 'rectification:approve') ? setClosing : undefined}
      />
      {mayIssue && openFindings.length > 0 && (
        <>
          <Divider titlePlacement="start">{t('rect.issue.title')}</Divider>
          <Alert
            type="info"
            showIcon
            style={{ marginBottom: 12 }}
            title={t('rect.issue.hint', { n: openFindings.length })}
          />
          <IssueOrderForm inspectionId={inspectionId} openFindings={openFindings} />
        </>
      )}
      <ReviewOrderModal order={reviewing} onClose={() => setReviewing(null)} />
      <CloseWithoutModal order={closing} onClose={() => setClosing(null)} />
    </Card>
  );
};
