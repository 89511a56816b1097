import type { HTMLAttributes } from 'react';
import { Alert, Descriptions, Flex, Grid, Table, Typography, type TableColumnsType } from 'antd';
import { CheckCircleFilled, CloseCircleFilled } from '@ant-design/icons';
import type { DrawDifference } from '@inspecta/domain/sampling';
import { useT } from '../../../app/i18n/i18n-context';
import { HashText } from '../draw-tags';
import type { RecomputedRecord } from './verify-record';
import type { VerifyReply } from './verify-worker';

type Row = DrawDifference & { record: string; key: string };

const valueText = (value: DrawDifference['expected']) =>
  value === null ? (
    <Typography.Text type="secondary">—</Typography.Text>
  ) : (
    <Typography.Text code style={{ wordBreak: 'break-all' }}>
      {String(value)}
    </Typography.Text>
  );

const RecomputedList = ({ records }: { records: RecomputedRecord[] }) => {
  const t = useT();
  // on a phone the label goes above its value, which then has the screen's width
  const narrow = !Grid.useBreakpoint().sm;
  return (
    <Flex vertical gap={12} style={{ marginTop: 8 }}>
      {records.map((record) => (
        <Descriptions
          key={record.partner ?? ''}
          title={
            record.partner ? t('verify.partnerRecord', { name: record.partner }) : t('verify.mainRecord')
          }
          size="small"
          column={1}
          bordered
          layout={narrow ? 'vertical' : 'horizontal'}
          styles={{ label: narrow ? {} : { width: 150 } }}
        >
          <Descriptions.Item label={t('draw.field.poolHash')}>
            <HashText value={record.poolHash} testId="verify-pool-hash" />
          </Descriptions.Item>
          <Descriptions.Item label={t('draw.field.inspectorPoolHash')}>
            <HashText value={record.inspectorPoolHash} />
          </Descriptions.Item>
          <Descriptions.Item label={t('draw.field.seed')}>
            <HashText value={record.seed} testId="verify-seed" />
          </Descriptions.Item>
          <Descriptions.Item label={t('verify.selections')}>
            <span data-testid="verify-selections">
              {t('verify.selectionsText', {
                selections: record.selections,
                strata: record.strata,
                inspectors: record.inspectors,
              })}
            </span>
          </Descriptions.Item>
        </Descriptions>
      ))}
    </Flex>
  );
};

// 一致 in green with what was recomputed, or in red exactly which fields differ (field, recomputed, recorded).
export const VerifyResultView = ({
  reply,
  testId = 'verify-result',
}: {
  reply: VerifyReply;
  testId?: string;
}) => {
  const t = useT();
  if (!reply.ok) {
    return (
      <Alert
        data-testid={testId}
        data-consistent="error"
        type="error"
        showIcon
        title={t(`verify.error.${reply.reason}`)}
        description={<Typography.Text style={{ wordBreak: 'break-all' }}>{reply.detail}</Typography.Text>}
      />
    );
  }
  if (reply.consistent) {
    return (
      <Alert
        data-testid={testId}
        data-consistent="true"
        type="success"
        showIcon
        icon={<CheckCircleFilled />}
        title={
          <Typography.Text
            strong
            style={{ fontSize: 18, color: '#389e0d' }}
            data-testid={`${testId}-verdict`}
          >
            {t('verify.consistent')}
          </Typography.Text>
        }
        description={
          <>
            <Typography.Text>
              {t('verify.consistentText', { millis: reply.millis, records: reply.records.length })}
            </Typography.Text>
            {reply.replacements > 0 && (
              <div>
                <Typography.Text type="secondary">
                  {t('verify.replacementsNote', { count: reply.replacements })}
                </Typography.Text>
              </div>
            )}
            <RecomputedList records={reply.records} />
          </>
        }
      />
    );
  }
  const rows: Row[] = reply.records.flatMap((record) =>
    record.differences.map((difference, index) => ({
      ...difference,
      record: record.partner ?? t('verify.mainRecord'),
      key: `${record.partner ?? ''}:${difference.field}:${index}`,
    })),
  );
  const columns: TableColumnsType<Row> = [
    ...(reply.records.length > 1
      ? [{ key: 'record', title: t('verify.record'), dataIndex: 'record', width: 140 }]
      : []),
    {
      key: 'field',
      title: t('verify.field'),
      width: 250,
      render: (_, row) => (
        <Typography.Text code data-testid="verify-difference-field" style={{ whiteSpace: 'nowrap' }}>
          {row.field}
        </Typography.Text>
      ),
    },
    { key: 'expected', title: t('verify.expected'), width: 220, render: (_, row) => valueText(row.expected) },
    { key: 'actual', title: t('verify.actual'), width: 220, render: (_, row) => valueText(row.actual) },
    { key: 'message', title: t('verify.message'), dataIndex: 'message' },
  ];
  return (
    <Alert
      data-testid={testId}
      data-consistent="false"
      type="error"
      showIcon
      icon={<CloseCircleFilled />}
      title={
        <Typography.Text strong style={{ fontSize: 18, color: '#cf1322' }} data-testid={`${testId}-verdict`}>
          {t('verify.inconsistent', { count: rows.length })}
        </Typography.Text>
      }
      description={
        <Table<Row>
          data-testid="verify-differences"
          size="small"
          rowKey="key"
          columns={columns}
          dataSource={rows}
          pagination={rows.length > 20 ? { pageSize: 20, size: 'small' } : false}
          onRow={(row) =>
            ({ 'data-testid': 'verify-difference', 'data-field': row.field }) as HTMLAttributes<HTMLElement>
          }
          scroll={{ x: 800 }}
          style={{ marginTop: 8 }}
        />
      }
    />
  );
};
