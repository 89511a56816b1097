import { useState } from 'react';
import {
  App,
  Alert,
  Button,
  Card,
  Checkbox,
  DatePicker,
  Descriptions,
  Form,
  Input,
  InputNumber,
  Modal,
  Select,
  Space,
  Table,
  Tag,
  Typography,
} from 'antd';
import dayjs from 'dayjs';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { verifyReviewSample } from '@inspecta/domain/review-sample';
import { ErrorAlert, errorTitle } from '../../app/components/error-alert';
import { PageHeader } from '../../app/components/page-header';
import { useCan } from '../../app/auth/use-can';
import { useT } from '../../app/i18n/i18n-context';
import { serverNow } from '../../app/server-clock';
import {
  useOpenRound,
  useOrderCorrection,
  useReviewRound,
  useReviewRounds,
  useSampleRound,
  useScoreFile,
  type ReviewFile,
  type ReviewRound,
  type ReviewRoundDetail,
} from './hooks';

// measure 29, 案卷评查: rounds over a bureau's closed cases and concluded inspections, sampled by the draws'
// sampler from published inputs, scored against the catalogue's sheet (veto items first, then points).

const GRADE_COLORS = { veto_failed: 'red', failed: 'orange', passed: 'blue', good: 'green' } as const;

export const ReviewRoundsPage = () => {
  const t = useT();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const { data, error, isFetching } = useReviewRounds();
  const mayOpen = useCan('case_review:create');
  const open = useOpenRound();
  const [opening, setOpening] = useState(false);
  const [form] = Form.useForm();
  const year = dayjs(serverNow()).year();
  return (
    <>
      <PageHeader
        title={t('nav.caseReviews')}
        subtitle="层级监督：随机抽取已结处罚案件和已办结检查的案卷评查，以及专项执法检查"
        extra={
          mayOpen ? (
            <Button type="primary" data-testid="open-round" onClick={() => setOpening(true)}>
              发起评查
            </Button>
          ) : null
        }
      />
      <Card>
        {error ? <ErrorAlert error={error} /> : null}
        <Table<ReviewRound>
          rowKey="id"
          data-testid="round-table"
          loading={isFetching && !data}
          dataSource={data?.items ?? []}
          pagination={{ pageSize: 20 }}
          columns={[
            {
              title: '评查',
              dataIndex: 'kindName',
              render: (name: string, row) => (
                <Link to={`/case-reviews/${row.id}`}>
                  {name}
                  {row.topic ? `：${row.topic}` : ''}
                </Link>
              ),
            },
            { title: '被评查单位', dataIndex: 'territory', width: 110 },
            {
              title: '期间',
              render: (_: unknown, row) => `${row.periodFrom} 至 ${row.periodTo}`,
              width: 220,
            },
            {
              title: '案卷池',
              render: (_: unknown, row) => `${row.pool.length} 卷，随机抽取 ${row.sampleSize} 卷`,
              width: 190,
            },
            {
              title: '状态',
              dataIndex: 'statusName',
              width: 90,
              render: (name: string) => <Tag>{name}</Tag>,
            },
            { title: '已评分', render: (_: unknown, row) => `${row.scored} / ${row.files}`, width: 90 },
          ]}
        />
      </Card>
      <Modal
        title="发起案卷评查"
        open={opening}
        okText="固定案卷池并公布"
        cancelText="取消"
        confirmLoading={open.isPending}
        onCancel={() => setOpening(false)}
        onOk={async () => {
          const values = await form.validateFields();
          try {
            const round = await open.mutateAsync({
              territory: values.territory || undefined,
              kind: values.kind,
              topic: values.topic || null,
              periodFrom: values.period[0].format('YYYY-MM-DD'),
              periodTo: values.period[1].format('YYYY-MM-DD'),
              sampleSize: values.sampleSize,
              fileKinds: values.fileKinds,
            });
            setOpening(false);
            navigate(`/case-reviews/${round.id}`);
          } catch (failure) {
            message.error(errorTitle(failure, t));
          }
        }}
      >
        <Form
          form={form}
          layout="vertical"
          initialValues={{
            kind: 'routine',
            sampleSize: 5,
            fileKinds: ['penalty_case', 'inspection'],
            period: [dayjs(`${year - 1}-01-01`), dayjs(`${year}-12-31`)],
          }}
        >
          <Form.Item name="kind" label="类型">
            <Select
              data-testid="round-kind"
              options={[
                { value: 'routine', label: '案卷评查' },
                { value: 'special', label: '专项执法检查' },
              ]}
            />
          </Form.Item>
          <Form.Item name="topic" label="主题（专项执法检查必填）">
            <Input data-testid="round-topic" maxLength={200} />
          </Form.Item>
          <Form.Item name="territory" label="被评查单位的行政区划代码（不填为本单位）">
            <Input data-testid="round-territory" maxLength={6} />
          </Form.Item>
          <Form.Item name="period" label="期间" rules={[{ required: true, message: '请选择期间' }]}>
            <DatePicker.RangePicker />
          </Form.Item>
          <Form.Item
            name="fileKinds"
            label="案卷范围"
            rules={[{ required: true, message: '请选择案卷范围' }]}
          >
            <Checkbox.Group
              options={[
                { value: 'penalty_case', label: '已结处罚案件' },
                { value: 'inspection', label: '已办结检查' },
              ]}
            />
          </Form.Item>
          <Form.Item
            name="sampleSize"
            label="随机抽取卷数"
            rules={[{ required: true, message: '请填写卷数' }]}
          >
            <InputNumber data-testid="round-size" min={1} max={500} />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
};

const fileLink = (file: ReviewFile) =>
  file.fileKind === 'inspection' ? `/inspections/${file.fileId}` : `/penalty-cases/${file.fileId}`;

export const ReviewRoundPage = () => {
  const t = useT();
  const { id = '' } = useParams();
  const { message } = App.useApp();
  const { data, error } = useReviewRound(id);
  const mayScore = useCan('case_review:approve');
  const sample = useSampleRound();
  const [entropy, setEntropy] = useState('');
  const [scoring, setScoring] = useState<ReviewFile | null>(null);
  const [correcting, setCorrecting] = useState<ReviewFile | null>(null);
  const [verified, setVerified] = useState<string | null>(null);
  if (error) return <ErrorAlert error={error} />;
  if (!data) return null;
  const { round, files, sheet } = data;
  const verify = () => {
    const result = verifyReviewSample({
      pool: round.pool,
      sampleSize: round.sampleSize,
      publicEntropy: round.publicEntropy ?? '',
      poolHash: round.poolHash,
      seed: round.seed ?? '',
      selected: round.selected ?? [],
    });
    setVerified(
      result.ok ? '复算一致：案卷池摘要、随机种子和抽中的案卷与公布的相同' : result.differences.join('；'),
    );
  };
  return (
    <>
      <PageHeader
        title={`${round.kindName}${round.topic ? `：${round.topic}` : ''}`}
        crumbs={[{ title: t('nav.caseReviews'), to: '/case-reviews' }, { title: round.periodFrom }]}
      />
      <Card title="抽取（公布的输入，任何人可复算）" style={{ marginBottom: 16 }}>
        <Descriptions column={1} size="small" bordered>
          <Descriptions.Item label="算法">
            {round.algorithm}（与双随机抽查相同的 SHA-256 抽样）
          </Descriptions.Item>
          <Descriptions.Item label="期间">
            {round.periodFrom} 至 {round.periodTo}，被评查单位 {round.territory}
          </Descriptions.Item>
          <Descriptions.Item label="案卷池">
            <span data-testid="round-pool-size">{round.pool.length}</span> 卷，随机抽取 {round.sampleSize} 卷
          </Descriptions.Item>
          <Descriptions.Item label="案卷池摘要">
            <Typography.Text code copyable data-testid="round-pool-hash">
              {round.poolHash}
            </Typography.Text>
          </Descriptions.Item>
          <Descriptions.Item label="因投诉评查">{round.complaintDriven.length} 卷</Descriptions.Item>
          {round.status === 'sampled' ? (
            <>
              <Descriptions.Item label="公开随机数">{round.publicEntropy}</Descriptions.Item>
              <Descriptions.Item label="随机种子">
                <Typography.Text code data-testid="round-seed">
                  {round.seed}
                </Typography.Text>
              </Descriptions.Item>
            </>
          ) : null}
        </Descriptions>
        {round.status === 'opened' && mayScore ? (
          <Space style={{ marginTop: 16 }}>
            <Input
              data-testid="round-entropy"
              placeholder="公开随机数（如当日开奖号码）"
              value={entropy}
              onChange={(event) => setEntropy(event.target.value)}
              style={{ width: 320 }}
            />
            <Button
              type="primary"
              data-testid="sample-round"
              loading={sample.isPending}
              onClick={async () => {
                try {
                  await sample.mutateAsync({ id: round.id, publicEntropy: entropy });
                } catch (failure) {
                  message.error(errorTitle(failure, t));
                }
              }}
            >
              抽取案卷
            </Button>
          </Space>
        ) : null}
        {round.status === 'sampled' ? (
          <Space direction="vertical" style={{ marginTop: 16 }}>
            <Button data-testid="verify-round" onClick={verify}>
              在本机复算
            </Button>
            {verified ? <Alert data-testid="verify-result" type="info" showIcon message={verified} /> : null}
          </Space>
        ) : null}
      </Card>
      <Card title="评查案卷">
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 12 }}
          message={`评分表：${sheet.name}${sheet.verified ? '' : '（待法制审核）'}：否决项任一不符即为不合格卷；评分项满分 ${sheet.pointItems.reduce((s, i) => s + i.points, 0)} 分，${sheet.passPoints} 分合格，${sheet.goodPoints} 分优秀`}
        />
        <Table<ReviewFile>
          rowKey="id"
          data-testid="review-file-table"
          dataSource={files}
          pagination={false}
          columns={[
            {
              title: '案卷',
              dataIndex: 'label',
              render: (label: string, row) => <Link to={fileLink(row)}>{label}</Link>,
            },
            { title: '类别', dataIndex: 'fileKindName', width: 100 },
            {
              title: '来源',
              dataIndex: 'basisName',
              width: 120,
              render: (name: string, row) => (
                <Tag color={row.basis === 'complaint' ? 'purple' : 'default'}>{name}</Tag>
              ),
            },
            { title: '承办人', render: (_: unknown, row) => row.handlerNames.join('、') || '—', width: 160 },
            {
              title: '评分',
              width: 200,
              render: (_: unknown, row) =>
                row.grade ? (
                  <Space>
                    <Tag color={GRADE_COLORS[row.grade]} data-testid={`grade-${row.id}`}>
                      {row.gradeName}
                    </Tag>
                    {row.grade === 'veto_failed' ? null : `${row.total} 分`}
                  </Space>
                ) : (
                  '待评分'
                ),
            },
            {
              title: '问题与整改',
              render: (_: unknown, row) => (
                <div>
                  {row.findings ? <div>{row.findings}</div> : null}
                  {row.corrections.map((c) => (
                    <div key={c.id}>
                      整改：{c.requirement}（{c.dueOn} 前）
                      {c.completedOn ? (
                        <Tag color="green">{c.completedOn} 完成</Tag>
                      ) : c.overdue ? (
                        <Tag color="red">逾期</Tag>
                      ) : null}
                    </div>
                  ))}
                </div>
              ),
            },
            {
              title: '操作',
              width: 170,
              render: (_: unknown, row) =>
                !mayScore ? null : row.status === 'pending' ? (
                  row.handledByMe ? (
                    <Tag>本人承办，回避</Tag>
                  ) : (
                    <Button size="small" data-testid={`score-${row.id}`} onClick={() => setScoring(row)}>
                      评分
                    </Button>
                  )
                ) : (
                  <Button size="small" data-testid={`correct-${row.id}`} onClick={() => setCorrecting(row)}>
                    责令整改
                  </Button>
                ),
            },
          ]}
        />
      </Card>
      {scoring ? <ScoreModal file={scoring} sheet={sheet} onClose={() => setScoring(null)} /> : null}
      {correcting ? <CorrectionModal file={correcting} onClose={() => setCorrecting(null)} /> : null}
    </>
  );
};

