import { Flex, Space, Tag, Typography } from 'antd';
import { Link } from 'react-router-dom';
import type { MonthlyPlan } from '../../api/types';
import { useT } from '../../app/i18n/i18n-context';
import { tierLabel } from './plan-tags';

// What a month's plan lists: the key inspections and the double-random batches (listed or still to draw).
export const MonthlyItems = ({ plan }: { plan: MonthlyPlan }) => {
  const t = useT();
  return (
    <Flex vertical gap={8} data-testid="monthly-items" style={{ padding: '4px 8px' }}>
      <div>
        <Typography.Text strong>
          {t('monthly.keyInspections', { count: plan.keyInspections.length })}
        </Typography.Text>
        <Flex wrap gap={4} style={{ marginTop: 4 }}>
          {plan.keyInspections.length === 0 && (
            <Typography.Text type="secondary">{t('monthly.none')}</Typography.Text>
          )}
          {plan.keyInspections.map((entry) => (
            <Link key={entry.enterpriseId} to={`/enterprises/${entry.enterpriseId}`}>
              <Tag color="blue">{entry.name}</Tag>
            </Link>
          ))}
        </Flex>
      </div>
      <div>
        <Typography.Text strong>{t('monthly.batches', { count: plan.batches.length })}</Typography.Text>
        {plan.batches.length === 0 && (
          <div>
            <Typography.Text type="secondary">{t('monthly.none')}</Typography.Text>
          </div>
        )}
        {plan.batches.map((batch) => (
          <div key={batch.code} style={{ marginTop: 4 }}>
            <Space wrap size={4}>
              <Tag>{batch.code}</Tag>
              <Typography.Text>{t('monthly.batchSize', { size: batch.size })}</Typography.Text>
              {batch.listed.map((entry) => (
                <Tag key={entry.enterpriseId}>{entry.name}</Tag>
              ))}
              {batch.toDraw.map((stratum) => (
                <Tag key={stratum.key} color="purple">
                  {t('monthly.toDraw', {
                    key: tierLabel(stratum.key, t),
                    k: stratum.k,
                    candidates: stratum.candidates,
                  })}
                </Tag>
              ))}
            </Space>
          </div>
        ))}
      </div>
    </Flex>
  );
};
