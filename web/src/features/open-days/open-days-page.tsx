import { useState } from 'react';
import {
  App,
  Button,
  Card,
  DatePicker,
  Empty,
  Flex,
  Form,
  Input,
  List,
  Modal,
  Select,
  Space,
  Tag,
  Typography,
} from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { Link } from 'react-router-dom';
import type { Dayjs } from 'dayjs';
import { ErrorAlert } from '../../app/components/error-alert';
import { PageHeader } from '../../app/components/page-header';
import { can } from '../../app/auth/access';
import { useCurrentUser } from '../auth/hooks';
import { useInspections } from '../inspections/hooks';
import {
  useAddParticipant,
  useAnswerSuggestion,
  useCreateOpenDay,
  useLinkInspection,
  useOpenDays,
  useRecordSuggestion,
  type OpenDay,
  type ParticipantBody,
} from './hooks';

// Measure 28 (执法开放日、媒体观察): the bureau records an event, who took part, the inspections they observed and
// their suggestions; a head or the legal reviewer answers each, and the answer goes public on the portal.

const CATEGORIES: { value: ParticipantBody['category']; label: string }[] = [
  { value: 'npc_deputy', label: '人大代表' },
  { value: 'cppcc_member', label: '政协委员' },
  { value: 'social_supervisor', label: '社会监督员' },
  { value: 'worker_representative', label: '职工代表' },
  { value: 'media', label: '媒体' },
];

