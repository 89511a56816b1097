import { useEffect, useState } from 'react';
import {
  Alert,
  App,
  Button,
  Col,
  Divider,
  Flex,
  Form,
  InputNumber,
  Modal,
  Row,
  Skeleton,
  Typography,
} from 'antd';
// the pure rule alone: the domain's index would bring the whole catalogue into the page
import { annualPlanInputConcerns } from '@inspecta/domain/plan-input';
import type { AnnualPlan } from '../../api/types';
import { todayInZone } from '../../app/format';
import { ErrorAlert } from '../../app/components/error-alert';
import { useT } from '../../app/i18n/i18n-context';
import { formatNumber, workdayCategoriesOf, type WorkdayCategory } from './formula-card';
import { useAnnualPlan, useComputeAnnualPlan, usePlanningCatalog } from './hooks';
import { UnverifiedTag } from './plan-tags';

type ComputeForm = { year: number; workdays: Record<string, number | null | undefined> };

const CategoryGroup = ({
  title,
  categories,
  testId,
}: {
  title: string;
  categories: WorkdayCategory[];
  testId: string;
}) => {
  const t = useT();
  const form = Form.useFormInstance<ComputeForm>();
  const values = Form.useWatch('workdays', form) ?? {};
  const sum = categories.reduce((total, category) => total + (values[category.code] ?? 0), 0);
  return (
    <div data-testid={testId}>
      <Divider titlePlacement="start" style={{ margin: '8px 0 12px' }}>
        {title}
        <Typography.Text
          type="secondary"
          style={{ marginInlineStart: 8, fontWeight: 'normal' }}
          data-testid={`${testId}-sum`}
        >
          {t('plan.compute.sum', { sum: formatNumber(sum) })}
        </Typography.Text>
      </Divider>
      <Row gutter={[16, 0]}>
        {categories.map((category) => (
          <Col key={category.code} xs={24} sm={12}>
            <Form.Item
              name={['workdays', category.code]}
              label={
                <Flex gap={6} align="center">
                  <span>{category.label}</span>
                  {!category.verified && <UnverifiedTag source={category.source} />}
                </Flex>
              }
              style={{ marginBottom: 12 }}
            >
              <InputNumber<number>
                data-testid={`plan-workdays-${category.code}`}
                min={0}
                max={10_000_000}
                precision={0}
                suffix={t('plan.compute.daysSuffix')}
                style={{ width: '100%' }}
              />
            </Form.Item>
          </Col>
        ))}
      </Row>
    </div>
  );
};

type ComputePlanModalProps = {
  open: boolean;
  onClose: () => void;
  // a plan whose formula lists the catalogue's workday categories (and, for a recomputation, its inputs)
  sourcePlanId?: string;
  // a recomputation of a draft keeps its year and starts from its figures
  recompute?: AnnualPlan;
  defaultYear: number;
  onComputed?: (plan: AnnualPlan) => void;
};

