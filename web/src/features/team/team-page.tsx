import { useState } from 'react';
import {
  App,
  Button,
  Card,
  DatePicker,
  Flex,
  Form,
  Input,
  InputNumber,
  List,
  Modal,
  Select,
  Table,
  Tabs,
  Tag,
  Typography,
  type ButtonProps,
} from 'antd';
import { TrophyOutlined } from '@ant-design/icons';
import type { Dayjs } from 'dayjs';
import { ErrorAlert } from '../../app/components/error-alert';
import { PageHeader } from '../../app/components/page-header';
import { useCan } from '../../app/auth/use-can';
import { useT } from '../../app/i18n/i18n-context';
import { serverNow } from '../../app/server-clock';
import {
  useCandidates,
  useCloseSelection,
  useCreateCourse,
  useCreateSelection,
  useNominate,
  useRecordAttendance,
  useRecordQualification,
  useSelections,
  useTeamOfficers,
  useTeamStatistics,
  useTraining,
  useVote,
  type Selection,
  type Statistics,
  type Training,
} from './hooks';

// measures 25, 26: the team of each bureau: qualifications, training hours, 执法能手 and 典型案例 selections.
export const TeamPage = () => {
  const t = useT();
  return (
    <>
      <PageHeader title={t('team.title')} subtitle={t('team.subtitle')} />
      <Tabs
        items={[
          { key: 'statistics', label: t('team.tab.statistics'), children: <StatisticsTab /> },
          { key: 'training', label: t('team.tab.training'), children: <TrainingTab /> },
          { key: 'selections', label: t('team.tab.selections'), children: <SelectionsTab /> },
        ]}
      />
    </>
  );
};

const StatisticsTab = () => {
  const t = useT();
  const mayRecord = useCan('team:create');
  const { data, error, isFetching } = useTeamStatistics();
  const [recording, setRecording] = useState(false);
  type Bureau = Statistics['bureaus'][number];
  return (
    <Card
      title={data ? t('team.statistics.asOf', { date: data.asOf }) : null}
      extra={
        mayRecord ? (
          <Button onClick={() => setRecording(true)} data-testid="record-qualification">
            {t('team.qualification.add')}
          </Button>
        ) : null
      }
    >
      {error ? <ErrorAlert error={error} /> : null}
      <Table<Bureau>
        rowKey="territory"
        data-testid="team-statistics"
        loading={isFetching && !data}
        dataSource={data?.bureaus ?? []}
        pagination={false}
        scroll={{ x: 900 }}
        columns={[
          { title: t('team.field.bureau'), dataIndex: 'territoryName', fixed: 'left', width: 120 },
          { title: t('team.field.officers'), dataIndex: 'officers', width: 90 },
          { title: t('team.field.certificates'), dataIndex: 'certificates', width: 110 },
          ...(data?.kinds ?? []).map((kind) => ({
            title: kind.name,
            key: kind.code,
            width: 110,
            render: (_: unknown, row: Bureau) =>
              row.qualifications[kind.code as keyof Bureau['qualifications']],
          })),
        ]}
      />
      {recording && <QualificationModal kinds={data?.kinds ?? []} onClose={() => setRecording(false)} />}
    </Card>
  );
};

const QualificationModal = ({ kinds, onClose }: { kinds: Statistics['kinds']; onClose: () => void }) => {
  const t = useT();
  const officers = useTeamOfficers();
  const mutation = useRecordQualification();
  type Values = {
    kind: 'registered_safety_engineer';
    personName: string;
    officerId?: string;
    number?: string;
    validFrom: Dayjs;
    validTo?: Dayjs;
  };
  const [form] = Form.useForm<Values>();
  return (
    <Modal
      open
      title={t('team.qualification.add')}
      onCancel={onClose}
      confirmLoading={mutation.isPending}
      onOk={() =>
        form.validateFields().then((v) =>
          mutation.mutate(
            {
              kind: v.kind,
              personName: v.personName,
              number: v.number ?? '',
              validFrom: v.validFrom.format('YYYY-MM-DD'),
              ...(v.officerId ? { officerId: v.officerId } : {}),
              ...(v.validTo ? { validTo: v.validTo.format('YYYY-MM-DD') } : {}),
            },
            { onSuccess: onClose },
          ),
        )
      }
    >
      {mutation.error ? <ErrorAlert error={mutation.error} /> : null}
      <Form form={form} layout="vertical">
        <Form.Item name="kind" label={t('team.field.kind')} rules={[{ required: true }]}>
          <Select options={kinds.map((k) => ({ value: k.code, label: k.name }))} />
        </Form.Item>
        <Form.Item name="officerId" label={t('team.field.officerOptional')}>
          <Select
            allowClear
            showSearch
            optionFilterProp="label"
            options={(officers.data?.items ?? []).map((o) => ({ value: o.id, label: o.name }))}
            onChange={(id: string | undefined) => {
              const officer = officers.data?.items.find((o) => o.id === id);
              if (officer) form.setFieldValue('personName', officer.name);
            }}
          />
        </Form.Item>
        <Form.Item name="personName" label={t('team.field.personName')} rules={[{ required: true }]}>
          <Input maxLength={50} />
        </Form.Item>
        <Form.Item name="number" label={t('team.field.number')}>
          <Input maxLength={64} />
        </Form.Item>
        <Flex gap={12}>
          <Form.Item name="validFrom" label={t('team.field.validFrom')} rules={[{ required: true }]}>
            <DatePicker />
          </Form.Item>
          <Form.Item name="validTo" label={t('team.field.validTo')}>
            <DatePicker />
          </Form.Item>
        </Flex>
      </Form>
    </Modal>
  );
};

