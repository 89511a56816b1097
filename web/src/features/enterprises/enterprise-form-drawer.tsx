import { useEffect, useState } from 'react';
import { App, Button, Col, Drawer, Form, Input, InputNumber, Row, Select, Space, Switch } from 'antd';
import type { Enterprise, EnterpriseCreate } from '../../api/types';
import { isApiError } from '../../api/problem';
import { ErrorAlert } from '../../app/components/error-alert';
import { applyServerFieldErrors, changedFields } from '../../app/form-errors';
import { useT } from '../../app/i18n/i18n-context';
import { IndustrySelect, TerritorySelect } from '../reference/selects';
import { creditCodeProblem } from './credit-code';
import { useCreateEnterprise, useUpdateEnterprise } from './hooks';

const FIELDS = [
  'creditCode',
  'name',
  'address',
  'territory',
  'industry',
  'scale',
  'workforce',
  'dustWorkers',
  'usesLiquidAmmonia',
  'hasDeepWellCasting',
  'legalRepresentative',
  'contactPhone',
  'latitude',
  'longitude',
] as const;

const SCALES: Enterprise['scale'][] = ['large', 'medium', 'small', 'micro'];
const PHONE = /^[0-9+\-()\s]{7,20}$/;

const toValues = (enterprise: Enterprise): EnterpriseCreate =>
  Object.fromEntries(FIELDS.map((field) => [field, enterprise[field]])) as EnterpriseCreate;

type EnterpriseFormDrawerProps = {
  open: boolean;
  enterprise?: Enterprise;
  onClose: () => void;
  onSaved: (enterprise: Enterprise) => void;
};

