import { useState } from 'react';
import {
  Alert,
  App,
  Button,
  Card,
  Col,
  Descriptions,
  Form,
  Input,
  InputNumber,
  Modal,
  Popconfirm,
  Radio,
  Row,
  Select,
  Space,
  Table,
  Tag,
  Typography,
  type TableColumnsType,
} from 'antd';
import dayjs from 'dayjs';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router-dom';
import type { paths } from '../../api/schema';
import { DetailPage } from '../../app/components/detail-page';
import { ErrorAlert } from '../../app/components/error-alert';
import { PageHeader } from '../../app/components/page-header';
import { formatDate, formatDateTime, todayInZone } from '../../app/format';
import { useCan } from '../../app/auth/use-can';
import {
  useDecideExtension,
  useDecideReward,
  useHandleReport,
  useNotifyReward,
  useOpenCase,
  useOpenInspection,
  usePayReward,
  useProposeReward,
  useReadIdentity,
  useReport,
  useReports,
  useRequestExtension,
  useRewardPreview,
  useWaiveReward,
  type RewardBody,
} from './hooks';

type ReportItem =
  paths['/api/v1/reports']['get']['responses']['200']['content']['application/json']['items'][number];
type ReportDetail = paths['/api/v1/reports/{id}']['get']['responses']['200']['content']['application/json'];

const STATE_COLORS: Record<string, string> = {
  received: 'gold',
  accepted: 'blue',
  verified: 'cyan',
  answered: 'green',
  not_accepted: 'default',
  merged: 'default',
};
const STATES = [
  { value: 'received', label: '待受理' },
  { value: 'accepted', label: '核查中' },
  { value: 'verified', label: '已核查，待反馈' },
  { value: 'answered', label: '已办结' },
  { value: 'not_accepted', label: '不予受理' },
  { value: 'merged', label: '已并案' },
];

const Overdue = ({ report }: { report: Pick<ReportItem, 'overdue'> }) =>
  report.overdue ? (
    <Tag color="red" data-testid="report-overdue">
      {report.overdue === 'verify' ? '核查逾期' : '反馈逾期'}
    </Tag>
  ) : null;

const OVERDUE = 'overdue';

// Measure 27: the reports of the territory (never the reporter's identity).
export const ReportListPage = () => {
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const state = params.get('state') ?? undefined;
  // the workbench's 逾期举报 opens the reports past their verification or answer deadline
  const overdue = params.get('overdue') === 'true';
  const [paging, setPaging] = useState({ page: 1, pageSize: 20 });
  const reports = useReports({
    ...paging,
    ...(state ? { state } : {}),
    ...(overdue ? { overdue: 'true' as const } : {}),
  });
  const columns: TableColumnsType<ReportItem> = [
    {
      key: 'code',
      title: '受理编号',
      width: 150,
      render: (_, r) => <Link to={`/reports/${r.id}`}>{r.receiptCode}</Link>,
    },
    { key: 'kind', title: '类别', dataIndex: 'kindName', width: 150 },
    {
      key: 'enterprise',
      title: '被举报单位',
      render: (_, r) => r.enterpriseName ?? r.enterpriseDescription ?? '—',
    },
    { key: 'territory', title: '受理辖区', dataIndex: 'territoryName', width: 90 },
    { key: 'received', title: '收到时间', width: 150, render: (_, r) => formatDateTime(r.receivedAt) },
    {
      key: 'state',
      title: '状态',
      width: 190,
      render: (_, r) => (
        <Space size={4} wrap>
          <Tag color={STATE_COLORS[r.state]}>{r.stateName}</Tag>
          <Overdue report={r} />
          {r.anonymous ? <Tag>匿名</Tag> : <Tag color="purple">实名</Tag>}
        </Space>
      ),
    },
    {
      key: 'due',
      title: '期限',
      width: 110,
      render: (_, r) => formatDate(r.state === 'verified' ? r.answerBy : r.verifyBy) || '—',
    },
  ];
  return (
    <>
      <PageHeader
        title="举报受理"
        subtitle="公众通过举报页提交的安全生产举报；举报人身份信息不在此显示"
        extra={
          <Select
            allowClear
            placeholder="按状态筛选"
            style={{ width: 200 }}
            value={overdue ? OVERDUE : state}
            data-testid="report-state-filter"
            options={[
              { value: 'accepted,verified', label: '办理中' },
              { value: OVERDUE, label: '已逾期（核查或反馈）' },
              ...STATES,
            ]}
            onChange={(value?: string) =>
              setParams(value === OVERDUE ? { overdue: 'true' } : value ? { state: value } : {})
            }
          />
        }
      />
      {reports.error && <ErrorAlert error={reports.error} />}
      <Table<ReportItem>
        rowKey="id"
        data-testid="report-table"
        size="middle"
        loading={reports.isLoading}
        dataSource={reports.data?.items ?? []}
        columns={columns}
        onRow={(r) => ({ onClick: () => navigate(`/reports/${r.id}`), style: { cursor: 'pointer' } })}
        pagination={{
          current: paging.page,
          pageSize: paging.pageSize,
          total: reports.data?.total ?? 0,
          onChange: (page, pageSize) => setPaging({ page, pageSize }),
        }}
        scroll={{ x: 900 }}
      />
    </>
  );
};

