import { Alert, Flex, List, Space, Typography } from 'antd';
import { formatDate, todayInZone } from '../../app/format';
import { useT } from '../../app/i18n/i18n-context';
import { BurdenBadge, burdenLevelOf } from './burden-badge';
import { useEnterpriseBurden } from './hooks';
import { InspectionKindTag } from './inspection-tags';

type EnterpriseBurdenPreviewProps = { enterpriseId: string; plannedOn: string | undefined };

// While planning: the enterprise's count against its cap this year, and what is already planned for it
// (measure 8: the others in the same month are the ones to merge with).
export const EnterpriseBurdenPreview = ({ enterpriseId, plannedOn }: EnterpriseBurdenPreviewProps) => {
  const t = useT();
  // the year of the planned date, this year until the date is known: one query, no flicker
  const year = Number((plannedOn ?? todayInZone()).slice(0, 4));
  const burden = useEnterpriseBurden(enterpriseId, year);
  if (!burden.data) return null;
  const data = burden.data;
  const month = plannedOn?.slice(0, 7);
  const planned = data.inspections.filter((inspection) => inspection.status === 'planned');
  const sameMonth = planned.filter((inspection) => inspection.plannedOn.slice(0, 7) === month);

  return (
    <Flex vertical gap={8} style={{ marginBottom: 16 }} data-testid="inspection-plan-preview">
      <Space wrap size={6}>
        <Typography.Text data-testid="inspection-plan-count">
          {t('inspection.preview.count', { year: data.year, count: data.count })}
        </Typography.Text>
        <BurdenBadge
          count={data.count + 1}
          level={burdenLevelOf(data.count + 1)}
          cap={data.cap}
          capVerified={data.capVerified}
          testId="inspection-plan-next"
        />
        <Typography.Text type="secondary">
          {data.cap === null
            ? t('inspection.preview.noCap')
            : t('inspection.preview.cap', { cap: data.cap }) +
              (data.capVerified ? '' : t('burden.tip.unverified'))}
        </Typography.Text>
      </Space>
      {data.wouldExceedCap && (
        <Alert
          type="warning"
          showIcon
          data-testid="inspection-plan-atcap"
          title={t('inspection.preview.atCap')}
        />
      )}
      {planned.length > 0 && (
        <Alert
          type={sameMonth.length > 0 ? 'warning' : 'info'}
          showIcon
          data-testid="inspection-plan-others"
          title={
            sameMonth.length > 0
              ? t('inspection.preview.sameMonth', { count: sameMonth.length })
              : t('inspection.preview.planned', { count: planned.length })
          }
          description={
            <List
              size="small"
              dataSource={planned}
              renderItem={(inspection) => (
                <List.Item style={{ paddingInline: 0 }}>
                  <Space wrap size={6}>
                    <Typography.Text strong={inspection.plannedOn.slice(0, 7) === month}>
                      {formatDate(inspection.plannedOn)}
                    </Typography.Text>
                    <span>{inspection.organisationName}</span>
                    <InspectionKindTag kind={inspection.kind} />
                  </Space>
                </List.Item>
              )}
            />
          }
        />
      )}
    </Flex>
  );
};
