import {
  Alert,
  App,
  Button,
  Card,
  Checkbox,
  DatePicker,
  Descriptions,
  Form,
  Input,
  Select,
  Space,
  Table,
  Tag,
  Typography,
} from 'antd';
import dayjs from 'dayjs';
import { Link, useParams } from 'react-router-dom';
import { can } from '../../app/auth/access';
import { ErrorAlert, errorTitle } from '../../app/components/error-alert';
import { PageHeader } from '../../app/components/page-header';
import { formatDateTime, toIsoDate } from '../../app/format';
import { useT } from '../../app/i18n/i18n-context';
import { useCurrentUser } from '../auth/hooks';
import { CaseActions } from './case-actions';
import { ObservationCard } from './observation-card';
import { SeizureCard } from './seizure-card';
import { CaseDocumentsCard } from './case-documents-card';
import { PublicationCard } from './publication-card';
import { ListingCard } from './listing-card';
import { SupplySuspensionCard } from './supply-suspension-card';
import { PerformanceCard } from './performance-card';
import { FirmnessCard } from './firmness-card';
import {
  usePenaltyCase,
  usePenaltyCatalog,
  useDraftProposal,
  useRecordEvidence,
  useRecordFacts,
  plainSource,
  yuan,
  type CaseFactsBody,
  type EvidenceBody,
  type PenaltyCase,
} from './hooks';

type FactsValues = Omit<CaseFactsBody, 'committedOn'> & { committedOn: dayjs.Dayjs };

// issue 15: one penalty case: the facts and circumstances, the evidence, the engine's proposal with its reasons
// and basis, the periods of the Administrative Penalty Law, similar cases, and the next step.
export const PenaltyCasePage = () => {
  const t = useT();
  const { id = '' } = useParams<{ id: string }>();
  const { data, error } = usePenaltyCase(id);
  if (error) return <ErrorAlert error={error} />;
  if (!data) return null;
  return (
    <>
      <PageHeader
        title={`${t('case.title')} ${data.reference}`}
        subtitle={`${data.enterpriseName} · ${data.statusName}`}
      />
      <Space direction="vertical" size="middle" style={{ width: '100%' }}>
        <FactsCard detail={data} />
        <EvidenceCard detail={data} />
        <ProposalCard detail={data} />
        <CaseActions detail={data} />
        <ObservationCard detail={data} />
        <SeizureCard detail={data} />
        <SupplySuspensionCard detail={data} />
        <PerformanceCard detail={data} />
        <FirmnessCard detail={data} />
        <CaseDocumentsCard detail={data} />
        <PublicationCard detail={data} />
        <ListingCard detail={data} />
        <PeriodsCard detail={data} />
      </Space>
    </>
  );
};