// The reward not collected: given up by the reporter, or the collection period over (逾期未领取，视为放弃).
const WaiveButton = ({ report }: { report: ReportDetail }) => {
  const { message } = App.useApp();
  const waive = useWaiveReward(report.id);
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('逾期未领取');
  const collectBy = report.reward?.collectBy ?? null;
  const early = collectBy !== null && todayInZone() <= collectBy;
  return (
    <>
      <Button data-testid="reward-waive" onClick={() => setOpen(true)}>
        登记放弃领取
      </Button>
      <Modal
        open={open}
        title="登记举报人放弃领取奖励"
        okText="确认登记"
        confirmLoading={waive.isPending}
        okButtonProps={{ disabled: reason.trim().length < 2, 'data-testid': 'reward-waive-confirm' }}
        onCancel={() => setOpen(false)}
        onOk={() =>
          waive.mutate(
            { reason },
            {
              onSuccess: () => {
                setOpen(false);
                message.success('已登记放弃领取');
              },
            },
          )
        }
      >
        <Space direction="vertical" style={{ width: '100%' }}>
          {early && (
            <Alert
              type="warning"
              showIcon
              data-testid="reward-waive-early"
              message={`领奖期限至 ${formatDate(collectBy)}，尚未届满；举报人明确表示放弃的，方可现在登记`}
            />
          )}
          <Radio.Group
            value={['逾期未领取', '举报人表示放弃领取'].includes(reason) ? reason : undefined}
            onChange={(e) => setReason(e.target.value as string)}
            options={[
              { value: '逾期未领取', label: '逾期未领取，视为放弃' },
              { value: '举报人表示放弃领取', label: '举报人表示放弃领取' },
            ]}
          />
          <Input
            value={reason}
            maxLength={200}
            onChange={(e) => setReason(e.target.value)}
            data-testid="reward-waive-reason"
          />
          {waive.error && <ErrorAlert error={waive.error} />}
        </Space>
      </Modal>
    </>
  );
};

const IdentityCard = ({ report }: { report: ReportDetail }) => {
  const read = useReadIdentity(report.id);
  const [reason, setReason] = useState('');
  if (report.anonymous) return null;
  return (
    <Card title="举报人身份信息" size="small" data-testid="identity-card">
      {read.data ? (
        <Descriptions column={1} size="small" data-testid="identity-shown">
          <Descriptions.Item label="姓名">{read.data.name ?? '—'}</Descriptions.Item>
          <Descriptions.Item label="联系电话">{read.data.phone ?? '—'}</Descriptions.Item>
          <Descriptions.Item label="身份证号码">{read.data.idNumber ?? '—'}</Descriptions.Item>
          <Descriptions.Item label="其他联系方式">{read.data.contact ?? '—'}</Descriptions.Item>
        </Descriptions>
      ) : (
        <Space direction="vertical" style={{ width: '100%' }}>
          <Typography.Text type="secondary">
            身份信息加密保存；查阅须填写事由，每次查阅记入审计日志。
          </Typography.Text>
          <Input
            placeholder="查阅事由，如：回访举报人、通知领奖"
            value={reason}
            onChange={(e) => setReason(e.target.value)}
            data-testid="identity-reason"
          />
          <Button
            onClick={() => read.mutate({ reason })}
            disabled={reason.trim().length < 2}
            loading={read.isPending}
            data-testid="identity-read"
          >
            查阅
          </Button>
          {read.error && <ErrorAlert error={read.error} />}
        </Space>
      )}
    </Card>
  );
};