const ScoreModal = ({
  file,
  sheet,
  onClose,
}: {
  file: ReviewFile;
  sheet: ReviewRoundDetail['sheet'];
  onClose: () => void;
}) => {
  const t = useT();
  const { message } = App.useApp();
  const score = useScoreFile();
  const [form] = Form.useForm();
  const vetoFailed: string[] = Form.useWatch('vetoFailed', form) ?? [];
  return (
    <Modal
      title={`案卷评分：${file.label}`}
      open
      width={720}
      okText="保存评分"
      cancelText="取消"
      confirmLoading={score.isPending}
      onCancel={onClose}
      onOk={async () => {
        const values = await form.validateFields();
        const points = Object.fromEntries(
          sheet.pointItems
            .filter((item) => typeof values[`p_${item.code}`] === 'number')
            .map((item) => [item.code, values[`p_${item.code}`] as number]),
        );
        try {
          await score.mutateAsync({
            id: file.id,
            body: { vetoFailed: values.vetoFailed ?? [], points, findings: values.findings ?? '' },
          });
          onClose();
        } catch (failure) {
          message.error(errorTitle(failure, t));
        }
      }}
    >
      <Form
        form={form}
        layout="vertical"
        initialValues={Object.fromEntries(sheet.pointItems.map((item) => [`p_${item.code}`, item.points]))}
      >
        <Form.Item name="vetoFailed" label="否决项（勾选不符合的项目；任一不符即为不合格卷）">
          <Checkbox.Group
            data-testid="veto-items"
            style={{ display: 'flex', flexDirection: 'column' }}
            options={sheet.vetoItems.map((item) => ({ value: item.code, label: item.name }))}
          />
        </Form.Item>
        {vetoFailed.length === 0
          ? sheet.pointItems.map((item) => (
              <Form.Item
                key={item.code}
                name={`p_${item.code}`}
                label={`${item.group}：${item.name}（${item.points} 分）`}
                rules={[{ required: true, message: '请评分' }]}
              >
                <InputNumber data-testid={`points-${item.code}`} min={0} max={item.points} step={0.5} />
              </Form.Item>
            ))
          : null}
        <Form.Item name="findings" label="评查发现的问题">
          <Input.TextArea data-testid="review-findings" rows={3} maxLength={4000} />
        </Form.Item>
      </Form>
    </Modal>
  );
};

