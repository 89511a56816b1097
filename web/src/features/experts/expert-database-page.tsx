import { useState } from 'react';
import { App, Button, Card, DatePicker, Form, Input, Modal, Select, Space, Table, Tag } from 'antd';
import type { Dayjs } from 'dayjs';
import { ErrorAlert } from '../../app/components/error-alert';
import { PageHeader } from '../../app/components/page-header';
import { useCan } from '../../app/auth/use-can';
import { useT } from '../../app/i18n/i18n-context';
import { EnterprisePicker } from '../inspections/enterprise-picker';
import {
  useAddConflict,
  useAddQualification,
  useExpertCatalog,
  useExperts,
  useRegisterExpert,
  type Expert,
} from './hooks';

// measure 23: the expert database (江门市安全生产专家库): fields, qualifications with their validity, conflicts.
export const ExpertDatabasePage = () => {
  const t = useT();
  const mayEdit = useCan('expert:update');
  const { data, error, isFetching } = useExperts();
  const [adding, setAdding] = useState(false);
  const [qualifying, setQualifying] = useState<Expert | null>(null);
  const [conflicting, setConflicting] = useState<Expert | null>(null);
  return (
    <>
      <PageHeader
        title={t('experts.database.title')}
        subtitle={t('experts.database.subtitle')}
        extra={
          mayEdit ? (
            <Button type="primary" onClick={() => setAdding(true)} data-testid="add-expert">
              {t('experts.database.add')}
            </Button>
          ) : null
        }
      />
      <Card>
        {error ? <ErrorAlert error={error} /> : null}
        <Table<Expert>
          rowKey="id"
          loading={isFetching && !data}
          dataSource={data?.items ?? []}
          pagination={{ pageSize: 20 }}
          scroll={{ x: 900 }}
          columns={[
            { title: t('experts.field.name'), dataIndex: 'name', width: 100 },
            { title: t('experts.field.employer'), dataIndex: 'employer', width: 180 },
            {
              title: t('experts.field.fields'),
              key: 'fields',
              render: (_: unknown, row) => row.fields.map((f) => <Tag key={f.code}>{f.name}</Tag>),
            },
            {
              title: t('experts.field.qualifications'),
              key: 'qualifications',
              render: (_: unknown, row) => (
                <Space direction="vertical" size={0}>
                  {row.qualifications.map((q) => (
                    <span key={q.id}>
                      {q.kindName} {q.validFrom}～{q.validTo}{' '}
                      {!q.validToday && <Tag color="orange">{t('experts.database.notValid')}</Tag>}
                    </span>
                  ))}
                </Space>
              ),
            },
            {
              title: t('experts.field.conflicts'),
              key: 'conflicts',
              render: (_: unknown, row) =>
                row.conflicts.map((c) => (
                  <Tag key={c.id} color="red" title={c.reason}>
                    {c.enterpriseName}
                  </Tag>
                )),
            },
            {
              title: t('experts.field.state'),
              key: 'state',
              width: 110,
              render: (_: unknown, row) =>
                row.qualifiedToday && row.active ? (
                  <Tag color="green">{t('experts.database.available')}</Tag>
                ) : (
                  <Tag>{t('experts.database.unavailable')}</Tag>
                ),
            },
            ...(mayEdit
              ? [
                  {
                    title: '',
                    key: 'actions',
                    width: 200,
                    render: (_: unknown, row: Expert) => (
                      <Space>
                        <Button size="small" onClick={() => setQualifying(row)}>
                          {t('experts.database.addQualification')}
                        </Button>
                        <Button
                          size="small"
                          danger
                          onClick={() => setConflicting(row)}
                          data-testid={`conflict-${row.name}`}
                        >
                          {t('experts.database.addConflict')}
                        </Button>
                      </Space>
                    ),
                  },
                ]
              : []),
          ]}
        />
      </Card>
      {adding && <AddExpertModal onClose={() => setAdding(false)} />}
      {qualifying && <QualificationModal expert={qualifying} onClose={() => setQualifying(null)} />}
      {conflicting && <ConflictModal expert={conflicting} onClose={() => setConflicting(null)} />}
    </>
  );
};