const HandlingCard = ({ report }: { report: ReportDetail }) => {
  const { message } = App.useApp();
  const handle = useHandleReport(report.id);
  const extend = useRequestExtension(report.id);
  const decideExtension = useDecideExtension(report.id);
  const openInspection = useOpenInspection(report.id);
  const mayUpdate = useCan('report:update');
  const mayApprove = useCan('report:approve');
  const mayInspect = useCan('inspection:create');
  const openCase = useOpenCase(report.id);
  // 立案: the server answers whether this user may open a case from this report now
  const caseable = report.caseable;
  const [dialog, setDialog] = useState<null | 'decline' | 'verify' | 'answer' | 'merge' | 'extend'>(null);
  const [form] = Form.useForm();
  const error =
    handle.error ?? extend.error ?? decideExtension.error ?? openInspection.error ?? openCase.error;
  const done = (text: string) => () => {
    message.success(text);
    setDialog(null);
    form.resetFields();
  };
  const submit = (values: Record<string, string | number>) => {
    if (dialog === 'extend')
      extend.mutate(
        { days: Number(values['days']), reason: String(values['reason']) },
        { onSuccess: done('已提交延期申请') },
      );
    else if (dialog === 'decline')
      handle.mutate({ step: 'decline', note: String(values['note']) }, { onSuccess: done('已不予受理') });
    else if (dialog === 'verify')
      handle.mutate(
        {
          step: 'verify',
          outcome: values['outcome'] as 'substantiated',
          findings: String(values['findings']),
        },
        { onSuccess: done('已记录核查结论') },
      );
    else if (dialog === 'answer')
      handle.mutate(
        { step: 'answer', answer: String(values['answer']) },
        { onSuccess: done('已反馈举报人') },
      );
    else if (dialog === 'merge')
      handle.mutate(
        { step: 'merge', intoId: String(values['intoId']), note: null },
        { onSuccess: done('已并案') },
      );
  };
  if (!mayUpdate && !mayApprove && !caseable) return null;
  return (
    <Card title="办理" size="small" data-testid="handling-card">
      {error && <ErrorAlert error={error} style={{ marginBottom: 12 }} />}
      <Space wrap>
        {report.state === 'received' && mayUpdate && (
          <>
            <Button
              type="primary"
              data-testid="report-accept"
              loading={handle.isPending}
              onClick={() =>
                handle.mutate({ step: 'accept', note: null }, { onSuccess: () => message.success('已受理') })
              }
            >
              受理
            </Button>
            <Button onClick={() => setDialog('decline')}>不予受理</Button>
          </>
        )}
        {(report.state === 'received' || report.state === 'accepted') && mayUpdate && (
          <Button onClick={() => setDialog('merge')}>并入同一事项的举报</Button>
        )}
        {report.state === 'accepted' && mayUpdate && (
          <>
            <Button type="primary" data-testid="report-verify" onClick={() => setDialog('verify')}>
              记录核查结论
            </Button>
            {report.extensionDays === 0 && !report.extensionPending && (
              <Button onClick={() => setDialog('extend')}>申请延期</Button>
            )}
            {report.enterpriseId && mayInspect && !report.inspectionId && (
              <Button
                data-testid="report-open-inspection"
                loading={openInspection.isPending}
                onClick={() =>
                  openInspection.mutate(
                    { matters: ['work_safety_general'] },
                    { onSuccess: () => message.success('已安排针对性检查') },
                  )
                }
              >
                安排针对性检查
              </Button>
            )}
          </>
        )}
        {report.state === 'verified' && mayUpdate && (
          <Button type="primary" data-testid="report-answer" onClick={() => setDialog('answer')}>
            反馈举报人
          </Button>
        )}
        {caseable && (
          <Popconfirm
            title="根据本举报立案？"
            description="案件载明举报的受理编号，不含举报人身份信息"
            okText="立案"
            cancelText="取消"
            okButtonProps={{ 'data-testid': 'report-open-case-confirm' }}
            onConfirm={() =>
              openCase.mutate(undefined, {
                onSuccess: (opened) => message.success(`已立案：案件 ${opened.reference}`),
              })
            }
          >
            <Button data-testid="report-open-case" loading={openCase.isPending}>
              立案
            </Button>
          </Popconfirm>
        )}
        {report.extensionPending && mayApprove && !report.extensionRequestedByMe && (
          <>
            <Button type="primary" onClick={() => decideExtension.mutate({ approved: true })}>
              批准延期 {report.extensionRequestedDays} 日
            </Button>
            <Button onClick={() => decideExtension.mutate({ approved: false })}>不批准延期</Button>
          </>
        )}
      </Space>
      {report.extensionPending && (
        <Alert
          style={{ marginTop: 12 }}
          type="info"
          message={`已申请延长核查期限 ${report.extensionRequestedDays} 日（${report.extensionReason ?? ''}），待本局负责人批准`}
        />
      )}
      <Modal
        open={dialog !== null}
        title={
          {
            decline: '不予受理',
            verify: '核查结论',
            answer: '反馈举报人',
            merge: '并入同一事项最先的有效举报',
            extend: '申请延长核查期限',
          }[dialog ?? 'decline']
        }
        onCancel={() => setDialog(null)}
        onOk={() => form.submit()}
        confirmLoading={handle.isPending || extend.isPending}
        destroyOnHidden
      >
        <Form form={form} layout="vertical" onFinish={submit}>
          {dialog === 'decline' && (
            <Form.Item name="note" label="不予受理的理由（将告知举报人）" rules={[{ required: true }]}>
              <Input.TextArea rows={3} />
            </Form.Item>
          )}
          {dialog === 'verify' && (
            <>
              <Form.Item name="outcome" label="结论" rules={[{ required: true }]}>
                <Select
                  data-testid="verify-outcome"
                  options={[
                    { value: 'substantiated', label: '属实' },
                    { value: 'partly_substantiated', label: '部分属实' },
                    { value: 'unsubstantiated', label: '不属实' },
                  ]}
                />
              </Form.Item>
              <Form.Item name="findings" label="核查情况" rules={[{ required: true }]}>
                <Input.TextArea rows={4} data-testid="verify-findings" />
              </Form.Item>
            </>
          )}
          {dialog === 'answer' && (
            <Form.Item name="answer" label="反馈内容（举报人凭受理编号可见）" rules={[{ required: true }]}>
              <Input.TextArea rows={4} data-testid="answer-text" />
            </Form.Item>
          )}
          {dialog === 'merge' && (
            <Form.Item
              name="intoId"
              label="最先收到的同一事项举报的编号（内部编号）"
              rules={[{ required: true }]}
            >
              <Input placeholder="从该举报详情页地址中复制" />
            </Form.Item>
          )}
          {dialog === 'extend' && (
            <>
              <Form.Item name="days" label="延长日数（不超过 30 日）" rules={[{ required: true }]}>
                <InputNumber min={1} max={30} />
              </Form.Item>
              <Form.Item name="reason" label="理由（将告知举报人）" rules={[{ required: true }]}>
                <Input.TextArea rows={3} />
              </Form.Item>
            </>
          )}
        </Form>
      </Modal>
    </Card>
  );
};

