import { useEffect, useState } from 'react';
import { Alert, App, Button, Col, DatePicker, Drawer, Form, Input, Row, Select, Space, Switch } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import type { Organisation, OrganisationCreate, OrganisationKind } from '../../api/types';
import { ErrorAlert } from '../../app/components/error-alert';
import { applyServerFieldErrors, changedFields } from '../../app/form-errors';
import { toIsoDate } from '../../app/format';
import { useT } from '../../app/i18n/i18n-context';
import { MatterSelect, TerritorySelect } from '../reference/selects';
import { useCreateOrganisation, useOrganisationOptions, useUpdateOrganisation } from './hooks';
import { DEPARTMENT_TYPES, ORGANISATION_KINDS } from './organisation-tags';

type DepartmentType = NonNullable<OrganisationCreate['departmentType']>;

type FormValues = {
  name: string;
  kind: OrganisationKind;
  territory: string;
  parentId?: string | null;
  active: boolean;
  departmentType?: DepartmentType | null;
  scope?: string[];
  validity?: [Dayjs, Dayjs];
  entrustingOrganisationId?: string;
};

const FIELDS = [
  'name',
  'kind',
  'territory',
  'parentId',
  'active',
  'departmentType',
  'scope',
  'validity',
  'entrustingOrganisationId',
];

// `entrustment.validTo` → the range picker, `entrustment.scope.0` → the matter select, ...
const fieldFor = (path: (string | number)[]): string | undefined => {
  const [head, next] = path;
  if (head !== 'entrustment') return typeof head === 'string' ? head : undefined;
  if (next === 'validFrom' || next === 'validTo') return 'validity';
  if (next === 'entrustingOrganisationId') return 'entrustingOrganisationId';
  return 'scope';
};

// Only what both create and update accept; kind and territory are fixed once created.
const changeable = (values: FormValues) => ({
  name: values.name.trim(),
  parentId: values.parentId ?? null,
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
  active: organisation.active,
  departmentType: DEPARTMENT_TYPES.find((type) => type === organisation.departmentType) ?? null,
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

export const OrganisationFormDrawer = ({
  open,
  organisation,
  onClose,
  onSaved,
}: OrganisationFormDrawerProps) => {
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

  const onError = (error: unknown) =>
    setGeneralError(applyServerFieldErrors(form, error, FIELDS, fieldFor) ? null : error);
  const done = (saved: Organisation) => {
    void message.success(t('common.saved'));
    onSaved(saved);
  };

  const submit = (values: FormValues) => {
    setGeneralError(null);
    const body = changeable(values);
    if (!organisation) {
      return create.mutate(
        { ...body, kind: values.kind, territory: values.territory },
        { onSuccess: done, onError },
      );
    }
    const patch = changedFields(changeable(toValues(organisation)), body);
    if (Object.keys(patch).length === 0) return onClose();
    update.mutate(patch, { onSuccess: done, onError });
  };

  const required = { required: true, message: t('validation.required') };
  const others = options.items.filter((item) => item.id !== organisation?.id);
  const fixed = Boolean(organisation);

  return (
    <Drawer
      data-testid="organisation-form"
      title={organisation ? t('organisation.edit') : t('organisation.create')}
      size={640}
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
      <Form<FormValues> form={form} layout="vertical" onFinish={submit} initialValues={{ active: true }}>
        <Form.Item name="name" label={t('field.organisationName')} rules={[required, { max: 100 }]}>
          <Input />
        </Form.Item>
        <Row gutter={16}>
          <Col span={12}>
            <Form.Item
              name="kind"
              label={t('field.kind')}
              rules={[required]}
              extra={fixed ? t('organisation.kindFixed') : undefined}
            >
              <Select
                disabled={fixed}
                options={ORGANISATION_KINDS.map((value) => ({ value, label: t(`orgKind.${value}`) }))}
              />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="territory" label={t('field.territory')} rules={[required]}>
              <TerritorySelect disabled={fixed} />
            </Form.Item>
          </Col>
        </Row>
        {kind && (
          <Alert
            style={{ marginBottom: 16 }}
            type={kind === 'bureau' || kind === 'entrusted' ? 'info' : 'warning'}
            showIcon
            title={t(`organisation.standingByKind.${kind}`)}
          />
        )}
        <Form.Item name="parentId" label={t('field.parent')}>
          <Select
            allowClear
            showSearch={{ optionFilterProp: 'label' }}
            loading={options.loading}
            options={others.map((item) => ({ value: item.id, label: item.name }))}
          />
        </Form.Item>
        <Form.Item name="active" label={t('field.status')} valuePropName="checked">
          <Switch checkedChildren={t('common.active')} unCheckedChildren={t('common.inactive')} />
        </Form.Item>
        {kind === 'department' && (
          <Form.Item name="departmentType" label={t('field.departmentType')} rules={[required]}>
            <Select
              options={DEPARTMENT_TYPES.map((value) => ({ value, label: t(`departmentType.${value}`) }))}
            />
          </Form.Item>
        )}
        {kind === 'entrusted' && (
          <>
            <Form.Item
              name="entrustingOrganisationId"
              label={t('field.entrustingOrganisation')}
              rules={[required]}
            >
              <Select
                showSearch={{ optionFilterProp: 'label' }}
                loading={options.loading}
                options={others
                  .filter((item) => item.kind === 'bureau')
                  .map((item) => ({ value: item.id, label: item.name }))}
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