const TrainingTab = () => {
  const t = useT();
  const mayRecord = useCan('team:create');
  const [year, setYear] = useState(new Date(serverNow()).getFullYear());
  const { data, error, isFetching } = useTraining(year);
  const [creating, setCreating] = useState(false);
  const [attending, setAttending] = useState<Training['courses'][number] | null>(null);
  return (
    <Flex vertical gap={16}>
      <Card
        title={t('team.training.courses')}
        extra={
          <Flex gap={8}>
            <InputNumber
              value={year}
              min={2000}
              max={2199}
              onChange={(v) => v && setYear(v)}
              aria-label={t('team.field.year')}
            />
            {mayRecord && (
              <Button onClick={() => setCreating(true)} data-testid="add-course">
                {t('team.training.add')}
              </Button>
            )}
          </Flex>
        }
      >
        {error ? <ErrorAlert error={error} /> : null}
        <Table<Training['courses'][number]>
          rowKey="id"
          data-testid="course-table"
          loading={isFetching && !data}
          dataSource={data?.courses ?? []}
          pagination={{ pageSize: 10 }}
          columns={[
            { title: t('team.field.course'), dataIndex: 'title' },
            { title: t('team.field.heldOn'), dataIndex: 'heldOn', width: 120 },
            { title: t('team.field.hours'), dataIndex: 'hours', width: 80 },
            { title: t('team.field.attendees'), dataIndex: 'attendees', width: 90 },
            ...(mayRecord
              ? [
                  {
                    title: '',
                    key: 'attend',
                    width: 120,
                    render: (_: unknown, row: Training['courses'][number]) => (
                      <Button
                        size="small"
                        onClick={() => setAttending(row)}
                        data-testid={`attend-${row.title}`}
                      >
                        {t('team.training.attend')}
                      </Button>
                    ),
                  },
                ]
              : []),
          ]}
        />
      </Card>
      <Card title={t('team.training.hours', { year })}>
        <Table<Training['hoursByOfficer'][number]>
          rowKey="officerId"
          data-testid="hours-table"
          dataSource={data?.hoursByOfficer ?? []}
          pagination={{ pageSize: 20 }}
          columns={[
            { title: t('team.field.officer'), dataIndex: 'officerName' },
            { title: t('team.field.bureau'), dataIndex: 'territoryName', width: 120 },
            { title: t('team.field.courses'), dataIndex: 'courses', width: 90 },
            { title: t('team.field.hours'), dataIndex: 'hours', width: 90 },
          ]}
        />
      </Card>
      {creating && <CourseModal onClose={() => setCreating(false)} />}
      {attending && <AttendanceModal course={attending} onClose={() => setAttending(null)} />}
    </Flex>
  );
};

const CourseModal = ({ onClose }: { onClose: () => void }) => {
  const t = useT();
  const mutation = useCreateCourse();
  const [form] = Form.useForm<{ title: string; heldOn: Dayjs; hours: number; organiser?: string }>();
  return (
    <Modal
      open
      title={t('team.training.add')}
      onCancel={onClose}
      confirmLoading={mutation.isPending}
      onOk={() =>
        form.validateFields().then((v) =>
          mutation.mutate(
            {
              title: v.title,
              heldOn: v.heldOn.format('YYYY-MM-DD'),
              hours: v.hours,
              organiser: v.organiser ?? '',
            },
            { onSuccess: onClose },
          ),
        )
      }
    >
      {mutation.error ? <ErrorAlert error={mutation.error} /> : null}
      <Form form={form} layout="vertical">
        <Form.Item name="title" label={t('team.field.course')} rules={[{ required: true }]}>
          <Input maxLength={100} data-testid="course-title" />
        </Form.Item>
        <Flex gap={12}>
          <Form.Item name="heldOn" label={t('team.field.heldOn')} rules={[{ required: true }]}>
            <DatePicker data-testid="course-date" />
          </Form.Item>
          <Form.Item name="hours" label={t('team.field.hours')} rules={[{ required: true }]}>
            <InputNumber min={0.5} max={500} step={0.5} data-testid="course-hours" />
          </Form.Item>
        </Flex>
        <Form.Item name="organiser" label={t('team.field.organiser')}>
          <Input maxLength={100} />
        </Form.Item>
      </Form>
    </Modal>
  );
};