// 计算年度计划: the year, then the other-enforcement and non-enforcement workdays per catalogue category.
export const ComputePlanModal = ({
  open,
  onClose,
  sourcePlanId,
  recompute,
  defaultYear,
  onComputed,
}: ComputePlanModalProps) => {
  const t = useT();
  const { message, modal } = App.useApp();
  const [form] = Form.useForm<ComputeForm>();
  // the blocking concern is said once the user has tried to compute, not on an empty form
  const [tried, setTried] = useState(false);
  const watchedYear = Form.useWatch('year', form);
  const watchedWorkdays = Form.useWatch('workdays', form);
  const compute = useComputeAnnualPlan();
  const source = useAnnualPlan(open && !recompute ? sourcePlanId : undefined);
  const template = recompute ?? source.data;
  const catalog = usePlanningCatalog();
  const fromCatalog: WorkdayCategory[] = catalog.data
    ? [
        ...catalog.data.otherEnforcementCategories.map((c) => ({
          code: c.code,
          label: c.name,
          verified: c.verified,
          source: c.source,
          kind: 'other' as const,
        })),
        ...catalog.data.nonEnforcementCategories.map((c) => ({
          code: c.code,
          label: c.name,
          verified: c.verified,
          source: c.source,
          kind: 'non' as const,
        })),
      ]
    : [];
  const categories = fromCatalog.length > 0 ? fromCatalog : template ? workdayCategoriesOf(template) : [];
  const loading = catalog.isPending || (!recompute && Boolean(sourcePlanId) && source.isPending);

  // issue 13 item 9: nonsense is refused, and a year whose months have passed is said, before anything is saved
  const concerns =
    typeof watchedYear === 'number'
      ? annualPlanInputConcerns(
          { year: watchedYear, workdays: watchedWorkdays ?? {} },
          { today: todayInZone() },
        ).filter((concern) => concern.code !== 'NO_WORKDAYS_ENTERED' || categories.length > 0)
      : [];
  const noWorkdays = concerns.find((concern) => concern.code === 'NO_WORKDAYS_ENTERED');
  const monthsPassed = concerns.find((concern) => concern.code === 'MONTHS_PASSED');
  const monthsPassedText = monthsPassed
    ? monthsPassed.passedMonths === 12
      ? t('plan.compute.concern.yearPassed', { year: monthsPassed.year })
      : t('plan.compute.concern.monthsPassed', {
          year: monthsPassed.year,
          months: monthsPassed.passedMonths,
        })
    : '';

  useEffect(() => {
    if (!open) return;
    setTried(false);
    compute.reset();
    form.setFieldsValue({
      year: recompute?.year ?? defaultYear,
      workdays: recompute ? { ...recompute.input.workdays } : {},
    });
    // eslint-disable-next-line react-hooks/exhaustive-deps -- reset once per opening
  }, [open]);

  const submit = ({ year, workdays }: ComputeForm) => {
    const entered = Object.fromEntries(
      Object.entries(workdays ?? {}).filter(
        (entry): entry is [string, number] => typeof entry[1] === 'number',
      ),
    );
    setTried(true);
    if (noWorkdays) return;
    if (monthsPassed)
      modal.confirm({
        title: t('plan.compute.concern.confirmTitle', { year }),
        content: `${monthsPassedText}${t('plan.compute.concern.confirmQuestion')}`,
        okText: t('plan.compute.concern.anyway'),
        cancelText: t('plan.compute.concern.back'),
        okButtonProps: { 'data-testid': 'plan-compute-anyway' },
        onOk: () => run(year, entered),
      });
    else run(year, entered);
  };

  const run = (year: number, entered: Record<string, number>) => {
    compute.mutate(
      { year, workdays: entered },
      {
        onSuccess: (plan) => {
          void message.success(t('plan.compute.done', { year: plan.year, version: plan.version }));
          onClose();
          onComputed?.(plan);
        },
      },
    );
  };

  return (
    <Modal
      title={recompute ? t('plan.compute.recomputeTitle', { year: recompute.year }) : t('plan.compute.title')}
      open={open}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('plan.compute.submit')}
      okButtonProps={{ 'data-testid': 'plan-compute-confirm' }}
      confirmLoading={compute.isPending}
      width={760}
      destroyOnHidden
    >
      <Alert type="info" showIcon style={{ marginBottom: 16 }} title={t('plan.compute.hint')} />
      {monthsPassed && (
        <Alert
          data-testid="plan-compute-months-passed"
          type="warning"
          showIcon
          style={{ marginBottom: 16 }}
          title={monthsPassedText}
          action={
            recompute ? null : (
              <Button
                size="small"
                data-testid="plan-compute-suggested-year"
                onClick={() => form.setFieldValue('year', monthsPassed.suggestedYear)}
              >
                {t('plan.compute.concern.useYear', { year: monthsPassed.suggestedYear })}
              </Button>
            )
          }
        />
      )}
      {compute.isError && (
        <ErrorAlert error={compute.error} style={{ marginBottom: 16 }} testId="plan-compute-error" />
      )}
      <Form<ComputeForm> form={form} layout="vertical" onFinish={submit} data-testid="plan-compute-form">
        <Form.Item
          name="year"
          label={t('plan.year')}
          rules={[{ required: true, message: t('validation.required') }]}
        >
          <InputNumber<number>
            data-testid="plan-compute-year"
            min={2020}
            max={2100}
            precision={0}
            disabled={Boolean(recompute)}
            suffix={t('plan.yearSuffix')}
            style={{ width: 160 }}
          />
        </Form.Item>
        {loading ? (
          <Skeleton active />
        ) : categories.length === 0 ? (
          <Alert
            data-testid="plan-compute-no-categories"
            type="warning"
            showIcon
            title={t('plan.compute.noCategories')}
          />
        ) : (
          <>
            <CategoryGroup
              title={t('plan.compute.other')}
              categories={categories.filter((c) => c.kind === 'other')}
              testId="plan-compute-other"
            />
            <CategoryGroup
              title={t('plan.compute.non')}
              categories={categories.filter((c) => c.kind === 'non')}
              testId="plan-compute-non"
            />
          </>
        )}
      </Form>
      {/* beside the button that was pressed, where the eye is */}
      {tried && noWorkdays && (
        <Alert
          data-testid="plan-compute-no-workdays"
          type="error"
          showIcon
          style={{ marginTop: 8 }}
          title={t('plan.compute.concern.noWorkdays')}
        />
      )}
    </Modal>
  );
};