const FactsCard = ({ detail }: { detail: PenaltyCase }) => {
  const t = useT();
  const user = useCurrentUser();
  const { message } = App.useApp();
  const catalog = usePenaltyCatalog();
  const record = useRecordFacts();
  const [form] = Form.useForm<FactsValues>();
  const editable = detail.status === 'investigating' && can(user, 'penalty_case:update');
  const submit = async () => {
    const values = await form.validateFields();
    try {
      await record.mutateAsync({
        id: detail.id,
        body: { ...values, committedOn: toIsoDate(values.committedOn) },
      });
      message.success(t('case.facts.saved'));
    } catch (error) {
      message.error(errorTitle(error, t));
    }
  };
  return (
    <Card title={t('case.facts.title')}>
      <Descriptions size="small" column={2} style={{ marginBottom: 16 }}>
        <Descriptions.Item label={t('case.source')}>
          <span data-testid="case-source">
            {/* a case opened from a report names it ("举报 JB…"), which says the source already */}
            {detail.reportId && detail.originReference ? (
              <Link to={`/reports/${detail.reportId}`}>{detail.originReference}</Link>
            ) : (
              detail.sourceName
            )}
          </span>
        </Descriptions.Item>
        <Descriptions.Item label={t('case.summary')}>{detail.summary}</Descriptions.Item>
        {detail.violation ? (
          <Descriptions.Item label={t('case.violation')} span={2}>
            {detail.violation.violation}（{detail.violation.source}）
          </Descriptions.Item>
        ) : null}
      </Descriptions>
      {detail.expertGuidanceMarks.length > 0 ? (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 16 }}
          data-testid="case-expert-marks"
          message={t('case.expertMarks.title')}
          description={
            <>
              {detail.expertGuidanceMarks.map((mark) => (
                <div key={`${mark.dispatchId}-${mark.description}`}>
                  {t('case.expertMarks.text', {
                    expert: mark.expertName,
                    visited: mark.visitedOn ?? '—',
                    description: mark.description,
                    due: mark.dueOn ?? '—',
                    fixed: mark.fixedOn ?? '—',
                  })}
                  <div>{mark.basis}</div>
                </div>
              ))}
              <div>{t('case.expertMarks.hint')}</div>
            </>
          }
        />
      ) : null}
      {editable ? (
        <Form
          form={form}
          layout="vertical"
          data-testid="case-facts-form"
          initialValues={{
            violationCode: detail.violationCode ?? undefined,
            committedOn: detail.committedOn ? dayjs(detail.committedOn) : undefined,
            circumstances: detail.circumstances,
            foundBy: detail.foundBy,
            criminalReferralSuspected: detail.criminalReferralSuspected,
          }}
        >
          <Form.Item
            name="violationCode"
            label={t('case.violation')}
            rules={[{ required: true, message: t('case.facts.violationRequired') }]}
          >
            <Select
              showSearch
              data-testid="case-violation"
              optionFilterProp="label"
              options={(catalog.data?.violations ?? []).map((violation) => ({
                value: violation.code,
                label: `${violation.law}${violation.provision}：${violation.violation}`,
              }))}
            />
          </Form.Item>
          <Form.Item
            name="committedOn"
            label={t('case.committedOn')}
            rules={[{ required: true, message: t('case.facts.dateRequired') }]}
          >
            <DatePicker data-testid="case-committed-on" />
          </Form.Item>
          <Form.Item name="foundBy" label={t('case.foundBy')}>
            <Select
              options={[
                { value: 'inspection', label: t('case.foundBy.inspection') },
                { value: 'enterprise_self_check', label: t('case.foundBy.enterprise') },
                { value: 'expert_guidance', label: t('case.foundBy.expert') },
              ]}
            />
          </Form.Item>
          <Form.Item name="circumstances" label={t('case.circumstances')}>
            <Checkbox.Group
              data-testid="case-circumstances"
              options={(catalog.data?.circumstances ?? []).map((circumstance) => ({
                value: circumstance.code,
                label: circumstance.name,
              }))}
            />
          </Form.Item>
          <Form.Item name="criminalReferralSuspected" valuePropName="checked">
            <Checkbox>{t('case.criminalSuspected')}</Checkbox>
          </Form.Item>
          <Button type="primary" onClick={submit} loading={record.isPending} data-testid="case-facts-save">
            {t('case.facts.save')}
          </Button>
        </Form>
      ) : (
        <Space wrap>
          {detail.circumstances.map((code) => (
            <Tag key={code}>{catalog.data?.circumstances.find((c) => c.code === code)?.name ?? code}</Tag>
          ))}
        </Space>
      )}
    </Card>
  );
};