const AttendanceModal = ({
  course,
  onClose,
}: {
  course: Training['courses'][number];
  onClose: () => void;
}) => {
  const t = useT();
  const { message } = App.useApp();
  const officers = useTeamOfficers();
  const mutation = useRecordAttendance();
  const [officerId, setOfficerId] = useState<string>();
  return (
    <Modal
      open
      title={`${t('team.training.attend')}：${course.title}`}
      onCancel={onClose}
      okButtonProps={{ disabled: !officerId, 'data-testid': 'confirm-attendance' } as ButtonProps}
      confirmLoading={mutation.isPending}
      onOk={() =>
        officerId &&
        mutation.mutate(
          { id: course.id, officerId },
          {
            onSuccess: () => {
              void message.success(t('team.training.attended'));
              onClose();
            },
          },
        )
      }
    >
      {mutation.error ? <ErrorAlert error={mutation.error} /> : null}
      <Select
        style={{ width: '100%' }}
        showSearch
        optionFilterProp="label"
        data-testid="attendance-officer"
        value={officerId}
        onChange={setOfficerId}
        options={(officers.data?.items ?? []).map((o) => ({ value: o.id, label: o.name }))}
      />
    </Modal>
  );
};

const SelectionsTab = () => {
  const t = useT();
  const mayCreate = useCan('team:create');
  const { data, error, isFetching } = useSelections();
  const [creating, setCreating] = useState(false);
  return (
    <Flex vertical gap={16}>
      {mayCreate && (
        <Button
          onClick={() => setCreating(true)}
          style={{ alignSelf: 'flex-start' }}
          data-testid="add-selection"
        >
          {t('team.selection.add')}
        </Button>
      )}
      {error ? <ErrorAlert error={error} /> : null}
      {isFetching && !data ? <Card loading /> : null}
      {(data?.items ?? []).map((selection) => (
        <SelectionCard key={selection.id} selection={selection} />
      ))}
      {creating && <SelectionModal onClose={() => setCreating(false)} />}
    </Flex>
  );
};

const SelectionCard = ({ selection }: { selection: Selection }) => {
  const t = useT();
  const { message } = App.useApp();
  const mayNominate = useCan('team:update');
  const mayClose = useCan('team:approve');
  const vote = useVote();
  const close = useCloseSelection();
  const [nominating, setNominating] = useState(false);
  const open = selection.state === 'open';
  return (
    <Card
      data-testid={`selection-${selection.title}`}
      title={
        <Flex gap={8} align="center" wrap>
          <TrophyOutlined />
          {selection.title}
          <Tag>{selection.kindName}</Tag>
          <Tag color={open ? 'blue' : 'green'}>{selection.stateName}</Tag>
        </Flex>
      }
      extra={
        <Flex gap={8}>
          {open && mayNominate && (
            <Button size="small" onClick={() => setNominating(true)} data-testid="nominate">
              {t('team.selection.nominate')}
            </Button>
          )}
          {open && mayClose && (
            <Button
              size="small"
              type="primary"
              loading={close.isPending}
              data-testid="close-selection"
              onClick={() =>
                close.mutate(selection.id, {
                  onSuccess: () => void message.success(t('team.selection.closed')),
                })
              }
            >
              {t('team.selection.close')}
            </Button>
          )}
        </Flex>
      }
    >
      {vote.error ? <ErrorAlert error={vote.error} /> : null}
      {close.error ? <ErrorAlert error={close.error} /> : null}
      <Typography.Paragraph type="secondary">
        {t('team.selection.summary', { places: selection.places, votes: selection.totalVotes })}
      </Typography.Paragraph>
      <List
        dataSource={selection.nominations}
        locale={{ emptyText: t('team.selection.noNominations') }}
        renderItem={(n) => (
          <List.Item
            data-testid="nomination"
            actions={[
              open && !selection.votedFor && !n.isSelf ? (
                <Button
                  key="vote"
                  size="small"
                  data-testid="vote"
                  loading={vote.isPending}
                  onClick={() =>
                    vote.mutate(
                      { id: selection.id, nominationId: n.id },
                      { onSuccess: () => void message.success(t('team.selection.voted')) },
                    )
                  }
                >
                  {t('team.selection.vote')}
                </Button>
              ) : null,
              selection.votedFor === n.id ? (
                <Tag key="mine" color="blue">
                  {t('team.selection.myVote')}
                </Tag>
              ) : null,
              !open ? (
                <span key="votes" data-testid="nomination-votes">
                  {t('team.selection.votes', { votes: n.votes ?? 0 })}
                </span>
              ) : null,
              n.winner ? (
                <Tag key="winner" color="gold" data-testid="winner">
                  {t('team.selection.winner')}
                </Tag>
              ) : null,
            ].filter(Boolean)}
          >
            <List.Item.Meta
              title={n.nomineeName}
              description={`${n.reason}（${t('team.selection.nominatedBy', { name: n.nominatedByName })}）`}
            />
          </List.Item>
        )}
      />
      {nominating && <NominationModal selection={selection} onClose={() => setNominating(false)} />}
    </Card>
  );
};

