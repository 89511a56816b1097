import { Card, Empty, Flex, Space, Table, Tag, Tooltip, Typography, type TableColumnsType } from 'antd';
import { Link } from 'react-router-dom';
import type { EnterpriseBurden } from '../../api/types';
import { ErrorAlert } from '../../app/components/error-alert';
import { formatDate } from '../../app/format';
import { useT } from '../../app/i18n/i18n-context';
import { BurdenBadge } from './burden-badge';
import { useEnterpriseBurden } from './hooks';
import { InspectionKindTag, InspectionStatusTag } from './inspection-tags';
import { useMatterNames } from './matter-names';

type BurdenInspection = EnterpriseBurden['inspections'][number];

type EnterpriseBurdenCardProps = { enterpriseId: string; own?: boolean };

// Issue 6 item 10: the enterprise's inspections this year, all departments and modes, against its allowance.
// The enterprise itself sees it too (本年度接受检查), with the inspections already completed.
export const EnterpriseBurdenCard = ({ enterpriseId, own = false }: EnterpriseBurdenCardProps) => {
  const t = useT();
  const matterNames = useMatterNames();
  const burden = useEnterpriseBurden(enterpriseId);
  const data = burden.data;

  const columns: TableColumnsType<BurdenInspection> = [
    {
      key: 'date',
      title: own ? t('burden.card.completedOn') : t('inspection.field.plannedOn'),
      width: 110,
      render: (_, inspection) =>
        own ? (
          formatDate(inspection.completedOn ?? inspection.plannedOn)
        ) : (
          <Link to={`/inspections/${inspection.id}`}>{formatDate(inspection.plannedOn)}</Link>
        ),
    },
    {
      key: 'department',
      title: t('inspection.field.department'),
      render: (_, inspection) => (
        <>
          <div>{inspection.organisationName}</div>
          {inspection.partners.length > 0 && (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {t('inspection.withPartners', { partners: inspection.partners.join('、') })}
            </Typography.Text>
          )}
        </>
      ),
    },
    {
      key: 'kind',
      title: t('inspection.field.kind'),
      width: 110,
      render: (_, inspection) => <InspectionKindTag kind={inspection.kind} />,
    },
    {
      key: 'matters',
      title: t('inspection.field.matters'),
      render: (_, inspection) => matterNames(inspection.matters).join('、'),
    },
    ...(own
      ? []
      : [
          {
            key: 'status',
            title: t('field.status'),
            width: 90,
            render: (_: unknown, inspection: BurdenInspection) => (
              <InspectionStatusTag status={inspection.status} />
            ),
          },
        ]),
  ];

  return (
    <Card
      title={own ? t('burden.card.ownTitle') : t('burden.card.title')}
      data-testid="enterprise-burden-card"
    >
      {burden.isError && <ErrorAlert error={burden.error} />}
      {data && (
        <Flex vertical gap={12}>
          <Space wrap size={[12, 8]}>
            <Typography.Text>{t('burden.card.count', { year: data.year })}</Typography.Text>
            <Typography.Text strong style={{ fontSize: 20 }} data-testid="enterprise-burden-count">
              {data.count}
            </Typography.Text>
            <BurdenBadge
              count={data.count}
              level={data.level}
              cap={data.cap}
              capVerified={data.capVerified}
            />
            <Typography.Text type="secondary">{t('burden.card.capLabel')}</Typography.Text>
            {data.cap === null ? (
              <Typography.Text type="secondary">{t('burden.capNone')}</Typography.Text>
            ) : (
              <Tooltip title={data.capSource ?? undefined}>
                <Typography.Text data-testid="enterprise-burden-cap">
                  {t('burden.card.cap', { cap: data.cap })}
                </Typography.Text>
              </Tooltip>
            )}
            {data.cap !== null && !data.capVerified && <Tag color="orange">{t('burden.unverified')}</Tag>}
            {data.overCap && <Tag color="red">{t('burden.overCap')}</Tag>}
          </Space>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {own ? t('burden.card.ownHint') : t('burden.levelsHint')}
          </Typography.Text>
          <Table<BurdenInspection>
            size="small"
            rowKey="id"
            columns={columns}
            dataSource={data.inspections}
            pagination={false}
            onRow={() => ({ 'data-testid': 'enterprise-burden-row' }) as object}
            locale={{
              emptyText: (
                <Empty
                  image={Empty.PRESENTED_IMAGE_SIMPLE}
                  description={own ? t('burden.card.ownEmpty') : t('burden.card.empty')}
                />
              ),
            }}
            scroll={{ x: 640 }}
          />
        </Flex>
      )}
    </Card>
  );
};
