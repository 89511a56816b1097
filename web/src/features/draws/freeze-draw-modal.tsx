import { useEffect } from 'react';
import {
  Alert,
  App,
  Col,
  DatePicker,
  Divider,
  Form,
  Input,
  InputNumber,
  Modal,
  Radio,
  Row,
  Select,
  Typography,
} from 'antd';
import type { Dayjs } from 'dayjs';
import type { DrawFreeze, DrawSummary } from '../../api/types';
import { ErrorAlert } from '../../app/components/error-alert';
import { applyServerFieldErrors } from '../../app/form-errors';
import { toIsoDate } from '../../app/format';
import { useT } from '../../app/i18n/i18n-context';
import { MatterSelect } from '../reference/selects';
import {
  CriteriaStrataEditor,
  emptyStratum,
  toCriteriaStratum,
  type StratumRow,
} from './criteria-strata-editor';
import { useAnnualPlanBatches, useApprovedPlans, useDepartments, useFreezeDraw } from './hooks';

type FreezeForm = {
  title: string;
  inspectionDate?: Dayjs;
  matters: string[];
  teamSize: number;
  maxAssignmentsPerInspector?: number | null;
  sourceKind: 'criteria' | 'annual_plan_batch';
  annualPlanId?: string;
  batchCode?: string;
  strata: StratumRow[];
  partners: string[];
};

const TOP_FIELDS = [
  'title',
  'inspectionDate',
  'matters',
  'teamSize',
  'maxAssignmentsPerInspector',
  'partners',
] as const;

const toBody = (values: FreezeForm): DrawFreeze => ({
  title: values.title.trim(),
  inspectionDate: values.inspectionDate ? toIsoDate(values.inspectionDate) : '',
  matters: values.matters,
  teamSize: values.teamSize,
  ...(values.maxAssignmentsPerInspector
    ? { maxAssignmentsPerInspector: values.maxAssignmentsPerInspector }
    : {}),
  source:
    values.sourceKind === 'annual_plan_batch'
      ? {
          kind: 'annual_plan_batch',
          annualPlanId: values.annualPlanId ?? '',
          batchCode: values.batchCode ?? '',
        }
      : { kind: 'criteria', strata: values.strata.map(toCriteriaStratum) },
  partners: values.partners ?? [],
});

type FreezeDrawModalProps = { open: boolean; onClose: () => void; onFrozen: (draw: DrawSummary) => void };

