import { useState } from 'react';
import {
  Alert,
  App,
  Button,
  Card,
  DatePicker,
  Descriptions,
  Flex,
  Form,
  Input,
  Modal,
  Space,
  Table,
  Tag,
} from 'antd';
import type { Dayjs } from 'dayjs';
import { Link, useParams } from 'react-router-dom';
import { can } from '../../app/auth/access';
import { DetailPage } from '../../app/components/detail-page';
import { ErrorAlert } from '../../app/components/error-alert';
import { PageHeader } from '../../app/components/page-header';
import { formatDate, formatDateTime, toIsoDate, todayPickerValue } from '../../app/format';
import { useT } from '../../app/i18n/i18n-context';
import { AuditTrail } from '../audit/audit-trail';
import { useCurrentUser } from '../auth/hooks';
import { STATUS_COLORS } from './accountability-list-page';
import {
  useAccountabilityRecord,
  useApproveAccountability,
  useCompleteCorrection,
  useReturnAccountability,
  useSubmitAccountability,
  type AccountabilityRecord,
} from './hooks';

export const AccountabilityDetailPage = () => {
  const t = useT();
  const { id } = useParams<{ id: string }>();
  const record = useAccountabilityRecord(id);
  return (
    <DetailPage
      query={record}
      notFound={{
        title: t('accountability.notFound'),
        backTo: '/accountability',
        backLabel: t('nav.accountability'),
      }}
    >
      {(data) => <AccountabilityDetail record={data} />}
    </DetailPage>
  );
};

type Decision = 'approve' | 'return' | 'complete' | null;

