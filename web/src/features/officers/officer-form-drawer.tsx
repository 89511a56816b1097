import { useEffect, useState } from 'react';
import { App, Button, Checkbox, Drawer, Form, Input, Select, Space } from 'antd';
import type { Officer, OfficerPatch } from '../../api/types';
import { ErrorAlert } from '../../app/components/error-alert';
import { applyServerFieldErrors, changedFields } from '../../app/form-errors';
import { useT } from '../../app/i18n/i18n-context';
import { useOrganisationOptions } from '../organisations/hooks';
import { useCreateOfficer, useUpdateOfficer } from './hooks';
import { QUALIFICATIONS } from './officer-tags';

const FIELDS = ['name', 'organisationId', 'position', 'qualifications'] as const;

type FormValues = Required<OfficerPatch> & { organisationId: string };

const editable = (values: FormValues): Required<OfficerPatch> => ({
  name: values.name.trim(),
  position: (values.position ?? '').trim(),
  qualifications: values.qualifications ?? [],
});

const toValues = (officer: Officer): FormValues => ({
  name: officer.name,
  organisationId: officer.organisationId,
  position: officer.position,
  qualifications: officer.qualifications,
});

type OfficerFormDrawerProps = {
  open: boolean;
  officer?: Officer;
  onClose: () => void;
  onSaved: (officer: Officer) => void;
};

export const OfficerFormDrawer = ({ open, officer, onClose, onSaved }: OfficerFormDrawerProps) => {
  const t = useT();
  const { message } = App.useApp();
  const [form] = Form.useForm<FormValues>();
  const organisations = useOrganisationOptions();
  const create = useCreateOfficer();
  const update = useUpdateOfficer(officer?.id ?? '');
  const [generalError, setGeneralError] = useState<unknown>(null);

  useEffect(() => {
    if (!open) return;
    setGeneralError(null);
    form.resetFields();
    if (officer) form.setFieldsValue(toValues(officer));
  }, [open, officer, form]);

  const onError = (error: unknown) =>
    setGeneralError(applyServerFieldErrors(form, error, FIELDS) ? null : error);
  const done = (saved: Officer) => {
    void message.success(t('common.saved'));
    onSaved(saved);
  };

  const submit = (values: FormValues) => {
    setGeneralError(null);
    const body = editable(values);
    if (!officer)
      return create.mutate({ ...body, organisationId: values.organisationId }, { onSuccess: done, onError });
    const patch = changedFields(editable(toValues(officer)), body);
    if (Object.keys(patch).length === 0) return onClose();
    update.mutate(patch, { onSuccess: done, onError });
  };

  const required = { required: true, message: t('validation.required') };

  return (
    <Drawer
      data-testid="officer-form"
      title={officer ? t('officer.edit') : t('officer.create')}
      size={560}
      open={open}
      onClose={onClose}
      extra={
        <Space>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button type="primary" loading={create.isPending || update.isPending} onClick={() => form.submit()}>
            {t('common.save')}
          </Button>
        </Space>
      }
    >
      {generalError !== null && <ErrorAlert error={generalError} style={{ marginBottom: 16 }} />}
      <Form<FormValues>
        form={form}
        layout="vertical"
        onFinish={submit}
        initialValues={{ qualifications: [], position: '' }}
      >
        <Form.Item name="name" label={t('field.officerName')} rules={[required, { max: 50 }]}>
          <Input />
        </Form.Item>
        <Form.Item
          name="organisationId"
          label={t('field.organisation')}
          rules={[required]}
          extra={officer ? t('officer.organisationFixed') : t('officer.territoryFromOrganisation')}
        >
          <Select
            disabled={Boolean(officer)}
            showSearch={{ optionFilterProp: 'label' }}
            loading={organisations.loading}
            options={organisations.items.map((item) => ({
              value: item.id,
              label: `${item.name}（${item.territoryName}）`,
            }))}
          />
        </Form.Item>
        <Form.Item name="position" label={t('field.position')} rules={[{ max: 50 }]}>
          <Input />
        </Form.Item>
        <Form.Item name="qualifications" label={t('field.qualifications')}>
          <Checkbox.Group
            options={QUALIFICATIONS.map((value) => ({ value, label: t(`qualification.${value}`) }))}
          />
        </Form.Item>
      </Form>
    </Drawer>
  );
};
