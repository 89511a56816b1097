import { Empty, Table, type TableColumnsType } from 'antd';
import type { ExecutionRow } from '../../api/types';
import { useT } from '../../app/i18n/i18n-context';
import type { MessageKey } from '../../app/i18n/zh';
import { formatNumber } from './formula-card';

export const KIND_LABELS: Record<string, MessageKey> = {
  key: 'execution.kind.key',
  double_random: 'execution.kind.double_random',
  targeted: 'execution.kind.targeted',
  other: 'execution.kind.other',
};

export const RowsTable = ({
  rows,
  label,
  testId,
}: {
  rows: ExecutionRow[];
  label: (key: string) => string;
  testId: string;
}) => {
  const t = useT();
  const columns: TableColumnsType<ExecutionRow> = [
    { key: 'key', title: t('execution.group'), render: (_, row) => label(row.key) },
    {
      key: 'plannedKey',
      title: t('execution.series.plannedKey'),
      align: 'right',
      render: (_, row) => row.planned.keyInspections,
    },
    {
      key: 'actualKey',
      title: t('execution.series.actualKey'),
      align: 'right',
      render: (_, row) => row.actual.keyInspections,
    },
    {
      key: 'plannedRandom',
      title: t('execution.series.plannedRandom'),
      align: 'right',
      render: (_, row) => row.planned.doubleRandom,
    },
    {
      key: 'actualRandom',
      title: t('execution.series.actualRandom'),
      align: 'right',
      render: (_, row) => row.actual.doubleRandom,
    },
    {
      key: 'targeted',
      title: t('execution.kind.targeted'),
      align: 'right',
      render: (_, row) => row.actual.targeted,
    },
    { key: 'other', title: t('execution.kind.other'), align: 'right', render: (_, row) => row.actual.other },
    {
      key: 'workdays',
      title: t('execution.workdaysColumn'),
      align: 'right',
      render: (_, row) => `${formatNumber(row.actual.workdays)} / ${formatNumber(row.planned.workdays)}`,
    },
  ];
  return (
    <Table<ExecutionRow>
      data-testid={testId}
      rowKey="key"
      size="small"
      columns={columns}
      dataSource={rows}
      pagination={false}
      scroll={{ x: 900 }}
      locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} /> }}
    />
  );
};