const SelectionModal = ({ onClose }: { onClose: () => void }) => {
  const t = useT();
  const mutation = useCreateSelection();
  const [form] = Form.useForm<{
    kind: 'enforcement_expert' | 'typical_case';
    title: string;
    year: number;
    places: number;
  }>();
  return (
    <Modal
      open
      title={t('team.selection.add')}
      onCancel={onClose}
      confirmLoading={mutation.isPending}
      onOk={() => form.validateFields().then((v) => mutation.mutate(v, { onSuccess: onClose }))}
    >
      {mutation.error ? <ErrorAlert error={mutation.error} /> : null}
      <Form
        form={form}
        layout="vertical"
        initialValues={{ kind: 'enforcement_expert', year: new Date(serverNow()).getFullYear(), places: 3 }}
      >
        <Form.Item name="kind" label={t('team.field.selectionKind')} rules={[{ required: true }]}>
          <Select
            options={[
              { value: 'enforcement_expert', label: t('team.selection.kind.enforcement_expert') },
              { value: 'typical_case', label: t('team.selection.kind.typical_case') },
            ]}
          />
        </Form.Item>
        <Form.Item name="title" label={t('team.field.selectionTitle')} rules={[{ required: true }]}>
          <Input maxLength={100} data-testid="selection-title" />
        </Form.Item>
        <Flex gap={12}>
          <Form.Item name="year" label={t('team.field.year')} rules={[{ required: true }]}>
            <InputNumber min={2000} max={2199} />
          </Form.Item>
          <Form.Item name="places" label={t('team.field.places')} rules={[{ required: true }]}>
            <InputNumber min={1} max={50} />
          </Form.Item>
        </Flex>
      </Form>
    </Modal>
  );
};

const NominationModal = ({ selection, onClose }: { selection: Selection; onClose: () => void }) => {
  const t = useT();
  const candidates = useCandidates(true);
  const mutation = useNominate();
  const [form] = Form.useForm<{ nominee: string; reason: string }>();
  const isCase = selection.kind === 'typical_case';
  return (
    <Modal
      open
      title={`${t('team.selection.nominate')}：${selection.title}`}
      onCancel={onClose}
      okButtonProps={{ 'data-testid': 'confirm-nomination' } as ButtonProps}
      confirmLoading={mutation.isPending}
      onOk={() =>
        form.validateFields().then((v) =>
          mutation.mutate(
            {
              id: selection.id,
              body: isCase
                ? { caseId: v.nominee, reason: v.reason }
                : { nomineeUserId: v.nominee, reason: v.reason },
            },
            { onSuccess: onClose },
          ),
        )
      }
    >
      {mutation.error ? <ErrorAlert error={mutation.error} /> : null}
      <Form form={form} layout="vertical">
        <Form.Item
          name="nominee"
          label={t(isCase ? 'team.field.case' : 'team.field.officer')}
          rules={[{ required: true }]}
        >
          <Select
            showSearch
            optionFilterProp="label"
            data-testid="nominee"
            options={
              isCase
                ? (candidates.data?.closedCases ?? []).map((c) => ({
                    value: c.id,
                    label: `${c.reference} ${c.enterpriseName}`,
                  }))
                : (candidates.data?.staff ?? []).map((s) => ({ value: s.id, label: s.displayName }))
            }
          />
        </Form.Item>
        <Form.Item name="reason" label={t('team.field.reason')} rules={[{ required: true }]}>
          <Input.TextArea rows={2} maxLength={1000} data-testid="nomination-reason" />
        </Form.Item>
      </Form>
    </Modal>
  );
};
