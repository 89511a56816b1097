import type { HTMLAttributes } from 'react';
import { Alert, Card, Descriptions, Empty, Grid, Table, Tag, Typography, type TableColumnsType } from 'antd';
import type { DrawDetail } from '../../api/types';
import { formatDate, formatDateTime } from '../../app/format';
import { useT } from '../../app/i18n/i18n-context';
import { CancellationTag, DrawStatusTag, HashText } from './draw-tags';

type Stratum = DrawDetail['strata'][number];
type AtCap = DrawDetail['atCap'][number];

// What was published, in the order it was published: the frozen pools' hashes (before any randomness), then
// the session's public entropy, witnesses and seed (measure 5, items 1–4).
export const DrawOverviewCard = ({ draw }: { draw: DrawDetail }) => {
  const t = useT();
  // on a phone the label goes above its value, which then has the screen's width
  const narrow = !Grid.useBreakpoint().sm;
  const dash = '—';
  return (
    <Card title={t('draw.overviewTitle')} data-testid="draw-overview" style={{ marginBottom: 16 }}>
      <Descriptions
        column={{ xs: 1, md: 2 }}
        size="small"
        bordered
        layout={narrow ? 'vertical' : 'horizontal'}
        styles={{ label: narrow ? {} : { width: 160 } }}
      >
        <Descriptions.Item label={t('draw.field.organisation')}>{draw.organisationName}</Descriptions.Item>
        <Descriptions.Item label={t('field.status')}>
          <DrawStatusTag status={draw.status} /> <CancellationTag cancellation={draw.cancellation} />
        </Descriptions.Item>
        <Descriptions.Item label={t('draw.field.inspectionDate')}>
          {formatDate(draw.inspectionDate)}
        </Descriptions.Item>
        <Descriptions.Item label={t('draw.field.matters')}>
          {draw.matters.map((matter) => (
            <Tag key={matter.code}>{matter.name}</Tag>
          ))}
        </Descriptions.Item>
        <Descriptions.Item label={t('draw.field.pools')}>
          <span data-testid="draw-pool-counts">
            {t('draw.poolCounts', {
              enterprises: draw.enterpriseCount,
              sample: draw.sampleSize,
              inspectors: draw.inspectorCount,
            })}
          </span>
        </Descriptions.Item>
        <Descriptions.Item label={t('draw.field.teamRule')}>
          {t('draw.teamRule', {
            team: draw.teamSize,
            max: draw.maxAssignmentsPerInspector,
            exclusions: draw.exclusions,
          })}
        </Descriptions.Item>
        <Descriptions.Item label={t('draw.field.poolHash')} span={2}>
          <HashText value={draw.poolHash} testId="draw-pool-hash" />
        </Descriptions.Item>
        <Descriptions.Item label={t('draw.field.inspectorPoolHash')} span={2}>
          <HashText value={draw.inspectorPoolHash} testId="draw-inspector-pool-hash" />
        </Descriptions.Item>
        {draw.partners.map((partner) => (
          <Descriptions.Item
            key={partner.organisationName}
            label={t('draw.field.partnerPoolHash', { name: partner.organisationName })}
            span={2}
          >
            <HashText value={partner.inspectorPoolHash} testId="draw-partner-pool-hash" />
          </Descriptions.Item>
        ))}
        <Descriptions.Item label={t('draw.field.frozenAt')} span={2}>
          {t('draw.byAt', { name: draw.frozenByName, at: formatDateTime(draw.frozenAt) })}
        </Descriptions.Item>
        <Descriptions.Item label={t('draw.field.publicEntropy')} span={2}>
          {draw.publicEntropy ? (
            <Typography.Text code data-testid="draw-entropy-value">
              {draw.publicEntropy}
            </Typography.Text>
          ) : (
            dash
          )}
        </Descriptions.Item>
        <Descriptions.Item label={t('draw.field.witnesses')} span={2}>
          <span data-testid="draw-witnesses">{draw.witnesses.length ? draw.witnesses.join('、') : dash}</span>
        </Descriptions.Item>
        <Descriptions.Item label={t('draw.field.seed')} span={2}>
          <HashText value={draw.seed} testId="draw-seed" />
        </Descriptions.Item>
        <Descriptions.Item label={t('draw.field.drawnAt')} span={2}>
          {draw.drawnAt ? formatDateTime(draw.drawnAt) : dash}
        </Descriptions.Item>
      </Descriptions>
    </Card>
  );
};

