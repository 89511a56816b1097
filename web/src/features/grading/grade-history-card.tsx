import { Card, Empty, Flex, Skeleton, Space, Tag, Timeline, Typography } from 'antd';
import type { GradeChange, GradeSnapshot } from '../../api/types';
import { ErrorAlert } from '../../app/components/error-alert';
import { formatDateTime } from '../../app/format';
import { useT } from '../../app/i18n/i18n-context';
import {
  ClassTag,
  isEnforcementClass,
  isEnforcementLevel,
  isRiskGrade,
  LevelTag,
  RiskGradeTag,
} from './grade-tags';
import { useEnterpriseGrade } from './hooks';

const SnapshotTags = ({ snapshot }: { snapshot: GradeSnapshot }) => {
  const t = useT();
  return (
    <Space size={4} wrap>
      {isEnforcementClass(snapshot.class) ? <ClassTag value={snapshot.class} /> : <Tag>{snapshot.class}</Tag>}
      {isRiskGrade(snapshot.riskGrade) ? (
        <RiskGradeTag grade={snapshot.riskGrade} />
      ) : (
        <Tag>{snapshot.riskGrade}</Tag>
      )}
      {isEnforcementLevel(snapshot.enforcementLevel) ? (
        <LevelTag value={snapshot.enforcementLevel} />
      ) : (
        <Tag>{snapshot.enforcementLevel}</Tag>
      )}
      <Typography.Text type="secondary">{t('grading.scoreValue', { score: snapshot.score })}</Typography.Text>
    </Space>
  );
};

const TRIGGER_COLORS: Record<GradeChange['trigger'], string> = {
  fact: 'blue',
  registry: 'cyan',
  regrade: 'purple',
  seed: 'default',
};

// The grade is dynamic (动态管理): every change, what caused it, from what to what.
export const GradeHistoryCard = ({ enterpriseId }: { enterpriseId: string }) => {
  const t = useT();
  const view = useEnterpriseGrade(enterpriseId);
  const history = view.data?.history ?? [];
  return (
    <Card title={t('grading.historyTitle')} data-testid="grade-history">
      {view.isPending && <Skeleton active paragraph={{ rows: 3 }} />}
      {view.isError && <ErrorAlert error={view.error} />}
      {view.isSuccess && history.length === 0 && (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('grading.noHistory')} />
      )}
      {history.length > 0 && (
        <Timeline
          items={history.map((change) => ({
            key: change.id,
            color: change.from === null ? 'gray' : 'blue',
            content: (
              <Flex vertical gap={4} data-testid="grade-change" data-trigger={change.trigger}>
                <Space size={4} wrap>
                  <Typography.Text type="secondary">{formatDateTime(change.at)}</Typography.Text>
                  <Tag color={TRIGGER_COLORS[change.trigger]}>{t(`grading.trigger.${change.trigger}`)}</Tag>
                  <Typography.Text>{change.summary}</Typography.Text>
                </Space>
                <Space size={4} wrap>
                  {change.from && (
                    <>
                      <SnapshotTags snapshot={change.from} />
                      <Typography.Text type="secondary">→</Typography.Text>
                    </>
                  )}
                  <SnapshotTags snapshot={change.to} />
                </Space>
              </Flex>
            ),
          }))}
        />
      )}
    </Card>
  );
};
