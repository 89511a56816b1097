import { useState } from 'react';
import { App, Button, Card, DatePicker, Form, Modal, Rate, Select, Table, Tag, type ButtonProps } from 'antd';
import { Link } from 'react-router-dom';
import type { Dayjs } from 'dayjs';
import { ErrorAlert } from '../../app/components/error-alert';
import { PageHeader } from '../../app/components/page-header';
import { useCan } from '../../app/auth/use-can';
import { useT } from '../../app/i18n/i18n-context';
import { formatDate } from '../../app/format';
import { useDispatches, useDispatchOnRequest, useExperts, type Dispatch } from './hooks';

const STATE_COLOURS: Record<Dispatch['state'], string> = {
  requested: 'gold',
  dispatched: 'blue',
  visited: 'cyan',
  rated: 'green',
  declined: 'default',
};

export const DispatchStateTag = ({ dispatch }: { dispatch: Dispatch }) => (
  <Tag color={STATE_COLOURS[dispatch.state]} data-testid="dispatch-state">
    {dispatch.stateName}
  </Tag>
);

// measure 23: the territory's expert dispatches (an expert's account: those naming it, its workbench).
export const DispatchListPage = () => {
  const t = useT();
  const mayDispatch = useCan('expert_dispatch:create');
  const isExpert = useCan('expert_dispatch:update');
  const { data, error, isFetching } = useDispatches();
  const [dispatching, setDispatching] = useState<Dispatch | null>(null);
  return (
    <>
      <PageHeader
        title={t(isExpert ? 'experts.mine.title' : 'experts.dispatches.title')}
        subtitle={t('experts.dispatches.subtitle')}
      />
      <Card>
        {error ? <ErrorAlert error={error} /> : null}
        <ExpertDispatchTable
          items={data?.items ?? []}
          loading={isFetching && !data}
          onDispatch={mayDispatch ? setDispatching : undefined}
        />
      </Card>
      {dispatching && <DispatchModal dispatch={dispatching} onClose={() => setDispatching(null)} />}
    </>
  );
};

export const ExpertDispatchTable = ({
  items,
  loading,
  onDispatch,
}: {
  items: Dispatch[];
  loading: boolean;
  onDispatch?: ((dispatch: Dispatch) => void) | undefined;
}) => {
  const t = useT();
  return (
    <Table<Dispatch>
      rowKey="id"
      size="middle"
      loading={loading}
      dataSource={items}
      pagination={{ pageSize: 20 }}
      scroll={{ x: 720 }}
      data-testid="dispatch-table"
      columns={[
        {
          title: t('experts.field.enterprise'),
          dataIndex: 'enterpriseName',
          render: (name: string, row) => (
            <Link to={`/expert-dispatches/${row.id}`} data-testid={`dispatch-${row.id}`}>
              {name}
            </Link>
          ),
        },
        { title: t('experts.field.origin'), dataIndex: 'originName', width: 120 },
        {
          title: t('experts.field.expert'),
          dataIndex: 'expertName',
          width: 110,
          render: (v: string | null) => v ?? '—',
        },
        { title: t('experts.field.plannedOn'), dataIndex: 'plannedOn', width: 120, render: formatDate },
        {
          title: t('experts.field.rating'),
          dataIndex: 'rating',
          width: 150,
          render: (rating: number | null) =>
            rating ? <Rate disabled value={rating} style={{ fontSize: 14 }} /> : '—',
        },
        {
          title: t('experts.field.state'),
          key: 'state',
          width: 150,
          render: (_: unknown, row) => (
            <>
              <DispatchStateTag dispatch={row} />
              {onDispatch && row.mayDispatch && (
                <Button size="small" type="link" data-testid="open-dispatch" onClick={() => onDispatch(row)}>
                  {t('experts.dispatch.action')}
                </Button>
              )}
            </>
          ),
        },
      ]}
    />
  );
};

const DispatchModal = ({ dispatch, onClose }: { dispatch: Dispatch; onClose: () => void }) => {
  const t = useT();
  const { message } = App.useApp();
  const experts = useExperts();
  const mutation = useDispatchOnRequest();
  const [form] = Form.useForm<{ expertId: string; plannedOn?: Dayjs }>();
  return (
    <Modal
      open
      title={t('experts.dispatch.title', { name: dispatch.enterpriseName })}
      onCancel={onClose}
      okText={t('experts.dispatch.action')}
      confirmLoading={mutation.isPending}
      okButtonProps={{ 'data-testid': 'confirm-dispatch' } as ButtonProps}
      onOk={() =>
        form.validateFields().then((values) =>
          mutation.mutate(
            {
              id: dispatch.id,
              body: {
                expertId: values.expertId,
                ...(values.plannedOn ? { plannedOn: values.plannedOn.format('YYYY-MM-DD') } : {}),
              },
            },
            {
              onSuccess: () => {
                void message.success(t('experts.dispatch.done'));
                onClose();
              },
            },
          ),
        )
      }
    >
      {mutation.error ? <ErrorAlert error={mutation.error} /> : null}
      <p>{dispatch.request}</p>
      <Form form={form} layout="vertical">
        <Form.Item
          name="expertId"
          label={t('experts.field.expert')}
          rules={[{ required: true, message: t('experts.dispatch.pick') }]}
        >
          <Select
            data-testid="dispatch-expert"
            showSearch
            optionFilterProp="label"
            loading={experts.isLoading}
            options={(experts.data?.items ?? [])
              .filter((expert) => expert.active)
              .map((expert) => ({
                value: expert.id,
                label: `${expert.name}（${expert.fields.map((f) => f.name).join('、')}）${
                  expert.qualifiedToday ? '' : t('experts.lapsed')
                }${expert.conflicts.some((c) => c.enterpriseId === dispatch.enterpriseId) ? t('experts.conflicted') : ''}`,
              }))}
          />
        </Form.Item>
        <Form.Item name="plannedOn" label={t('experts.field.plannedOn')}>
          <DatePicker style={{ width: '100%' }} />
        </Form.Item>
      </Form>
    </Modal>
  );
};
