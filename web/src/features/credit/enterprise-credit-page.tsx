import { App, Button, Card, Descriptions, Empty, Flex, Form, Input, Tag, Timeline, Typography } from 'antd';
import { ErrorAlert, errorTitle } from '../../app/components/error-alert';
import { PageHeader } from '../../app/components/page-header';
import { PageSkeleton } from '../../app/components/page-loading';
import { formatDateTime } from '../../app/format';
import { useT } from '../../app/i18n/i18n-context';
import { useApplyForRepair, useOwnPublications, type Publication, type RepairBody } from './hooks';

// The enterprise's own published penalties (measure 22): how long each is public, when repair opens, the
// application with its credit pledge, and the bureau's answer.
const stateColor = { published: 'orange', repaired: 'green', expired: 'default', withdrawn: 'blue' } as const;

const PublicationCard = ({ publication }: { publication: Publication }) => {
  const t = useT();
  const { message } = App.useApp();
  const apply = useApplyForRepair();
  const [form] = Form.useForm<RepairBody>();
  const submit = async (body: RepairBody) => {
    try {
      await apply.mutateAsync({ id: publication.id, body });
      message.success(t('credit.applied'));
      form.resetFields();
    } catch (e) {
      message.error(errorTitle(e, t));
    }
  };
  return (
    <Card
      data-testid="credit-publication"
      title={`${publication.caseName}（${publication.documentNumber}）`}
      extra={
        <Tag color={stateColor[publication.state]} data-testid="credit-publication-state">
          {publication.stateName}
        </Tag>
      }
    >
      <Descriptions
        size="small"
        column={{ xs: 1, md: 2 }}
        items={[
          { key: 'decision', label: t('publicPenalty.decision'), children: publication.decision, span: 2 },
          { key: 'class', label: t('credit.class'), children: publication.creditClassName },
          { key: 'publishedOn', label: t('credit.publishedOn'), children: publication.publishedOn },
          {
            key: 'min',
            label: t('credit.minUntil'),
            children: publication.minUntil ?? t('credit.noMinimum'),
          },
          { key: 'max', label: t('credit.maxUntil'), children: publication.publicUntil },
          { key: 'opens', label: t('credit.opensOn'), children: publication.repairOpensOn },
        ]}
      />
      {publication.applications.length > 0 ? (
        <Timeline
          style={{ marginTop: 16 }}
          data-testid="credit-applications"
          items={publication.applications.map((application) => ({
            color:
              application.status === 'approved'
                ? 'green'
                : application.status === 'rejected'
                  ? 'red'
                  : 'blue',
            children: (
              <>
                <Typography.Text strong data-testid="credit-application-status">
                  {application.statusName}
                </Typography.Text>
                <div>
                  {t('credit.appliedAt')}：{formatDateTime(application.appliedAt)}
                  {application.status === 'pending' ? `，${t('credit.dueOn')}：${application.dueOn}` : ''}
                </div>
                {application.decisionNote ? (
                  <div>
                    {t('credit.answer')}：{application.decisionNote}
                  </div>
                ) : null}
              </>
            ),
          }))}
        />
      ) : null}
      {publication.mayApply ? (
        <Form form={form} layout="vertical" onFinish={(body) => void submit(body)} style={{ marginTop: 16 }}>
          <Form.Item
            name="fulfilment"
            label={t('credit.fulfilment')}
            rules={[{ required: true, whitespace: true, min: 4, message: t('credit.fulfilmentRequired') }]}
          >
            <Input.TextArea rows={2} maxLength={2000} data-testid="credit-fulfilment" />
          </Form.Item>
          <Form.Item
            name="pledge"
            label={t('credit.pledge')}
            extra={t('credit.pledgeHelp')}
            rules={[{ required: true, whitespace: true, min: 10, message: t('credit.pledgeRequired') }]}
          >
            <Input.TextArea rows={3} maxLength={2000} data-testid="credit-pledge" />
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={apply.isPending} data-testid="credit-apply">
            {t('credit.apply')}
          </Button>
        </Form>
      ) : publication.whyNot && publication.state === 'published' ? (
        <Typography.Paragraph type="secondary" style={{ marginTop: 16 }} data-testid="credit-why-not">
          {publication.whyNot}
        </Typography.Paragraph>
      ) : null}
    </Card>
  );
};

export const EnterpriseCreditPage = () => {
  const t = useT();
  const { data, error, isPending } = useOwnPublications();
  return (
    <>
      <PageHeader title={t('credit.title')} subtitle={t('credit.subtitle')} />
      {error ? <ErrorAlert error={error} style={{ marginBottom: 16 }} /> : null}
      {isPending ? (
        <PageSkeleton />
      ) : (data?.items ?? []).length === 0 ? (
        <Card>
          <Empty description={t('credit.empty')} />
        </Card>
      ) : (
        <Flex vertical gap={16}>
          {(data?.items ?? []).map((publication) => (
            <PublicationCard key={publication.id} publication={publication} />
          ))}
        </Flex>
      )}
    </>
  );
};
