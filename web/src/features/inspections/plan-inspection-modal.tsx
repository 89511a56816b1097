import { useEffect, useRef, useState } from 'react';
import { Alert, Col, DatePicker, Form, Input, Modal, Row, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import { isApiError } from '../../api/problem';
import type { InspectionKind, InspectionPlan, PlannedInspection, TargetedTrigger } from '../../api/types';
import { ErrorAlert } from '../../app/components/error-alert';
import { applyServerFieldErrors } from '../../app/form-errors';
import { todayPickerValue, toIsoDate } from '../../app/format';
import { useT } from '../../app/i18n/i18n-context';
import { useDepartments } from '../draws/hooks';
import { MatterSelect } from '../reference/selects';
import { EnterprisePicker } from './enterprise-picker';
import { EnterpriseBurdenPreview } from './enterprise-burden-preview';
import { usePlanInspection } from './hooks';
import { INSPECTION_KINDS, TARGETED_TRIGGERS } from './inspection-tags';
import { OverCapAlert } from './over-cap-alert';
import { PlannedResult } from './planned-result';

type PlanForm = {
  enterpriseId: string;
  plannedOn: Dayjs;
  kind: InspectionKind;
  matters: string[];
  partners: string[];
  trigger?: TargetedTrigger;
  triggerReference?: string;
  overCapReason?: string;
  triggerDescription?: string;
};

const FIELDS = [
  'enterpriseId',
  'plannedOn',
  'kind',
  'matters',
  'partners',
  'trigger',
  'triggerReference',
  'overCapReason',
  'triggerDescription',
];

const toBody = (values: PlanForm): InspectionPlan => ({
  enterpriseId: values.enterpriseId,
  plannedOn: toIsoDate(values.plannedOn),
  kind: values.kind,
  matters: values.matters,
  partners: values.partners.length ? values.partners : undefined,
  trigger: values.trigger,
  triggerReference:
    values.trigger && values.triggerReference?.trim() ? values.triggerReference.trim() : undefined,
  overCapReason: values.overCapReason?.trim() ? values.overCapReason.trim() : undefined,
  triggerDescription:
    values.trigger === 'other' && values.triggerDescription?.trim()
      ? values.triggerDescription.trim()
      : undefined,
});

type PlanInspectionModalProps = { open: boolean; onClose: () => void };

// 计划检查 (issue 6 items 10–11): a verified cap refuses what goes beyond it unless a targeted trigger is
// recorded (measure 5); a cap still unverified only warns and asks for a written reason, which the legal
// reviewer is shown (issue 11 item 4); once planned, the other inspections of the enterprise in the same period are offered for
// merging into one visit (measure 8).
export const PlanInspectionModal = ({ open, onClose }: PlanInspectionModalProps) => {
  const t = useT();
  const [form] = Form.useForm<PlanForm>();
  const plan = usePlanInspection();
  const departments = useDepartments(open);
  const [withTrigger, setWithTrigger] = useState(false);
  const [withReason, setWithReason] = useState(false);
  const [planned, setPlanned] = useState<PlannedInspection | null>(null);
  const triggerRef = useRef<HTMLDivElement>(null);
  const enterpriseId = Form.useWatch('enterpriseId', form);
  const plannedOn = Form.useWatch('plannedOn', form);
  const kind = Form.useWatch('kind', form);
  const trigger = Form.useWatch('trigger', form);

  useEffect(() => {
    if (!open) return;
    plan.reset();
    setPlanned(null);
    setWithTrigger(false);
    setWithReason(false);
    form.resetFields();
    form.setFieldsValue({ plannedOn: todayPickerValue(), kind: 'other', matters: [], partners: [] });
    // eslint-disable-next-line react-hooks/exhaustive-deps -- reset once per opening
  }, [open]);

  const refusal =
    isApiError(plan.error) && plan.error.code === 'INSPECTION_OVER_CAP' ? plan.error.problem : undefined;
  const reasonAsked =
    isApiError(plan.error) && plan.error.code === 'INSPECTION_OVER_CAP_REASON_REQUIRED'
      ? plan.error.problem
      : undefined;
  const showTrigger = kind === 'targeted' || withTrigger || Boolean(trigger);

  const addTrigger = () => {
    setWithTrigger(true);
    setTimeout(() => triggerRef.current?.scrollIntoView({ block: 'center', behavior: 'smooth' }), 0);
  };

  const submit = (values: PlanForm) => {
    plan.mutate(toBody(values), {
      onSuccess: (result) => setPlanned(result),
      onError: (error) => {
        if (isApiError(error) && error.code === 'INSPECTION_OVER_CAP') return;
        if (isApiError(error) && error.code === 'INSPECTION_OVER_CAP_REASON_REQUIRED') {
          setWithReason(true);
          return;
        }
        applyServerFieldErrors(form, error, FIELDS);
      },
    });
  };

  if (planned) {
    return (
      <Modal
        title={t('inspection.plan.doneTitle')}
        open={open}
        onCancel={onClose}
        onOk={onClose}
        okText={t('inspection.plan.close')}
        okButtonProps={{ 'data-testid': 'inspection-plan-close' }}
        cancelButtonProps={{ style: { display: 'none' } }}
        width={860}
        destroyOnHidden
      >
        <PlannedResult planned={planned} onMerged={onClose} />
      </Modal>
    );
  }

  return (
    <Modal
      title={t('inspection.plan.title')}
      open={open}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('inspection.plan.submit')}
      okButtonProps={{ 'data-testid': 'inspection-plan-submit' }}
      confirmLoading={plan.isPending}
      width={860}
      destroyOnHidden
    >
      <Alert type="info" showIcon style={{ marginBottom: 16 }} title={t('inspection.plan.hint')} />
      {refusal && (
        <div style={{ marginBottom: 16 }}>
          <OverCapAlert problem={refusal} onAddTrigger={showTrigger ? undefined : addTrigger} />
        </div>
      )}
      {reasonAsked && (
        <div style={{ marginBottom: 16 }}>
          <OverCapAlert problem={reasonAsked} warning onAddTrigger={showTrigger ? undefined : addTrigger} />
        </div>
      )}
      {plan.isError && !refusal && !reasonAsked && (
        <ErrorAlert error={plan.error} style={{ marginBottom: 16 }} testId="inspection-plan-error" />
      )}
      <Form<PlanForm> form={form} layout="vertical" onFinish={submit} data-testid="inspection-plan-form">
        <Row gutter={16}>
          <Col xs={24} md={16}>
            <Form.Item
              name="enterpriseId"
              label={t('inspection.field.enterprise')}
              rules={[{ required: true, message: t('validation.required') }]}
            >
              <EnterprisePicker open={open} testId="inspection-field-enterprise" />
            </Form.Item>
          </Col>
          <Col xs={12} md={8}>
            <Form.Item
              name="plannedOn"
              label={t('inspection.field.plannedOn')}
              rules={[{ required: true, message: t('validation.required') }]}
            >
              <DatePicker data-testid="inspection-field-plannedOn" style={{ width: '100%' }} />
            </Form.Item>
          </Col>
        </Row>
        {enterpriseId && (
          <EnterpriseBurdenPreview
            enterpriseId={enterpriseId}
            plannedOn={plannedOn ? toIsoDate(plannedOn) : undefined}
          />
        )}
        <Row gutter={16}>
          <Col xs={12} md={8}>
            <Form.Item
              name="kind"
              label={t('inspection.field.kind')}
              rules={[{ required: true, message: t('validation.required') }]}
            >
              <Select<InspectionKind>
                data-testid="inspection-field-kind"
                options={INSPECTION_KINDS.map((value) => ({ value, label: t(`inspection.kind.${value}`) }))}
              />
            </Form.Item>
          </Col>
          <Col xs={24} md={16}>
            <Form.Item
              name="matters"
              label={t('inspection.field.matters')}
              rules={[{ required: true, message: t('validation.required') }]}
            >
              <MatterSelect
                mode="multiple"
                data-testid="inspection-field-matters"
                placeholder={t('inspection.plan.mattersPlaceholder')}
                maxCount={20}
              />
            </Form.Item>
          </Col>
          <Col xs={24}>
            <Form.Item
              name="partners"
              label={t('inspection.field.partners')}
              extra={t('inspection.plan.partnersHint')}
            >
              <Select<string[]>
                mode="multiple"
                data-testid="inspection-field-partners"
                loading={departments.isPending}
                placeholder={t('inspection.plan.partnersPlaceholder')}
                options={(departments.data ?? []).map((department) => ({
                  value: department.id,
                  label: department.name,
                }))}
                showSearch={{ optionFilterProp: 'label' }}
                maxCount={10}
              />
            </Form.Item>
          </Col>
        </Row>
        {withReason && (
          <Form.Item
            name="overCapReason"
            label={t('inspection.field.overCapReason')}
            extra={t('inspection.plan.overCapReasonHint')}
            rules={[
              // a targeted trigger is exempt from the cap (measure 5): then no reason is needed
              {
                required: !trigger,
                whitespace: true,
                message: t('inspection.plan.overCapReasonRequired'),
              },
              { max: 500 },
            ]}
          >
            <Input.TextArea
              data-testid="inspection-field-overCapReason"
              autoSize={{ minRows: 2, maxRows: 5 }}
              maxLength={500}
              showCount
            />
          </Form.Item>
        )}
        {showTrigger && (
          <div ref={triggerRef}>
            <Row gutter={16}>
              <Col xs={24} md={8}>
                <Form.Item
                  name="trigger"
                  label={t('inspection.field.trigger')}
                  tooltip={t('inspection.plan.triggerHint')}
                  rules={[{ required: kind === 'targeted', message: t('inspection.plan.triggerRequired') }]}
                >
                  <Select<TargetedTrigger>
                    data-testid="inspection-field-trigger"
                    allowClear
                    placeholder={t('inspection.plan.triggerPlaceholder')}
                    options={TARGETED_TRIGGERS.map((value) => ({
                      value,
                      label: t(`inspection.trigger.${value}`),
                    }))}
                  />
                </Form.Item>
              </Col>
              <Col xs={24} md={16}>
                <Form.Item
                  name="triggerReference"
                  label={
                    trigger === 'special_campaign'
                      ? t('inspection.field.campaignReference')
                      : t('inspection.field.triggerReference')
                  }
                  rules={[
                    { max: 200 },
                    {
                      required: trigger === 'special_campaign',
                      whitespace: true,
                      message: t('inspection.plan.campaignReferenceRequired'),
                    },
                  ]}
                >
                  <Input
                    data-testid="inspection-field-triggerReference"
                    disabled={!trigger}
                    placeholder={t('inspection.plan.triggerReferencePlaceholder')}
                  />
                </Form.Item>
              </Col>
            </Row>
            {trigger === 'other' && (
              <Form.Item
                name="triggerDescription"
                label={t('inspection.field.triggerDescription')}
                extra={t('inspection.plan.triggerDescriptionHint')}
                rules={[
                  {
                    required: true,
                    whitespace: true,
                    min: 4,
                    message: t('inspection.plan.triggerDescriptionRequired'),
                  },
                  { max: 500 },
                ]}
              >
                <Input data-testid="inspection-field-triggerDescription" />
              </Form.Item>
            )}
          </div>
        )}
      </Form>
    </Modal>
  );
};