const AddExpertModal = ({ onClose }: { onClose: () => void }) => {
  const t = useT();
  const { message } = App.useApp();
  const catalog = useExpertCatalog();
  const mutation = useRegisterExpert();
  const [form] = Form.useForm<{ name: string; employer?: string; phone?: string; fields: string[] }>();
  return (
    <Modal
      open
      title={t('experts.database.add')}
      onCancel={onClose}
      confirmLoading={mutation.isPending}
      onOk={() =>
        form.validateFields().then((v) =>
          mutation.mutate(
            { name: v.name, employer: v.employer ?? '', phone: v.phone ?? '', fields: v.fields },
            {
              onSuccess: () => {
                void message.success(t('experts.saved'));
                onClose();
              },
            },
          ),
        )
      }
    >
      {mutation.error ? <ErrorAlert error={mutation.error} /> : null}
      <Form form={form} layout="vertical">
        <Form.Item name="name" label={t('experts.field.name')} rules={[{ required: true }]}>
          <Input maxLength={50} />
        </Form.Item>
        <Form.Item name="employer" label={t('experts.field.employer')}>
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item name="phone" label={t('experts.field.phone')}>
          <Input maxLength={30} />
        </Form.Item>
        <Form.Item name="fields" label={t('experts.field.fields')} rules={[{ required: true }]}>
          <Select
            mode="multiple"
            options={(catalog.data?.fields ?? []).map((f) => ({ value: f.code, label: f.name }))}
          />
        </Form.Item>
      </Form>
    </Modal>
  );
};

const QualificationModal = ({ expert, onClose }: { expert: Expert; onClose: () => void }) => {
  const t = useT();
  const catalog = useExpertCatalog();
  const mutation = useAddQualification();
  const [form] = Form.useForm<{ kind: string; number?: string; period: [Dayjs, Dayjs] }>();
  return (
    <Modal
      open
      title={`${t('experts.database.addQualification')}：${expert.name}`}
      onCancel={onClose}
      confirmLoading={mutation.isPending}
      onOk={() =>
        form.validateFields().then((v) =>
          mutation.mutate(
            {
              id: expert.id,
              body: {
                kind: v.kind,
                number: v.number ?? '',
                validFrom: v.period[0].format('YYYY-MM-DD'),
                validTo: v.period[1].format('YYYY-MM-DD'),
              },
            },
            { onSuccess: onClose },
          ),
        )
      }
    >
      {mutation.error ? <ErrorAlert error={mutation.error} /> : null}
      <Form form={form} layout="vertical">
        <Form.Item name="kind" label={t('experts.field.qualifications')} rules={[{ required: true }]}>
          <Select
            options={(catalog.data?.qualifications ?? []).map((q) => ({ value: q.code, label: q.name }))}
          />
        </Form.Item>
        <Form.Item name="number" label={t('experts.field.number')}>
          <Input maxLength={64} />
        </Form.Item>
        <Form.Item name="period" label={t('experts.field.validity')} rules={[{ required: true }]}>
          <DatePicker.RangePicker style={{ width: '100%' }} />
        </Form.Item>
      </Form>
    </Modal>
  );
};

const ConflictModal = ({ expert, onClose }: { expert: Expert; onClose: () => void }) => {
  const t = useT();
  const mutation = useAddConflict();
  const [form] = Form.useForm<{ enterpriseId: string; reason: string }>();
  return (
    <Modal
      open
      title={`${t('experts.database.addConflict')}：${expert.name}`}
      onCancel={onClose}
      confirmLoading={mutation.isPending}
      onOk={() =>
        form.validateFields().then((v) => mutation.mutate({ id: expert.id, body: v }, { onSuccess: onClose }))
      }
    >
      {mutation.error ? <ErrorAlert error={mutation.error} /> : null}
      <Form form={form} layout="vertical">
        <Form.Item name="enterpriseId" label={t('experts.field.enterprise')} rules={[{ required: true }]}>
          <EnterprisePicker open testId="conflict-enterprise" />
        </Form.Item>
        <Form.Item name="reason" label={t('experts.field.conflictReason')} rules={[{ required: true }]}>
          <Input.TextArea rows={2} maxLength={500} />
        </Form.Item>
      </Form>
    </Modal>
  );
};
