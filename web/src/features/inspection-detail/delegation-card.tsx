import { useState } from 'react';
import {
  App,
  Button,
  Card,
  Checkbox,
  DatePicker,
  Form,
  Input,
  Select,
  Table,
  Tag,
  type TableColumnsType,
} from 'antd';
import type { Dayjs } from 'dayjs';
import { ErrorAlert } from '../../app/components/error-alert';
import { todayPickerValue } from '../../app/format';
import { useT } from '../../app/i18n/i18n-context';
import type { MessageKey } from '../../app/i18n/zh';
import { useDelegateCandidates, useDelegate, useDelegations, useRevokeDelegation } from './hooks';
import type { Delegation, DelegationInput } from './types';

const KINDS = ['key', 'double_random', 'targeted', 'other'] as const;
type DelegationForm = {
  delegateId: string;
  kinds: DelegationInput['kinds'];
  scopeNote: string;
  term: [Dayjs, Dayjs];
};

// measure 11: "经部门负责人审批". The bureau head records to which unit head it delegates the on-site plan's
// approval, for which kinds of inspection and for how long, and revokes it; a unit head sees what it holds.
export const DelegationCard = ({ mayDelegate }: { mayDelegate: boolean }) => {
  const t = useT();
  const { message } = App.useApp();
  const delegations = useDelegations();
  const candidates = useDelegateCandidates(mayDelegate);
  const delegate = useDelegate();
  const revoke = useRevokeDelegation();
  const [adding, setAdding] = useState(false);
  const [form] = Form.useForm<DelegationForm>();
  const items = delegations.data?.items ?? [];
  if (!mayDelegate && items.length === 0) return null;

  const submit = async (values: DelegationForm) => {
    await delegate.mutateAsync({
      delegateId: values.delegateId,
      kinds: values.kinds,
      scopeNote: values.scopeNote,
      validFrom: values.term[0].format('YYYY-MM-DD'),
      validTo: values.term[1].format('YYYY-MM-DD'),
    });
    void message.success(t('delegation.recorded'));
    form.resetFields();
    setAdding(false);
  };

  const columns: TableColumnsType<Delegation> = [
    { key: 'delegate', title: t('delegation.delegate'), dataIndex: 'delegateName', width: 160 },
    {
      key: 'kinds',
      title: t('delegation.kinds'),
      render: (_, row) =>
        row.kinds.map((kind) => <Tag key={kind}>{t(`inspection.kind.${kind}` as MessageKey)}</Tag>),
    },
    { key: 'scope', title: t('delegation.scope'), dataIndex: 'scopeNote' },
    {
      key: 'term',
      title: t('delegation.term'),
      width: 200,
      render: (_, row) => `${row.validFrom} 至 ${row.validTo}`,
    },
    {
      key: 'state',
      title: t('delegation.state'),
      width: 150,
      render: (_, row) =>
        row.revokedAt ? (
          <Tag>{t('delegation.revoked')}</Tag>
        ) : mayDelegate ? (
          <Button
            size="small"
            danger
            data-testid="delegation-revoke"
            loading={revoke.isPending && revoke.variables === row.id}
            onClick={() => void revoke.mutateAsync(row.id).catch(() => undefined)}
          >
            {t('delegation.revoke')}
          </Button>
        ) : (
          <Tag color="blue">{t('delegation.active')}</Tag>
        ),
    },
  ];

  return (
    <Card
      title={t('delegation.title')}
      style={{ marginBottom: 16 }}
      data-testid="delegation-card"
      extra={
        mayDelegate &&
        !adding && (
          <Button data-testid="delegation-add" onClick={() => setAdding(true)}>
            {t('delegation.add')}
          </Button>
        )
      }
    >
      {adding && (
        <Form<DelegationForm>
          form={form}
          layout="vertical"
          data-testid="delegation-form"
          initialValues={{
            kinds: ['targeted'],
            term: [todayPickerValue(), todayPickerValue().endOf('year')],
          }}
          onFinish={(values) => void submit(values).catch(() => undefined)}
          style={{ marginBottom: 16 }}
        >
          <Form.Item
            name="delegateId"
            label={t('delegation.delegate')}
            rules={[{ required: true, message: t('delegation.delegateRequired') }]}
          >
            <Select
              data-testid="delegation-delegate"
              loading={candidates.isLoading}
              options={(candidates.data?.items ?? []).map((c) => ({ value: c.id, label: c.displayName }))}
              style={{ maxWidth: 360 }}
            />
          </Form.Item>
          <Form.Item name="kinds" label={t('delegation.kinds')} rules={[{ required: true }]}>
            <Checkbox.Group
              options={KINDS.map((kind) => ({
                value: kind,
                label: t(`inspection.kind.${kind}` as MessageKey),
              }))}
            />
          </Form.Item>
          <Form.Item
            name="scopeNote"
            label={t('delegation.scope')}
            rules={[{ required: true, whitespace: true, min: 2, message: t('delegation.scopeRequired') }]}
          >
            <Input maxLength={500} data-testid="delegation-scope" />
          </Form.Item>
          <Form.Item name="term" label={t('delegation.term')} rules={[{ required: true }]}>
            <DatePicker.RangePicker />
          </Form.Item>
          <ErrorAlert error={delegate.error} style={{ marginBottom: 12 }} />
          <Button
            type="primary"
            htmlType="submit"
            loading={delegate.isPending}
            data-testid="delegation-submit"
          >
            {t('delegation.submit')}
          </Button>{' '}
          <Button onClick={() => setAdding(false)}>{t('common.cancel')}</Button>
        </Form>
      )}
      <ErrorAlert error={delegations.error ?? revoke.error} style={{ marginBottom: 12 }} />
      <Table<Delegation>
        rowKey="id"
        size="small"
        columns={columns}
        dataSource={items}
        loading={delegations.isLoading}
        pagination={false}
        onRow={(row) => ({ 'data-testid': 'delegation-row', 'data-delegate': row.delegateName }) as object}
      />
    </Card>
  );
};
