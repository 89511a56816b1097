import { useState } from 'react';
import { Alert, Flex, Space, Typography } from 'antd';
import { Link } from 'react-router-dom';
import type { PlannedInspection } from '../../api/types';
import { formatDate } from '../../app/format';
import { useT } from '../../app/i18n/i18n-context';
import { BurdenBadge } from './burden-badge';
import { InspectionKindTag, TriggerTag } from './inspection-tags';
import { MergeGroup, type MergeInspection } from './merge-group';

const departmentsOf = (inspections: MergeInspection[]) => {
  const seen = new Map<string, { organisationId: string | null; organisationName: string }>();
  for (const inspection of inspections) {
    for (const department of [inspection, ...inspection.partners]) {
      const key = department.organisationId ?? department.organisationName;
      if (!seen.has(key))
        seen.set(key, {
          organisationId: department.organisationId,
          organisationName: department.organisationName,
        });
    }
  }
  return [...seen.values()];
};

// After planning: the enterprise's count this year, and the others planned for it in the same period,
// proposed for merging into one visit (measure 8).
export const PlannedResult = ({
  planned,
  onMerged,
}: {
  planned: PlannedInspection;
  onMerged: () => void;
}) => {
  const t = useT();
  const [decided, setDecided] = useState(false);
  const { inspection, burden, samePeriod } = planned;
  const group = [inspection, ...samePeriod].sort((a, b) => a.plannedOn.localeCompare(b.plannedOn));

  return (
    <Flex vertical gap={16} data-testid="inspection-planned">
      <Alert
        type="success"
        showIcon
        title={t('inspection.plan.done', { enterprise: inspection.enterpriseName })}
        description={
          <Space wrap size={6}>
            <Link to={`/inspections/${inspection.id}`} data-testid="inspection-planned-link">
              {formatDate(inspection.plannedOn)}
            </Link>
            <InspectionKindTag kind={inspection.kind} />
            <TriggerTag
              trigger={inspection.trigger}
              reference={inspection.triggerReference}
              description={inspection.triggerDescription}
              pending={inspection.trigger === 'other' && !inspection.triggerApprovedAt}
            />
            <Typography.Text>{t('inspection.plan.countNow')}</Typography.Text>
            <BurdenBadge
              count={burden.count}
              level={burden.level}
              cap={burden.cap}
              capVerified={burden.capVerified}
            />
            {inspection.overCap && (
              <Typography.Text type="warning" data-testid="inspection-planned-overcap">
                {inspection.overCapReason
                  ? t('inspection.plan.overCapReasonRecorded', { reason: inspection.overCapReason })
                  : t('inspection.plan.overCapRecorded')}
              </Typography.Text>
            )}
          </Space>
        }
      />
      {samePeriod.length > 0 && !decided && (
        <>
          <Alert
            type="warning"
            showIcon
            data-testid="inspection-same-period"
            title={t('inspection.plan.samePeriod', { period: planned.period, count: samePeriod.length })}
            description={t('inspection.plan.samePeriodHint')}
          />
          <MergeGroup
            enterpriseName={inspection.enterpriseName}
            inspections={group}
            matters={[...new Set(group.flatMap((item) => item.matters))].sort()}
            departments={departmentsOf(group)}
            suggestedIntoId={group[0]!.id}
            mayDecide
            onDecided={() => {
              setDecided(true);
              onMerged();
            }}
          />
        </>
      )}
    </Flex>
  );
};
