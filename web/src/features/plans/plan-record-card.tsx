import type { ReactNode } from 'react';
import { Card, Descriptions, Steps } from 'antd';
import type { AnnualPlan } from '../../api/types';
import { formatDate, formatDateTime } from '../../app/format';
import { useT } from '../../app/i18n/i18n-context';
import { PLAN_STEPS } from './plan-tags';

const stepContent = (plan: AnnualPlan, t: ReturnType<typeof useT>): ReactNode[] => {
  const { record } = plan;
  const pending = t('plan.step.pending');
  return [
    `${plan.computedByName} ${formatDateTime(plan.computedAt)}`,
    record.submittedOn
      ? t('plan.step.submittedContent', {
          discussed: formatDate(record.discussedOn),
          submitted: record.submittedOn,
        })
      : pending,
    record.approval ? `${record.approval.documentNumber} · ${record.approval.approvedOn}` : pending,
    record.filedOn ? t('plan.step.filedContent', { date: record.filedOn }) : pending,
    record.publishedOn ? t('plan.step.publishedContent', { date: record.publishedOn }) : pending,
  ];
};

// Where the plan is in its approval (computed, submitted, approved, filed, published) and the record of each step.
export const PlanRecordCard = ({ plan }: { plan: AnnualPlan }) => {
  const t = useT();
  const current = plan.status === 'superseded' ? PLAN_STEPS.length - 1 : PLAN_STEPS.indexOf(plan.status);
  const contents = stepContent(plan, t);
  return (
    <Card>
      <Steps
        data-testid="plan-steps"
        current={current}
        status={plan.status === 'published' || plan.status === 'superseded' ? 'finish' : 'process'}
        items={PLAN_STEPS.map((status, index) => ({
          title: t(`plan.status.${status}`),
          content: contents[index],
        }))}
      />
      <Descriptions
        style={{ marginTop: 24 }}
        column={{ xs: 1, md: 2, xl: 3 }}
        items={[
          { key: 'territory', label: t('field.territory'), children: plan.territoryName },
          { key: 'catalogVersion', label: t('plan.catalogVersion'), children: plan.catalogVersion },
          {
            key: 'documentNumber',
            label: t('plan.field.documentNumber'),
            children: (
              <span data-testid="plan-document-number">{plan.record.approval?.documentNumber ?? '—'}</span>
            ),
          },
          {
            key: 'discussedOn',
            label: t('plan.field.discussedOn'),
            children: formatDate(plan.record.discussedOn),
          },
          { key: 'filedOn', label: t('plan.field.filedOn'), children: formatDate(plan.record.filedOn) },
          {
            key: 'publishedOn',
            label: t('plan.field.publishedOn'),
            children: formatDate(plan.record.publishedOn),
          },
          ...(plan.record.adjustment
            ? [
                {
                  key: 'adjustment',
                  label: t('plan.adjustment'),
                  span: 'filled' as const,
                  children: (
                    <span data-testid="plan-adjustment">
                      {t('plan.adjustmentText', {
                        version: plan.record.adjustment.previousVersion,
                        reason: plan.record.adjustment.reason,
                      })}
                    </span>
                  ),
                },
              ]
            : []),
        ]}
      />
    </Card>
  );
};