// 冻结名单 (measure 5, items 1–3): the pools are read from the register and frozen, and their hashes published;
// nothing random happens until the witnessed session.
export const FreezeDrawModal = ({ open, onClose, onFrozen }: FreezeDrawModalProps) => {
  const t = useT();
  const { message } = App.useApp();
  const [form] = Form.useForm<FreezeForm>();
  const freeze = useFreezeDraw();
  const sourceKind = Form.useWatch('sourceKind', form);
  const annualPlanId = Form.useWatch('annualPlanId', form);
  const plans = useApprovedPlans(open);
  const batches = useAnnualPlanBatches(open && sourceKind === 'annual_plan_batch' ? annualPlanId : undefined);
  const departments = useDepartments(open);

  useEffect(() => {
    if (!open) return;
    freeze.reset();
    form.resetFields();
    form.setFieldsValue({
      teamSize: 2,
      sourceKind: 'criteria',
      strata: [emptyStratum()],
      partners: [],
      matters: [],
    });
    // eslint-disable-next-line react-hooks/exhaustive-deps -- reset once per opening
  }, [open]);

  const submit = (values: FreezeForm) => {
    freeze.mutate(toBody(values), {
      onSuccess: (draw) => {
        void message.success(t('draw.freeze.done'));
        onClose();
        onFrozen(draw);
      },
      onError: (error) => applyServerFieldErrors(form, error, TOP_FIELDS),
    });
  };

  return (
    <Modal
      title={t('draw.freeze.title')}
      open={open}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('draw.freeze.submit')}
      okButtonProps={{ 'data-testid': 'draw-freeze-confirm' }}
      confirmLoading={freeze.isPending}
      width={1080}
      destroyOnHidden
    >
      <Alert type="info" showIcon style={{ marginBottom: 16 }} title={t('draw.freeze.hint')} />
      {freeze.isError && (
        <ErrorAlert error={freeze.error} style={{ marginBottom: 16 }} testId="draw-freeze-error" />
      )}
      <Form<FreezeForm> form={form} layout="vertical" onFinish={submit} data-testid="draw-freeze-form">
        <Row gutter={16}>
          <Col xs={24} md={12}>
            <Form.Item
              name="title"
              label={t('draw.field.title')}
              rules={[
                { required: true, whitespace: true, message: t('validation.required') },
                { min: 2, max: 120 },
              ]}
            >
              <Input data-testid="draw-field-title" placeholder={t('draw.freeze.titlePlaceholder')} />
            </Form.Item>
          </Col>
          <Col xs={12} md={6}>
            <Form.Item
              name="inspectionDate"
              label={t('draw.field.inspectionDate')}
              rules={[{ required: true, message: t('validation.required') }]}
            >
              <DatePicker data-testid="draw-field-inspectionDate" style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col xs={12} md={6}>
            <Form.Item
              name="teamSize"
              label={t('draw.field.teamSize')}
              tooltip={t('draw.freeze.teamSizeHint')}
              rules={[{ required: true, message: t('validation.required') }]}
            >
              <InputNumber<number>
                data-testid="draw-field-teamSize"
                min={2}
                max={10}
                precision={0}
                suffix={t('draw.peopleUnit')}
                style={{ width: '100%' }}
              />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item
              name="matters"
              label={t('draw.field.matters')}
              rules={[{ required: true, message: t('validation.required') }]}
            >
              <MatterSelect
                mode="multiple"
                data-testid="draw-field-matters"
                placeholder={t('draw.freeze.mattersPlaceholder')}
                maxCount={30}
              />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="partners" label={t('draw.field.partners')} extra={t('draw.freeze.partnersHint')}>
              <Select<string[]>
                mode="multiple"
                data-testid="draw-field-partners"
                loading={departments.isPending}
                placeholder={
                  departments.data?.length === 0
                    ? t('draw.freeze.noDepartments')
                    : t('draw.freeze.partnersPlaceholder')
                }
                options={(departments.data ?? []).map((department) => ({
                  value: department.id,
                  label: department.name,
                }))}
                showSearch={{ optionFilterProp: 'label' }}
                maxCount={6}
              />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item
              name="maxAssignmentsPerInspector"
              label={t('draw.field.maxAssignments')}
              extra={t('draw.freeze.maxAssignmentsHint')}
            >
              <InputNumber<number>
                data-testid="draw-field-maxAssignments"
                min={1}
                max={100_000}
                precision={0}
                style={{ width: 200 }}
              />
            </Form.Item>
          </Col>
        </Row>
        <Divider titlePlacement="start" style={{ margin: '4px 0 12px' }}>
          {t('draw.freeze.source')}
        </Divider>
        <Form.Item name="sourceKind">
          <Radio.Group
            data-testid="draw-field-sourceKind"
            optionType="button"
            options={[
              { value: 'criteria', label: t('draw.source.criteria') },
              { value: 'annual_plan_batch', label: t('draw.source.annual_plan_batch') },
            ]}
          />
        </Form.Item>
        {sourceKind === 'annual_plan_batch' ? (
          <Row gutter={16}>
            <Col xs={24} md={12}>
              <Form.Item
                name="annualPlanId"
                label={t('draw.freeze.plan')}
                rules={[{ required: true, message: t('validation.required') }]}
              >
                <Select<string>
                  data-testid="draw-field-plan"
                  loading={plans.isPending}
                  placeholder={plans.data?.length === 0 ? t('draw.freeze.noPlans') : undefined}
                  onChange={() => form.setFieldValue('batchCode', undefined)}
                  options={(plans.data ?? []).map((plan) => ({
                    value: plan.id,
                    label: t('draw.freeze.planLabel', {
                      year: plan.year,
                      territory: plan.territoryName,
                      version: plan.version,
                      status: t(`plan.status.${plan.status}`),
                    }),
                  }))}
                />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item
                name="batchCode"
                label={t('draw.freeze.batch')}
                rules={[{ required: true, message: t('validation.required') }]}
              >
                <Select<string>
                  data-testid="draw-field-batch"
                  disabled={!annualPlanId}
                  loading={Boolean(annualPlanId) && batches.isPending}
                  options={(batches.data ?? []).map((batch) => ({
                    value: batch.code,
                    label: t('draw.freeze.batchLabel', {
                      code: batch.code,
                      month: batch.month,
                      size: batch.size,
                    }),
                  }))}
                />
              </Form.Item>
            </Col>
          </Row>
        ) : (
          <>
            <Typography.Paragraph type="secondary" style={{ marginTop: -8 }}>
              {t('draw.freeze.strataHint')}
            </Typography.Paragraph>
            <CriteriaStrataEditor />
          </>
        )}
      </Form>
    </Modal>
  );
};
