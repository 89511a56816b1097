import { Alert, Card, Flex, InputNumber, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { useT } from '../../app/i18n/i18n-context';
import { ErrorAlert } from '../../app/components/error-alert';
import { todayInZone } from '../../app/format';
import { usePlanComparison } from './hooks';

type Compared = { enterpriseId: string; name: string; territoryName: string };

// measure 1 (衔接), for the city: the counties' plans side by side — bureaus with no plan, enterprises in
// no plan, the same enterprise and matter planned twice.
export const PlanComparisonCard = () => {
  const t = useT();
  const [year, setYear] = useState(Number(todayInZone().slice(0, 4)));
  const comparison = usePlanComparison(year, true);
  const data = comparison.data;
  const enterpriseColumns: TableColumnsType<Compared> = [
    {
      key: 'name',
      title: t('plan.enterprise'),
      render: (_, row) => <Link to={`/enterprises/${row.enterpriseId}`}>{row.name}</Link>,
    },
    { key: 'territory', title: t('plan.territory'), dataIndex: 'territoryName', width: 120 },
  ];
  return (
    <Card
      data-testid="plan-comparison"
      title={t('plan.comparison.title')}
      style={{ marginTop: 16 }}
      extra={
        <InputNumber<number>
          data-testid="plan-comparison-year"
          min={2020}
          max={2100}
          precision={0}
          value={year}
          onChange={(value) => value && setYear(value)}
          suffix={t('plan.yearSuffix')}
          style={{ width: 120 }}
        />
      }
    >
      {comparison.isError && <ErrorAlert error={comparison.error} />}
      {data && (
        <Flex vertical gap={12}>
          <Typography.Text type="secondary">
            {t('plan.comparison.plans', { count: data.plans.length })}
          </Typography.Text>
          {data.bureausWithoutPlan.length > 0 && (
            <Alert
              type="warning"
              showIcon
              data-testid="plan-comparison-missing"
              title={t('plan.comparison.missing')}
              description={
                <Flex wrap gap={4}>
                  {data.bureausWithoutPlan.map((bureau) => (
                    <Tag key={bureau.territory}>{bureau.territoryName}</Tag>
                  ))}
                </Flex>
              }
            />
          )}
          <Typography.Title level={5} style={{ margin: 0 }}>
            {t('plan.comparison.gaps', { count: data.gaps.length })}
          </Typography.Title>
          <Table<Compared>
            data-testid="plan-comparison-gaps"
            size="small"
            rowKey="enterpriseId"
            columns={enterpriseColumns}
            dataSource={data.gaps}
            pagination={{ pageSize: 10, hideOnSinglePage: true }}
          />
          <Typography.Title level={5} style={{ margin: 0 }}>
            {t('plan.comparison.overlaps', { count: data.overlaps.length })}
          </Typography.Title>
          <Table<(typeof data.overlaps)[number]>
            data-testid="plan-comparison-overlaps"
            size="small"
            rowKey={(row) => `${row.enterpriseId}:${row.matter}`}
            columns={[
              ...(enterpriseColumns as TableColumnsType<(typeof data.overlaps)[number]>),
              {
                key: 'plans',
                title: t('plan.comparison.inPlans'),
                render: (_, row) => row.plans.map((plan) => plan.territoryName).join('、'),
              },
            ]}
            dataSource={data.overlaps}
            pagination={{ pageSize: 10, hideOnSinglePage: true }}
          />
        </Flex>
      )}
    </Card>
  );
};
