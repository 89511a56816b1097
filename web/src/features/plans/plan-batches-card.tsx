import { type HTMLAttributes } from 'react';
import { Card, Collapse, Empty, Space, Table, Tag, type TableColumnsType } from 'antd';
import { Link } from 'react-router-dom';
import type { AnnualPlan, PlanBatch } from '../../api/types';
import { useT } from '../../app/i18n/i18n-context';
import { formatNumber } from './formula-card';
import { tierLabel } from './plan-tags';

export const BatchesCard = ({ plan }: { plan: AnnualPlan }) => {
  const t = useT();
  const columns: TableColumnsType<PlanBatch> = [
    { key: 'code', title: t('plan.batch'), dataIndex: 'code', width: 140 },
    {
      key: 'month',
      title: t('plan.month'),
      width: 90,
      render: (_, batch) => t('plan.monthN', { month: batch.month }),
    },
    {
      key: 'ratio',
      title: t('plan.ratio'),
      width: 110,
      render: (_, batch) => `${batch.ratio.numerator}/${batch.ratio.denominator}`,
    },
    {
      key: 'share',
      title: t('plan.share'),
      width: 100,
      align: 'right',
      render: (_, batch) => `${formatNumber(batch.share * 100)}%`,
    },
    {
      key: 'candidates',
      title: t('plan.candidates'),
      width: 100,
      align: 'right',
      render: (_, batch) => batch.strata.reduce((total, stratum) => total + stratum.candidates, 0),
    },
    { key: 'size', title: t('plan.batchSize'), dataIndex: 'size', width: 100, align: 'right' },
    {
      key: 'workdays',
      title: t('plan.workdays'),
      width: 100,
      align: 'right',
      render: (_, batch) => formatNumber(batch.workdays),
    },
    {
      key: 'strata',
      title: t('plan.strata'),
      render: (_, batch) => (
        <Space size={[0, 4]} wrap>
          {batch.strata.map((stratum) => (
            <Tag key={stratum.key}>
              {tierLabel(stratum.key, t)}：{stratum.k}/{stratum.candidates}
            </Tag>
          ))}
        </Space>
      ),
    },
  ];
  return (
    <Card title={t('plan.batchesTitle', { count: plan.batches.length })} styles={{ body: { padding: 0 } }}>
      <Table<PlanBatch>
        data-testid="plan-batch-table"
        rowKey="code"
        size="small"
        columns={columns}
        dataSource={plan.batches}
        pagination={false}
        onRow={() => ({ 'data-testid': 'plan-batch-row' }) as HTMLAttributes<HTMLElement>}
        locale={{
          emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('plan.noBatches')} />,
        }}
        scroll={{ x: 900 }}
      />
    </Card>
  );
};

export const OfficersCollapse = ({ plan }: { plan: AnnualPlan }) => {
  const t = useT();
  const certified = plan.input.officers.filter((officer) => officer.mayInspect).length;
  return (
    <Collapse
      data-testid="plan-officers"
      items={[
        {
          key: 'officers',
          label: t('plan.officersTitle', {
            certified,
            total: plan.input.officers.length,
            date: plan.input.eligibilityDate,
          }),
          children: (
            <Table
              size="small"
              rowKey="officerId"
              dataSource={plan.input.officers}
              pagination={{ defaultPageSize: 20, hideOnSinglePage: true }}
              columns={[
                {
                  key: 'name',
                  title: t('plan.officer'),
                  render: (_, officer) => <Link to={`/officers/${officer.officerId}`}>{officer.name}</Link>,
                },
                {
                  key: 'mayInspect',
                  title: t('plan.mayInspect'),
                  render: (_, officer) =>
                    officer.mayInspect ? (
                      <Tag color="green">{t('plan.counted')}</Tag>
                    ) : (
                      <Tag color="default">{t('plan.notCounted')}</Tag>
                    ),
                },
                {
                  key: 'reason',
                  title: t('plan.notCountedReason'),
                  render: (_, officer) => officer.reason ?? '—',
                },
              ]}
            />
          ),
        },
      ]}
    />
  );
};
