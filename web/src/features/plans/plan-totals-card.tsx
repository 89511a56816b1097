import type { ReactNode } from 'react';
import { Alert, Card, Col, List, Row, Space, Statistic, Tag, Typography } from 'antd';
import type { AnnualPlan } from '../../api/types';
import { useT } from '../../app/i18n/i18n-context';
import { formatNumber } from './formula-card';
import { UnverifiedTag } from './plan-tags';

const Total = ({
  title,
  value,
  testId,
  color,
  suffix,
}: {
  title: ReactNode;
  value: number;
  testId: string;
  color?: string;
  suffix?: string;
}) => (
  <Card size="small" style={{ height: '100%' }}>
    <Statistic
      title={title}
      value={formatNumber(value)}
      suffix={suffix}
      data-testid={testId}
      data-value={value}
      styles={{ content: { color, fontVariantNumeric: 'tabular-nums' } }}
    />
  </Card>
);

export const TotalsCard = ({ plan }: { plan: AnnualPlan }) => {
  const t = useT();
  const { totals } = plan;
  const day = t('plan.daysUnit');
  const items: { key: keyof typeof totals; suffix?: string; color?: string }[] = [
    { key: 'statutoryWorkdays', suffix: day },
    { key: 'certifiedOfficers', suffix: t('plan.peopleUnit') },
    { key: 'totalWorkdays', suffix: day },
    { key: 'otherEnforcementWorkdays', suffix: day },
    { key: 'nonEnforcementWorkdays', suffix: day },
    { key: 'inspectionWorkdays', suffix: day, color: '#1d4e89' },
    { key: 'keyInspectionWorkdays', suffix: day },
    { key: 'generalInspectionWorkdays', suffix: day },
    { key: 'keyWorkdaysNeeded', suffix: day },
    { key: 'generalWorkdaysNeeded', suffix: day },
    { key: 'workdayBalance', suffix: day, color: totals.workdayBalance < 0 ? '#cf1322' : '#389e0d' },
    { key: 'keyEnterprises', suffix: t('plan.enterpriseUnit') },
    { key: 'keyInspections', suffix: t('plan.inspectionUnit') },
    { key: 'generalPool', suffix: t('plan.enterpriseUnit') },
    { key: 'generalPlanned', suffix: t('plan.enterpriseUnit') },
    { key: 'rotationDue', suffix: t('plan.enterpriseUnit') },
  ];
  return (
    <Card title={t('plan.totalsTitle')} data-testid="plan-totals">
      <Row gutter={[12, 12]}>
        {items.map((item) => (
          <Col key={item.key} xs={12} md={8} xl={6} xxl={4}>
            <Total
              testId={`plan-total-${item.key}`}
              title={t(`plan.totals.${item.key}`)}
              value={totals[item.key]}
              suffix={item.suffix}
              color={item.color}
            />
          </Col>
        ))}
      </Row>
      <Typography.Paragraph
        type="secondary"
        style={{ fontSize: 12, margin: '12px 0 0' }}
        data-testid="plan-ratio"
      >
        {t('plan.ratioText', { numerator: plan.ratio.numerator, denominator: plan.ratio.denominator })}{' '}
        {!plan.ratio.verified && <UnverifiedTag />}
      </Typography.Paragraph>
    </Card>
  );
};

// The plan says so, and by how much, instead of silently dropping enterprises.
export const ShortfallAlert = ({ plan }: { plan: AnnualPlan }) => {
  const t = useT();
  if (!plan.shortfall) return null;
  return (
    <Alert
      data-testid="plan-shortfall"
      type="error"
      showIcon
      title={
        <Typography.Text strong style={{ color: '#cf1322', fontSize: 16 }}>
          {t('plan.shortfallTitle', { workdays: formatNumber(plan.shortfall.workdays) })}
        </Typography.Text>
      }
      description={t('plan.shortfallText', {
        key: plan.shortfall.keyEnterprises,
        general: plan.shortfall.generalEnterprises,
      })}
    />
  );
};

export const WarningsCard = ({ plan }: { plan: AnnualPlan }) => {
  const t = useT();
  return (
    <Card title={t('plan.warningsTitle', { count: plan.warnings.length })} data-testid="plan-warnings">
      {plan.warnings.length === 0 ? (
        <Typography.Text type="secondary">{t('plan.noWarnings')}</Typography.Text>
      ) : (
        <List
          size="small"
          dataSource={plan.warnings}
          renderItem={(warning) => (
            <List.Item data-testid="plan-warning" data-code={warning.code}>
              <Space align="start" wrap>
                <Tag color="orange">{t('plan.measureN', { measure: warning.measure })}</Tag>
                <Typography.Text>{warning.message}</Typography.Text>
                {warning.enterpriseIds.length > 0 && (
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {t('plan.warningEnterprises', { count: warning.enterpriseIds.length })}
                  </Typography.Text>
                )}
              </Space>
            </List.Item>
          )}
        />
      )}
    </Card>
  );
};