export const StrataCard = ({ draw }: { draw: DrawDetail }) => {
  const t = useT();
  const columns: TableColumnsType<Stratum> = [
    { key: 'key', title: t('draw.stratum.key'), dataIndex: 'key' },
    {
      key: 'candidates',
      title: t('draw.stratum.candidates'),
      dataIndex: 'candidates',
      align: 'right',
      width: 140,
    },
    { key: 'k', title: t('draw.stratum.drawn'), dataIndex: 'k', align: 'right', width: 120 },
  ];
  return (
    <Card
      title={t('draw.strataTitle', { count: draw.strata.length })}
      styles={{ body: { padding: 0 } }}
      style={{ height: '100%' }}
    >
      <Table<Stratum>
        data-testid="draw-strata"
        rowKey="key"
        size="small"
        columns={columns}
        dataSource={draw.strata}
        pagination={false}
        onRow={() => ({ 'data-testid': 'draw-stratum-row' }) as HTMLAttributes<HTMLElement>}
      />
    </Card>
  );
};

// measure 5: enterprises that reached their annual inspection cap left the pool before it was frozen.
export const AtCapCard = ({ draw }: { draw: DrawDetail }) => {
  const t = useT();
  const columns: TableColumnsType<AtCap> = [
    {
      key: 'code',
      title: t('field.creditCode'),
      render: (_, row) => <Typography.Text code>{row.code}</Typography.Text>,
    },
    { key: 'count', title: t('draw.atCap.count'), dataIndex: 'count', align: 'right', width: 120 },
    { key: 'cap', title: t('draw.atCap.cap'), dataIndex: 'cap', align: 'right', width: 120 },
  ];
  return (
    <Card
      title={t('draw.atCap.title', { count: draw.atCap.length })}
      styles={{ body: { padding: 0 } }}
      style={{ height: '100%' }}
      data-testid="draw-at-cap"
    >
      <Table<AtCap>
        rowKey="code"
        size="small"
        columns={columns}
        dataSource={draw.atCap}
        pagination={draw.atCap.length > 10 ? { pageSize: 10, size: 'small' } : false}
        locale={{
          emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('draw.atCap.none')} />,
        }}
      />
    </Card>
  );
};

// A cancellation stays on public record beside the draw (item 9): red once the bureau head approved it.
export const CancellationAlert = ({ draw }: { draw: DrawDetail }) => {
  const t = useT();
  const { cancellation } = draw;
  if (!cancellation) return null;
  const type =
    cancellation.status === 'approved' ? 'error' : cancellation.status === 'requested' ? 'warning' : 'info';
  return (
    <Alert
      data-testid="draw-cancellation"
      data-status={cancellation.status}
      type={type}
      showIcon
      style={{ marginBottom: 16 }}
      title={t(`draw.cancellation.title.${cancellation.status}`)}
      description={
        <>
          <div>{t('draw.cancellation.reasonLine', { reason: cancellation.reason })}</div>
          <div>
            {t('draw.cancellation.requestedLine', {
              name: cancellation.requestedByName,
              at: formatDateTime(cancellation.requestedAt),
            })}
          </div>
          {cancellation.decidedAt && (
            <div>
              {t('draw.cancellation.decidedLine', {
                name: cancellation.decidedByName ?? '—',
                at: formatDateTime(cancellation.decidedAt),
              })}
              {cancellation.comment
                ? t('draw.cancellation.commentSuffix', { comment: cancellation.comment })
                : ''}
            </div>
          )}
        </>
      }
    />
  );
};
