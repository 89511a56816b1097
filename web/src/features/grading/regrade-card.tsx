import { useEffect, useRef } from 'react';
import {
  App,
  Button,
  Card,
  Empty,
  Flex,
  Popconfirm,
  Progress,
  Table,
  Tag,
  Typography,
  type TableColumnsType,
} from 'antd';
import { SyncOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import type { RegradeRun } from '../../api/types';
import { ErrorAlert, errorTitle } from '../../app/components/error-alert';
import { formatDate, formatDateTime } from '../../app/format';
import { useT } from '../../app/i18n/i18n-context';
import { useRegradeRuns, useStartRegrade } from './hooks';

const STATUS_COLORS: Record<RegradeRun['status'], string> = {
  running: 'processing',
  done: 'success',
  failed: 'error',
  skipped: 'default',
};

const percentOf = (run: RegradeRun): number =>
  run.total > 0
    ? Math.min(100, Math.floor((run.processed / run.total) * 100))
    : run.status === 'running'
      ? 0
      : 100;

const newestFirst = (runs: RegradeRun[]): RegradeRun[] =>
  [...runs].sort((a, b) => (a.startedAt < b.startedAt ? 1 : a.startedAt > b.startedAt ? -1 : 0));

// 重新分级: recompute every grade in scope against the catalogue in force (admin only).
export const RegradeButton = () => {
  const t = useT();
  const { message } = App.useApp();
  const runs = useRegradeRuns(true);
  const start = useStartRegrade();
  const running = runs.data?.some((run) => run.status === 'running') ?? false;
  return (
    <Popconfirm
      title={t('regrade.confirmTitle')}
      description={t('regrade.confirmText')}
      okText={t('regrade.start')}
      okButtonProps={{ 'data-testid': 'regrade-confirm' }}
      onConfirm={() =>
        start.mutateAsync().then(
          () => void message.success(t('regrade.started')),
          (error: unknown) => void message.error(errorTitle(error, t)),
        )
      }
      disabled={running}
    >
      <Button
        data-testid="regrade-start"
        icon={<SyncOutlined spin={running} />}
        loading={start.isPending}
        disabled={running}
      >
        {running ? t('regrade.running') : t('regrade.start')}
      </Button>
    </Popconfirm>
  );
};

export const RegradeRunsCard = () => {
  const t = useT();
  const queryClient = useQueryClient();
  const runs = useRegradeRuns(true);
  const ordered = newestFirst(runs.data ?? []);
  const latest = ordered[0];

  // when a run finishes, the counts and grades it changed are stale
  const wasRunning = useRef(new Set<string>());
  useEffect(() => {
    const nowRunning = new Set(
      (runs.data ?? []).filter((run) => run.status === 'running').map((run) => run.id),
    );
    const finished = [...wasRunning.current].some((id) => !nowRunning.has(id));
    wasRunning.current = nowRunning;
    if (finished) {
      void queryClient.invalidateQueries({ queryKey: ['grading', 'overview'] });
      void queryClient.invalidateQueries({ queryKey: ['grading', 'grade'] });
    }
  }, [runs.data, queryClient]);

  const columns: TableColumnsType<RegradeRun> = [
    { key: 'kind', title: t('regrade.kind'), width: 110, render: (_, run) => t(`regrade.kind.${run.kind}`) },
    { key: 'forDate', title: t('regrade.forDate'), width: 120, render: (_, run) => formatDate(run.forDate) },
    {
      key: 'status',
      title: t('field.status'),
      width: 110,
      render: (_, run) => <Tag color={STATUS_COLORS[run.status]}>{t(`regrade.status.${run.status}`)}</Tag>,
    },
    {
      key: 'progress',
      title: t('regrade.progress'),
      width: 200,
      render: (_, run) =>
        t('regrade.counts', { processed: run.processed, total: run.total, changed: run.changed }),
    },
    {
      key: 'startedAt',
      title: t('regrade.startedAt'),
      width: 180,
      render: (_, run) => formatDateTime(run.startedAt),
    },
    {
      key: 'finishedAt',
      title: t('regrade.finishedAt'),
      width: 180,
      render: (_, run) => formatDateTime(run.finishedAt),
    },
    {
      key: 'error',
      title: t('regrade.error'),
      render: (_, run) => (run.error ? <Typography.Text type="danger">{run.error}</Typography.Text> : '—'),
    },
  ];

  return (
    <Card title={t('regrade.title')} data-testid="regrade-runs">
      {runs.isError && <ErrorAlert error={runs.error} style={{ marginBottom: 16 }} />}
      {latest && (
        <Flex vertical gap={4} style={{ marginBottom: 16 }}>
          <Typography.Text>
            {t('regrade.latest', { at: formatDateTime(latest.startedAt) })}{' '}
            <Tag color={STATUS_COLORS[latest.status]}>{t(`regrade.status.${latest.status}`)}</Tag>
          </Typography.Text>
          <Progress
            data-testid="regrade-progress"
            data-status={latest.status}
            percent={percentOf(latest)}
            status={
              latest.status === 'running' ? 'active' : latest.status === 'failed' ? 'exception' : 'success'
            }
            format={() => `${latest.processed} / ${latest.total}`}
          />
        </Flex>
      )}
      <Table<RegradeRun>
        rowKey="id"
        size="small"
        columns={columns}
        dataSource={ordered.slice(0, 10)}
        loading={runs.isPending}
        pagination={false}
        locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('regrade.none')} /> }}
        scroll={{ x: 900 }}
      />
    </Card>
  );
};
