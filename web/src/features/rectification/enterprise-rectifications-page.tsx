import { useState } from 'react';
import { Alert, App, Button, Card, Descriptions, Empty, Input, List, Space, Typography, Upload } from 'antd';
import { UploadOutlined } from '@ant-design/icons';
import { errorTitle, ErrorAlert } from '../../app/components/error-alert';
import { PageHeader } from '../../app/components/page-header';
import { PageSkeleton } from '../../app/components/page-loading';
import { formatDateTime } from '../../app/format';
import { useT } from '../../app/i18n/i18n-context';
import {
  downloadDocument,
  proofFileUrl,
  useEnterpriseOrders,
  useSubmitProof,
  type RectificationOrder,
} from './hooks';
import { PendingCalendarTag } from '../calendar/pending-calendar-tag';
import { OrderStatusTag } from './order-status-tag';

const ACCEPTING = ['issued', 'failed', 'proof_submitted'];

// The enterprise's proof: one file a call, each with an id made once, so a retried upload is not stored twice.
const ProofUpload = ({ order }: { order: RectificationOrder }) => {
  const t = useT();
  const { message } = App.useApp();
  const submit = useSubmitProof();
  const [note, setNote] = useState('');
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Input.TextArea
        rows={2}
        maxLength={2000}
        value={note}
        onChange={(event) => setNote(event.target.value)}
        placeholder={t('rect.proof.note')}
      />
      <Upload
        accept="image/jpeg,image/png,image/webp,image/heic,application/pdf"
        showUploadList={false}
        beforeUpload={(file) => {
          submit
            .mutateAsync({ orderId: order.id, fileId: crypto.randomUUID(), note, file })
            .then(() => message.success(t('rect.proof.done')))
            .catch((error: unknown) => message.error(errorTitle(error, t)));
          return false;
        }}
      >
        <Button icon={<UploadOutlined />} loading={submit.isPending} data-testid={`proof-upload-${order.id}`}>
          {t('rect.proof.upload')}
        </Button>
      </Upload>
    </Space>
  );
};

const OrderCard = ({ order }: { order: RectificationOrder }) => {
  const t = useT();
  const { message } = App.useApp();
  const orderDocument = order.documents.find((doc) => doc.type === 'rectification_order');
  return (
    <Card
      title={orderDocument ? `${t('rect.orderTitle')} ${orderDocument.number}` : t('rect.orderTitle')}
      extra={<OrderStatusTag status={order.status} overdue={order.overdue} />}
      data-testid="enterprise-order"
    >
      <Descriptions column={1} size="small">
        <Descriptions.Item label={t('rect.deadline')}>
          {order.deadline}
          {order.deadlineWorkdays ? `（${t('rect.workdays', { n: order.deadlineWorkdays })}）` : ''}
          <PendingCalendarTag years={order.deadlinePendingYears} />
        </Descriptions.Item>
        <Descriptions.Item label={t('rect.requirements')}>{order.requirements}</Descriptions.Item>
      </Descriptions>
      <List
        header={<Typography.Text strong>{t('rect.problems')}</Typography.Text>}
        dataSource={order.findings}
        renderItem={(finding) => (
          <List.Item>
            <Space orientation="vertical" size={2}>
              <Typography.Text>
                {finding.majorHiddenDanger ? `【${t('rect.major')}】` : ''}
                {finding.description}
              </Typography.Text>
              <Typography.Text type="secondary">
                {t('rect.basis')}：{finding.basis}
              </Typography.Text>
              <Typography.Text type="success">
                {t('rect.howToFix')}：{finding.howToFix}
              </Typography.Text>
            </Space>
          </List.Item>
        )}
      />
      {order.proofs.map((proof) => (
        <Typography.Paragraph key={proof.submittedAt} type="secondary">
          {formatDateTime(proof.submittedAt)} {t('rect.proof.submitted')}：{proof.note}{' '}
          {proof.fileIds.map((fileId, i) => (
            <a
              key={fileId}
              href={proofFileUrl(order.id, fileId)}
              target="_blank"
              rel="noreferrer"
              style={{ marginRight: 8 }}
            >
              {t('rect.proof.file', { n: i + 1 })}
            </a>
          ))}
        </Typography.Paragraph>
      ))}
      {order.reviews.map((review) => (
        <Alert
          key={review.reviewedAt}
          style={{ marginBottom: 8 }}
          type={review.passed ? 'success' : 'warning'}
          title={`${formatDateTime(review.reviewedAt)} ${review.passed ? t('rect.review.pass') : t('rect.review.fail')}${review.comment ? `：${review.comment}` : ''}`}
        />
      ))}
      {ACCEPTING.includes(order.status) && <ProofUpload order={order} />}
      <Space wrap style={{ marginTop: 8 }}>
        {order.documents.map((doc) => (
          <Button
            key={doc.id}
            size="small"
            onClick={() =>
              void downloadDocument(doc).catch((error: unknown) => message.error(errorTitle(error, t)))
            }
          >
            {doc.typeName} {doc.number}
          </Button>
        ))}
      </Space>
    </Card>
  );
};

// The enterprise portal: its rectification orders, what to fix and how, and the proof it uploads.
export const EnterpriseRectificationsPage = () => {
  const t = useT();
  const { data, error, isLoading } = useEnterpriseOrders();
  if (isLoading) return <PageSkeleton />;
  return (
    <>
      <PageHeader
        title={t('rect.enterprise.title')}
        subtitle={t('rect.enterprise.subtitle')}
        crumbs={[
          { title: t('nav.myEnterprise'), to: '/my-enterprise' },
          { title: t('rect.enterprise.title') },
        ]}
      />
      {error ? <ErrorAlert error={error} /> : null}
      {data && data.items.length === 0 ? <Empty description={t('rect.enterprise.empty')} /> : null}
      <Space orientation="vertical" size={16} style={{ width: '100%' }}>
        {data?.items.map((order) => (
          <OrderCard key={order.id} order={order} />
        ))}
      </Space>
    </>
  );
};