const RewardCard = ({ report }: { report: ReportDetail }) => {
  const { message } = App.useApp();
  const preview = useRewardPreview();
  const propose = useProposeReward(report.id);
  const decide = useDecideReward(report.id);
  const notify = useNotifyReward(report.id);
  const pay = usePayReward(report.id);
  const mayPropose = useCan('report_reward:create');
  const mayApprove = useCan('report_reward:approve');
  const mayUpdate = useCan('report_reward:update');
  const [form] = Form.useForm<RewardBody>();
  const kind = Form.useWatch('kind', form);
  const reward = report.reward;
  const eligible =
    (report.state === 'verified' || report.state === 'answered') &&
    (report.outcome === 'substantiated' || report.outcome === 'partly_substantiated');
  const error = preview.error ?? propose.error ?? decide.error ?? notify.error ?? pay.error;
  if (!reward && !(eligible && mayPropose)) return null;
  return (
    <Card title="举报奖励（谁受理、谁奖励）" size="small" data-testid="reward-card">
      {error && <ErrorAlert error={error} style={{ marginBottom: 12 }} />}
      {reward ? (
        <>
          <Descriptions column={{ xs: 1, md: 2 }} size="small" bordered>
            <Descriptions.Item label="奖励金额">
              <Typography.Text strong data-testid="reward-amount">
                {reward.amountYuan.toLocaleString('zh-CN')} 元
              </Typography.Text>
              {!reward.verified && (
                <Tag color="orange" style={{ marginLeft: 8 }}>
                  含待法制审核的标准
                </Tag>
              )}
            </Descriptions.Item>
            <Descriptions.Item label="状态">
              <Tag data-testid="reward-state">{reward.stateName}</Tag>
            </Descriptions.Item>
            <Descriptions.Item label="给付部门">{reward.territoryName}应急管理局</Descriptions.Item>
            <Descriptions.Item label="提出">
              {reward.proposedByName} {formatDateTime(reward.proposedAt)}
            </Descriptions.Item>
            {reward.decidedByName && (
              <Descriptions.Item label="审批">
                {reward.decidedByName} {formatDateTime(reward.decidedAt)}
              </Descriptions.Item>
            )}
            {reward.noticeOn && (
              <Descriptions.Item label="领奖通知">
                {formatDate(reward.noticeOn)}，领取期限至 {formatDate(reward.collectBy)}
              </Descriptions.Item>
            )}
            {reward.paidOn && (
              <Descriptions.Item label="发放">
                {formatDate(reward.paidOn)} {reward.paymentMethod} {reward.paymentReference ?? ''}
              </Descriptions.Item>
            )}
          </Descriptions>
          <ul style={{ marginTop: 8, marginBottom: 8 }}>
            {reward.steps.map((step) => (
              <li key={step.label}>
                {step.label} {!step.verified && <Tag color="orange">待法制审核</Tag>}
              </li>
            ))}
          </ul>
          <Space wrap>
            {reward.state === 'proposed' && mayApprove && !reward.proposedByMe && (
              <>
                <Button
                  type="primary"
                  data-testid="reward-approve"
                  onClick={() =>
                    decide.mutate(
                      { approved: true, note: null },
                      { onSuccess: () => message.success('已批准') },
                    )
                  }
                >
                  批准奖励
                </Button>
                <Button onClick={() => decide.mutate({ approved: false, note: null })}>不批准</Button>
              </>
            )}
            {reward.state === 'proposed' && reward.proposedByMe && (
              <Typography.Text type="secondary">待他人审批（提出人不能自批）</Typography.Text>
            )}
            {reward.state === 'approved' && mayUpdate && (
              <Button data-testid="reward-notify" onClick={() => notify.mutate()}>
                发出领奖通知
              </Button>
            )}
            {reward.state === 'notified' && mayUpdate && (
              <Button
                data-testid="reward-pay"
                onClick={() =>
                  pay.mutate({ paidOn: dayjs().format('YYYY-MM-DD'), method: '银行转账', reference: null })
                }
              >
                登记已发放（银行转账，今日）
              </Button>
            )}
            {reward.state === 'notified' && mayUpdate && <WaiveButton report={report} />}
          </Space>
        </>
      ) : (
        <>
          {report.penaltyCase && (
            <Alert
              style={{ marginBottom: 12 }}
              type={report.penaltyCase.decided ? 'info' : 'warning'}
              data-testid="reward-case-fine"
              message={
                report.penaltyCase.decided
                  ? `按案件 ${report.penaltyCase.reference} 处罚决定的罚款数额 ${(report.penaltyCase.fineYuan ?? 0).toLocaleString('zh-CN')} 元计算（重大事故隐患、非法违法生产经营建设）`
                  : `该举报已立案（案件 ${report.penaltyCase.reference}），待案件作出处罚决定后按决定的罚款数额计算奖励`
              }
            />
          )}
          <Form<RewardBody>
            form={form}
            layout="vertical"
            initialValues={{
              // the report's own kind where it is one of the three the rule rewards
              kind: ['major_hidden_danger', 'illegal_production', 'concealed_accident'].includes(report.kind)
                ? report.kind
                : 'major_hidden_danger',
              // the fine the case decided, which the server takes in any case
              ...(report.penaltyCase?.decided ? { fineYuan: report.penaltyCase.fineYuan ?? 0 } : {}),
            }}
            onValuesChange={(_, values) => {
              if (values.kind)
                preview.mutate({ ...values, employeeOfEnterprise: report.employeeOfEnterprise });
            }}
            onFinish={(values) =>
              propose.mutate(values, { onSuccess: () => message.success('已提出奖励，待审批') })
            }
          >
            <Row gutter={12}>
              <Col xs={24} md={8}>
                <Form.Item name="kind" label="奖励类别" rules={[{ required: true }]}>
                  <Select
                    data-testid="reward-kind"
                    options={[
                      { value: 'major_hidden_danger', label: '重大事故隐患' },
                      { value: 'illegal_production', label: '非法违法生产经营建设行为' },
                      { value: 'concealed_accident', label: '瞒报、谎报事故' },
                    ]}
                  />
                </Form.Item>
              </Col>
              {kind === 'concealed_accident' ? (
                <>
                  <Col xs={12} md={8}>
                    <Form.Item name="accidentGrade" label="事故等级" rules={[{ required: true }]}>
                      <Select
                        options={[
                          { value: 'general', label: '一般事故' },
                          { value: 'larger', label: '较大事故' },
                          { value: 'major', label: '重大事故' },
                          { value: 'especially_major', label: '特别重大事故' },
                        ]}
                      />
                    </Form.Item>
                  </Col>
                  <Col xs={12} md={8}>
                    <Form.Item
                      name="concealedDeaths"
                      label="查实瞒报谎报死亡人数"
                      rules={[{ required: true }]}
                    >
                      <InputNumber min={1} style={{ width: '100%' }} />
                    </Form.Item>
                  </Col>
                </>
              ) : (
                <Col xs={24} md={8}>
                  <Form.Item name="fineYuan" label="罚款金额（元）" rules={[{ required: true }]}>
                    <InputNumber
                      min={0}
                      style={{ width: '100%' }}
                      data-testid="reward-fine"
                      disabled={!!report.penaltyCase?.decided}
                    />
                  </Form.Item>
                </Col>
              )}
            </Row>
            {preview.data && (
              <Alert
                type={preview.data.verified ? 'info' : 'warning'}
                data-testid="reward-preview"
                message={`试算：${preview.data.amountYuan.toLocaleString('zh-CN')} 元`}
                description={
                  <>
                    {preview.data.steps.map((s) => (
                      <div key={s.label}>
                        {s.label} {!s.verified && <Tag color="orange">待法制审核</Tag>}
                      </div>
                    ))}
                    <div>依据：{preview.data.basis}</div>
                  </>
                }
                style={{ marginBottom: 12 }}
              />
            )}
            <Button type="primary" htmlType="submit" loading={propose.isPending} data-testid="reward-propose">
              提出奖励
            </Button>
          </Form>
        </>
      )}
    </Card>
  );
};