const CreateOpenDay = () => {
  const { message } = App.useApp();
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm<{
    kind: 'open_day' | 'media';
    title: string;
    heldOn: Dayjs;
    place: string;
    summary?: string;
  }>();
  const create = useCreateOpenDay();
  return (
    <>
      <Button type="primary" icon={<PlusOutlined />} onClick={() => setOpen(true)} data-testid="open-day-new">
        登记活动
      </Button>
      <Modal
        open={open}
        title="登记执法开放日或媒体观察活动"
        okText="登记"
        confirmLoading={create.isPending}
        onCancel={() => setOpen(false)}
        onOk={() => form.submit()}
        okButtonProps={{ 'data-testid': 'open-day-submit' } as Record<`data-${string}`, string>}
      >
        {create.isError && <ErrorAlert error={create.error} style={{ marginBottom: 12 }} />}
        <Form
          form={form}
          layout="vertical"
          initialValues={{ kind: 'open_day' }}
          onFinish={(values) =>
            create.mutate(
              {
                kind: values.kind,
                title: values.title,
                heldOn: values.heldOn.format('YYYY-MM-DD'),
                place: values.place,
                summary: values.summary ?? '',
              },
              {
                onSuccess: () => {
                  void message.success('已登记活动');
                  form.resetFields();
                  setOpen(false);
                },
              },
            )
          }
        >
          <Form.Item name="kind" label="类型" rules={[{ required: true }]}>
            <Select
              options={[
                { value: 'open_day', label: '执法开放日' },
                { value: 'media', label: '媒体观察' },
              ]}
            />
          </Form.Item>
          <Form.Item name="title" label="活动名称" rules={[{ required: true, message: '请填写活动名称' }]}>
            <Input maxLength={100} data-testid="open-day-title" />
          </Form.Item>
          <Form.Item name="heldOn" label="举办日期" rules={[{ required: true, message: '请选择举办日期' }]}>
            <DatePicker style={{ width: '100%' }} data-testid="open-day-date" />
          </Form.Item>
          <Form.Item name="place" label="地点" rules={[{ required: true, message: '请填写地点' }]}>
            <Input maxLength={200} data-testid="open-day-place" />
          </Form.Item>
          <Form.Item name="summary" label="简介">
            <Input.TextArea maxLength={2000} rows={3} />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
};

const AddParticipant = ({ day }: { day: OpenDay }) => {
  const [form] = Form.useForm<ParticipantBody>();
  const add = useAddParticipant();
  return (
    <Form
      form={form}
      layout="inline"
      style={{ rowGap: 8 }}
      onFinish={(values) =>
        add.mutate(
          { id: day.id, body: { ...values, username: values.username || undefined } },
          { onSuccess: () => form.resetFields() },
        )
      }
    >
      <Form.Item name="category" rules={[{ required: true, message: '请选择类别' }]}>
        <Select placeholder="类别" options={CATEGORIES} style={{ width: 120 }} />
      </Form.Item>
      <Form.Item name="name" rules={[{ required: true, message: '请填写姓名' }]}>
        <Input placeholder="姓名" style={{ width: 110 }} maxLength={50} />
      </Form.Item>
      <Form.Item name="affiliation">
        <Input placeholder="单位或职务" style={{ width: 150 }} maxLength={100} />
      </Form.Item>
      <Form.Item name="username">
        <Input placeholder="社会监督员账号（可不填）" style={{ width: 190 }} maxLength={64} />
      </Form.Item>
      <Button htmlType="submit" loading={add.isPending}>
        添加参加人员
      </Button>
      {add.isError && <ErrorAlert error={add.error} style={{ width: '100%', marginTop: 8 }} />}
    </Form>
  );
};

const LinkInspection = ({ day }: { day: OpenDay }) => {
  const [q, setQ] = useState('');
  const found = useInspections({ page: 1, pageSize: 20, ...(q ? { q } : {}) });
  const link = useLinkInspection();
  return (
    <Space wrap>
      <Select
        showSearch
        filterOption={false}
        onSearch={setQ}
        placeholder="按企业名称查找检查"
        style={{ width: 320 }}
        loading={found.isFetching}
        options={(found.data?.items ?? []).map((inspection) => ({
          value: inspection.id,
          label: `${inspection.enterpriseName}（${inspection.plannedOn}）`,
        }))}
        onSelect={(inspectionId: string) => link.mutate({ id: day.id, inspectionId })}
        data-testid="open-day-link-inspection"
      />
      {link.isError && <ErrorAlert error={link.error} />}
    </Space>
  );
};

const Suggestions = ({ day, mayAnswer }: { day: OpenDay; mayAnswer: boolean }) => {
  const [answers, setAnswers] = useState<Record<string, string>>({});
  const [participantId, setParticipantId] = useState<string>();
  const [text, setText] = useState('');
  const answer = useAnswerSuggestion();
  const record = useRecordSuggestion();
  return (
    <Flex vertical gap={8}>
      {day.suggestions.map((suggestion) => (
        <Card key={suggestion.id} type="inner" size="small" data-testid="open-day-suggestion">
          <Typography.Paragraph style={{ marginBottom: 4 }}>
            {suggestion.participantName}（{suggestion.categoryName}）：{suggestion.text}
          </Typography.Paragraph>
          {suggestion.answer ? (
            <Typography.Text type="success">
              答复（{suggestion.answeredByName}）：{suggestion.answer} <Tag color="green">已公开</Tag>
            </Typography.Text>
          ) : mayAnswer ? (
            <Space.Compact style={{ width: '100%' }}>
              <Input
                placeholder="答复内容（答复后在政务公开门户公开）"
                value={answers[suggestion.id] ?? ''}
                onChange={(event) => setAnswers({ ...answers, [suggestion.id]: event.target.value })}
                data-testid="open-day-answer-input"
                maxLength={2000}
              />
              <Button
                type="primary"
                loading={answer.isPending}
                onClick={() =>
                  answer.mutate({
                    id: day.id,
                    suggestionId: suggestion.id,
                    answer: answers[suggestion.id] ?? '',
                  })
                }
                data-testid="open-day-answer"
              >
                答复并公开
              </Button>
            </Space.Compact>
          ) : (
            <Tag color="orange">待答复</Tag>
          )}
        </Card>
      ))}
      {answer.isError && <ErrorAlert error={answer.error} />}
      {day.participants.length > 0 && (
        <Space.Compact style={{ width: '100%' }}>
          <Select
            placeholder="提出人"
            style={{ width: 160 }}
            value={participantId}
            onChange={setParticipantId}
            options={day.participants.map((p) => ({ value: p.id, label: `${p.name}（${p.categoryName}）` }))}
          />
          <Input
            placeholder="登记现场提出的意见建议"
            value={text}
            onChange={(event) => setText(event.target.value)}
            maxLength={2000}
          />
          <Button
            disabled={!participantId}
            loading={record.isPending}
            onClick={() =>
              participantId &&
              record.mutate({ id: day.id, participantId, text }, { onSuccess: () => setText('') })
            }
          >
            登记
          </Button>
        </Space.Compact>
      )}
      {record.isError && <ErrorAlert error={record.error} />}
    </Flex>
  );
};

export const OpenDayCard = ({
  day,
  mayEdit,
  mayAnswer,
}: {
  day: OpenDay;
  mayEdit: boolean;
  mayAnswer: boolean;
}) => (
  <Card
    size="small"
    data-testid="open-day"
    title={day.title}
    extra={
      <Space>
        <Tag color="blue">{day.kindName}</Tag>
        <Typography.Text type="secondary">{day.heldOn}</Typography.Text>
      </Space>
    }
  >
    <Typography.Paragraph type="secondary">
      {day.place} · {day.organisationName}
      {day.summary ? ` · ${day.summary}` : ''}
    </Typography.Paragraph>
    <Typography.Title level={5}>参加人员</Typography.Title>
    <Flex gap={6} wrap style={{ marginBottom: 8 }}>
      {day.participants.length === 0 && <Typography.Text type="secondary">尚未登记</Typography.Text>}
      {day.participants.map((p) => (
        <Tag key={p.id} color={p.hasAccount ? 'geekblue' : undefined}>
          {p.categoryName} · {p.name}
          {p.affiliation ? `（${p.affiliation}）` : ''}
        </Tag>
      ))}
    </Flex>
    {mayEdit && <AddParticipant day={day} />}
    <Typography.Title level={5} style={{ marginTop: 16 }}>
      观摩的检查
    </Typography.Title>
    <List
      size="small"
      dataSource={day.inspections}
      locale={{ emptyText: '尚未安排' }}
      renderItem={(inspection) => (
        <List.Item data-testid="open-day-inspection">
          <Link to={`/inspections/${inspection.id}`}>{inspection.enterpriseName}</Link>
          <Typography.Text type="secondary">
            {inspection.plannedOn} · {inspection.stageName}
          </Typography.Text>
        </List.Item>
      )}
    />
    {mayEdit && <LinkInspection day={day} />}
    <Typography.Title level={5} style={{ marginTop: 16 }}>
      意见建议
    </Typography.Title>
    <Suggestions day={day} mayAnswer={mayAnswer} />
  </Card>
);

export const OpenDaysPage = () => {
  const user = useCurrentUser();
  const days = useOpenDays();
  const mayEdit = can(user, 'open_day:update');
  const mayAnswer = can(user, 'open_day:approve');
  const items = days.data?.items ?? [];
  return (
    <>
      <PageHeader
        title="执法开放日与媒体观察"
        subtitle="邀请人大代表、政协委员、社会监督员、职工代表和媒体观摩执法检查；意见建议答复后在政务公开门户公开"
        extra={can(user, 'open_day:create') ? <CreateOpenDay /> : null}
      />
      {days.isError && <ErrorAlert error={days.error} />}
      <Flex vertical gap={12}>
        {!days.isPending && items.length === 0 && (
          <Card>
            <Empty description="暂无活动" />
          </Card>
        )}
        {items.map((day) => (
          <OpenDayCard key={day.id} day={day} mayEdit={mayEdit} mayAnswer={mayAnswer} />
        ))}
      </Flex>
    </>
  );
};