const AccountabilityDetail = ({ record }: { record: AccountabilityRecord }) => {
  const t = useT();
  const user = useCurrentUser();
  const { message } = App.useApp();
  const [deciding, setDeciding] = useState<Decision>(null);
  const submit = useSubmitAccountability(record.id);
  const approve = useApproveAccountability(record.id);
  const giveBack = useReturnAccountability(record.id);
  const complete = useCompleteCorrection(record.id);
  const [form] = Form.useForm<{ note?: string; completedOn?: Dayjs }>();
  const pending = submit.isPending || approve.isPending || giveBack.isPending || complete.isPending;
  const failure = [submit, approve, giveBack, complete].find((m) => m.isError)?.error;

  const decide = async (values: { note?: string; completedOn?: Dayjs }) => {
    const note = values.note?.trim() ?? '';
    if (deciding === 'approve') await approve.mutateAsync(note);
    if (deciding === 'return') await giveBack.mutateAsync(note);
    if (deciding === 'complete')
      await complete.mutateAsync({ completedOn: toIsoDate(values.completedOn ?? todayPickerValue()), note });
    void message.success(t('accountability.done'));
    setDeciding(null);
    form.resetFields();
  };

  return (
    <>
      <PageHeader
        title={
          <Space>
            <span>{t('accountability.recordTitle', { kind: record.kindName })}</span>
            <Tag color={STATUS_COLORS[record.status]} data-testid="accountability-status">
              {record.statusName}
            </Tag>
          </Space>
        }
        crumbs={[{ title: t('nav.accountability'), to: '/accountability' }, { title: record.kindName }]}
        extra={
          <>
            {record.mayEdit && (
              <Button
                type="primary"
                data-testid="accountability-submit"
                loading={submit.isPending}
                onClick={() => submit.mutate(undefined)}
              >
                {t('accountability.submit')}
              </Button>
            )}
            {record.mayApprove && (
              <>
                <Button data-testid="accountability-return" onClick={() => setDeciding('return')}>
                  {t('accountability.return')}
                </Button>
                <Button
                  type="primary"
                  data-testid="accountability-approve"
                  onClick={() => setDeciding('approve')}
                >
                  {t('accountability.approve')}
                </Button>
              </>
            )}
            {record.status === 'approved' &&
              record.correction &&
              !record.correction.completedOn &&
              can(user, 'accountability_record:update') && (
                <Button data-testid="accountability-complete" onClick={() => setDeciding('complete')}>
                  {t('accountability.complete')}
                </Button>
              )}
          </>
        }
      />
      <Flex vertical gap={16}>
        {failure ? <ErrorAlert error={failure} /> : null}
        {record.whyNotApprove && (
          <Alert data-testid="accountability-why-not" type="info" showIcon title={record.whyNotApprove} />
        )}
        {record.returnedNote && record.status === 'draft' && (
          <Alert
            type="warning"
            showIcon
            title={t('accountability.returned')}
            description={record.returnedNote}
          />
        )}
        {record.warnings.map((warning) => (
          <Alert key={warning} type="warning" showIcon title={warning} data-testid="accountability-warning" />
        ))}
        <Card title={t('accountability.act')}>
          <Descriptions
            column={{ xs: 1, md: 2 }}
            items={[
              { key: 'kind', label: t('accountability.kind'), children: record.kindName },
              { key: 'territory', label: t('accountability.territory'), children: record.territoryName },
              { key: 'facts', label: t('accountability.facts'), span: 2, children: record.facts },
              {
                key: 'origin',
                label: t('accountability.origin'),
                children: record.originReference
                  ? `${record.originName}（${record.originReference}）`
                  : record.originName,
              },
              {
                key: 'concerns',
                label: t('accountability.concerns'),
                children: (
                  <Space direction="vertical" size={0}>
                    {record.penaltyCase && (
                      <Link to={`/penalty-cases/${record.penaltyCase.id}`}>
                        {t('accountability.caseLink', {
                          reference: record.penaltyCase.reference,
                          enterprise: record.penaltyCase.enterpriseName,
                        })}
                      </Link>
                    )}
                    {record.inspection && (
                      <Link to={`/inspections/${record.inspection.id}`}>
                        {t('accountability.inspectionLink', {
                          enterprise: record.inspection.enterpriseName,
                          date: record.inspection.plannedOn,
                        })}
                      </Link>
                    )}
                    {!record.penaltyCase && !record.inspection && '—'}
                  </Space>
                ),
              },
              ...(record.complaint
                ? [
                    {
                      key: 'complaint',
                      label: t('accountability.complaint'),
                      span: 2,
                      children: (
                        <Link
                          to={`/complaints?view=all&id=${record.complaint.id}`}
                          data-testid="accountability-complaint"
                        >
                          {t('accountability.complaintLink', {
                            channel: record.complaint.channelName,
                            date: record.complaint.receivedOn,
                            summary: record.complaint.summary,
                          })}
                        </Link>
                      ),
                    },
                  ]
                : []),
              { key: 'drafted', label: t('accountability.draftedBy'), children: record.draftedByName },
              {
                key: 'approved',
                label: t('accountability.approvedBy'),
                children: record.approvedByName
                  ? `${record.approvedByName} ${formatDateTime(record.approvedAt)}${record.approvalNote ? `：${record.approvalNote}` : ''}`
                  : '—',
              },
            ]}
          />
        </Card>
        <Card title={t('accountability.persons')}>
          <Table
            rowKey="id"
            data-testid="accountability-persons"
            pagination={false}
            dataSource={record.persons}
            columns={[
              {
                title: t('accountability.officer'),
                dataIndex: 'officerName',
                render: (name: string, row) => <Link to={`/officers/${row.officerId}`}>{name}</Link>,
              },
              {
                title: t('accountability.sanction'),
                dataIndex: 'sanctionName',
                render: (name: string, row) => (
                  <Space>
                    {name}
                    {!row.sanctionVerified && <Tag color="orange">{t('accountability.unverified')}</Tag>}
                  </Space>
                ),
              },
              { title: t('accountability.basis'), dataIndex: 'sanctionSource' },
              { title: t('accountability.sanctionNote'), dataIndex: 'note', render: (v: string) => v || '—' },
              {
                title: t('accountability.certificate'),
                key: 'effect',
                render: (_: unknown, row) =>
                  row.certificateEffect ? (
                    <Tag color="red" data-testid="accountability-effect">
                      {row.certificateEffect === 'revoked'
                        ? t('accountability.effect.revoked')
                        : t('accountability.effect.suspended')}
                    </Tag>
                  ) : (
                    '—'
                  ),
              },
            ]}
          />
        </Card>
        <Card title={t('accountability.correctionAndReferral')}>
          <Descriptions
            column={{ xs: 1, md: 2 }}
            items={[
              {
                key: 'correction',
                label: t('accountability.correction'),
                children: record.correction
                  ? `${record.correction.kindName}${record.correction.detail ? `：${record.correction.detail}` : ''}`
                  : '—',
              },
              {
                key: 'deadline',
                label: t('accountability.deadline'),
                children: formatDate(record.correction?.deadline),
              },
              {
                key: 'completed',
                label: t('accountability.completedOn'),
                children: record.correction?.completedOn
                  ? `${record.correction.completedOn}：${record.correction.completionNote ?? ''}`
                  : '—',
              },
              {
                key: 'referral',
                label: t('accountability.referredOn'),
                children: record.referral
                  ? `${record.referral.referredOn}${record.referral.note ? `：${record.referral.note}` : ''}`
                  : t('accountability.notReferred'),
              },
            ]}
          />
        </Card>
        {can(user, 'audit:read') && (
          <Card title={t('audit.history')}>
            <AuditTrail entityType="accountability_record" entityId={record.id} />
          </Card>
        )}
      </Flex>
      <Modal
        open={deciding !== null}
        title={deciding ? t(`accountability.modal.${deciding}`) : ''}
        onCancel={() => setDeciding(null)}
        onOk={() => form.submit()}
        okButtonProps={{ 'data-testid': 'accountability-confirm' }}
        confirmLoading={pending}
      >
        {deciding === 'approve' && (
          <Alert
            type="warning"
            showIcon
            style={{ marginBottom: 16 }}
            title={t('accountability.approveWarning')}
          />
        )}
        <Form form={form} layout="vertical" onFinish={(values) => void decide(values)}>
          {deciding === 'complete' && (
            <Form.Item
              name="completedOn"
              label={t('accountability.completedOn')}
              initialValue={todayPickerValue()}
            >
              <DatePicker allowClear={false} />
            </Form.Item>
          )}
          <Form.Item
            name="note"
            label={deciding === 'approve' ? t('accountability.approvalNote') : t('accountability.note')}
            rules={
              deciding === 'approve'
                ? [{ max: 1000 }]
                : [{ required: true, whitespace: true, message: t('validation.required') }, { max: 1000 }]
            }
          >
            <Input.TextArea rows={3} data-testid="accountability-note" />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
};
