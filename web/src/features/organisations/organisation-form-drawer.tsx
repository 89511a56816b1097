import { useEffect, useState } from 'react';
import { App, Button, Col, DatePicker, Drawer, Form, Input, Row, Select, Space, Switch } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import type { Organisation, OrganisationCreate, OrganisationKind } from '../../api/types';
import { ErrorAlert } from '../../app/components/error-alert';
import { applyServerFieldErrors, changedFields } from '../../app/form-errors';
import { toIsoDate } from '../../app/format';
import { useT } from '../../app/i18n/i18n-context';
import { MatterSelect, TerritorySelect } from '../reference/selects';
import { useCreateOrganisation, useOrganisationOptions, useUpdateOrganisation } from './hooks';
import { ORGANISATION_KINDS } from './organisation-tags';

type FormValues = {
  name: string;
  kind: OrganisationKind;
  territory: string;
  parentId?: string | null;
  hasLegalStanding: boolean;
  active: boolean;
  departmentType?: string | null;
  scope?: string[];
  validity?: [Dayjs, Dayjs];
  entrustingOrganisationId?: string;
};

const FIELDS = ['name', 'kind', 'territory', 'parentId', 'hasLegalStanding', 'active', 'departmentType', 'entrustment'];

const toBody = (values: FormValues): OrganisationCreate => ({
  name: values.name,
  kind: values.kind,
  territory: values.territory,
  parentId: values.parentId ?? null,
  hasLegalStanding: values.hasLegalStanding,
  active: values.active,
  departmentType: values.kind === 'department' ? (values.departmentType ?? null) : null,
  entrustment:
    values.kind === 'entrusted' && values.validity && values.entrustingOrganisationId
      ? {
          scope: values.scope ?? [],
          validFrom: toIsoDate(values.validity[0]),
          validTo: toIsoDate(values.validity[1]),
          entrustingOrganisationId: values.entrustingOrganisationId,
        }
      : null,
});

const toValues = (organisation: Organisation): FormValues => ({
  name: organisation.name,
  kind: organisation.kind,
  territory: organisation.territory,
  parentId: organisation.parentId,
  hasLegalStanding: organisation.hasLegalStanding,
  active: organisation.active,
  departmentType: organisation.departmentType,
  scope: organisation.entrustment?.scope,
  validity: organisation.entrustment
    ? [dayjs(organisation.entrustment.validFrom), dayjs(organisation.entrustment.validTo)]
    : undefined,
  entrustingOrganisationId: organisation.entrustment?.entrustingOrganisationId,
});

type OrganisationFormDrawerProps = {
  open: boolean;
  organisation?: Organisation;
  onClose: () => void;
  onSaved: (organisation: Organisation) => void;
};

export const OrganisationFormDrawer = ({ open, organisation, onClose, onSaved }: OrganisationFormDrawerProps) => {
  const t = useT();
  const { message } = App.useApp();
  const [form] = Form.useForm<FormValues>();
  const kind = Form.useWatch('kind', form);
  const create = useCreateOrganisation();
  const update = useUpdateOrganisation(organisation?.id ?? '');
  const options = useOrganisationOptions();
  const [generalError, setGeneralError] = useState<unknown>(null);

  useEffect(() => {
    if (!open) return;
    setGeneralError(null);
    form.resetFields();
    if (organisation) form.setFieldsValue(toValues(organisation));
  }, [open, organisation, form]);

  const onError = (error: unknown) => setGeneralError(applyServerFieldErrors(form, error, FIELDS) ? null : error);
  const done = (saved: Organisation) => {
    void message.success(t('common.saved'));
    onSaved(saved);
  };

  const submit = (values: FormValues) => {
    setGeneralError(null);
    const body = toBody(values);
    if (!organisation) return create.mutate(body, { onSuccess: done, onError });
    const patch = changedFields(toBody(toValues(organisation)), body);
    if (Object.keys(patch).length === 0) return onClose();
    update.mutate(patch, { onSuccess: done, onError });
  };

  const required = { required: true, message: t('validation.required') };
  const others = options.items.filter((item) => item.id !== organisation?.id);

  return (
    <Drawer
      data-testid="organisation-form"
      title={organisation ? t('organisation.edit') : t('organisation.create')}
      size={640}
      open={open}
      onClose={onClose}
      destroyOnHidden
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
      <Form<FormValues> form={form} layout="vertical" onFinish={submit} initialValues={{ active: true, hasLegalStanding: false }}>
        <Form.Item name="name" label={t('field.organisationName')} rules={[required, { max: 200 }]}>
          <Input />
        </Form.Item>
        <Row gutter={16}>
          <Col span={12}>
            <Form.Item name="kind" label={t('field.kind')} rules={[required]}>
              <Select options={ORGANISATION_KINDS.map((value) => ({ value, label: t(`orgKind.${value}`) }))} />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="territory" label={t('field.territory')} rules={[required]}>
              <TerritorySelect />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item name="parentId" label={t('field.parent')}>
          <Select
            allowClear
            showSearch={{ optionFilterProp: 'label' }}
            loading={options.loading}
            options={others.map((item) => ({ value: item.id, label: item.name }))}
          />
        </Form.Item>
        <Row gutter={16}>
          <Col span={12}>
            <Form.Item
              name="hasLegalStanding"
              label={t('field.legalStanding')}
              valuePropName="checked"
              extra={t('organisation.standingHint')}
            >
              <Switch />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="active" label={t('field.status')} valuePropName="checked">
              <Switch checkedChildren={t('common.active')} unCheckedChildren={t('common.inactive')} />
            </Form.Item>
          </Col>
        </Row>
        {kind === 'department' && (
          <Form.Item name="departmentType" label={t('field.departmentType')} rules={[{ max: 100 }]}>
            <Input placeholder={t('organisation.departmentTypeHint')} />
          </Form.Item>
        )}
        {kind === 'entrusted' && (
          <>
            <Form.Item name="entrustingOrganisationId" label={t('field.entrustingOrganisation')} rules={[required]}>
              <Select
                showSearch={{ optionFilterProp: 'label' }}
                loading={options.loading}
                options={others.filter((item) => item.kind === 'bureau').map((item) => ({ value: item.id, label: item.name }))}
              />
            </Form.Item>
            <Form.Item name="scope" label={t('field.entrustmentScope')} rules={[required]}>
              <MatterSelect mode="multiple" />
            </Form.Item>
            <Form.Item name="validity" label={t('field.entrustmentValidity')} rules={[required]}>
              <DatePicker.RangePicker style={{ width: '100%' }} />
            </Form.Item>
          </>
        )}
      </Form>
    </Drawer>
  );
};
