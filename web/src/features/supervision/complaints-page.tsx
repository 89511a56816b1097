import { useState } from 'react';
import {
  App,
  Button,
  Card,
  DatePicker,
  Form,
  Input,
  Modal,
  Segmented,
  Select,
  Space,
  Table,
  Tag,
} from 'antd';
import dayjs from 'dayjs';
import { Link, useSearchParams } from 'react-router-dom';
import { ErrorAlert, errorTitle } from '../../app/components/error-alert';
import { FilterBar } from '../../app/components/list-filters';
import { PageHeader } from '../../app/components/page-header';
import { useCan } from '../../app/auth/use-can';
import { useT } from '../../app/i18n/i18n-context';
import { serverNow } from '../../app/server-clock';
import { AccountabilityFormDrawer } from '../accountability/accountability-form-drawer';
import { useInspections } from '../inspections/hooks';
import { useOfficers } from '../officers/hooks';
import { usePenaltyCases } from '../penalty-cases/hooks';
import {
  useAnswerComplaint,
  useComplaintChannels,
  useComplaints,
  useReceiveComplaint,
  type Complaint,
} from './hooks';

type View = 'open' | 'overdue' | 'all';

// measure 29: complaints about enforcement from 12345, the hotline, 局长信箱, 信访 and online, each tracked to an
// answer by the day its channel's catalogue entry gives (待法制审核 until a legal reviewer confirms it).
export const ComplaintsPage = () => {
  const t = useT();
  const { message } = App.useApp();
  const [params, setParams] = useSearchParams();
  const view: View =
    params.get('overdue') === 'true' ? 'overdue' : params.get('view') === 'all' ? 'all' : 'open';
  const { data, error, isFetching } = useComplaints(
    view === 'overdue' ? { overdue: 'true' } : view === 'open' ? { status: 'open' } : {},
  );
  const mayReceive = useCan('complaint:create');
  const mayAnswer = useCan('complaint:update');
  const mayHoldAccountable = useCan('accountability_record:create');
  const only = params.get('id');
  const [receiving, setReceiving] = useState(false);
  const [accounting, setAccounting] = useState<Complaint | null>(null);
  const [answering, setAnswering] = useState<Complaint | null>(null);
  const channels = useComplaintChannels();
  const officers = useOfficers({ page: 1, pageSize: 200 });
  // the inspection or the penalty case complained of: the bureau's own (the lists answer within its territory)
  const [inspectionQuery, setInspectionQuery] = useState('');
  const inspections = useInspections({
    page: 1,
    pageSize: 20,
    ...(inspectionQuery ? { q: inspectionQuery } : {}),
  });
  const cases = usePenaltyCases({ page: 1, pageSize: 200 });
  const receive = useReceiveComplaint();
  const answer = useAnswerComplaint();
  const [receiveForm] = Form.useForm();
  const [answerForm] = Form.useForm();
  return (
    <>
      <PageHeader
        title={t('nav.complaints')}
        subtitle="12345 热线、执法投诉热线、局长信箱、信访、网上投诉：逐件登记、限期答复；涉及执法人员或执法决定的列入案卷评查"
        extra={
          mayReceive ? (
            <Button type="primary" data-testid="receive-complaint" onClick={() => setReceiving(true)}>
              登记投诉
            </Button>
          ) : null
        }
      />
      <FilterBar>
        <Segmented<View>
          value={view}
          onChange={(value) => setParams(value === 'overdue' ? { overdue: 'true' } : { view: value })}
          options={[
            { value: 'open', label: '待答复' },
            { value: 'overdue', label: '逾期未答复' },
            { value: 'all', label: '全部' },
          ]}
        />
        {only ? (
          <Tag closable onClose={() => setParams({ view: 'all' })} data-testid="complaint-only">
            仅显示一件投诉
          </Tag>
        ) : null}
      </FilterBar>
      <Card>
        {error ? <ErrorAlert error={error} /> : null}
        <Table<Complaint>
          rowKey="id"
          data-testid="complaint-table"
          loading={isFetching && !data}
          dataSource={(data?.items ?? []).filter((item) => !only || item.id === only)}
          pagination={{ pageSize: 20 }}
          columns={[
            { title: '渠道', dataIndex: 'channelName', width: 150 },
            { title: '投诉内容', dataIndex: 'summary' },
            {
              title: '涉及',
              key: 'concerns',
              width: 220,
              render: (_: unknown, row) => {
                const named = [
                  row.officerName ? `执法人员 ${row.officerName}` : null,
                  row.inspection
                    ? `检查 ${row.inspection.enterpriseName}（${row.inspection.plannedOn}）`
                    : null,
                  row.penaltyCase
                    ? `案件 ${row.penaltyCase.reference}（${row.penaltyCase.enterpriseName}）`
                    : null,
                ].filter((line): line is string => line !== null);
                return named.length ? (
                  <Space direction="vertical" size={0}>
                    {named.map((line) => (
                      <span key={line}>{line}</span>
                    ))}
                  </Space>
                ) : (
                  '—'
                );
              },
            },
            { title: '收到日期', dataIndex: 'receivedOn', width: 110 },
            {
              title: '答复期限',
              dataIndex: 'dueOn',
              width: 170,
              render: (dueOn: string, row) => (
                <Space size={4} wrap>
                  <span>{dueOn}</span>
                  {row.overdue ? <Tag color="red">已逾期</Tag> : null}
                  {row.dueVerified ? null : (
                    <Tag color="orange" title={row.dueSource}>
                      待法制审核
                    </Tag>
                  )}
                </Space>
              ),
            },
            {
              title: '状态',
              dataIndex: 'statusName',
              width: 200,
              render: (name: string, row) =>
                row.status === 'answered' ? (
                  <span title={row.answer ?? ''}>
                    <Tag color="green">{name}</Tag>
                    {row.answeredOn}
                  </span>
                ) : (
                  <Space>
                    <Tag color="blue">{name}</Tag>
                    {row.reviewQueued ? <Tag>列入案卷评查</Tag> : null}
                  </Space>
                ),
            },
            ...(mayHoldAccountable
              ? [
                  {
                    title: '追责问责',
                    key: 'accountability',
                    width: 140,
                    render: (_: unknown, row: Complaint) => (
                      <Space direction="vertical" size={0}>
                        {row.accountabilityRecords.map((record) => (
                          <Link
                            key={record.id}
                            to={`/accountability/${record.id}`}
                            data-testid={`complaint-accountability-${row.id}`}
                          >
                            {record.kindName}（{record.statusName}）
                          </Link>
                        ))}
                      </Space>
                    ),
                  },
                ]
              : []),
            {
              title: '操作',
              width: 150,
              render: (_: unknown, row) => (
                <Space size={4}>
                  {mayAnswer && row.status === 'open' ? (
                    <Button size="small" data-testid={`answer-${row.id}`} onClick={() => setAnswering(row)}>
                      答复
                    </Button>
                  ) : null}
                  {mayHoldAccountable && (row.officerId || row.inspectionId || row.penaltyCaseId) ? (
                    <Button
                      size="small"
                      data-testid={`hold-accountable-${row.id}`}
                      onClick={() => setAccounting(row)}
                    >
                      追责
                    </Button>
                  ) : null}
                </Space>
              ),
            },
          ]}
        />
      </Card>
      <Modal
        title="登记执法投诉"
        open={receiving}
        okText="登记"
        cancelText="取消"
        confirmLoading={receive.isPending}
        onCancel={() => setReceiving(false)}
        onOk={async () => {
          const values = await receiveForm.validateFields();
          try {
            await receive.mutateAsync({
              channel: values.channel,
              channelReference: values.channelReference || null,
              complainant: values.complainant || null,
              summary: values.summary,
              receivedOn: values.receivedOn.format('YYYY-MM-DD'),
              officerId: values.officerId ?? null,
              inspectionId: values.inspectionId ?? null,
              penaltyCaseId: values.penaltyCaseId ?? null,
            });
            message.success('投诉已登记');
            receiveForm.resetFields();
            setReceiving(false);
          } catch (failure) {
            message.error(errorTitle(failure, t));
          }
        }}
      >
        <Form form={receiveForm} layout="vertical" initialValues={{ receivedOn: dayjs(serverNow()) }}>
          <Form.Item name="channel" label="渠道" rules={[{ required: true, message: '请选择渠道' }]}>
            <Select
              data-testid="complaint-channel"
              options={(channels.data?.items ?? []).map((channel) => ({
                value: channel.code,
                label: `${channel.name}（${channel.count}${channel.unit === 'workdays' ? '个工作日' : '日'}内答复${channel.verified ? '' : '，待法制审核'}）`,
              }))}
            />
          </Form.Item>
          <Form.Item name="channelReference" label="工单号或来文编号">
            <Input data-testid="complaint-reference" maxLength={100} />
          </Form.Item>
          <Form.Item name="complainant" label="投诉人（可不填）">
            <Input maxLength={100} />
          </Form.Item>
          <Form.Item
            name="summary"
            label="投诉内容"
            rules={[{ required: true, whitespace: true, message: '请填写投诉内容' }]}
          >
            <Input.TextArea data-testid="complaint-summary" rows={3} maxLength={4000} />
          </Form.Item>
          <Form.Item name="receivedOn" label="收到日期" rules={[{ required: true, message: '请选择日期' }]}>
            <DatePicker />
          </Form.Item>
          <Form.Item name="officerId" label="涉及的执法人员（可不填）">
            <Select
              allowClear
              showSearch
              optionFilterProp="label"
              data-testid="complaint-officer"
              options={(officers.data?.items ?? []).map((officer) => ({
                value: officer.id,
                label: officer.name,
              }))}
            />
          </Form.Item>
          <Form.Item name="inspectionId" label="涉及的检查（可不填）">
            <Select
              allowClear
              showSearch
              filterOption={false}
              onSearch={setInspectionQuery}
              placeholder="按企业名称查找本辖区的检查"
              loading={inspections.isFetching}
              data-testid="complaint-inspection"
              options={(inspections.data?.items ?? []).map((inspection) => ({
                value: inspection.id,
                label: `${inspection.enterpriseName}（${inspection.plannedOn}）`,
              }))}
            />
          </Form.Item>
          <Form.Item name="penaltyCaseId" label="涉及的处罚案件（可不填）">
            <Select
              allowClear
              showSearch
              optionFilterProp="label"
              placeholder="按案号或企业名称查找本辖区的案件"
              data-testid="complaint-case"
              options={(cases.data?.items ?? []).map((item) => ({
                value: item.id,
                label: `${item.reference} ${item.enterpriseName}`,
              }))}
            />
          </Form.Item>
        </Form>
      </Modal>
      {accounting ? (
        <AccountabilityFormDrawer
          open
          onClose={() => setAccounting(null)}
          complaint={{
            id: accounting.id,
            summary: accounting.summary,
            channelReference: accounting.channelReference,
            officerId: accounting.officerId,
            inspection: accounting.inspection,
            penaltyCaseId: accounting.penaltyCaseId,
          }}
        />
      ) : null}
      <Modal
        title="答复执法投诉"
        open={answering !== null}
        okText="答复"
        cancelText="取消"
        confirmLoading={answer.isPending}
        onCancel={() => setAnswering(null)}
        onOk={async () => {
          const values = await answerForm.validateFields();
          try {
            await answer.mutateAsync({
              id: answering!.id,
              answer: values.answer,
              answeredOn: values.answeredOn.format('YYYY-MM-DD'),
            });
            message.success('已答复');
            answerForm.resetFields();
            setAnswering(null);
          } catch (failure) {
            message.error(errorTitle(failure, t));
          }
        }}
      >
        <p>{answering?.summary}</p>
        <Form form={answerForm} layout="vertical" initialValues={{ answeredOn: dayjs(serverNow()) }}>
          <Form.Item
            name="answer"
            label="答复内容"
            rules={[{ required: true, whitespace: true, message: '请填写答复内容' }]}
          >
            <Input.TextArea data-testid="complaint-answer" rows={4} maxLength={4000} />
          </Form.Item>
          <Form.Item name="answeredOn" label="答复日期" rules={[{ required: true, message: '请选择日期' }]}>
            <DatePicker />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
};
