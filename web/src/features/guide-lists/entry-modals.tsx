import { useEffect, useState } from 'react';
import { Alert, App, Form, Input, Modal, Select } from 'antd';
import type { GuideListEntry } from '../../api/types';
import { ErrorAlert } from '../../app/components/error-alert';
import { useT } from '../../app/i18n/i18n-context';
import { useEnterprises } from '../enterprises/hooks';
import { useAddGuideListEntry, useRemoveGuideListEntry } from './hooks';

// Searches the enterprise registry by name or credit code as the user types.
const EnterpriseSearchSelect = ({
  value,
  onChange,
  excluded,
}: {
  value?: string;
  onChange?: (value: string) => void;
  excluded: Set<string>;
}) => {
  const t = useT();
  const [text, setText] = useState('');
  const [q, setQ] = useState('');
  useEffect(() => {
    const timer = setTimeout(() => setQ(text.trim()), 300);
    return () => clearTimeout(timer);
  }, [text]);
  const enterprises = useEnterprises({ q: q || undefined, page: 1, pageSize: 20 });
  return (
    <Select<string>
      data-testid="guide-entry-enterprise"
      showSearch={{ filterOption: false, onSearch: setText }}
      value={value}
      onChange={onChange}
      placeholder={t('guideList.enterprisePlaceholder')}
      loading={enterprises.isFetching}
      notFoundContent={enterprises.isFetching ? undefined : t('guideList.noEnterprise')}
      options={(enterprises.data?.items ?? []).map((enterprise) => ({
        value: enterprise.id,
        label: `${enterprise.name}（${enterprise.creditCode}）`,
        disabled: excluded.has(enterprise.id),
      }))}
    />
  );
};

type AddForm = { enterpriseId: string; reason: string };

export const AddEntryModal = ({
  listId,
  open,
  excluded,
  onClose,
}: {
  listId: string;
  open: boolean;
  excluded: Set<string>;
  onClose: () => void;
}) => {
  const t = useT();
  const { message } = App.useApp();
  const [form] = Form.useForm<AddForm>();
  const add = useAddGuideListEntry(listId);

  useEffect(() => {
    if (open) {
      form.resetFields();
      add.reset();
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps -- reset once per opening
  }, [open]);

  const submit = ({ enterpriseId, reason }: AddForm) =>
    add.mutate(
      { enterpriseId, reason: reason.trim() },
      {
        onSuccess: () => {
          void message.success(t('guideList.entryAdded'));
          onClose();
        },
      },
    );

  return (
    <Modal
      title={t('guideList.addEntry')}
      open={open}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('guideList.addConfirm')}
      okButtonProps={{ 'data-testid': 'guide-entry-confirm' }}
      confirmLoading={add.isPending}
      destroyOnHidden
    >
      <Alert type="info" showIcon style={{ marginBottom: 16 }} title={t('guideList.addHint')} />
      {add.isError && <ErrorAlert error={add.error} style={{ marginBottom: 16 }} />}
      <Form<AddForm> form={form} layout="vertical" onFinish={submit}>
        <Form.Item
          name="enterpriseId"
          label={t('guideList.enterprise')}
          rules={[{ required: true, message: t('validation.required') }]}
        >
          <EnterpriseSearchSelect excluded={excluded} />
        </Form.Item>
        <Form.Item
          name="reason"
          label={t('guideList.addReason')}
          rules={[{ required: true, whitespace: true, message: t('guideList.reasonRequired') }, { max: 500 }]}
        >
          <Input.TextArea data-testid="guide-entry-reason" rows={3} />
        </Form.Item>
      </Form>
    </Modal>
  );
};

export const RemoveEntryModal = ({
  listId,
  entry,
  onClose,
}: {
  listId: string;
  entry: GuideListEntry | null;
  onClose: () => void;
}) => {
  const t = useT();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ reason: string }>();
  const remove = useRemoveGuideListEntry(listId);

  useEffect(() => {
    if (entry) {
      form.resetFields();
      remove.reset();
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps -- reset once per opening
  }, [entry]);

  const submit = ({ reason }: { reason: string }) => {
    if (!entry) return;
    remove.mutate(
      { entryId: entry.id, reason: reason.trim() },
      {
        onSuccess: () => {
          void message.success(t('guideList.entryRemoved', { name: entry.name }));
          onClose();
        },
      },
    );
  };

  return (
    <Modal
      title={entry ? t('guideList.removeTitle', { name: entry.name }) : undefined}
      open={entry !== null}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('guideList.removeConfirm')}
      okButtonProps={{ danger: true, 'data-testid': 'removal-confirm' }}
      confirmLoading={remove.isPending}
    >
      <Alert type="warning" showIcon style={{ marginBottom: 16 }} title={t('guideList.removeWarning')} />
      {remove.isError && <ErrorAlert error={remove.error} style={{ marginBottom: 16 }} />}
      <Form form={form} layout="vertical" onFinish={submit}>
        <Form.Item
          name="reason"
          label={t('guideList.removalReason')}
          rules={[{ required: true, whitespace: true, message: t('guideList.reasonRequired') }, { max: 500 }]}
        >
          <Input.TextArea data-testid="removal-reason" rows={3} />
        </Form.Item>
      </Form>
    </Modal>
  );
};