const EvidenceCard = ({ detail }: { detail: PenaltyCase }) => {
  const t = useT();
  const user = useCurrentUser();
  const { message } = App.useApp();
  const record = useRecordEvidence();
  const [form] = Form.useForm<EvidenceBody>();
  const editable = detail.status === 'investigating' && can(user, 'penalty_case:update');
  const kinds = {
    photo: t('case.evidence.photo'),
    record: t('case.evidence.record'),
    inquiry_record: t('case.evidence.inquiry'),
    document: t('case.evidence.document'),
    other: t('case.evidence.other'),
  };
  const submit = async () => {
    const values = await form.validateFields();
    try {
      await record.mutateAsync({ id: detail.id, body: values });
      form.resetFields();
    } catch (error) {
      message.error(errorTitle(error, t));
    }
  };
  return (
    <Card title={t('case.evidence.title')}>
      <Table
        rowKey="id"
        size="small"
        pagination={false}
        dataSource={detail.evidence}
        columns={[
          {
            title: t('case.evidence.kind'),
            dataIndex: 'kind',
            render: (kind: keyof typeof kinds) => kinds[kind],
          },
          { title: t('case.evidence.description'), dataIndex: 'description' },
          { title: t('case.evidence.recordedBy'), dataIndex: 'recordedByName' },
          {
            title: t('case.evidence.recordedAt'),
            dataIndex: 'recordedAt',
            render: (value: string) => formatDateTime(value),
          },
        ]}
      />
      {editable ? (
        <Form
          form={form}
          layout="inline"
          style={{ marginTop: 12 }}
          initialValues={{ kind: 'inquiry_record' }}
        >
          <Form.Item name="kind">
            <Select
              style={{ width: 140 }}
              options={Object.entries(kinds).map(([value, label]) => ({ value, label }))}
            />
          </Form.Item>
          <Form.Item name="description" rules={[{ required: true, message: t('case.evidence.required') }]}>
            <Input
              style={{ width: 420 }}
              data-testid="case-evidence-description"
              placeholder={t('case.evidence.description')}
            />
          </Form.Item>
          <Button onClick={submit} loading={record.isPending} data-testid="case-evidence-add">
            {t('case.evidence.add')}
          </Button>
        </Form>
      ) : null}
    </Card>
  );
};

