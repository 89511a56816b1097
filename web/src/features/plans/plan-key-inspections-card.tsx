import { useMemo, type HTMLAttributes } from 'react';
import { Card, Empty, Space, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { Link } from 'react-router-dom';
import type { AnnualPlan, KeyInspection, PlanLink } from '../../api/types';
import { useT } from '../../app/i18n/i18n-context';
import { LevelTag, isEnforcementLevel } from '../grading/grade-tags';
import { useInspectionMatters, useTerritories } from '../reference/hooks';
import { formatNumber } from './formula-card';

// Territory and matter names for their codes, from the reference lists.
export const useNames = () => {
  const territories = useTerritories();
  const matters = useInspectionMatters();
  return useMemo(() => {
    const territory = new Map((territories.data ?? []).map((item) => [item.code, item.name]));
    const matter = new Map((matters.data ?? []).map((item) => [item.code, item.name]));
    return {
      territory: (code: string) => territory.get(code) ?? code,
      matter: (code: string) => matter.get(code) ?? code,
    };
  }, [territories.data, matters.data]);
};

export const LinkCard = ({ link, names }: { link: PlanLink; names: ReturnType<typeof useNames> }) => {
  const t = useT();
  const columns: TableColumnsType<PlanLink['excluded'][number]> = [
    {
      key: 'enterprise',
      title: t('plan.enterprise'),
      render: (_, row) => <Link to={`/enterprises/${row.enterpriseId}`}>{row.name}</Link>,
    },
    { key: 'matter', title: t('plan.matter'), render: (_, row) => names.matter(row.matter) },
    {
      key: 'coveredBy',
      title: t('plan.coveredBy'),
      render: (_, row) =>
        row.coveredBy.planId === link.cityPlanId
          ? t('plan.cityPlan')
          : names.territory(row.coveredBy.territory),
    },
    {
      key: 'month',
      title: t('plan.month'),
      render: (_, row) => (row.coveredBy.month ? t('plan.monthN', { month: row.coveredBy.month }) : '—'),
    },
  ];
  return (
    <Card
      data-testid="plan-link"
      title={t('plan.linkTitle')}
      extra={
        <Link to={`/plans/annual/${link.cityPlanId}`} data-testid="plan-link-city">
          {t('plan.linkOpenCity', { version: link.cityPlanVersion })}
        </Link>
      }
      styles={{ body: { padding: 0 } }}
    >
      <Typography.Paragraph style={{ padding: '12px 16px', margin: 0 }}>
        {t('plan.linkText', { count: link.excluded.length })}
      </Typography.Paragraph>
      {link.excluded.length > 0 && (
        <Table
          size="small"
          rowKey={(row) => `${row.enterpriseId}-${row.matter}`}
          columns={columns}
          dataSource={link.excluded}
          pagination={{ defaultPageSize: 10, hideOnSinglePage: true }}
        />
      )}
    </Card>
  );
};

export const KeyInspectionsCard = ({
  plan,
  names,
}: {
  plan: AnnualPlan;
  names: ReturnType<typeof useNames>;
}) => {
  const t = useT();
  const columns: TableColumnsType<KeyInspection> = [
    {
      key: 'name',
      title: t('plan.enterprise'),
      render: (_, entry) => <Link to={`/enterprises/${entry.enterpriseId}`}>{entry.name}</Link>,
    },
    {
      key: 'territory',
      title: t('field.territory'),
      width: 110,
      render: (_, entry) => names.territory(entry.territory),
    },
    { key: 'unit', title: t('plan.unit'), width: 160, render: (_, entry) => entry.unit ?? '—' },
    {
      key: 'level',
      title: t('grading.field.enforcementLevel'),
      width: 110,
      render: (_, entry) =>
        isEnforcementLevel(entry.enforcementLevel) ? (
          <LevelTag value={entry.enforcementLevel} />
        ) : (
          entry.enforcementLevel
        ),
    },
    {
      key: 'matters',
      title: t('plan.matters'),
      width: 200,
      render: (_, entry) => (
        <Space size={[0, 4]} wrap>
          {entry.matters.map((matter) => (
            <Tag key={matter}>{names.matter(matter)}</Tag>
          ))}
        </Space>
      ),
    },
    {
      key: 'months',
      title: t('plan.months'),
      width: 180,
      render: (_, entry) => (
        <Space size={[0, 4]} wrap data-testid="plan-key-months">
          {entry.months.map((month, index) => (
            <Tag key={`${month}-${index}`} color="blue">
              {t('plan.monthN', { month })}
            </Tag>
          ))}
        </Space>
      ),
    },
    { key: 'inspections', title: t('plan.inspections'), dataIndex: 'inspections', align: 'right', width: 90 },
    {
      key: 'workdays',
      title: t('plan.workdays'),
      align: 'right',
      width: 90,
      render: (_, entry) => formatNumber(entry.workdays),
    },
  ];
  return (
    <Card title={t('plan.keyTitle', { count: plan.keyInspections.length })} styles={{ body: { padding: 0 } }}>
      <Table<KeyInspection>
        data-testid="plan-key-table"
        rowKey="enterpriseId"
        size="small"
        columns={columns}
        dataSource={plan.keyInspections}
        pagination={{
          defaultPageSize: 20,
          showSizeChanger: true,
          pageSizeOptions: [20, 50, 100, 200],
          showTotal: (total) => t('common.total', { total }),
        }}
        onRow={() => ({ 'data-testid': 'plan-key-row' }) as HTMLAttributes<HTMLElement>}
        locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('plan.noKey')} /> }}
        scroll={{ x: 1100 }}
      />
    </Card>
  );
};