export const ReportPage = () => {
  const { id } = useParams();
  const report = useReport(id);
  const mayReadIdentity = useCan('report_identity:read');
  return (
    <DetailPage
      query={report}
      notFound={{ title: '未找到该举报，或您无权查看', backTo: '/reports', backLabel: '返回举报列表' }}
    >
      {(r: ReportDetail) => (
        <>
          <PageHeader
            title={`举报 ${r.receiptCode}`}
            crumbs={[{ title: '举报受理', to: '/reports' }, { title: r.receiptCode }]}
            extra={
              <Space>
                <Tag color={STATE_COLORS[r.state]} data-testid="report-state">
                  {r.stateName}
                </Tag>
                <Overdue report={r} />
              </Space>
            }
          />
          <Space direction="vertical" size={16} style={{ width: '100%' }}>
            <Card size="small" data-testid="report-detail">
              <Descriptions column={{ xs: 1, md: 2 }} size="small">
                <Descriptions.Item label="类别">{r.kindName}</Descriptions.Item>
                <Descriptions.Item label="被举报单位">
                  {r.enterpriseId ? (
                    <Link to={`/enterprises/${r.enterpriseId}`}>{r.enterpriseName}</Link>
                  ) : (
                    (r.enterpriseDescription ?? '—')
                  )}
                </Descriptions.Item>
                <Descriptions.Item label="受理辖区">{r.territoryName}</Descriptions.Item>
                <Descriptions.Item label="收到时间">{formatDateTime(r.receivedAt)}</Descriptions.Item>
                <Descriptions.Item label="举报方式">
                  {r.anonymous ? '匿名' : '实名'}
                  {r.employeeOfEnterprise ? '（本单位从业人员）' : ''}
                </Descriptions.Item>
                <Descriptions.Item label="位置">{r.location ?? '—'}</Descriptions.Item>
                {r.acceptedOn && (
                  <Descriptions.Item label="受理">
                    {formatDate(r.acceptedOn)} {r.acceptedByName}
                  </Descriptions.Item>
                )}
                {r.verifyBy && (
                  <Descriptions.Item label="核查期限">
                    {formatDate(r.verifyBy)}
                    {r.extensionDays > 0 &&
                      `（经 ${r.extensionApprovedByName ?? ''} 批准延长 ${r.extensionDays} 日）`}
                  </Descriptions.Item>
                )}
                {r.answerBy && (
                  <Descriptions.Item label="反馈期限">{formatDate(r.answerBy)}</Descriptions.Item>
                )}
                {r.outcomeName && <Descriptions.Item label="核查结论">{r.outcomeName}</Descriptions.Item>}
                {r.inspectionId && (
                  <Descriptions.Item label="针对性检查">
                    <Link to={`/inspections/${r.inspectionId}`}>查看检查</Link>
                  </Descriptions.Item>
                )}
                {r.penaltyCase && (
                  <Descriptions.Item label="立案">
                    <Link to={`/penalty-cases/${r.penaltyCase.id}`} data-testid="report-case-link">
                      案件 {r.penaltyCase.reference}
                    </Link>
                    {r.penaltyCase.decided &&
                      `（已决定，罚款 ${(r.penaltyCase.fineYuan ?? 0).toLocaleString('zh-CN')} 元）`}
                  </Descriptions.Item>
                )}
                {r.mergedIntoId && (
                  <Descriptions.Item label="已并入">
                    <Link to={`/reports/${r.mergedIntoId}`}>最先的举报</Link>
                  </Descriptions.Item>
                )}
              </Descriptions>
              <Typography.Paragraph
                style={{ marginTop: 12, whiteSpace: 'pre-wrap' }}
                data-testid="report-content"
              >
                {r.content}
              </Typography.Paragraph>
              {r.findings && <Alert type="info" message="核查情况" description={r.findings} />}
              {r.answer && (
                <Alert style={{ marginTop: 8 }} type="success" message="反馈举报人" description={r.answer} />
              )}
              <Space wrap style={{ marginTop: 8 }}>
                {r.photos.map((photo) => (
                  <a
                    key={photo.id}
                    href={`/api/v1/reports/${r.id}/photos/${photo.id}`}
                    target="_blank"
                    rel="noreferrer"
                  >
                    <img
                      src={`/api/v1/reports/${r.id}/photos/${photo.id}`}
                      alt="举报照片"
                      style={{ width: 120, height: 90, objectFit: 'cover', borderRadius: 4 }}
                    />
                  </a>
                ))}
              </Space>
            </Card>
            <HandlingCard report={r} />
            {mayReadIdentity && <IdentityCard report={r} />}
            <RewardCard report={r} />
          </Space>
        </>
      )}
    </DetailPage>
  );
};