const ProposalCard = ({ detail }: { detail: PenaltyCase }) => {
  const t = useT();
  const user = useCurrentUser();
  const { message } = App.useApp();
  const draft = useDraftProposal();
  const proposal = detail.proposal;
  const mayDraft = detail.status === 'investigating' && can(user, 'penalty_case:update');
  const run = async () => {
    try {
      await draft.mutateAsync({ id: detail.id, body: null });
    } catch (error) {
      message.error(errorTitle(error, t));
    }
  };
  return (
    <Card
      title={t('case.proposal.title')}
      extra={
        mayDraft ? (
          <Button onClick={run} loading={draft.isPending} data-testid="case-draft-proposal">
            {t('case.proposal.draft')}
          </Button>
        ) : null
      }
    >
      {proposal ? (
        <div data-testid="case-proposal">
          <Descriptions size="small" column={2}>
            <Descriptions.Item label={t('case.proposal.tier')}>
              <Tag
                color={proposal.tier === 'no_penalty' ? 'green' : 'orange'}
                data-testid="case-proposal-tier"
              >
                {proposal.tierName}
              </Tag>
            </Descriptions.Item>
            <Descriptions.Item label={t('case.proposal.amount')}>
              {yuan(proposal.amountFen)}
            </Descriptions.Item>
            <Descriptions.Item label={t('case.proposal.range')}>
              {proposal.statutoryRangeFen
                ? `${yuan(proposal.statutoryRangeFen.minFen)} — ${yuan(proposal.statutoryRangeFen.maxFen)}`
                : '—'}
            </Descriptions.Item>
            <Descriptions.Item label={t('case.proposal.drafter')}>
              {detail.proposalDraftedByName ?? '—'}
            </Descriptions.Item>
          </Descriptions>
          {proposal.noPenalty ? (
            <Alert
              type="success"
              showIcon
              style={{ marginBottom: 8 }}
              message={
                proposal.noPenalty.kind === 'must' ? t('case.proposal.mustNot') : t('case.proposal.mayNot')
              }
              description={
                <>
                  <div>{proposal.noPenalty.basis}</div>
                  {proposal.noPenalty.listItem ? (
                    <div data-testid="case-proposal-list-item">
                      {t('case.proposal.listItem')}：{proposal.noPenalty.listItem.document}{' '}
                      {proposal.noPenalty.listItem.name}
                    </div>
                  ) : null}
                </>
              }
            />
          ) : null}
          {detail.seriousDishonesty ? (
            <Alert
              type="warning"
              showIcon
              style={{ marginBottom: 8 }}
              data-testid="case-serious-dishonesty"
              message={t('case.proposal.seriousDishonesty')}
              description={
                <>
                  <div>{detail.seriousDishonesty.criterion}</div>
                  {detail.seriousDishonesty.note ? <div>{detail.seriousDishonesty.note}</div> : null}
                  <div>{detail.seriousDishonesty.scope}</div>
                  {can(user, 'penalty_case:approve') && !detail.seriousDishonesty.verified ? (
                    <div>
                      {t('case.proposal.unverifiedSource')}：{detail.seriousDishonesty.source}
                    </div>
                  ) : null}
                </>
              }
            />
          ) : null}
          {proposal.noPenaltyForbiddenBy.length > 0 ? (
            <Alert
              type="error"
              showIcon
              style={{ marginBottom: 8 }}
              message={t('case.proposal.forbidden')}
              description={proposal.noPenaltyForbiddenBy
                .map((reason) => `${reason.text}（${reason.basis}）`)
                .join('；')}
            />
          ) : null}
          {proposal.unverified.length > 0 ? (
            <Alert
              type="warning"
              showIcon
              style={{ marginBottom: 8 }}
              data-testid="case-proposal-unverified"
              message={t('case.proposal.unverified')}
              description={proposal.unverified.map(plainSource).join('；')}
            />
          ) : null}
          {/* issue 15 item 2: the tier rule the proposal used, as the decision keeps it */}
          {proposal.tierRule ? (
            <Typography.Paragraph type="secondary" data-testid="case-proposal-tier-rule">
              {proposal.tierRule.editId
                ? t('case.tiers.ruleEdited', { effective: proposal.tierRule.effective })
                : t('case.tiers.placeholder')}
              ：{proposal.tierRule.conditions}
              {proposal.tierRule.verified ? (
                <Tag color="green" style={{ marginLeft: 8 }}>
                  {t('case.tiers.verified')}
                </Tag>
              ) : null}
            </Typography.Paragraph>
          ) : null}
          <Typography.Title level={5}>{t('case.proposal.reasons')}</Typography.Title>
          <ul>
            {proposal.reasons.map((reason) => (
              <li key={reason.code}>
                {reason.text}
                <Typography.Text type="secondary">（{reason.basis}）</Typography.Text>
              </li>
            ))}
          </ul>
          {detail.consistency.length > 0 ? (
            <>
              <Typography.Title level={5}>{t('case.consistency.title')}</Typography.Title>
              <Table
                rowKey="scope"
                size="small"
                pagination={false}
                dataSource={detail.consistency}
                columns={[
                  {
                    title: t('case.consistency.scope'),
                    dataIndex: 'scope',
                    render: (scope: string) =>
                      scope === 'city' ? t('case.consistency.city') : t('case.consistency.territory'),
                  },
                  { title: t('case.consistency.count'), dataIndex: 'count' },
                  {
                    title: t('case.consistency.middle'),
                    key: 'middle',
                    render: (_: unknown, row) =>
                      row.count > 0 ? `${yuan(row.p25Fen)} — ${yuan(row.p75Fen)}` : '—',
                  },
                  {
                    title: t('case.consistency.median'),
                    dataIndex: 'medianFen',
                    render: (value: number | null) => yuan(value),
                  },
                  {
                    title: '',
                    dataIndex: 'outlier',
                    render: (outlier: boolean) =>
                      outlier ? <Tag color="red">{t('case.consistency.outlier')}</Tag> : null,
                  },
                ]}
              />
            </>
          ) : null}
        </div>
      ) : (
        <Typography.Text type="secondary">{t('case.proposal.none')}</Typography.Text>
      )}
    </Card>
  );
};

const PeriodsCard = ({ detail }: { detail: PenaltyCase }) => {
  const t = useT();
  return (
    <Card title={t('case.periods.title')}>
      <Table
        rowKey="code"
        size="small"
        pagination={false}
        dataSource={detail.periods}
        columns={[
          { title: t('case.periods.name'), dataIndex: 'name' },
          { title: t('case.periods.due'), dataIndex: 'due' },
          {
            title: t('case.periods.state'),
            key: 'state',
            render: (_: unknown, row) => (
              <Space>
                {row.warning === 'overdue' ? <Tag color="red">{t('case.periods.overdue')}</Tag> : null}
                {row.warning === 'due_soon' ? <Tag color="orange">{t('case.periods.dueSoon')}</Tag> : null}
                {row.verified ? null : <Tag>{t('case.unverified')}</Tag>}
              </Space>
            ),
          },
          {
            title: t('case.periods.basis'),
            dataIndex: 'source',
            render: (source: string) => plainSource(source),
          },
        ]}
      />
    </Card>
  );
};