const CorrectionModal = ({ file, onClose }: { file: ReviewFile; onClose: () => void }) => {
  const t = useT();
  const { message } = App.useApp();
  const order = useOrderCorrection();
  const [form] = Form.useForm();
  return (
    <Modal
      title={`责令整改：${file.label}`}
      open
      okText="下达"
      cancelText="取消"
      confirmLoading={order.isPending}
      onCancel={onClose}
      onOk={async () => {
        const values = await form.validateFields();
        try {
          await order.mutateAsync({
            id: file.id,
            requirement: values.requirement,
            dueOn: values.dueOn.format('YYYY-MM-DD'),
          });
          onClose();
        } catch (failure) {
          message.error(errorTitle(failure, t));
        }
      }}
    >
      <Form form={form} layout="vertical" initialValues={{ dueOn: dayjs(serverNow()).add(30, 'day') }}>
        <Form.Item
          name="requirement"
          label="整改要求"
          rules={[{ required: true, whitespace: true, message: '请填写整改要求' }]}
        >
          <Input.TextArea data-testid="correction-requirement" rows={3} maxLength={2000} />
        </Form.Item>
        <Form.Item name="dueOn" label="整改期限" rules={[{ required: true, message: '请选择期限' }]}>
          <DatePicker />
        </Form.Item>
      </Form>
    </Modal>
  );
};