export const EnterpriseFormDrawer = ({ open, enterprise, onClose, onSaved }: EnterpriseFormDrawerProps) => {
  const t = useT();
  const { message } = App.useApp();
  const [form] = Form.useForm<EnterpriseCreate>();
  const create = useCreateEnterprise();
  const update = useUpdateEnterprise(enterprise?.id ?? '');
  const [generalError, setGeneralError] = useState<unknown>(null);
  const saving = create.isPending || update.isPending;

  useEffect(() => {
    if (!open) return;
    setGeneralError(null);
    form.resetFields();
    if (enterprise) form.setFieldsValue(toValues(enterprise));
  }, [open, enterprise, form]);

  const onError = (error: unknown) => {
    if (isApiError(error) && error.code === 'ENTERPRISE_EXISTS') {
      form.setFields([{ name: 'creditCode', errors: [error.problem.detail ?? error.problem.title] }]);
      return;
    }
    setGeneralError(applyServerFieldErrors(form, error, FIELDS) ? null : error);
  };

  const submit = (values: EnterpriseCreate) => {
    setGeneralError(null);
    const done = (saved: Enterprise) => {
      void message.success(t('common.saved'));
      onSaved(saved);
    };
    if (!enterprise) {
      create.mutate(values, { onSuccess: done, onError });
      return;
    }
    const { creditCode: _unchangeable, ...patch } = changedFields(toValues(enterprise), values);
    if (Object.keys(patch).length === 0) {
      onClose();
      return;
    }
    update.mutate(patch, { onSuccess: done, onError });
  };

  const required = { required: true, message: t('validation.required') };

  return (
    <Drawer
      data-testid="enterprise-form"
      title={enterprise ? t('enterprise.edit') : t('enterprise.create')}
      size={720}
      open={open}
      onClose={onClose}
      extra={
        <Space>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button
            data-testid="enterprise-form-submit"
            type="primary"
            loading={saving}
            onClick={() => form.submit()}
          >
            {t('common.save')}
          </Button>
        </Space>
      }
    >
      {generalError !== null && <ErrorAlert error={generalError} style={{ marginBottom: 16 }} />}
      <Form<EnterpriseCreate>
        form={form}
        layout="vertical"
        onFinish={submit}
        initialValues={{ usesLiquidAmmonia: false, hasDeepWellCasting: false, dustWorkers: 0 }}
      >
        <Form.Item
          name="creditCode"
          label={t('field.creditCode')}
          normalize={(value: string) => value.toUpperCase().replace(/\s/g, '')}
          extra={enterprise ? t('enterprise.creditCodeFixed') : undefined}
          rules={[
            required,
            {
              validator: (_, value: string | undefined) => {
                const problem = value ? creditCodeProblem(value) : null;
                return problem ? Promise.reject(new Error(t(`creditCode.${problem}`))) : Promise.resolve();
              },
            },
          ]}
        >
          <Input data-testid="field-creditCode" disabled={Boolean(enterprise)} maxLength={18} />
        </Form.Item>
        <Form.Item name="name" label={t('field.name')} rules={[required, { max: 200 }]}>
          <Input data-testid="field-name" />
        </Form.Item>
        <Form.Item name="address" label={t('field.address')} rules={[required, { max: 300 }]}>
          <Input data-testid="field-address" />
        </Form.Item>
        <Row gutter={16}>
          <Col span={8}>
            <Form.Item name="territory" label={t('field.territory')} rules={[required]}>
              <TerritorySelect data-testid="field-territory" />
            </Form.Item>
          </Col>
          <Col span={10}>
            <Form.Item name="industry" label={t('field.industry')} rules={[required]}>
              <IndustrySelect data-testid="field-industry" />
            </Form.Item>
          </Col>
          <Col span={6}>
            <Form.Item name="scale" label={t('field.scale')} rules={[required]}>
              <Select
                data-testid="field-scale"
                options={SCALES.map((scale) => ({ value: scale, label: t(`scale.${scale}`) }))}
              />
            </Form.Item>
          </Col>
        </Row>
        <Row gutter={16}>
          <Col span={12}>
            <Form.Item name="workforce" label={t('field.workforce')} rules={[required]}>
              <InputNumber data-testid="field-workforce" min={0} precision={0} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item
              name="dustWorkers"
              label={t('field.dustWorkers')}
              dependencies={['workforce']}
              rules={[
                required,
                ({ getFieldValue }) => ({
                  validator: (_, value: number | null) => {
                    const workforce = getFieldValue('workforce') as number | null;
                    return value !== null && workforce !== null && value > workforce
                      ? Promise.reject(new Error(t('enterprise.dustWorkersTooMany')))
                      : Promise.resolve();
                  },
                }),
              ]}
            >
              <InputNumber data-testid="field-dustWorkers" min={0} precision={0} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
        </Row>
        <Row gutter={16}>
          <Col span={12}>
            <Form.Item name="usesLiquidAmmonia" label={t('field.usesLiquidAmmonia')} valuePropName="checked">
              <Switch data-testid="field-usesLiquidAmmonia" />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item
              name="hasDeepWellCasting"
              label={t('field.hasDeepWellCasting')}
              valuePropName="checked"
            >
              <Switch data-testid="field-hasDeepWellCasting" />
            </Form.Item>
          </Col>
        </Row>
        <Row gutter={16}>
          <Col span={12}>
            <Form.Item
              name="legalRepresentative"
              label={t('field.legalRepresentative')}
              rules={[{ max: 50 }]}
            >
              <Input data-testid="field-legalRepresentative" />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item
              name="contactPhone"
              label={t('field.contactPhone')}
              rules={[{ pattern: PHONE, message: t('validation.phone') }]}
            >
              <Input data-testid="field-contactPhone" />
            </Form.Item>
          </Col>
        </Row>
        <Row gutter={16}>
          <Col span={12}>
            <Form.Item name="latitude" label={t('field.latitude')} extra={t('field.coordinatesHint')}>
              <InputNumber
                min={-90}
                max={90}
                step={0.0001}
                style={{ width: '100%' }}
                data-testid="field-latitude"
              />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="longitude" label={t('field.longitude')}>
              <InputNumber
                min={-180}
                max={180}
                step={0.0001}
                style={{ width: '100%' }}
                data-testid="field-longitude"
              />
            </Form.Item>
          </Col>
        </Row>
      </Form>
    </Drawer>
  );
};
