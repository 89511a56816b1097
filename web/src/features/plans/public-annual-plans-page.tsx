import { Card, Col, Descriptions, Empty, Flex, Row, Space, Statistic, Tag, Typography } from 'antd';
import type { PublicAnnualPlan } from '../../api/types';
import { ErrorAlert } from '../../app/components/error-alert';
import { PageHeader } from '../../app/components/page-header';
import { PageSkeleton } from '../../app/components/page-loading';
import { useT } from '../../app/i18n/i18n-context';
import { formatNumber } from './formula-card';
import { usePublicAnnualPlans } from './hooks';

const PublicPlanCard = ({ plan }: { plan: PublicAnnualPlan }) => {
  const t = useT();
  const stats: { key: keyof PublicAnnualPlan['totals']; suffix: string }[] = [
    { key: 'statutoryWorkdays', suffix: t('plan.daysUnit') },
    { key: 'certifiedOfficers', suffix: t('plan.peopleUnit') },
    { key: 'inspectionWorkdays', suffix: t('plan.daysUnit') },
    { key: 'keyEnterprises', suffix: t('plan.enterpriseUnit') },
    { key: 'keyInspections', suffix: t('plan.inspectionUnit') },
    { key: 'generalPool', suffix: t('plan.enterpriseUnit') },
    { key: 'generalPlanned', suffix: t('plan.enterpriseUnit') },
  ];
  return (
    <Card
      data-testid="public-plan"
      data-year={plan.year}
      data-territory={plan.territory}
      title={
        <span data-testid="public-plan-title">
          {t('publicPlan.titleFor', { year: plan.year, territory: plan.territoryName })}
        </span>
      }
      extra={<Tag>{t('plan.versionN', { version: plan.version })}</Tag>}
    >
      <Descriptions
        size="small"
        column={{ xs: 1, md: 3 }}
        items={[
          { key: 'publishedOn', label: t('plan.field.publishedOn'), children: plan.publishedOn },
          {
            key: 'approval',
            label: t('plan.field.documentNumber'),
            children: <span data-testid="public-plan-document">{plan.approvalDocumentNumber ?? '—'}</span>,
          },
          {
            key: 'ratio',
            label: t('plan.ratio'),
            children: `${plan.ratio.numerator}/${plan.ratio.denominator}`,
          },
        ]}
      />
      <Row gutter={[12, 12]} style={{ marginTop: 12 }}>
        {stats.map((stat) => (
          <Col key={stat.key} xs={12} md={6} xl={6}>
            <Statistic
              data-testid={`public-plan-${stat.key}`}
              title={t(`plan.totals.${stat.key}`)}
              value={formatNumber(plan.totals[stat.key])}
              suffix={stat.suffix}
            />
          </Col>
        ))}
      </Row>
      <div style={{ marginTop: 16 }}>
        <Typography.Text strong>{t('publicPlan.matters')}</Typography.Text>
        <Space size={[4, 4]} wrap style={{ marginInlineStart: 8 }} data-testid="public-plan-matters">
          {plan.matters.map((matter) => (
            <Tag key={matter.code} color="blue">
              {matter.name}
            </Tag>
          ))}
        </Space>
      </div>
    </Card>
  );
};

// 公示: the published annual plans' totals and matters; no enterprise and no officer is named.
export const PublicAnnualPlansPage = () => {
  const t = useT();
  const plans = usePublicAnnualPlans();
  return (
    <>
      <PageHeader title={t('publicPlan.title')} subtitle={t('publicPlan.subtitle')} />
      {plans.isError && <ErrorAlert error={plans.error} style={{ marginBottom: 16 }} />}
      {plans.isPending ? (
        <PageSkeleton />
      ) : (plans.data ?? []).length === 0 ? (
        <Card>
          <Empty data-testid="public-plan-empty" description={t('publicPlan.empty')} />
        </Card>
      ) : (
        <Flex vertical gap={16} data-testid="public-plan-list">
          {(plans.data ?? []).map((plan) => (
            <PublicPlanCard key={`${plan.territory}-${plan.year}-${plan.version}`} plan={plan} />
          ))}
        </Flex>
      )}
    </>
  );
};
